//! HTTPS in the binary (issue 18 point 1; requirement 22, security of processing): the
//! built `lanyard serve` with a certificate made here by `rcgen`, reached over HTTPS by a
//! client that trusts only that certificate.

use crate::bin::{run, serve};
use std::path::{Path, PathBuf};

const PW: &str = "quiet orchard lantern 123";

/// A self-signed certificate for 127.0.0.1 and localhost: (cert file, key file, PEM).
fn certificate(dir: &Path, name: &str) -> (PathBuf, PathBuf, String) {
    let made =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()]).unwrap();
    let cert = dir.join(format!("{name}.crt"));
    let key = dir.join(format!("{name}.key"));
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.key_pair.serialize_pem()).unwrap();
    (cert, key, made.cert.pem())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The page answers over HTTPS with HSTS; sign-in sets the `__Host-` cookie, Secure; a
/// state change from the server's own https origin passes and from its http origin is
/// refused; the plain-HTTP listener redirects with 308 to the same path over HTTPS.
#[tokio::test]
async fn serves_https_with_hsts_a_host_cookie_and_an_http_redirect() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cert, key, pem) = certificate(dir.path(), "server");
    let made = run(
        &[
            "admin",
            "create-user",
            "--email",
            "org@example.lv",
            "--data-dir",
            s(&data),
        ],
        &format!("{PW}\n"),
    );
    assert!(made.status.success(), "{made:?}");

    let served = serve(&[
        "--data-dir",
        s(&data),
        "--tls-cert",
        s(&cert),
        "--tls-key",
        s(&key),
        "--http-redirect",
        "127.0.0.1:0",
    ]);
    let base = served.base.clone();
    assert!(base.starts_with("https://127.0.0.1:"), "{base}");
    let https = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    let page = https.get(format!("{base}/login")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(
        page.headers()["strict-transport-security"],
        "max-age=31536000"
    );
    assert!(page.headers().contains_key("content-security-policy"));

    // Sign-in from the page itself: the browser's Origin is the https one.
    let login = https
        .post(format!("{base}/api/auth/login"))
        .header("origin", &base)
        .form(&[("email", "org@example.lv"), ("password", PW)])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    assert_eq!(
        login.headers()["strict-transport-security"],
        "max-age=31536000"
    );
    let cookie = login
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("__Host-lanyard="))
        .expect("the __Host- session cookie")
        .to_string();
    for part in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{part}: {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let who = https
        .post(format!("{base}/api/auth/whoami"))
        .header("cookie", pair)
        .header("origin", &base)
        .send()
        .await
        .unwrap();
    assert_eq!(who.status(), 200);
    assert!(who.text().await.unwrap().contains("organiser"));
    // The same host over plain http is another origin.
    let plain_origin = base.replacen("https://", "http://", 1);
    let cross = https
        .post(format!("{base}/api/auth/whoami"))
        .header("cookie", pair)
        .header("origin", &plain_origin)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);

    // The plain-HTTP listener: 308 to the same path and query over HTTPS, no HSTS.
    let redirect = served
        .printed("HTTP redirect")
        .and_then(|v| v.split_whitespace().next())
        .expect("the redirect listener's address")
        .to_string();
    assert!(redirect.starts_with("http://127.0.0.1:"), "{redirect}");
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let moved = plain
        .get(format!("{redirect}/scan?from=poster"))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 308);
    assert_eq!(
        moved.headers()["location"],
        format!("{base}/scan?from=poster")
    );
    assert!(!moved.headers().contains_key("strict-transport-security"));
    let posted = plain
        .post(format!("{redirect}/api/auth/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 308, "a POST is redirected as a POST");
    // HTTPS itself still answers after all that (and the plain port serves no page).
    assert_eq!(
        https
            .get(format!("{base}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    drop(served);
}

/// The error of a refused start: one line, non-zero exit, no panic.
fn refused_in_one_line(args: &[&str], words: &str) {
    let out = run(args, "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} must fail");
    assert_eq!(
        out.status.code().map(|c| c == 101),
        Some(false),
        "no panic: {err}"
    );
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    assert!(err.contains(words), "{words:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A missing certificate, a key file that holds no key, a key of another certificate;
/// TLS and ACME flags together; a redirect without HTTPS: each one line, before
/// anything listens.
#[test]
fn bad_certificate_files_and_flags_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cert, key, _) = certificate(dir.path(), "a");
    let (_, other_key, _) = certificate(dir.path(), "b");
    let junk = dir.path().join("junk.key");
    std::fs::write(&junk, "this is not a key\n").unwrap();
    let missing = dir.path().join("missing.crt");
    let serve_with = |cert: &Path, key: &Path| -> Vec<String> {
        [
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--data-dir",
            s(&data),
            "--tls-cert",
            s(cert),
            "--tls-key",
            s(key),
        ]
        .map(String::from)
        .to_vec()
    };
    let refused = |args: Vec<String>, words: &str| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused_in_one_line(&args, words);
    };
    refused(serve_with(&cert, &junk), "holds no usable PEM private key");
    refused(
        serve_with(&missing, &key),
        "cannot read the TLS certificate",
    );
    refused(serve_with(&key, &key), "holds no PEM certificate");
    refused(
        serve_with(&cert, &other_key),
        "does not fit the certificate",
    );
    let mut both = serve_with(&cert, &key);
    both.extend(
        [
            "--acme-domain",
            "lanyard.example.lv",
            "--acme-email",
            "ops@example.lv",
        ]
        .map(String::from),
    );
    refused(both, "cannot be used with");
    refused(
        [
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--data-dir",
            s(&data),
            "--http-redirect",
            "127.0.0.1:0",
        ]
        .map(String::from)
        .to_vec(),
        "--http-redirect",
    );
    refused(
        [
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--data-dir",
            s(&data),
            "--acme-domain",
            "192.168.1.10",
            "--acme-email",
            "ops@example.lv",
        ]
        .map(String::from)
        .to_vec(),
        "not a public DNS name",
    );
}
