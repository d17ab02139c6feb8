//! The scanner and the kiosk reopen without a network (issue 18 point 6; requirement 10:
//! the photographer sees the verdict even offline).
//!
//! - `/sw.js`, the service worker (`sw.js` beside this file), with this build's id in
//!   it: the browser compares the script on each visit, so a new build is a new worker,
//!   which replaces the old build's cached files. Sent with `no-cache`.
//! - The shells it keeps are `/scan?offline-shell` and `/kiosk?offline-shell`, fetched
//!   without cookies: the page guard lets that one address of the scanner through
//!   without a session ([`is_shell_request`]), so the worker can keep a page with
//!   nobody's data in it.
//! - `/manifest.webmanifest` (in `public/`) lets a phone add the scanner to its home
//!   screen.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The query that asks for a page's offline shell.
pub const SHELL_QUERY: &str = "offline-shell";

const TEMPLATE: &str = include_str!("sw.js");

/// The service worker's script for this build.
#[derive(Clone, Debug)]
pub struct ServiceWorker(Arc<str>);

impl ServiceWorker {
    /// The script for the build called `build` (letters, digits, `-` and `_` kept).
    pub fn new(build: &str) -> Self {
        let build: String = build
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(64)
            .collect();
        Self(TEMPLATE.replace("__BUILD__", &build).into())
    }

    /// The build's id: a digest of `hash.txt` (the hashed files' names) for a release
    /// build, so that the same build always gives the same script; without hashed files
    /// (a development build) the time the server started, so each start is a new build.
    pub fn for_build(hash_txt: Option<&str>, started_unix: u64) -> Self {
        match hash_txt {
            Some(text) => Self::new(&hex::encode(&Sha256::digest(text.as_bytes())[..8])),
            None => Self::new(&format!("dev-{started_unix}")),
        }
    }

    pub fn script(&self) -> &str {
        &self.0
    }
}

/// `GET /sw.js`.
pub fn answer(sw: &ServiceWorker) -> Response {
    let mut res = sw.script().to_owned().into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// Whether a request asks for an offline shell (`/scan?offline-shell`, the only page
/// of the scanner a browser without a session may load; it shows no data).
pub fn is_shell_request(path: &str, query: Option<&str>) -> bool {
    path == "/scan" && query == Some(SHELL_QUERY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_build_is_a_new_script_and_the_same_build_the_same() {
        let a = ServiceWorker::for_build(Some("js: A\nwasm: B\ncss: C\n"), 1);
        let a2 = ServiceWorker::for_build(Some("js: A\nwasm: B\ncss: C\n"), 2);
        let b = ServiceWorker::for_build(Some("js: A2\nwasm: B2\ncss: C\n"), 1);
        assert_eq!(a.script(), a2.script(), "a restart of the same build");
        assert_ne!(a.script(), b.script(), "a new build");
        assert!(!a.script().contains("__BUILD__"));
        let dev = ServiceWorker::for_build(None, 1_700_000_000);
        assert!(dev.script().contains("'dev-1700000000'"));
    }

    #[test]
    fn a_build_id_cannot_break_out_of_its_string() {
        let sw = ServiceWorker::new("x'; fetch('//evil') //");
        assert!(sw.script().contains("const BUILD = 'xfetchevil';"));
    }

    #[test]
    fn only_the_scanner_shell_passes_without_a_session() {
        assert!(is_shell_request("/scan", Some("offline-shell")));
        assert!(!is_shell_request("/scan", None));
        assert!(!is_shell_request("/scan", Some("offline-shell&x=1")));
        assert!(!is_shell_request("/dashboard", Some("offline-shell")));
    }
}
