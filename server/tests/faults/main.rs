//! Fault tests (issue 18 point 7), one test binary run by `cargo test --workspace`: the
//! built `lanyard` binary on 127.0.0.1 over a temporary data dir, killed with SIGKILL
//! in the middle of work or fed hostile uploads, then checked through its database,
//! its files and `lanyard admin verify-audit`. Each test is bounded (a minute or so on
//! two cores).

#[path = "../support/binary.rs"]
mod binary;
#[path = "../api/common.rs"]
mod common;

mod hostile;
mod photos;
mod registrations;

use binary::{lanyard_ok, p};
use common::{Client, PW};
use std::path::Path;
use std::time::Duration;

/// An organiser account (org@example.lv, password [`PW`]) made with the CLI.
pub fn organiser(data: &Path) {
    lanyard_ok(
        &[
            "admin",
            "create-user",
            "--email",
            "org@example.lv",
            "--role",
            "organiser",
            "--data-dir",
            p(data),
        ],
        &format!("{PW}\n"),
    );
}

/// A client of the server at `base` with no session; requests give up after a minute.
pub fn client(base: &str) -> Client {
    Client {
        base: base.to_string(),
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap(),
        cookie: None,
    }
}

/// The organiser signed in at `base`.
pub async fn signed_in(base: &str) -> Client {
    let mut org = client(base);
    let r = org.login("org@example.lv", PW).await;
    assert_eq!(r.status, 200, "{}", r.body);
    org
}

/// `PRAGMA integrity_check` of the data dir's database: "ok" when sound.
pub fn integrity(data: &Path) -> String {
    let c = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// `lanyard admin verify-audit` on the data dir passes.
pub fn audit_chain_intact(data: &Path) {
    lanyard_ok(&["admin", "verify-audit", "--data-dir", p(data)], "");
}
