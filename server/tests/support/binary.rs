//! The built `lanyard` executable as a subprocess: admin commands with a password on
//! standard input, and `serve` on 127.0.0.1:0 over a data dir, stopped gracefully or
//! killed with SIGKILL, its log kept and its peak memory read.

#![allow(dead_code)] // each test binary uses a part

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};

pub const BIN: &str = env!("CARGO_BIN_EXE_lanyard");

/// `lanyard args…` with `stdin` written to it, until it exits; its output. Blocking.
pub fn lanyard<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("RUST_LOG", "info")
        .env_remove("LANYARD_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// [`lanyard`], which must succeed.
pub fn lanyard_ok(args: &[&str], stdin: &str) -> Output {
    let out = lanyard(args, stdin);
    assert!(
        out.status.success(),
        "lanyard {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A running `lanyard serve`; SIGKILLed when dropped if still running.
pub struct Served {
    child: Child,
    pub base: String,
    log: Arc<Mutex<String>>,
}

impl Served {
    /// `lanyard serve --addr 127.0.0.1:0 --data-dir data args…` until it prints its
    /// address (`RUST_LOG=info`, so the log can be read).
    pub fn start(data: &Path, args: &[&str]) -> Served {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir", p(data)])
            .args(args)
            .env("RUST_LOG", "info")
            // Plain text, so the tests can read the log's fields.
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stderr);
            let mut line = String::new();
            while r.read_line(&mut line).unwrap_or(0) > 0 {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        let mut out = BufReader::new(child.stdout.take().unwrap());
        for _ in 0..20 {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            if let Some(url) = line.trim().strip_prefix("Kiosk:") {
                let base = url.trim().trim_end_matches("/kiosk").to_string();
                // Keep reading: a closed pipe would fail the server's next line of output.
                std::thread::spawn(move || {
                    let mut sink = String::new();
                    while out.read_line(&mut sink).unwrap_or(0) > 0 {}
                });
                return Served { child, base, log };
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        std::thread::sleep(std::time::Duration::from_millis(200));
        panic!("serve did not start: {}", log.lock().unwrap());
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the server has logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// A field of `/proc/<pid>/status` in kB (`VmHWM`: peak resident memory).
    pub fn status_kb(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("{field} in {status}"))
    }

    /// SIGKILL, as a power cut would: no shutdown code runs. Returns the log.
    pub fn kill9(mut self) -> String {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        self.log()
    }

    /// SIGTERM and wait for the graceful stop. Returns the log.
    pub fn stop(mut self) -> String {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        self.child.wait().unwrap();
        // The log thread reads to the end of the pipe.
        std::thread::sleep(std::time::Duration::from_millis(100));
        self.log()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
