//! Issue 18 point 6 (requirement 10): the service worker that reopens the scanner and
//! the kiosk offline, and the shells it keeps. The browser test
//! (`end2end/tests/offline.spec.ts`) reloads `/scan` with no network.

use crate::common::TestApp;

/// `/sw.js` is this build's script, revalidated on every visit (so a new build is
/// found), and it only ever fetches the shells without cookies.
#[tokio::test]
async fn the_service_worker_is_served_fresh_with_its_build() {
    let server = TestApp::start().await;
    let r = server.client().get("/sw.js").await;
    assert_eq!(r.status, 200);
    let header = |name: &str| {
        r.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert!(header("content-type").starts_with("text/javascript"));
    assert_eq!(header("cache-control"), "no-cache");
    assert!(r.body.contains("const BUILD = '"), "{}", r.body);
    assert!(!r.body.contains("__BUILD__"));
    assert!(r.body.contains("credentials: 'omit'"));
    assert!(r.body.contains("'/scan?offline-shell'"));
}

/// The scanner's shell is the one page of the scanner a browser without a session gets:
/// no data in it, no session made for it; `/scan` itself still sends it to sign in.
#[tokio::test]
async fn the_scanner_shell_needs_no_session_and_makes_none() {
    let server = TestApp::start().await;
    let mut anon = server.client();
    let page = anon.get("/scan").await;
    assert_eq!(page.status, 303, "the scanner itself needs a session");
    assert_eq!(page.location.as_deref(), Some("/login"));
    let shell = anon.get("/scan?offline-shell").await;
    assert_eq!(shell.status, 200, "{}", shell.body);
    assert!(shell.body.contains("/pkg/"), "it names the app's files");
    assert!(
        shell.set_cookies.is_empty(),
        "no cookie: {:?}",
        shell.set_cookies
    );
    assert!(shell
        .headers
        .get("content-security-policy")
        .is_some_and(|v| v.to_str().unwrap_or_default().contains("'nonce-")));
    // Another query is no shell.
    assert_eq!(anon.get("/scan?offline-shell=1").await.status, 303);
    let kiosk = anon.get("/kiosk?offline-shell").await;
    assert_eq!(kiosk.status, 200);
    assert!(kiosk.set_cookies.is_empty());
}
