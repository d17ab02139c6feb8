//! `lanyard serve` as the API tests that need the real executable start it
//! (`tests/api/backup.rs`, `tests/api/tls.rs`): its address and what it printed. The
//! runner of one-shot commands is `binary.rs`'s, re-exported here as `run`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

pub use crate::binary::BIN;

/// Runs the built binary until it exits (the one runner, in `binary.rs`).
pub use crate::binary::lanyard as run;

/// A running `lanyard serve` (stopped when dropped), its address and what it printed
/// before the address.
pub struct Served {
    pub child: std::process::Child,
    /// `http://127.0.0.1:PORT` or `https://…`, from its `Kiosk:` line.
    pub base: String,
    /// The lines it printed up to and with the `Kiosk:` line.
    pub printed: Vec<String>,
}

impl Served {
    /// The value of a printed `  Label: value` line.
    pub fn printed(&self, label: &str) -> Option<&str> {
        self.printed
            .iter()
            .find_map(|l| l.trim().strip_prefix(label))
            .map(|v| v.trim_start_matches(':').trim())
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}

/// `lanyard serve --addr 127.0.0.1:0 ARGS…`, once it has printed its address.
pub fn serve(args: &[&str]) -> Served {
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "warn")
        .env_remove("LANYARD_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut printed = Vec::new();
    for _ in 0..20 {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        printed.push(line.trim_end().to_string());
        if let Some(url) = line.trim().strip_prefix("Kiosk:") {
            let base = url.trim().trim_end_matches("/kiosk").to_string();
            // Keep reading: a closed pipe would fail the server's next line of output.
            std::thread::spawn(move || {
                let mut sink = String::new();
                while out.read_line(&mut sink).unwrap_or(0) > 0 {}
            });
            return Served {
                child,
                base,
                printed,
            };
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("serve did not start: {printed:?}");
}
