//! Backups and restore (issue 17 points 5-9; requirements 17, 23, 24) on the built
//! `lanyard` binary: a backup made while the server serves requests restores the same
//! rows and photo bytes; a wrong key, a cut file or one changed byte is refused in one
//! line with nothing written; the file holds no name in plaintext; a restored old backup
//! does not bring an erased person back; `verify-audit --since-backup` catches a
//! rewritten chain; scheduled backups rotate and show on the admins' dashboard.
//!
//! The server runs in this process (`TestApp`, a current-thread runtime) while the
//! binary runs as a subprocess off the runtime, so the two really work at once.

use crate::common::{Client, TestApp, PW};
use age::secrecy::ExposeSecret;
use app::domain::imaging::fixtures;
use app::types::{EventSettings, Field, FieldRule, RequestView};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::bin::{run, serve, BIN};

/// [`run`] off the async runtime: the server in this process keeps answering meanwhile.
async fn lanyard(args: &[&str], stdin: &str) -> Output {
    let (args, stdin): (Vec<String>, String) =
        (args.iter().map(|s| s.to_string()).collect(), stdin.into());
    tokio::task::spawn_blocking(move || run(&args, &stdin))
        .await
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{}\n{}", stdout(o), stderr(o));
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// An age key pair: the identity file (as `age-keygen` writes it) and the public key.
fn age_key(dir: &Path, name: &str) -> (PathBuf, String) {
    let id = age::x25519::Identity::generate();
    let public = id.to_public().to_string();
    let file = dir.join(name);
    std::fs::write(
        &file,
        format!(
            "# created: 2026-05-14T10:00:00Z\n# public key: {public}\n{}\n",
            id.to_string().expose_secret()
        ),
    )
    .unwrap();
    (file, public)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if contains(&std::fs::read(&path).unwrap(), needle) {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}

async fn names_and_email(org: &mut Client, event_id: &str) {
    let mut s = EventSettings::default();
    for f in [Field::FirstName, Field::LastName, Field::Email] {
        *s.fields.get_mut(f) = FieldRule {
            enabled: true,
            required: false,
        };
    }
    org.save_settings(event_id, &s).await;
}

/// `(id, first_name, last_name, email, badge_token)` of every attendee, in id order.
type AttendeeRow = (i64, Option<String>, Option<String>, Option<String>, String);

fn attendees(db: &Path) -> Vec<AttendeeRow> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut st = c
        .prepare("SELECT id, first_name, last_name, email, badge_token FROM attendees ORDER BY id")
        .unwrap();
    st.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// A refused restore: a non-zero exit, exactly one line on stderr saying `words`, and
/// nothing written: the target is absent (or still empty) and no staging dir is left.
fn refused_in_one_line(o: &Output, words: &str, target: &Path) {
    assert!(!o.status.success(), "refused: {}", stdout(o));
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    assert!(lines[0].contains(words), "{words:?} in {err}");
    assert!(
        !target.exists() || std::fs::read_dir(target).unwrap().next().is_none(),
        "nothing written in {}",
        target.display()
    );
    let name = target.file_name().unwrap().to_string_lossy().into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.restore-")))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
}

/// Points 5 and 6: `admin backup` while the server registers people and answers reads;
/// the file names no one in plaintext and holds no plaintext database or photo bytes;
/// restored into a new dir it has exactly the rows of one moment (a prefix of the live
/// ones) and the photo's bytes, and its audit chain verifies.
#[tokio::test]
async fn a_backup_made_while_serving_restores_the_same_rows_and_photo_bytes() {
    let root = tempfile::tempdir().unwrap();
    let rootp = root.path().to_path_buf();
    let server = TestApp::start_beside(root).await;
    let data = server.dir().to_path_buf();
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    let people = [
        ("Ilgvars", "Ūdrisons", "ilgvars.udrisons@example.lv"),
        ("Maija", "Zīlīte-Kalniņa", "maija.zilite@example.lv"),
    ];
    for (first, last, email) in people {
        kiosk
            .register_at_kiosk(
                json!({ "first_name": first, "last_name": last, "email": email }),
                false,
                Some("green"),
            )
            .await;
    }
    // A camera-size photo (12 MP of sensor noise, several MB), stored byte for byte.
    let camera = fixtures::camera_jpeg(4000, 3000, 17);
    assert!(camera.len() > 4_000_000, "{} bytes", camera.len());
    let photo = org
        .upload(&ev, "IMG_0001_Udrisons.JPG", camera.clone())
        .await;
    // The plain database does hold the names, so the search of the backup means something.
    let live_db = data.join("lanyard.sqlite3");
    let mut plain = std::fs::read(&live_db).unwrap();
    plain.extend(std::fs::read(data.join("lanyard.sqlite3-wal")).unwrap_or_default());
    assert!(contains(&plain, "Ūdrisons".as_bytes()));

    let (identity, public) = age_key(&rootp, "key.txt");
    let out = rootp.join("backups").join("first.age");
    let args: Vec<String> = [
        "admin",
        "backup",
        "--out",
        p(&out),
        "--recipient",
        &public,
        "--data-dir",
        p(&data),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let backup = tokio::task::spawn_blocking(move || run(&args, ""));
    // Meanwhile the server keeps registering walk-ins and listing the attendees.
    let mut served = 0;
    while !backup.is_finished() {
        kiosk
            .register_at_kiosk(
                json!({ "first_name": format!("Walk-in {served}") }),
                false,
                Some("red"),
            )
            .await;
        let _ = org.attendees(&ev, json!({})).await;
        served += 1;
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let made = backup.await.unwrap();
    ok(&made);
    assert!(served >= 1, "requests were served while the backup ran");
    assert!(
        stdout(&made).contains("backup written"),
        "{}",
        stdout(&made)
    );

    // Encrypted: no name, email, file name, database header or photo bytes in it.
    let sealed = std::fs::read(&out).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1"));
    for (first, last, email) in people {
        for needle in [first, last, email] {
            assert!(
                !contains(&sealed, needle.as_bytes()),
                "{needle} in the backup"
            );
        }
    }
    for needle in [
        b"IMG_0001_Udrisons".as_slice(),
        b"SQLite format 3",
        &camera[camera.len() / 2..camera.len() / 2 + 64],
    ] {
        assert!(!contains(&sealed, needle), "plaintext in the backup");
    }
    assert!(
        !std::fs::read_dir(&data)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".backup-")),
        "the snapshot inside the data dir is gone"
    );

    // The live chain extends the head the backup recorded.
    let since = lanyard(
        &[
            "admin",
            "verify-audit",
            "--since-backup",
            p(&out),
            "--identity",
            p(&identity),
            "--data-dir",
            p(&data),
        ],
        "",
    )
    .await;
    ok(&since);
    assert!(
        stdout(&since).contains("extends the backup"),
        "{}",
        stdout(&since)
    );

    // Restore into a new dir: the rows of one moment, the photo's bytes, a sound chain.
    let restored = rootp.join("restored");
    let r = lanyard(
        &[
            "admin",
            "restore",
            p(&out),
            "--identity",
            p(&identity),
            "--data-dir",
            p(&restored),
        ],
        "",
    )
    .await;
    ok(&r);
    assert!(stdout(&r).contains("restored the backup"), "{}", stdout(&r));
    let live = attendees(&live_db);
    let back = attendees(&restored.join("lanyard.sqlite3"));
    assert!(back.len() >= 2 && back.len() <= live.len());
    assert_eq!(
        back,
        live[..back.len()],
        "a consistent moment of the live rows"
    );
    for (first, last, email) in people {
        assert!(back.iter().any(|a| a.1.as_deref() == Some(first)
            && a.2.as_deref() == Some(last)
            && a.3.as_deref() == Some(email)));
    }
    for (dir, name) in [
        ("originals", photo.clone()),
        ("thumbs", format!("{photo}.jpg")),
        ("previews", format!("{photo}.jpg")),
    ] {
        assert_eq!(
            std::fs::read(restored.join("photos").join(dir).join(&name)).unwrap(),
            std::fs::read(data.join("photos").join(dir).join(&name)).unwrap(),
            "{dir}/{name}"
        );
    }
    assert_eq!(
        std::fs::read(restored.join("photos/originals").join(&photo)).unwrap(),
        camera
    );
    let verify = lanyard(&["admin", "verify-audit", "--data-dir", p(&restored)], "").await;
    ok(&verify);
    let c = rusqlite::Connection::open(restored.join("lanyard.sqlite3")).unwrap();
    let last: String = c
        .query_row(
            "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(last, "backup.restore", "the restore is in the restored log");
    let created: i64 = server
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'backup.create' AND actor = 'cli'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(created, 1, "the backup is in the live log");
}

/// Point 6: a wrong key or passphrase, a file cut short (in the middle or by its last
/// byte), one changed byte in the body or the header: each refused in one line, and the
/// target dir is left absent; a data dir that is not empty needs --force. A passphrase
/// backup opens with its passphrase.
#[tokio::test]
async fn a_wrong_key_a_cut_file_or_one_changed_byte_is_refused_and_nothing_is_written() {
    let root = tempfile::tempdir().unwrap();
    let rootp = root.path().to_path_buf();
    let server = TestApp::start_beside(root).await;
    let data = server.dir().to_path_buf();
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    kiosk
        .register_at_kiosk(json!({ "first_name": "Ojārs" }), false, Some("green"))
        .await;
    org.upload(&ev, "IMG_0002.JPG", fixtures::camera_jpeg(3000, 2000, 3))
        .await;
    let (identity, public) = age_key(&rootp, "key.txt");
    let (stranger, _) = age_key(&rootp, "other.txt");
    let out = rootp.join("b.age");
    ok(&lanyard(
        &[
            "admin",
            "backup",
            "--out",
            p(&out),
            "--recipient",
            &public,
            "--data-dir",
            p(&data),
        ],
        "",
    )
    .await);
    let sealed = std::fs::read(&out).unwrap();
    let restore = |file: PathBuf, key: PathBuf, target: PathBuf| async move {
        lanyard(
            &[
                "admin",
                "restore",
                p(&file),
                "--identity",
                p(&key),
                "--data-dir",
                p(&target),
            ],
            "",
        )
        .await
    };
    let target = rootp.join("target");
    let o = restore(out.clone(), stranger, target.clone()).await;
    refused_in_one_line(
        &o,
        "could not be decrypted: wrong passphrase or key",
        &target,
    );

    let variants: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cut.age",
            sealed[..sealed.len() * 3 / 5].to_vec(),
            "damaged",
        ),
        ("short.age", sealed[..sealed.len() - 1].to_vec(), "damaged"),
        (
            "flipped.age",
            {
                let mut b = sealed.clone();
                let i = b.len() / 2;
                b[i] ^= 0x01;
                b
            },
            "damaged",
        ),
        (
            "header.age",
            {
                let mut b = sealed.clone();
                b[60] ^= 0x01;
                b
            },
            "could not be decrypted",
        ),
    ];
    for (name, bytes, words) in variants {
        let file = rootp.join(name);
        std::fs::write(&file, bytes).unwrap();
        let o = restore(file, identity.clone(), target.clone()).await;
        refused_in_one_line(&o, words, &target);
    }
    // An empty target dir stays empty when refused; a full one is refused without --force.
    std::fs::create_dir(&target).unwrap();
    let cut = rootp.join("cut.age");
    let o = restore(cut, identity.clone(), target.clone()).await;
    refused_in_one_line(&o, "damaged", &target);
    let o = restore(out.clone(), identity.clone(), data.clone()).await;
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is not empty"), "{}", stderr(&o));

    // A passphrase: the right one opens it, a wrong one is refused, an empty one too.
    let with_pass = rootp.join("pass.age");
    let o = lanyard(
        &[
            "admin",
            "backup",
            "--out",
            p(&with_pass),
            "--passphrase-stdin",
            "--data-dir",
            p(&data),
        ],
        "\n",
    )
    .await;
    assert!(!o.status.success() && stderr(&o).contains("passphrase is empty"));
    ok(&lanyard(
        &[
            "admin",
            "backup",
            "--out",
            p(&with_pass),
            "--passphrase-stdin",
            "--data-dir",
            p(&data),
        ],
        "correct horse battery staple\n",
    )
    .await);
    let by_pass = |pass: &'static str, target: PathBuf| {
        let file = with_pass.clone();
        async move {
            lanyard(
                &[
                    "admin",
                    "restore",
                    p(&file),
                    "--passphrase-stdin",
                    "--data-dir",
                    p(&target),
                ],
                pass,
            )
            .await
        }
    };
    let other = rootp.join("other");
    let o = by_pass("incorrect horse battery staple\n", other.clone()).await;
    refused_in_one_line(
        &o,
        "could not be decrypted: wrong passphrase or key",
        &other,
    );
    let o = by_pass("correct horse battery staple\n", other.clone()).await;
    ok(&o);
    let names: Vec<AttendeeRow> = attendees(&other.join("lanyard.sqlite3"));
    assert_eq!(names[0].1.as_deref(), Some("Ojārs"));
}

