//! Issue 18 points 2-5 (requirements 22, 23): the client address behind a proxy, sign-in
//! cannot exhaust the server, every
//! page carries its security headers and cross-site state changes are refused, and
//! sessions are stored as hashes, start clean and live for 12 idle hours.

use crate::common::{TestApp, PW};
use app::domain::auth::{token_hash, Argon2Gate, RateLimiter};
use app::domain::client_addr::TrustedProxies;
use app::types::Role;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn failed_sign_ins(server: &TestApp) -> i64 {
    server
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// A server whose password checks have `permits` cores and wait at most `wait`.
async fn with_gate(permits: usize, wait: Duration) -> TestApp {
    TestApp::start_configured(false, move |mut s| {
        s.argon2 = Arc::new(Argon2Gate::new(permits, wait));
        s
    })
    .await
}

// ---- Point 2: behind a proxy ----

/// A server whose sign-ins by address are limited to 3 failures, trusting `proxies`.
async fn with_proxies(proxies: &[&str]) -> TestApp {
    let proxies = TrustedProxies::new(proxies.iter().map(|c| c.parse().unwrap()).collect());
    TestApp::start_configured(false, move |s| {
        let mut s = s.with_trusted_proxies(proxies);
        s.login_by_ip = Arc::new(RateLimiter::new(3, Duration::from_secs(900)));
        s
    })
    .await
}

/// A wrong sign-in (a new account each time, so only the address limit counts) sent with
/// `X-Forwarded-For: forwarded`; its status.
async fn wrong_sign_in(server: &TestApp, i: usize, forwarded: &str) -> u16 {
    let email = format!("nobody{i}@example.lv");
    let form = [("email", email.as_str()), ("password", "wrong password")];
    let r = server
        .client()
        .post_with("/api/auth/login", &form, &[("x-forwarded-for", forwarded)])
        .await;
    r.status
}

/// Without --trusted-proxy the connecting address is the client: a new spoofed
/// X-Forwarded-For on every attempt does not escape the sign-in limit.
#[tokio::test]
async fn a_spoofed_forwarded_for_does_not_escape_the_sign_in_limit() {
    let server = with_proxies(&[]).await;
    let mut statuses = Vec::new();
    for i in 0..5 {
        statuses.push(wrong_sign_in(&server, i, &format!("203.0.113.{i}")).await);
    }
    assert_eq!(statuses, [401, 401, 401, 429, 429]);
    // Trusting some other proxy changes nothing for a peer outside it.
    let server = with_proxies(&["10.0.0.0/8"]).await;
    let mut statuses = Vec::new();
    for i in 0..4 {
        statuses.push(wrong_sign_in(&server, i, &format!("203.0.113.{i}")).await);
    }
    assert_eq!(statuses, [401, 401, 401, 429]);
}

/// With --trusted-proxy 127.0.0.1/32 two forwarded clients are limited separately; a
/// client cannot escape by prepending an address of its own (the proxy's entry, on the
/// right, is the one believed); IPv6 clients are limited by their /64.
#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let server = with_proxies(&["127.0.0.1/32"]).await;
    let a = "198.51.100.7";
    let b = "198.51.100.8";
    for i in 0..3 {
        assert_eq!(wrong_sign_in(&server, i, a).await, 401);
    }
    assert_eq!(wrong_sign_in(&server, 3, a).await, 429, "a is blocked");
    let spoof = format!("{b}, {a}");
    assert_eq!(wrong_sign_in(&server, 4, &spoof).await, 429, "still a");
    assert_eq!(
        wrong_sign_in(&server, 5, b).await,
        401,
        "b has its own count"
    );
    assert_eq!(
        wrong_sign_in(&server, 6, "not an address").await,
        401,
        "a malformed header counts against the proxy itself"
    );
    for i in 0..3 {
        let ip = format!("2001:db8:5:6::{i}");
        assert_eq!(wrong_sign_in(&server, 10 + i, &ip).await, 401);
    }
    assert_eq!(
        wrong_sign_in(&server, 20, "2001:db8:5:6:ffff::9").await,
        429,
        "the same /64"
    );
    assert_eq!(wrong_sign_in(&server, 21, "2001:db8:5:7::1").await, 401);
}

// ---- Point 3: sign-in cannot exhaust the server ----

