//! The `lanyard` binary itself: admin commands, `verify-audit`, and what `serve` writes
//! to its log (issue 2; requirements 19 and 22: no personal data in logs).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[path = "support/binary.rs"]
mod binary;
use binary::{lanyard, BIN};

#[test]
fn create_list_and_verify_audit_then_detect_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let out = lanyard(
        &[
            "admin",
            "create-organiser",
            "--email",
            "Org@Example.lv",
            "--data-dir",
            d,
        ],
        "short\n",
    );
    assert!(!out.status.success(), "a too-short password is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 12 characters"));

    let out = lanyard(
        &[
            "admin",
            "create-organiser",
            "--email",
            "Org@Example.lv",
            "--data-dir",
            d,
        ],
        "Velvet harbour kite 47\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = lanyard(
        &[
            "admin",
            "create-organiser",
            "--email",
            "ph@example.lv",
            "--role",
            "photographer",
            "--data-dir",
            d,
        ],
        "Velvet harbour kite 47\n",
    );
    assert!(out.status.success());

    let out = lanyard(&["admin", "list-users", "--data-dir", d], "");
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("organiser\torg@example.lv"), "{listing}");
    assert!(listing.contains("photographer\tph@example.lv"), "{listing}");

    let out = lanyard(&["admin", "verify-audit", "--data-dir", d], "");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("audit chain intact: 3 rows"));

    // Someone with the database file edits row 2 (dropping the append-only triggers first).
    let db = rusqlite::Connection::open(dir.path().join("lanyard.sqlite3")).unwrap();
    db.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
         UPDATE audit_log SET subject = 'user:99' WHERE id = 2;",
    )
    .unwrap();
    let out = lanyard(&["admin", "verify-audit", "--data-dir", d], "");
    assert!(!out.status.success(), "verify-audit fails on an edited row");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("audit row 2 was edited"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Restore row 2's content, then delete row 1 instead: named as the first broken row.
    db.execute_batch(
        "UPDATE audit_log SET subject = 'user:2' WHERE id = 2; DELETE FROM audit_log WHERE id = 1;",
    )
    .unwrap();
    let out = lanyard(&["admin", "verify-audit", "--data-dir", d], "");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("audit row 2 does not follow"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `name=value` of the session cookie a response sets.
fn session_cookie(res: &reqwest::Response) -> String {
    let header = res
        .headers()
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .unwrap();
    header.split(';').next().unwrap().to_string()
}

#[test]
fn serve_logs_no_email_password_or_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let email = "private.person@example.lv";
    let password = "quiet orchard lantern 123";
    assert!(lanyard(
        &[
            "admin",
            "create-organiser",
            "--email",
            email,
            "--data-dir",
            d
        ],
        &format!("{password}\n")
    )
    .status
    .success());

    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir", d])
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut base = None;
    for _ in 0..10 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        if let Some(url) = line.trim().strip_prefix("Kiosk:") {
            base = Some(url.trim().trim_end_matches("/kiosk").to_string());
            break;
        }
    }
    let base = base.expect("serve prints the kiosk URL");
    let stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut s = String::new();
        let mut r = BufReader::new(stderr);
        while r.read_line(&mut s).unwrap_or(0) > 0 {}
        s
    });

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let code = rt.block_on(async {
        let http = reqwest::Client::new();
        let login = |pw: &'static str| {
            http.post(format!("{base}/api/auth/login"))
                .form(&[("email", email), ("password", pw)])
                .send()
        };
        assert_eq!(login("wrong password x").await.unwrap().status(), 401);
        let ok = login("quiet orchard lantern 123").await.unwrap();
        assert_eq!(ok.status(), 200);
        let cookie = session_cookie(&ok);
        let created = http
            .post(format!("{base}/api/events/create"))
            .header("cookie", &cookie)
            .form(&[
                ("name", "Log test"),
                ("starts_on", ""),
                ("ends_on", "2099-12-31"),
                ("venue", ""),
                ("default_lang", "en"),
            ])
            .send()
            .await
            .unwrap();
        let event: serde_json::Value = created.json().await.unwrap();
        let code: serde_json::Value = http
            .post(format!("{base}/api/kiosk/pairing-code"))
            .header("cookie", &cookie)
            .form(&[("event_id", event["id"].as_str().unwrap())])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let code = code["code"].as_str().unwrap().to_string();
        let paired = http
            .post(format!("{base}/api/kiosk/pair"))
            .form(&[("code", code.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(paired.status(), 200);
        let kiosk_cookie = session_cookie(&paired);

        // A registration with a name and an email (issue 3: none of it in the log).
        let rule = serde_json::json!({ "enabled": true, "required": true });
        let settings = serde_json::json!({ "event_id": event["id"], "settings": {
            "fields": { "first_name": rule, "email": rule }, "print_name": true } });
        let saved = http
            .post(format!("{base}/api/events/settings/save"))
            .header("cookie", &cookie)
            .json(&settings)
            .send()
            .await
            .unwrap();
        assert_eq!(saved.status(), 200);
        // The notice version the kiosk showed goes with the decision (issue 14 point 4).
        let kiosk_event: serde_json::Value = http
            .post(format!("{base}/api/kiosk/event"))
            .header("cookie", &kiosk_cookie)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let notice = kiosk_event["notices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["lang"] == "en")
            .unwrap()["version"]
            .clone();
        let registration = serde_json::json!({ "registration": {
            "lang": "en", "notice": notice, "is_minor": false, "choice": "green",
            "fields": { "first_name": "Zelma", "email": "zelma.private@example.lv" } } });
        let registered = http
            .post(format!("{base}/api/kiosk/register"))
            .header("cookie", &kiosk_cookie)
            .json(&registration)
            .send()
            .await
            .unwrap();
        assert_eq!(registered.status(), 200);
        let body: serde_json::Value = registered.json().await.unwrap();
        let private_code = body["private_code"].as_str().unwrap().to_string();
        (code, cookie, private_code)
    });

    // SIGTERM, so the server shuts down gracefully.
    assert!(Command::new("kill")
        .arg(child.id().to_string())
        .status()
        .unwrap()
        .success());
    child.wait().unwrap();
    let log = log.join().unwrap();
    assert!(
        log.contains("signed in"),
        "the log has request lines: {log}"
    );
    let (pairing, cookie, private_code) = code;
    assert!(
        log.contains("registered at kiosk"),
        "the registration is logged by id: {log}"
    );
    let session_id = cookie.split('=').nth(1).unwrap();
    for secret in [
        email,
        "private.person",
        password,
        "wrong password",
        pairing.as_str(),
        session_id,
        "Zelma",
        "zelma.private",
        private_code.as_str(),
        "green",
    ] {
        assert!(!log.contains(secret), "the log contains {secret:?}:\n{log}");
    }
}

/// Issue 15 point 3: `admin purge --dry-run` lists what would go and when and deletes
/// nothing; `admin purge` then purges the event whose period has passed (and not the
/// one still within it); a second dry run shows it done.
#[test]
fn admin_purge_dry_run_lists_then_purge_deletes_only_what_is_due() {
    use app::domain::store::{Actor, NewAttendee, NewConsent};
    use app::types::{Channel, Consent, EventSettings, NewEvent, PersonFields, Role};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_string();
    // Inside the temporary dir, so the purge's journal goes with it.
    let journal = dir
        .path()
        .join("erasures.jsonl")
        .to_str()
        .unwrap()
        .to_string();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = lanyard_server::DataDir(dir.path().to_path_buf())
            .open()
            .await
            .unwrap();
        let uid = store
            .create_user(
                Actor::Cli,
                "o@example.lv".into(),
                "h".into(),
                Role::Organiser,
            )
            .await
            .unwrap();
        let actor = Actor::User {
            id: uid,
            role: Role::Organiser,
        };
        for (public_id, name, ends_on, person) in [
            ("pastevent1", "Past summit", "2020-01-31", "Pastperson"),
            ("future0001", "Future summit", "2099-01-31", "Futureperson"),
        ] {
            let (ev, _) = store
                .create_event(
                    actor.clone(),
                    uid,
                    public_id.into(),
                    NewEvent {
                        name: name.into(),
                        starts_on: None,
                        ends_on: Some(ends_on.into()),
                        venue: String::new(),
                        default_lang: "lv".into(),
                    },
                )
                .await
                .unwrap();
            let s = EventSettings {
                retention_days: 30,
                photo_retention_days: 30,
                ..Default::default()
            };
            let notices = app::domain::notice::render_all(name, &s);
            store
                .save_event_settings(actor.clone(), ev, s, notices)
                .await
                .unwrap();
            let notice = store
                .current_notice(ev, "lv".into())
                .await
                .unwrap()
                .unwrap();
            store
                .register_attendee(
                    actor.clone(),
                    NewAttendee {
                        event_id: ev,
                        fields: PersonFields {
                            first_name: Some(person.into()),
                            ..Default::default()
                        },
                        is_minor: false,
                        source: "kiosk",
                        badge_token: format!("token-{public_id}"),
                        private_code_hash: None,
                        checkin_code_hash: None,
                    },
                    NewConsent {
                        choice: Consent::Green,
                        notice: notice.reference(),
                        channel: Channel::Kiosk,
                        channel_ref: "kiosk:1".into(),
                        guardian_name: None,
                        guardian_confirmed: false,
                        signature_png: None,
                    },
                )
                .await
                .unwrap();
        }
    });
    let names = || -> Vec<String> {
        let c = rusqlite::Connection::open(dir.path().join("lanyard.sqlite3")).unwrap();
        let mut st = c
            .prepare("SELECT first_name FROM attendees WHERE first_name IS NOT NULL ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let out = lanyard(
        &[
            "admin",
            "purge",
            "--dry-run",
            "--data-dir",
            &d,
            "--erasure-journal",
            &journal,
        ],
        "",
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("nothing was deleted"), "{text}");
    let past = text
        .split("event ")
        .find(|b| b.starts_with("pastevent1"))
        .expect(&text);
    assert!(past.contains("wiped on 2020-03-02 [DUE NOW"), "{past}");
    assert!(past.contains("1 attendees"), "{past}");
    let future = text
        .split("event ")
        .find(|b| b.starts_with("future0001"))
        .expect(&text);
    assert!(future.contains("wiped on 2099-03-03 [waiting]"), "{future}");
    assert_eq!(
        names(),
        vec!["Pastperson", "Futureperson"],
        "the dry run deleted nothing"
    );

    let out = lanyard(
        &[
            "admin",
            "purge",
            "--data-dir",
            &d,
            "--erasure-journal",
            &journal,
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("purged 1 event(s)"));
    assert_eq!(names(), vec!["Futureperson"]);
    // Issue 17 point 8: the purge is in the erasure journal, by ids only.
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(lines.lines().count(), 1, "{lines}");
    assert!(
        lines.contains(r#""kind":"purge","event":1,"photos":true,"attendees":true"#),
        "{lines}"
    );
    assert!(!lines.contains("Pastperson") && !lines.contains("pastevent1"));
    let out = lanyard(
        &[
            "admin",
            "purge",
            "--dry-run",
            "--data-dir",
            &d,
            "--erasure-journal",
            &journal,
        ],
        "",
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let past = text
        .split("event ")
        .find(|b| b.starts_with("pastevent1"))
        .expect(&text);
    assert!(past.contains("[done "), "{past}");
    let out = lanyard(&["admin", "verify-audit", "--data-dir", &d], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Issue 16 point 1: `create-user` (with the browser's password rule), `reset` (prints a
/// one-time link; the old password stops working), `disable` and `enable`, on the built
/// binary and the same domain functions as the browser; every change audited.
#[test]
fn create_user_reset_and_disable_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let create = |email: &str, role: &str, password: &str| {
        lanyard(
            &[
                "admin",
                "create-user",
                "--email",
                email,
                "--role",
                role,
                "--data-dir",
                d,
            ],
            &format!("{password}\n"),
        )
    };
    // The password rule: 12 characters, and not a common one, said in plain words.
    let out = create("admin@example.lv", "admin", "Kx9#mPq2$vL");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("at least 12 characters"),
        "{}",
        stderr(&out)
    );
    let out = create("admin@example.lv", "admin", "password1234");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("too common"), "{}", stderr(&out));
    let out = create("admin@example.lv", "admin", "Velvet harbour kite 47");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("created admin account"));
    let out = create("ph@example.lv", "photographer", "Quiet orchard lantern 9");
    assert!(out.status.success(), "{}", stderr(&out));

    // Reset: a link with the token in the fragment; the old password no longer works.
    let out = lanyard(
        &[
            "admin",
            "reset",
            "ph@example.lv",
            "--public-url",
            "https://lanyard.example.lv",
            "--data-dir",
            d,
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let link = text
        .lines()
        .find(|l| l.starts_with("https://lanyard.example.lv/welcome#"))
        .unwrap_or_else(|| panic!("a link in {text}"));
    let token = link.rsplit('#').next().unwrap();
    assert_eq!(token.len(), 22, "128 random bits");
    let db = rusqlite::Connection::open(dir.path().join("lanyard.sqlite3")).unwrap();
    let (hash, stored): (String, i64) = db
        .query_row(
            "SELECT u.password_hash, (SELECT count(*) FROM invitations WHERE token_hash = ?1)
             FROM users u WHERE email = 'ph@example.lv'",
            [app::domain::auth::token_hash(token)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(hash, "", "the old password is gone");
    assert_eq!(stored, 1, "only the token's hash is kept");

    // Disable and enable; an unknown address is named as such.
    let out = lanyard(&["admin", "disable", "ph@example.lv", "--data-dir", d], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let status: String = db
        .query_row(
            "SELECT status FROM users WHERE email = 'ph@example.lv'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(status, "disabled");
    let out = lanyard(&["admin", "list-users", "--data-dir", d], "");
    assert!(
        stdout(&out).contains("photographer\tph@example.lv\tdisabled"),
        "{}",
        stdout(&out)
    );
    let out = lanyard(&["admin", "enable", "ph@example.lv", "--data-dir", d], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = lanyard(
        &["admin", "disable", "nobody@example.lv", "--data-dir", d],
        "",
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no account with that email"),
        "{}",
        stderr(&out)
    );
    // The last active admin stays: the shell cannot lock everyone out by accident.
    let out = lanyard(
        &["admin", "disable", "admin@example.lv", "--data-dir", d],
        "",
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("last active admin"),
        "{}",
        stderr(&out)
    );

    // `create-organiser` still works, as an alias.
    let out = lanyard(
        &[
            "admin",
            "create-organiser",
            "--email",
            "org@example.lv",
            "--data-dir",
            d,
        ],
        "Velvet harbour kite 47\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let actions: Vec<String> = db
        .prepare("SELECT action FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for a in ["user.create", "user.reset", "user.disable", "user.enable"] {
        assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
    }
    let out = lanyard(&["admin", "verify-audit", "--data-dir", d], "");
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The shipped unit with `ExecStart` pointed at the built binary, and (with `all`) every
/// commented-out directive turned on: the HTTPS-in-the-binary and ACME variants, the
/// port-443 capability, a backup folder.
fn unit_for_check(all: bool) -> String {
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../deploy/lanyard.service"
    ))
    .unwrap();
    unit.lines()
        .map(|l| {
            let directive = l.len() > 1
                && l.starts_with('#')
                && l[1..].starts_with(|c: char| c.is_ascii_uppercase())
                && l.contains('=');
            let l = if all && directive { &l[1..] } else { l };
            l.replace("/usr/local/bin/lanyard", BIN) + "\n"
        })
        .collect()
}

/// `systemd-analyze verify` on `unit` saved as `name`: its complaints, if any. It exits 0
/// on many of them (an unknown value is "ignoring"), so every line naming the unit counts.
fn systemd_verify(analyze: &std::path::Path, name: &str, unit: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, unit).unwrap();
    let out = Command::new(analyze)
        .arg("verify")
        .arg(&file)
        .output()
        .unwrap();
    let mut complaints: Vec<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .chain(String::from_utf8_lossy(&out.stdout).lines())
        .filter(|l| l.contains(name) || l.contains("lanyard"))
        .map(String::from)
        .collect();
    if !out.status.success() {
        complaints.push(format!("exit status {}", out.status));
    }
    complaints
}

/// Issue 18 point 1: `deploy/lanyard.service` passes `systemd-analyze verify` as shipped
/// and with its HTTPS variants turned on. systemd-analyze refuses a unit whose
/// `ExecStart` binary does not exist, so the check runs on a copy whose `ExecStart` is
/// the binary these tests built; the same copy's command lines are given to that binary
/// (with `--help` at the end, so clap checks every flag name and stops before serving).
/// A copy with a misspelt value must be reported, or the check would be hollow.
#[test]
fn the_systemd_unit_passes_systemd_analyze_verify() {
    let analyze = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("systemd-analyze"))
            .find(|p| p.is_file())
    });
    for all in [false, true] {
        let unit = unit_for_check(all);
        for line in unit.lines() {
            let Some(cmd) = line.strip_prefix("ExecStart=").filter(|c| !c.is_empty()) else {
                continue;
            };
            let args: Vec<String> = cmd
                .replace(
                    "${CREDENTIALS_DIRECTORY}",
                    "/run/credentials/lanyard.service",
                )
                .split_whitespace()
                .skip(1)
                .map(String::from)
                .chain(["--help".to_string()])
                .collect();
            assert!(cmd.starts_with(BIN), "{cmd}");
            let out = lanyard(&args, "");
            assert!(
                out.status.success(),
                "{cmd}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let Some(analyze) = analyze else {
        println!("skipped: systemd-analyze is not on PATH");
        return;
    };
    for all in [false, true] {
        let complaints = systemd_verify(&analyze, "lanyard.service", &unit_for_check(all));
        assert!(complaints.is_empty(), "all={all}: {complaints:#?}");
    }
    let broken = unit_for_check(false).replace("Type=simple", "Type=simpel");
    assert!(
        !systemd_verify(&analyze, "lanyard.service", &broken).is_empty(),
        "a misspelt value is reported"
    );
}