/// Point 6, a photo deleted while the backup ran: the snapshot names it, its files were
/// gone when they were copied. The restore accepts that only when the erasure journal
/// shows the deletion after the snapshot (the start-up then removes the row); without
/// such an entry the backup is incomplete and refused, nothing written.
#[tokio::test]
async fn a_photo_deleted_while_the_backup_ran_needs_its_journal_entry() {
    let root = tempfile::tempdir().unwrap();
    let rootp = root.path().to_path_buf();
    let server = TestApp::start_beside(root).await;
    let data = server.dir().to_path_buf();
    let (mut org, _kiosk, ev) = server.organiser_and_kiosk().await;
    let gone = org.upload_seeded(&ev, 41).await;
    let stays = org.upload_seeded(&ev, 42).await;
    let gone_row: i64 = server
        .db()
        .query_row("SELECT id FROM photos WHERE public_id = ?1", [&gone], |r| {
            r.get(0)
        })
        .unwrap();
    // As a removal decision does between the snapshot and the copy of the files.
    for f in [
        format!("photos/originals/{gone}"),
        format!("photos/thumbs/{gone}.jpg"),
        format!("photos/previews/{gone}.jpg"),
    ] {
        std::fs::remove_file(data.join(f)).unwrap();
    }
    let (identity, public) = age_key(&rootp, "key.txt");
    let out = rootp.join("b.age");
    let made = lanyard(
        &[
            "admin",
            "backup",
            "--out",
            p(&out),
            "--recipient",
            &public,
            "--data-dir",
            p(&data),
        ],
        "",
    )
    .await;
    ok(&made);
    assert!(stdout(&made).contains("1 photo(s) were deleted while the backup was made"));

    let restore = |target: PathBuf| {
        let (out, identity) = (out.clone(), identity.clone());
        async move {
            lanyard(
                &[
                    "admin",
                    "restore",
                    p(&out),
                    "--identity",
                    p(&identity),
                    "--data-dir",
                    p(&target),
                ],
                "",
            )
            .await
        }
    };
    let first = rootp.join("first");
    let o = restore(first.clone()).await;
    refused_in_one_line(&o, "lacks the files of 1 photo(s)", &first);

    // The journal beside the target shows the deletion after the snapshot.
    let second = rootp.join("second");
    std::fs::write(
        rootp.join("second.erasures.jsonl"),
        format!(
            "{{\"seq\":1000,\"at\":\"2026-05-14T10:00:00Z\",\"kind\":\"photo_delete\",\"photo\":{gone_row}}}\n"
        ),
    )
    .unwrap();
    let o = restore(second.clone()).await;
    ok(&o);
    assert!(
        stdout(&o).contains("1 erasure journal entries newer"),
        "{}",
        stdout(&o)
    );
    let v = lanyard(&["admin", "verify-audit", "--data-dir", p(&second)], "").await;
    ok(&v);
    assert!(
        stderr(&v).contains("re-applied 1 erasure journal entries"),
        "{}",
        stderr(&v)
    );
    let c = rusqlite::Connection::open(second.join("lanyard.sqlite3")).unwrap();
    let left: Vec<String> = c
        .prepare("SELECT public_id FROM photos ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(left, vec![stays]);
}

/// Registers at the kiosk and returns (badge token, attendee row id).
async fn register(
    server: &TestApp,
    kiosk: &mut Client,
    fields: serde_json::Value,
) -> (String, i64) {
    kiosk.register_at_kiosk(fields, false, Some("green")).await;
    server
        .db()
        .query_row(
            "SELECT badge_token, id FROM attendees ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// `lanyard serve` on `data` until it prints its address; returns its log (stderr)
/// after a graceful stop.
fn serve_once(data: &Path) -> String {
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir", p(data)])
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut started = false;
    for _ in 0..20 {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        if line.contains("Kiosk:") {
            started = true;
            break;
        }
    }
    let stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut s = String::new();
        let mut r = BufReader::new(stderr);
        while r.read_line(&mut s).unwrap_or(0) > 0 {}
        s
    });
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    child.wait().unwrap();
    let log = log.join().unwrap();
    assert!(started, "serve started: {log}");
    log
}

/// Point 8: backup → the person asks for erasure (one photo deleted, one blurred, one
/// kept) → erased → the old backup restored over the data dir. Restored, the database
/// holds their name again (the test is not vacuous); after `lanyard serve` starts, the
/// journal beside the data dir has been carried out again before anything was served:
/// no file of the data dir holds their name, email or file name, the deleted photo is
/// gone, and the kept and blurred photos' originals are byte for byte what the live
/// server had made of them. The log says how many entries, and names no one.
#[tokio::test]
async fn a_restored_backup_does_not_bring_an_erased_person_back() {
    let root = tempfile::tempdir().unwrap();
    let rootp = root.path().to_path_buf();
    let server = TestApp::start_beside(root).await;
    let data = server.dir().to_path_buf();
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    let (token, _) = register(
        &server,
        &mut kiosk,
        json!({ "first_name": "Zentaurs", "last_name": "Kvadrāts", "email": "zentaurs.k@example.lv" }),
    )
    .await;
    register(&server, &mut kiosk, json!({ "first_name": "Annija" })).await;
    let deleted = org
        .upload(&ev, "group.jpg", fixtures::camera_jpeg(3000, 2000, 5))
        .await;
    let blurred = org.upload_seeded(&ev, 31).await;
    let naming = fixtures::jpeg_naming(640, 480, 32, "Zentaurs Kvadrāts", "zentaurs.k@example.lv");
    let kept = org
        .upload(&ev, "Zentaurs_Kvadrats_portrait.jpg", naming)
        .await;
    let region = json!({ "x": 0.2, "y": 0.2, "w": 0.3, "h": 0.3 });
    for photo in [&deleted, &blurred, &kept] {
        org.tag_badge(photo, &token, region.clone()).await;
    }
    let (identity, public) = age_key(&rootp, "key.txt");
    let out = rootp.join("before-erasure.age");
    ok(&lanyard(
        &[
            "admin",
            "backup",
            "--out",
            p(&out),
            "--recipient",
            &public,
            "--data-dir",
            p(&data),
        ],
        "",
    )
    .await);

    // The person asks; the organiser decides each photo and erases them.
    let request = org
        .open_request(
            &ev,
            json!({ "subject": { "by": "badge", "value": token }, "kind": "erasure",
                    "message": "", "identity_check": "Replied from the address on file",
                    "lang": "lv" }),
        )
        .await;
    let v: RequestView = org
        .call("/api/requests/get", json!({ "request_id": request }))
        .await;
    let item = |p: &str| {
        v.photos
            .iter()
            .find(|c| c.photo_id.as_deref() == Some(p))
            .unwrap()
            .item
    };
    for (photo, decision) in [
        (
            &deleted,
            json!({ "item": item(&deleted), "decision": "delete" }),
        ),
        (
            &blurred,
            json!({ "item": item(&blurred), "decision": "blur", "region": region }),
        ),
        (
            &kept,
            json!({ "item": item(&kept), "decision": "keep", "reason": "Legal claim pending" }),
        ),
    ] {
        let r = org
            .post_json(
                "/api/requests/decide",
                &json!({ "request_id": request, "decision": decision }).to_string(),
            )
            .await;
        assert_eq!(r.status, 200, "{photo}: {}", r.body);
    }
    let r = org
        .post_json(
            "/api/requests/erase",
            &json!({ "request_id": request }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let needles: [&[u8]; 4] = [
        b"Zentaurs",
        "Kvadrāts".as_bytes(),
        b"zentaurs.k@example.lv",
        token.as_bytes(),
    ];
    for n in needles {
        assert_eq!(
            files_containing(&data, n),
            Vec::<String>::new(),
            "erased live"
        );
    }
    let blurred_live = std::fs::read(data.join("photos/originals").join(&blurred)).unwrap();
    let kept_live = std::fs::read(data.join("photos/originals").join(&kept)).unwrap();
    let journal = rootp.join("data.erasures.jsonl");
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(lines.lines().count(), 3, "{lines}");
    for n in needles {
        assert!(!contains(lines.as_bytes(), n), "the journal holds ids only");
    }

    // Disaster: the old backup goes back over the data dir.
    let _root = server.stop();
    let r = lanyard(
        &[
            "admin",
            "restore",
            p(&out),
            "--identity",
            p(&identity),
            "--force",
            "--data-dir",
            p(&data),
        ],
        "",
    )
    .await;
    ok(&r);
    assert!(
        stdout(&r).contains("3 erasure journal entries newer than this backup will be re-applied"),
        "{}",
        stdout(&r)
    );
    assert!(
        !files_containing(&data, b"Zentaurs").is_empty(),
        "restored as it was: the person is back in the files until the start-up"
    );
    assert!(data.join("photos/originals").join(&deleted).exists());

    let log = serve_once(&data);
    assert!(
        log.contains("re-applied 3 erasure journal entries newer than the restored database"),
        "{log}"
    );
    for n in needles {
        assert!(!contains(log.as_bytes(), n), "the log names no one");
        assert_eq!(
            files_containing(&data, n),
            Vec::<String>::new(),
            "erased again"
        );
    }
    assert!(!data.join("photos/originals").join(&deleted).exists());
    assert!(!data
        .join("photos/thumbs")
        .join(format!("{deleted}.jpg"))
        .exists());
    assert_eq!(
        std::fs::read(data.join("photos/originals").join(&blurred)).unwrap(),
        blurred_live,
        "blurred again from the original and the recorded rectangle"
    );
    assert_eq!(
        std::fs::read(data.join("photos/originals").join(&kept)).unwrap(),
        kept_live,
        "the kept photo's original lost its metadata again"
    );
    let back = attendees(&data.join("lanyard.sqlite3"));
    assert!(
        back.iter().any(|a| a.1.as_deref() == Some("Annija")),
        "others stay"
    );
    let c = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    let photos: i64 = c
        .query_row("SELECT count(*) FROM photos", [], |r| r.get(0))
        .unwrap();
    assert_eq!(photos, 2);
    ok(&lanyard(&["admin", "verify-audit", "--data-dir", p(&data)], "").await);
    let again = serve_once(&data);
    assert!(!again.contains("re-applied"), "only once: {again}");
}

/// Point 9: someone with the database file rewrites a row and recomputes every hash
/// after it: `verify-audit` alone is fooled, `--since-backup` is not.
#[tokio::test]
async fn verify_audit_since_backup_catches_a_rewritten_chain() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let d = p(&data).to_string();
    for (email, role) in [
        ("admin@example.lv", "admin"),
        ("org@example.lv", "organiser"),
    ] {
        ok(&lanyard(
            &[
                "admin",
                "create-user",
                "--email",
                email,
                "--role",
                role,
                "--data-dir",
                &d,
            ],
            "Velvet harbour kite 47\n",
        )
        .await);
    }
    let (identity, public) = age_key(root.path(), "key.txt");
    let out = root.path().join("b.age");
    ok(&lanyard(
        &[
            "admin",
            "backup",
            "--out",
            p(&out),
            "--recipient",
            &public,
            "--data-dir",
            &d,
        ],
        "",
    )
    .await);
    ok(&lanyard(
        &[
            "admin",
            "create-user",
            "--email",
            "late@example.lv",
            "--data-dir",
            &d,
        ],
        "Velvet harbour kite 47\n",
    )
    .await);
    let since = |file: PathBuf| {
        let (identity, d) = (identity.clone(), d.clone());
        async move {
            lanyard(
                &[
                    "admin",
                    "verify-audit",
                    "--since-backup",
                    p(&file),
                    "--identity",
                    p(&identity),
                    "--data-dir",
                    &d,
                ],
                "",
            )
            .await
        }
    };
    ok(&since(out.clone()).await);

    // The whole chain rebuilt around an edited row 1.
    let c = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    c.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
         UPDATE audit_log SET subject = 'user:99' WHERE id = 1;",
    )
    .unwrap();
    let rows: Vec<(i64, String, String, String, String, String)> = c
        .prepare("SELECT id, at, actor, principal_kind, action, subject FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut prev = app::domain::audit::GENESIS.to_string();
    for (id, at, actor, kind, action, subject) in rows {
        let hash = app::domain::audit::chain_hash(&prev, id, &at, &actor, &kind, &action, &subject);
        c.execute(
            "UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            rusqlite::params![id, prev, hash],
        )
        .unwrap();
        prev = hash;
    }
    c.execute("DELETE FROM audit_verified", []).unwrap();
    drop(c);
    let plain = lanyard(&["admin", "verify-audit", "--data-dir", &d], "").await;
    ok(&plain);
    assert!(
        stdout(&plain).contains("audit chain intact"),
        "the rebuilt chain fools it"
    );
    let o = since(out).await;
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("differs from the backup") && stderr(&o).contains("rewritten"),
        "{}",
        stderr(&o)
    );
}

/// `name=value` of the session cookie a response sets.
fn session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

/// The dashboard's backup state as an admin sees it.
async fn status_as(base: &str, email: &str) -> (u16, serde_json::Value) {
    let http = reqwest::Client::new();
    let login = http
        .post(format!("{base}/api/auth/login"))
        .form(&[("email", email), ("password", PW)])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = session_cookie(&login);
    let r = http
        .post(format!("{base}/api/backups/status"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

fn count_runs(data: &Path, ok: bool) -> i64 {
    let c = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    c.query_row(
        "SELECT count(*) FROM backup_runs WHERE ok = ?1 AND kind = 'scheduled'",
        [ok],
        |r| r.get(0),
    )
    .unwrap_or(0)
}

/// Point 7: `serve --backup-dir D --backup-every 1s --backup-keep 2` writes a backup
/// every second and keeps the newest two; the admins' dashboard shows the last one's
/// time and size (organisers get 403); with a backup folder that cannot be written the
/// dashboard says the last backup failed and why.
#[tokio::test]
async fn scheduled_backups_rotate_and_the_dashboard_shows_them() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let d = p(&data).to_string();
    for (email, role) in [
        ("admin@example.lv", "admin"),
        ("org@example.lv", "organiser"),
    ] {
        ok(&lanyard(
            &[
                "admin",
                "create-user",
                "--email",
                email,
                "--role",
                role,
                "--data-dir",
                &d,
            ],
            &format!("{PW}\n"),
        )
        .await);
    }
    let (identity, public) = age_key(root.path(), "key.txt");
    let dir = root.path().join("backups");
    // Without a public key the schedule is refused before anything is served.
    let o = lanyard(&["serve", "--data-dir", &d, "--backup-dir", p(&dir)], "").await;
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--backup-recipient"), "{}", stderr(&o));

    let served = serve(&[
        "--data-dir",
        &d,
        "--backup-dir",
        p(&dir),
        "--backup-every",
        "1s",
        "--backup-keep",
        "2",
        "--backup-recipient",
        &public,
    ]);
    for _ in 0..600 {
        if count_runs(&data, true) >= 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(count_runs(&data, true) >= 4, "four backups within 30 s");
    let (code, s) = status_as(&served.base, "admin@example.lv").await;
    assert_eq!(code, 200, "{s}");
    assert_eq!(s["health"], "ok", "{s}");
    assert_eq!(s["every"], "1s");
    assert_eq!(s["keep"], 2);
    assert!(s["last_ok_bytes"].as_u64().unwrap() > 1000, "{s}");
    assert!(s["last_ok_at"].as_str().unwrap().ends_with('Z'));
    let (code, _) = status_as(&served.base, "org@example.lv").await;
    assert_eq!(code, 403, "organisers do not see it");
    drop(served);

    let c = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    let files: Vec<String> = c
        .prepare("SELECT file FROM backup_runs WHERE ok = 1 ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(files
        .iter()
        .all(|f| f.starts_with("lanyard-") && f.ends_with("Z.age")));
    assert!(!dir.join(&files[0]).exists(), "the oldest was rotated out");
    let newest = dir.join(files.last().unwrap());
    let left = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".age"))
        .count();
    assert!((2..=3).contains(&left), "{left} backups kept");
    // The newest opens and is a whole backup.
    let restored = root.path().join("restored");
    ok(&lanyard(
        &[
            "admin",
            "restore",
            p(&newest),
            "--identity",
            p(&identity),
            "--data-dir",
            p(&restored),
        ],
        "",
    )
    .await);
    let audited: i64 = c
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'backup.create' AND actor = 'system'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited >= 4);

    // A backup folder that is a file: the attempt fails, and the dashboard says so.
    let blocked = root.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").unwrap();
    let served = serve(&[
        "--data-dir",
        &d,
        "--backup-dir",
        p(&blocked),
        "--backup-every",
        "1s",
        "--backup-recipient",
        &public,
    ]);
    for _ in 0..600 {
        if count_runs(&data, false) >= 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (code, s) = status_as(&served.base, "admin@example.lv").await;
    assert_eq!(code, 200);
    assert_eq!(s["health"], "failed", "{s}");
    assert_eq!(s["failure"], "write", "{s}");
    assert!(
        s["last_ok_at"].is_string(),
        "the last good one is still shown"
    );
}