/// An email over 254 characters is refused with its own sentence before any work: with
/// every core taken, it is answered at once (a normal attempt would wait for a core),
/// it is not audited and it does not count against the address.
#[tokio::test]
async fn emails_over_254_characters_are_refused_before_any_work() {
    let server = with_gate(1, Duration::from_secs(30)).await;
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    let held = server.state.argon2.permits().acquire_owned().await.unwrap();
    let long = format!("{}@example.lv", "a".repeat(255 - "@example.lv".len()));
    assert_eq!(long.chars().count(), 255);
    let started = Instant::now();
    for _ in 0..40 {
        let r = server.client().login(&long, "wrong password").await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert_eq!(r.body, r#"{"BadInput":"email_too_long"}"#);
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no attempt waited for a core: {:?}",
        started.elapsed()
    );
    drop(held);
    assert_eq!(failed_sign_ins(&server), 0, "nothing audited");
    // 254 characters is an address like any other: checked, wrong, counted.
    let fits = format!("{}@example.lv", "a".repeat(254 - "@example.lv".len()));
    assert_eq!(server.client().login(&fits, "wrong").await.status, 401);
    assert_eq!(failed_sign_ins(&server), 1);
    // Forty refusals did not use up the address's 30 failures.
    assert_eq!(
        server.client().login("org@example.lv", PW).await.status,
        200
    );
}

/// A burst of concurrent wrong sign-ins from one address gets exactly the 30 password
/// checks the limit allows: each attempt is counted before its password is checked, so
/// the rest are 429 without a check, and then the right password from that address is
/// refused too until the window passes.
#[tokio::test]
async fn a_burst_of_wrong_sign_ins_gets_no_more_checks_than_the_limit() {
    // A long wait: every counted attempt is checked however slow the build is.
    let server = with_gate(2, Duration::from_secs(120)).await;
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    let attempts: Vec<_> = (0..45)
        .map(|i| {
            let mut c = server.client();
            tokio::spawn(async move {
                c.login(&format!("nobody{i}@example.lv"), "wrong password")
                    .await
                    .status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for a in attempts {
        statuses.push(a.await.unwrap());
    }
    let count = |s: u16| statuses.iter().filter(|&&x| x == s).count();
    assert_eq!((count(401), count(429)), (30, 15), "{statuses:?}");
    assert_eq!(failed_sign_ins(&server), 30, "one audit row per check");
    assert_eq!(
        server.client().login("org@example.lv", PW).await.status,
        429,
        "the address is blocked"
    );
    assert_eq!(server.state.argon2.available(), 2, "every core free again");
}

/// A password check waits for a free core at most the gate's wait, then is 429 without
/// being checked, audited or counted; once a core is free the same sign-in works.
#[tokio::test]
async fn a_sign_in_waits_for_a_free_core_then_gets_429() {
    let server = with_gate(1, Duration::from_millis(300)).await;
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    let held = server.state.argon2.permits().acquire_owned().await.unwrap();
    for _ in 0..12 {
        let started = Instant::now();
        let r = server
            .client()
            .login("org@example.lv", "wrong password")
            .await;
        assert_eq!(r.status, 429, "{}", r.body);
        assert!(started.elapsed() >= Duration::from_millis(300));
    }
    assert_eq!(failed_sign_ins(&server), 0, "nothing was checked");
    drop(held);
    // Twelve refusals did not count against the account's 10 failures.
    let mut c = server.client();
    assert_eq!(c.login("org@example.lv", PW).await.status, 200);
}

// ---- Point 4: headers and origins ----

/// The `nonce` attribute of each `<script …>` opening tag in `html` (None for a script
/// without one), with whether the script has content.
fn scripts(html: &str) -> Vec<(Option<String>, bool)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        rest = &rest[at..];
        let end = rest.find('>').expect("tag ends");
        let tag = &rest[..end];
        let nonce = tag.find("nonce=\"").map(|i| {
            let v = &tag[i + 7..];
            v[..v.find('"').unwrap()].to_string()
        });
        let body_end = rest.find("</script>").unwrap_or(end + 1);
        let has_content = !rest[end + 1..body_end].trim().is_empty() || tag.contains(" src=");
        out.push((nonce, has_content));
        rest = &rest[end..];
    }
    out
}

fn policy_nonce(policy: &str) -> String {
    let i = policy.find("'nonce-").expect("a nonce in the policy") + 7;
    policy[i..i + policy[i..].find('\'').unwrap()].to_string()
}

/// Every HTML page (a public one, the kiosk, the verdict page, a signed-in dashboard
/// page, the 404 page) carries the policy, with a fresh nonce that is the nonce of every
/// script on the page; every answer carries the three other headers.
#[tokio::test]
async fn every_page_carries_the_policy_with_the_nonce_of_its_scripts() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let event = org.create_event("Summit", "lv").await;
    let mut kiosk = server.pair_kiosk(&mut org, event.id.as_str()).await;
    let token = server.kiosk_attendee(&mut kiosk, json!({}), "green").await;
    let mut seen = std::collections::HashSet::new();
    let pages = [
        ("/login", 200),
        ("/", 200),
        ("/me", 200),
        (&format!("/b/{token}") as &str, 200),
        ("/no/such/page", 404),
    ];
    let mut replies = Vec::new();
    for (path, status) in pages {
        replies.push((path.to_string(), status, server.client().get(path).await));
    }
    replies.push(("/kiosk".into(), 200, kiosk.get("/kiosk").await));
    replies.push(("/dashboard".into(), 200, org.get("/dashboard").await));
    for (path, status, r) in replies {
        assert_eq!(r.status, status, "{path}");
        assert!(
            r.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        let policy = r.headers["content-security-policy"].to_str().unwrap();
        for part in [
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(policy.contains(part), "{path}: {part} in {policy}");
        }
        let nonce = policy_nonce(policy);
        assert!(nonce.len() >= 22, "{path}: 128 bits at least");
        assert!(
            seen.insert(nonce.clone()),
            "{path}: a fresh nonce per answer"
        );
        let found = scripts(&r.body);
        assert!(
            found
                .iter()
                .any(|(n, _)| n.as_deref() == Some(nonce.as_str())),
            "{path}: the hydration script carries the nonce {nonce}; scripts (nonce, runs): \
             {found:?}; page: {}",
            r.body.chars().take(3000).collect::<String>()
        );
        for (n, has_content) in found {
            // leptos_i18n writes an empty `<script></script>`: it runs nothing, so no
            // policy check applies to it. Every script that runs carries the nonce.
            if has_content {
                assert_eq!(n.as_deref(), Some(nonce.as_str()), "{path}");
            }
        }
        assert_eq!(r.headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(r.headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(r.headers["permissions-policy"], "camera=(self)", "{path}");
    }
    let health = server.client().get("/healthz").await;
    assert_eq!(health.status, 200);
    assert!(health.headers.get("content-security-policy").is_none());
    assert_eq!(health.headers["referrer-policy"], "no-referrer");
    assert_eq!(health.headers["x-content-type-options"], "nosniff");
    assert_eq!(health.headers["permissions-policy"], "camera=(self)");
    let verdict = server
        .client()
        .get(&format!("/api/v1/badges/{token}"))
        .await;
    assert_eq!(verdict.status, 200);
    assert_eq!(verdict.headers["referrer-policy"], "no-referrer");
}

const EVIL: &str = "https://evil.example";

/// State-changing requests from another site are 403 before anything happens: a
/// sign-in (no session), a pairing (the code stays unused), an upload (no photo) and a
/// JSON API scan; by `Origin` or by `Sec-Fetch-Site: cross-site`. The same requests from
/// the server's own origin or its public URL, or without either header, work.
#[tokio::test]
async fn cross_site_state_changes_are_refused() {
    let server =
        TestApp::start_configured(false, |s| s.with_public_url("https://lanyard.example.lv")).await;
    let own = server.base.clone();
    let cross = [
        vec![("origin", EVIL)],
        vec![("sec-fetch-site", "cross-site")],
        vec![("origin", own.as_str()), ("sec-fetch-site", "cross-site")],
        vec![("origin", "null")],
    ];
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    let login = [("email", "org@example.lv"), ("password", PW)];
    for headers in &cross {
        let mut c = server.client();
        let r = c.post_with("/api/auth/login", &login, headers).await;
        assert_eq!(r.status, 403, "{headers:?}: {}", r.body);
        assert!(c.cookie.is_none(), "{headers:?}: no session");
    }
    for headers in [
        vec![("origin", own.as_str()), ("sec-fetch-site", "same-origin")],
        vec![("origin", "https://lanyard.example.lv")],
        vec![],
    ] {
        let mut c = server.client();
        let r = c.post_with("/api/auth/login", &login, &headers).await;
        assert_eq!(r.status, 200, "{headers:?}: {}", r.body);
    }

    let mut org = server.client();
    assert_eq!(org.login("org@example.lv", PW).await.status, 200);
    let event = org.create_event("Summit", "lv").await;
    let code = org.pairing_code(event.id.as_str()).await.code;
    for headers in &cross {
        let mut tablet = server.client();
        let r = tablet
            .post_with("/api/kiosk/pair", &[("code", &code)], headers)
            .await;
        assert_eq!(r.status, 403, "{headers:?}: {}", r.body);
        assert!(tablet.cookie.is_none());
    }
    let mut tablet = server.client();
    let r = tablet
        .post_with("/api/kiosk/pair", &[("code", &code)], &[("origin", &own)])
        .await;
    assert_eq!(r.status, 200, "the code was not used up: {}", r.body);

    let jpeg = |seed| {
        use app::domain::imaging::fixtures::{self, FixtureMeta};
        let meta = FixtureMeta {
            orientation: Some(1),
            taken: None,
            offset: None,
            serial: None,
            with_all_metadata: false,
        };
        fixtures::jpeg(320, 240, seed, &meta)
    };
    for headers in &cross {
        let r = org
            .upload_photo_with(event.id.as_str(), "a.jpg", jpeg(1), headers)
            .await;
        assert_eq!(r.status, 403, "{headers:?}: {}", r.body);
    }
    let photos: i64 = server
        .db()
        .query_row("SELECT count(*) FROM photos", [], |r| r.get(0))
        .unwrap();
    assert_eq!(photos, 0, "nothing kept from a refused upload");
    let r = org
        .upload_photo_with(event.id.as_str(), "a.jpg", jpeg(1), &[("origin", &own)])
        .await;
    assert_eq!(r.status, 201, "{}", r.body);

    let token = server.kiosk_attendee(&mut tablet, json!({}), "green").await;
    let scans =
        json!({ "scans": [{ "client_scan_id": "scan-0001", "token": token, "shown": "green" }] });
    let send = |headers: Vec<(&'static str, String)>| {
        let mut req = reqwest::Client::new()
            .post(format!("{own}/api/v1/scans"))
            .header("cookie", org.cookie.clone().unwrap())
            .json(&scans);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.send()
    };
    let r = send(vec![("origin", EVIL.to_string())]).await.unwrap();
    assert_eq!(r.status(), 403);
    let r = send(vec![("origin", own.clone())]).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap()["scans"][0]["consent"],
        "green"
    );
    // Reading is never refused: a link from another site opens the page.
    let r = reqwest::Client::new()
        .get(format!("{own}/login"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

// ---- Point 5: sessions ----

/// The session cookie's value.
fn session_id(cookie: &Option<String>) -> String {
    cookie
        .as_deref()
        .and_then(|c| c.split_once('='))
        .map(|(_, v)| v.to_string())
        .expect("a session cookie")
}

/// `(key, data, expiry_date)` of every stored session.
fn stored_sessions(server: &TestApp) -> Vec<(String, Value, i64)> {
    server
        .db()
        .prepare("SELECT id, CAST(data AS TEXT), expiry_date FROM sessions ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            let data: String = r.get(1)?;
            Ok((r.get(0)?, serde_json::from_str(&data).unwrap(), r.get(2)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn stored(server: &TestApp, id: &str) -> Option<(Value, i64)> {
    let key = token_hash(id);
    stored_sessions(server)
        .into_iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, d, e)| (d, e))
}

fn files_contain(dir: &std::path::Path, needle: &[u8]) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        let p = e.path();
        p.is_file()
            && std::fs::read(&p)
                .map(|b| b.windows(needle.len()).any(|w| w == needle))
                .unwrap_or(false)
    })
}

/// Session ids are stored only as their SHA-256: the table's keys are the hashes of
/// the cookies, and no file of the data dir (database, WAL) holds a cookie's value.
#[tokio::test]
async fn session_ids_are_stored_only_as_their_hash() {
    let server = TestApp::start().await;
    let (org, kiosk, _) = server.organiser_and_kiosk().await;
    let ids = [session_id(&org.cookie), session_id(&kiosk.cookie)];
    let mut want: Vec<String> = ids.iter().map(|i| token_hash(i)).collect();
    want.sort();
    let keys: Vec<String> = stored_sessions(&server)
        .into_iter()
        .map(|(k, _, _)| k)
        .collect();
    assert_eq!(keys, want);
    for id in &ids {
        assert!(!files_contain(server.dir(), id.as_bytes()), "{id} on disk");
    }
    // And the cookies work.
    let mut org = org;
    let who: Value = org.call("/api/auth/whoami", json!({})).await;
    assert_eq!(who["role"], "organiser", "{who}");
}

/// Signing in starts from an empty session: on a tablet's session with a value of its
/// own, a sign-in gives a new id, deletes the old row, and keeps only the new principal,
/// with a user's 12 hours instead of the tablet's year.
#[tokio::test]
async fn signing_in_clears_the_old_session() {
    let server = TestApp::start().await;
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    let mut org = server.client();
    assert_eq!(org.login("org@example.lv", PW).await.status, 200);
    let event = org.create_event("Summit", "lv").await;
    let mut tablet = server.pair_kiosk(&mut org, event.id.as_str()).await;
    let old = session_id(&tablet.cookie);
    server
        .db()
        .execute(
            "UPDATE sessions SET data = CAST(json_set(CAST(data AS TEXT), '$.left_over', 'x') AS BLOB)
             WHERE id = ?1",
            [token_hash(&old)],
        )
        .unwrap();
    let (data, expiry) = stored(&server, &old).unwrap();
    assert_eq!(data["left_over"], "x");
    assert!(
        expiry > server.state.now.unix() + 300 * 86_400,
        "a tablet's year"
    );

    let r = tablet.login("org@example.lv", PW).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let new = session_id(&tablet.cookie);
    assert_ne!(new, old, "a new session id");
    assert!(stored(&server, &old).is_none(), "the old row is gone");
    let (data, expiry) = stored(&server, &new).unwrap();
    let mut keys: Vec<&String> = data.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["principal", "renewed"], "{data}");
    assert_eq!(data["principal"]["kind"], "user");
    let left = expiry - server.state.now.unix();
    assert!(
        (12 * 3600 - 60..=12 * 3600).contains(&left),
        "12 hours, not a year: {left}"
    );
    let max_age = r
        .set_cookies
        .iter()
        .find(|c| c.starts_with(lanyard_server::SESSION_COOKIE))
        .and_then(|c| c.split("Max-Age=").nth(1))
        .and_then(|v| v.split(';').next())
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap();
    assert!((12 * 3600 - 60..=12 * 3600).contains(&max_age), "{max_age}");
    let who: Value = tablet.call("/api/auth/whoami", json!({})).await;
    assert_eq!(who["role"], "organiser", "{who}");
}

/// Activity renews a session: a user active every 11 hours stays signed in for days,
/// each renewal moving the stored expiry and sending the cookie again (not on every
/// request: at most every five minutes); 12 idle hours end it. A tablet used after 300
/// days stays paired for another year.
#[tokio::test]
async fn activity_renews_sessions_and_twelve_idle_hours_end_them() {
    let server = TestApp::start().await;
    let clock = server.state.now.clone();
    let mut org = server.organiser("org@example.lv").await;
    let id = session_id(&org.cookie);
    let expires = |server: &TestApp| stored(server, &id).unwrap().1 - server.state.now.unix();
    assert!((12 * 3600 - 60..=12 * 3600).contains(&expires(&server)));

    for _ in 0..4 {
        clock.advance(time::Duration::hours(11));
        let r = org.post("/api/auth/whoami", &[]).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("organiser"), "still signed in: {}", r.body);
        assert!(
            r.set_cookies
                .iter()
                .any(|c| c.starts_with(lanyard_server::SESSION_COOKIE)),
            "the cookie is sent again"
        );
        let left = expires(&server);
        assert!(
            (12 * 3600 - 60..=12 * 3600).contains(&left),
            "renewed: {left}"
        );
        let again = org.post("/api/auth/whoami", &[]).await;
        assert!(again.set_cookies.is_empty(), "not renewed on every request");
    }
    assert_eq!(session_id(&org.cookie), id, "the same session all along");

    clock.advance(time::Duration::hours(12) + time::Duration::seconds(1));
    let r = org.post("/api/auth/whoami", &[]).await;
    assert_eq!(r.body, "null", "12 idle hours end the session");
    assert_eq!(org.get("/dashboard").await.status, 303);

    let mut org = server.client();
    assert_eq!(org.login("org@example.lv", PW).await.status, 200);
    let event = org.create_event("Summit", "lv").await;
    let mut tablet = server.pair_kiosk(&mut org, event.id.as_str()).await;
    let tablet_id = session_id(&tablet.cookie);
    clock.advance(time::Duration::days(300));
    let r = tablet.post("/api/auth/whoami", &[]).await;
    assert!(
        r.body.contains(r#""kind":"kiosk""#),
        "still paired: {}",
        r.body
    );
    let left = stored(&server, &tablet_id).unwrap().1 - server.state.now.unix();
    assert!(left > 364 * 86_400, "another year: {left}");
}
