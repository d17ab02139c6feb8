//! The API tests, one test binary: each module starts the real router on port 0 with a
//! temporary data dir (`common`) and talks to it over HTTP.
//!
//! `cli.rs` beside this folder stays its own binary: it runs the built `lanyard`
//! executable as a subprocess. `backup` runs it too, beside a server in this process.

mod access;
mod accounts;
mod attendees;
mod audit;
mod audit_view;
mod backup;
mod badge_png;
#[path = "../support/bin.rs"]
mod bin;
#[path = "../support/binary.rs"]
mod binary;
mod common;
mod edges;
mod events_edit;
mod gate;
mod kiosk;
mod notice;
mod offline;
mod on_request;
mod parse;
mod photos;
mod privacy;
mod record;
mod requests;
mod retention;
mod scans;
mod tls;
