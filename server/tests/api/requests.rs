//! Data-subject rights and removal requests over the API (issue 6; requirements 5, 15, 16,
//! 17, 19): the private code only in POST bodies and rate-limited; the self-service
//! copy, correction, consent switch and requests; per-photo decisions carried out on
//! disk; erasure that leaves no trace of the person but keeps every count.

use crate::common::{Client, TestApp};
use app::domain::imaging::fixtures;
use app::types::{
    Consent, DataExport, EventSettings, Field, FieldRule, MyData, PhotoDecision, PhotoDetail,
    Registered, RequestBlocker, RequestKind, RequestStatus, RequestView,
};
use std::path::Path;

/// First name, last name and email on (not required).
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

/// Registers at the kiosk: (badge token, private code, attendee row id).
async fn register(
    server: &TestApp,
    kiosk: &mut Client,
    fields: serde_json::Value,
    choice: &str,
) -> (String, String, i64) {
    let reg: Registered = kiosk.register_at_kiosk(fields, false, Some(choice)).await;
    let (token, id): (String, i64) = server
        .db()
        .query_row(
            "SELECT badge_token, id FROM attendees ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (token, reg.private_code, id)
}

async fn me(client: &mut Client, path: &str, body: serde_json::Value) -> MyData {
    client.call(path, body).await
}

async fn request_call(org: &mut Client, path: &str, body: serde_json::Value) -> RequestView {
    org.call(path, body).await
}

async fn upload(org: &mut Client, ev: &str, seed: u64) -> String {
    org.upload_seeded(ev, seed).await
}

async fn tag(org: &mut Client, photo: &str, token: &str, region: Option<(f32, f32, f32, f32)>) {
    let region = region.map(|(x, y, w, h)| serde_json::json!({ "x": x, "y": y, "w": w, "h": h }));
    org.tag_badge(photo, token, serde_json::json!(region)).await;
}

async fn publish(org: &mut Client, photo: &str, url: &str) {
    let _: PhotoDetail = org
        .call(
            "/api/photos/publication",
            serde_json::json!({ "photo_id": photo, "channel": "website", "url": url, "published_on": "2026-11-23" }),
        )
        .await;
}

/// Every row of every table that mentions `needle` in any column (text or blob).
fn rows_mentioning(db: &rusqlite::Connection, needle: &str, skip: &[&str]) -> Vec<String> {
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut hits = Vec::new();
    for t in tables.iter().filter(|t| !skip.contains(&t.as_str())) {
        let cols: Vec<String> = db
            .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for c in cols {
            let n: i64 = db
                .query_row(
                    &format!(
                        "SELECT count(*) FROM \"{t}\" WHERE instr(CAST(\"{c}\" AS TEXT), ?1) > 0"
                    ),
                    [needle],
                    |r| r.get(0),
                )
                .unwrap();
            if n > 0 {
                hits.push(format!("{t}.{c}"));
            }
        }
    }
    hits
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                if bytes.windows(needle.len()).any(|w| w == needle) {
                    hits.push(p.display().to_string());
                }
            }
        }
    }
    hits
}

#[tokio::test]
async fn the_private_code_in_a_get_url_is_refused_and_wrong_codes_are_rate_limited() {
    // Requirement 8 and the brief: no personal data or codes in URLs; codes rate-limited.
    let server = TestApp::start().await;
    let (_org, mut kiosk, _ev) = server.organiser_and_kiosk().await;
    let (_, code, _) = register(&server, &mut kiosk, serde_json::json!({}), "green").await;
    let mut anyone = server.client();

    // In a URL: refused before anything reads it, on the page and on the functions.
    let page = anyone.get(&format!("/me?code={code}")).await;
    assert_eq!(page.status, 400, "{}", page.body);
    assert!(!page.body.contains(&code), "the code is not echoed");
    let api = anyone.get(&format!("/api/me/open?code={code}")).await;
    assert_eq!(api.status, 400);
    let get = anyone.get("/api/me/open").await;
    assert_eq!(get.status, 405, "the functions answer POST only");
    // The page itself loads without a query.
    assert_eq!(anyone.get("/me").await.status, 200);

    // In a POST body it works.
    let ok = me(
        &mut anyone,
        "/api/me/open",
        serde_json::json!({ "code": code.to_lowercase() }),
    )
    .await;
    assert_eq!(ok.consent, Some(Consent::Green));

    // Wrong codes: 400 each, then 429 for this address, even for the right code.
    for i in 0..10 {
        let r = anyone
            .post_json(
                "/api/me/open",
                &serde_json::json!({ "code": format!("WRONG-CODE-{i:04}") }).to_string(),
            )
            .await;
        assert_eq!(r.status, 400, "attempt {i}: {}", r.body);
        assert!(r.body.contains("code_wrong"));
    }
    let blocked = anyone
        .post_json(
            "/api/me/open",
            &serde_json::json!({ "code": "WRONG-CODE-9999" }).to_string(),
        )
        .await;
    assert_eq!(blocked.status, 429);
    let right_but_blocked = anyone
        .post_json(
            "/api/me/open",
            &serde_json::json!({ "code": code }).to_string(),
        )
        .await;
    assert_eq!(right_but_blocked.status, 429);

    // The code is in no log line: the server logs route templates, and no audit row
    // or other table holds it (only its hash).
    let db = server.db();
    assert!(rows_mentioning(&db, &code, &[]).is_empty());
    server.stop();
}

#[tokio::test]
async fn an_attendee_sees_exports_corrects_switches_and_asks_with_their_code() {
    // Requirements 5, 15, 17: access, portability, rectification, withdrawal, requests.
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    let (token, code, attendee) = register(
        &server,
        &mut kiosk,
        serde_json::json!({ "first_name": "Dace", "last_name": "Ozola", "email": "dace@example.lv" }),
        "green",
    )
    .await;
    let photo = upload(&mut org, &ev, 1).await;
    tag(&mut org, &photo, &token, None).await;
    let mut phone = server.client();

    let mine = me(
        &mut phone,
        "/api/me/open",
        serde_json::json!({ "code": code }),
    )
    .await;
    assert_eq!(mine.fields.len(), 3, "only the fields the event collects");
    assert_eq!(mine.history.len(), 1);
    assert!(!mine.history[0].notice_text.is_empty());
    assert_eq!(mine.photo_count, 1);
    assert_eq!(mine.photos.len(), 1, "green: thumbnails shown");
    assert!(mine.photos[0].thumb.starts_with("data:image/jpeg;base64,"));

    // The copy names every field, the consent history and the notice text.
    let r = phone
        .post_json(
            "/api/me/export",
            &serde_json::json!({ "code": code }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let export: DataExport = serde_json::from_str(&r.body).unwrap();
    let json: serde_json::Value = serde_json::from_str(&export.json).unwrap();
    for f in Field::ALL {
        assert!(json["fields"].get(f.as_str()).is_some(), "{f:?} named");
    }
    assert_eq!(json["fields"]["email"], "dace@example.lv");
    assert_eq!(json["consent_history"][0]["choice"], "green");
    assert_eq!(
        json["consent_history"][0]["notice_text"],
        mine.history[0].notice_text.as_str()
    );
    assert_eq!(json["photos"][0]["id"], photo.as_str());
    assert!(export.csv.starts_with("section,item,key,value"));
    assert!(export.csv.contains("fields,,email,dace@example.lv"));
    assert!(!export.file_stem.contains("Dace"));

    // Correct a field; a field the event does not collect is refused.
    let fixed = me(
        &mut phone,
        "/api/me/correct",
        serde_json::json!({ "code": code, "field": "last_name", "value": "Ozoliņa" }),
    )
    .await;
    assert!(fixed
        .fields
        .iter()
        .any(|f| f.field == Field::LastName && f.value == "Ozoliņa"));
    let r = phone
        .post_json(
            "/api/me/correct",
            &serde_json::json!({ "code": code, "field": "phone", "value": "+37120000000" })
                .to_string(),
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("field_not_collected"));

    // Switch to red in one step: a new self-service row; thumbnails are hidden now.
    let none = serde_json::json!({ "guardian_name": "", "guardian_confirmed": false });
    let notice = phone.me_notice(&code, "en").await;
    let red = me(
        &mut phone,
        "/api/me/consent",
        serde_json::json!({ "code": code, "choice": "red", "guardian": none, "notice": notice }),
    )
    .await;
    assert_eq!(red.consent, Some(Consent::Red));
    assert_eq!(red.history.len(), 2);
    assert_eq!(red.history[1].channel, app::types::Channel::SelfService);
    assert!(red.photos.is_empty() && red.photo_count == 1);
    // And back to green: the code proves it is them.
    let notice = phone.me_notice(&code, "lv").await;
    let green = me(
        &mut phone,
        "/api/me/consent",
        serde_json::json!({ "code": code, "choice": "green", "guardian": none, "notice": notice }),
    )
    .await;
    assert_eq!(green.consent, Some(Consent::Green));

    // Request removal of the chosen photo, with a message; a second one is refused.
    let asked = me(
        &mut phone,
        "/api/me/request",
        serde_json::json!({ "code": code, "request": { "kind": "removal", "photos": [photo], "message": "Please remove it", "lang": "en" } }),
    )
    .await;
    assert_eq!(asked.requests.len(), 1);
    assert_eq!(asked.requests[0].status, RequestStatus::Received);
    let again = phone
        .post_json(
            "/api/me/request",
            &serde_json::json!({ "code": code, "request": { "kind": "removal", "photos": [], "message": "", "lang": "en" } }).to_string(),
        )
        .await;
    assert_eq!(again.status, 400);
    assert!(again.body.contains("request_open"));
    let foreign = phone
        .post_json(
            "/api/me/request",
            &serde_json::json!({ "code": code, "request": { "kind": "erasure", "photos": ["not-mine"], "message": "", "lang": "en" } }).to_string(),
        )
        .await;
    assert_eq!(foreign.status, 200, "photos are ignored for an erasure");

    // The organiser sees the request with the photo, the due date and the message.
    let requests = org.requests(&ev).await;
    let removal = requests
        .iter()
        .find(|c| c.kind == RequestKind::Removal)
        .unwrap();
    assert_eq!(removal.attendee_id.get(), attendee);
    assert_eq!(removal.person, "Dace Ozoliņa");
    assert_eq!(
        removal.days_left.map(|d| (28..=31).contains(&d)),
        Some(true)
    );
    let view = request_call(
        &mut org,
        "/api/requests/get",
        serde_json::json!({ "request_id": removal.id }),
    )
    .await;
    assert_eq!(view.channel, "self_service");
    assert_eq!(view.message, "Please remove it");
    assert_eq!(view.photos.len(), 1);
    assert_eq!(view.photos[0].photo_id.as_deref(), Some(photo.as_str()));
    assert_eq!(view.blockers, vec![RequestBlocker::UndecidedPhotos]);
    assert!(
        view.closing_message.contains("Please remove")
            || view.closing_message.contains("remove photos")
    );

    // Every step is in the audit log under the attendee, without values.
    let db = server.db();
    let subject_rows: i64 = db
        .query_row(
            "SELECT count(*) FROM audit_log WHERE principal_kind = 'data_subject'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(subject_rows >= 6, "{subject_rows}");
    assert!(rows_mentioning(&db, "Ozoliņa", &[])
        .iter()
        .all(|h| h.starts_with("attendees.")));
    server.stop();
}

#[tokio::test]
async fn decisions_delete_blur_and_keep_are_carried_out_and_the_request_closes_after_takedowns() {
    // Requirements 15, 16: per-photo decisions; takedown checklist; the deadline.
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    let (token, _code, attendee) = register(
        &server,
        &mut kiosk,
        serde_json::json!({ "first_name": "Ilze" }),
        "green",
    )
    .await;
    let (p_del, p_blur, p_keep) = (
        upload(&mut org, &ev, 11).await,
        upload(&mut org, &ev, 12).await,
        upload(&mut org, &ev, 13).await,
    );
    for p in [&p_del, &p_blur, &p_keep] {
        tag(&mut org, p, &token, None).await;
    }
    publish(&mut org, &p_del, "https://example.lv/gallery/1").await;
    publish(&mut org, &p_blur, "https://example.lv/gallery/2").await;

    // Opened by the organiser (a phone call), identified by the badge.
    let missing = org
        .post_json(
            "/api/requests/open",
            &serde_json::json!({ "event_id": ev, "request": { "subject": { "by": "badge", "value": token }, "kind": "removal", "message": "", "identity_check": " ", "lang": "en" } }).to_string(),
        )
        .await;
    assert_eq!(missing.status, 400);
    assert!(missing.body.contains("identity_check_missing"));
    let request_id = org
        .open_request(
            &ev,
            serde_json::json!({ "subject": { "by": "badge", "value": format!("http://127.0.0.1:3000/b/{token}") }, "kind": "removal", "message": "Called on 23 Nov", "identity_check": "Read back the badge code", "lang": "en" }),
        )
        .await;
    let view = request_call(
        &mut org,
        "/api/requests/review",
        serde_json::json!({ "request_id": request_id }),
    )
    .await;
    assert_eq!(view.status, RequestStatus::InReview);
    assert_eq!(view.photos.len(), 3);
    let item = |v: &RequestView, p: &str| {
        v.photos
            .iter()
            .find(|c| c.photo_id.as_deref() == Some(p))
            .unwrap()
            .item
    };
    let (i_del, i_blur, i_keep) = (
        item(&view, &p_del),
        item(&view, &p_blur),
        item(&view, &p_keep),
    );

    // While the request is open, every photo of the person is blocked from export.
    let lib = org.photo_library(&ev).await;
    assert_eq!(lib.counts.blocked, 3);

    // Keep needs a reason; blur needs a region.
    for (decision, want) in [("keep", "reason_missing"), ("blur", "region_missing")] {
        let r = org
            .post_json(
                "/api/requests/decide",
                &serde_json::json!({ "request_id": request_id, "decision": { "item": i_keep, "decision": decision, "reason": "" } }).to_string(),
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains(want), "{}", r.body);
    }

    // Delete: files and rows gone.
    let photos = server.dir().join("photos");
    let files_of = |p: &str| {
        [
            photos.join("originals").join(p),
            photos.join("previews").join(format!("{p}.jpg")),
            photos.join("thumbs").join(format!("{p}.jpg")),
        ]
    };
    assert!(files_of(&p_del).iter().all(|f| f.exists()));
    let v = request_call(
        &mut org,
        "/api/requests/decide",
        serde_json::json!({ "request_id": request_id, "decision": { "item": i_del, "decision": "delete" } }),
    )
    .await;
    assert!(
        files_of(&p_del).iter().all(|f| !f.exists()),
        "every file of the photo is gone"
    );
    let db = server.db();
    let row_id: Option<i64> = db
        .query_row(
            "SELECT id FROM photos WHERE public_id = ?1",
            [&p_del],
            |r| r.get(0),
        )
        .ok();
    assert_eq!(row_id, None);
    assert_eq!(
        rows_mentioning(&db, &p_del, &["audit_log"]),
        Vec::<String>::new(),
        "no row but the audit trail names the photo"
    );
    let photo_rows: i64 = db
        .query_row(
            "SELECT (SELECT count(*) FROM photo_tags WHERE photo_id NOT IN (SELECT id FROM photos))
                  + (SELECT count(*) FROM publications WHERE photo_id NOT IN (SELECT id FROM photos))
                  + (SELECT count(*) FROM request_photos WHERE photo_id IS NOT NULL AND photo_id NOT IN (SELECT id FROM photos))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(photo_rows, 0, "no row refers to the deleted photo");
    let deleted = v.photos.iter().find(|c| c.item == i_del).unwrap();
    assert_eq!(deleted.photo_id, None);
    assert_eq!(deleted.decision, Some(PhotoDecision::Delete));
    assert_eq!(
        v.takedowns.len(),
        1,
        "the deleted photo's publication is to take down"
    );
    let audit: Vec<String> = db
        .prepare(
            "SELECT action || ' ' || subject FROM audit_log WHERE action LIKE 'photo.%delete%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.starts_with("photo.file.delete") && a.contains("original,preview,thumb")),
        "{audit:?}"
    );

    // Blur: the stored image changes inside the region only; a takedown item is added.
    let before = std::fs::read(photos.join("originals").join(&p_blur)).unwrap();
    let v = request_call(
        &mut org,
        "/api/requests/decide",
        serde_json::json!({ "request_id": request_id, "decision": { "item": i_blur, "decision": "blur", "region": { "x": 0.25, "y": 0.25, "w": 0.5, "h": 0.5 } } }),
    )
    .await;
    let after = std::fs::read(photos.join("originals").join(&p_blur)).unwrap();
    assert_ne!(before, after);
    let (w, h, a) = fixtures::decode_rgb(&before);
    let (w2, h2, b) = fixtures::decode_rgb(&after);
    assert_eq!((w, h), (w2, h2));
    let diff = |inside: bool| {
        let (mut sum, mut n) = (0f64, 0f64);
        for (i, (pa, pb)) in a.chunks(3).zip(b.chunks(3)).enumerate() {
            let (x, y) = (i as u32 % w, i as u32 / w);
            let within = x >= w / 4 && x < 3 * w / 4 && y >= h / 4 && y < 3 * h / 4;
            if within == inside {
                sum += (pa[0] as f64 - pb[0] as f64).abs();
                n += 1.0;
            }
        }
        sum / n
    };
    assert!(diff(true) > 8.0, "the region is blurred: {}", diff(true));
    assert!(diff(false) < 4.0, "the rest is unchanged: {}", diff(false));
    assert_eq!(v.takedowns.len(), 2);
    // A blurred photo cannot be "kept" unblurred afterwards.
    let r = org
        .post_json(
            "/api/requests/decide",
            &serde_json::json!({ "request_id": request_id, "decision": { "item": i_blur, "decision": "keep", "reason": "x" } }).to_string(),
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("decision_final"));

    // Keep with a reason.
    let v = request_call(
        &mut org,
        "/api/requests/decide",
        serde_json::json!({ "request_id": request_id, "decision": { "item": i_keep, "decision": "keep", "reason": "Public interest: open council session" } }),
    )
    .await;
    assert_eq!(v.blockers, vec![RequestBlocker::OpenTakedowns]);
    let closing = org
        .post_json(
            "/api/requests/close",
            &serde_json::json!({ "request_id": request_id, "note": "" }).to_string(),
        )
        .await;
    assert_eq!(closing.status, 400);
    assert!(closing.body.contains("request_blocked"));

    // One takedown done, the other explained: then the request closes.
    let v = request_call(
        &mut org,
        "/api/requests/takedown",
        serde_json::json!({ "request_id": request_id, "takedown_id": v.takedowns[0].id, "done": true, "note": "" }),
    )
    .await;
    let v = request_call(
        &mut org,
        "/api/requests/takedown",
        serde_json::json!({ "request_id": request_id, "takedown_id": v.takedowns[1].id, "done": false, "note": "Printed brochure, already handed out" }),
    )
    .await;
    assert!(v.blockers.is_empty(), "{:?}", v.blockers);
    let v = request_call(
        &mut org,
        "/api/requests/close",
        serde_json::json!({ "request_id": request_id, "note": "" }),
    )
    .await;
    assert_eq!(v.status, RequestStatus::Done);
    assert!(v
        .closing_message
        .contains("Public interest: open council session"));
    assert!(v.closing_message.contains("Printed brochure"));
    assert!(v.trail.iter().any(|t| t.action == "removal.decide"));
    assert!(v.trail.iter().any(|t| t.action == "photo.file.delete"));
    assert!(v.trail.iter().any(|t| t.action == "removal.takedown"));

    // Closed: the blurred photo no longer shows the person and may be published once
    // reviewed; the kept one follows the person's consent (green: publishable).
    let lib = org.photo_library(&ev).await;
    assert_eq!(lib.counts.total, 2);
    assert_eq!(lib.counts.blocked, 0);
    let _ = attendee;
    server.stop();
}

#[tokio::test]
async fn erasure_leaves_no_name_email_or_badge_token_anywhere_and_counts_stay() {
    // Requirements 17 (erasure), 4 (consent counts still add up), 19 (audited, no values).
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    let (token, code, _) = register(
        &server,
        &mut kiosk,
        serde_json::json!({ "first_name": "Zentaurs", "last_name": "Kvadrāts", "email": "zentaurs.k@example.lv" }),
        "green",
    )
    .await;
    let (_other, _, _) = register(
        &server,
        &mut kiosk,
        serde_json::json!({ "first_name": "Anna" }),
        "red",
    )
    .await;
    // Scanned by the organiser, tagged in a photo, consent switched once.
    let r = org
        .post_json(
            "/api/scan/record",
            &serde_json::json!({ "scans": [{ "client_scan_id": "scan-0001", "token": token, "device_time": null, "shown": "green" }] }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let photo = upload(&mut org, &ev, 21).await;
    tag(&mut org, &photo, &token, Some((0.1, 0.1, 0.3, 0.3))).await;
    // Issue 14, point 5: a photo that is kept, uploaded under the person's name and
    // naming them and their email in its EXIF, XMP and a trailer (stored byte for byte).
    let naming = fixtures::jpeg_naming(640, 480, 22, "Zentaurs Kvadrāts", "zentaurs.k@example.lv");
    let kept = org
        .upload(&ev, "Zentaurs_Kvadrāts_2026-05-14.jpg", naming.clone())
        .await;
    tag(&mut org, &kept, &token, None).await;
    assert_eq!(
        org.photo_detail(&kept).await.original_name.as_deref(),
        Some("Zentaurs_Kvadrāts_2026-05-14.jpg")
    );
    let kept_original = server.dir().join("photos/originals").join(&kept);
    assert_eq!(
        std::fs::read(&kept_original).unwrap(),
        naming,
        "stored as uploaded"
    );
    let mut phone = server.client();
    let none = serde_json::json!({ "guardian_name": "", "guardian_confirmed": false });
    let notice = phone.me_notice(&code, "en").await;
    me(
        &mut phone,
        "/api/me/consent",
        serde_json::json!({ "code": code, "choice": "red", "guardian": none, "notice": notice }),
    )
    .await;
    let counts_before = org.event_stats(&ev).await.stats;

    // The attendee asks for erasure; the organiser decides the photo, then erases.
    me(
        &mut phone,
        "/api/me/request",
        serde_json::json!({ "code": code, "request": { "kind": "erasure", "photos": [], "message": "Zentaurs asks to be forgotten", "lang": "lv" } }),
    )
    .await;
    let request = org.requests(&ev).await.remove(0);
    assert_eq!(request.kind, RequestKind::Erasure);
    let r = org
        .post_json(
            "/api/requests/erase",
            &serde_json::json!({ "request_id": request.id }).to_string(),
        )
        .await;
    assert_eq!(r.status, 400, "photos are decided first");
    assert!(r.body.contains("request_blocked"));
    let v = request_call(
        &mut org,
        "/api/requests/get",
        serde_json::json!({ "request_id": request.id }),
    )
    .await;
    let item = |v: &RequestView, p: &str| {
        v.photos
            .iter()
            .find(|c| c.photo_id.as_deref() == Some(p))
            .unwrap()
            .item
    };
    let (i_photo, i_kept) = (item(&v, &photo), item(&v, &kept));
    request_call(
        &mut org,
        "/api/requests/decide",
        serde_json::json!({ "request_id": request.id, "decision": { "item": i_photo, "decision": "delete" } }),
    )
    .await;
    let v = request_call(
        &mut org,
        "/api/requests/decide",
        serde_json::json!({ "request_id": request.id, "decision": { "item": i_kept, "decision": "keep", "reason": "Group photo of the opening, legitimate interest" } }),
    )
    .await;
    assert_eq!(v.blockers, vec![RequestBlocker::NotErased]);
    let v = request_call(
        &mut org,
        "/api/requests/erase",
        serde_json::json!({ "request_id": request.id }),
    )
    .await;
    assert_eq!(v.status, RequestStatus::Done);
    assert!(v.erased);
    assert!(v.person.is_empty());

    // The kept photo stays, without its file name; its original was rewritten with
    // nothing but its pixels (oriented: the EXIF said 6), and the same file uploaded
    // again is still recognised as that photo.
    let detail = org.photo_detail(&kept).await;
    assert_eq!(detail.original_name, None);
    assert_eq!((detail.width, detail.height), (480, 640));
    let rewritten = std::fs::read(&kept_original).unwrap();
    assert_ne!(rewritten, naming);
    assert!(!fixtures::jpeg_has_metadata(&rewritten));
    assert_eq!(
        fixtures::decode_rgb(&rewritten).0,
        480,
        "orientation applied"
    );
    let again = org.upload_photo(&ev, "copy.jpg", naming.clone()).await;
    let again: serde_json::Value = serde_json::from_str(&again.body).unwrap();
    assert_eq!(again["photo"], kept.as_str());
    assert_eq!(again["duplicate"], true);
    assert_eq!(std::fs::read(&kept_original).unwrap(), rewritten);

    // The code no longer opens anything.
    let r = phone
        .post_json(
            "/api/me/open",
            &serde_json::json!({ "code": code }).to_string(),
        )
        .await;
    assert_eq!(r.status, 400);

    // Counts are unchanged: the anonymous row and its consent rows stay.
    let counts_after = org.event_stats(&ev).await.stats;
    assert_eq!(counts_before, counts_after);
    // The list says "erased" for that row instead of an empty one (issue 16 point 6).
    let list = org.attendees(&ev, serde_json::json!({})).await;
    let erased: Vec<_> = list.rows.iter().filter(|r| r.erased).collect();
    assert_eq!(erased.len(), 1, "{:?}", list.rows);
    assert_eq!(erased[0].fields, app::types::PersonFields::default());
    assert!(list
        .rows
        .iter()
        .filter(|r| !r.erased)
        .all(|r| r.fields.first_name.is_some()));
    let db = server.db();
    let (consents, reduced): (i64, i64) = db
        .query_row(
            "SELECT count(*), sum(channel_ref = 'erased' AND guardian_name IS NULL AND signature_id IS NULL)
             FROM consents WHERE attendee_id = (SELECT id FROM attendees WHERE erased_at IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((consents, reduced), (2, 2));
    // Consent history stays append-only otherwise.
    let first_choice: String = db
        .query_row("SELECT choice FROM consents WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(first_choice, "green");
    assert!(db
        .execute("UPDATE consents SET choice = 'red' WHERE id = 1", [])
        .is_err());
    assert!(db
        .execute(
            "UPDATE consents SET channel_ref = 'kiosk:9' WHERE id = 1",
            []
        )
        .is_err());
    assert!(db.execute("DELETE FROM consents WHERE id = 1", []).is_err());
    let erase_rows: i64 = db
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'attendee.erase'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(erase_rows, 1);
    drop(db);

    // No trace in any table, nor in the database files or the photos dir.
    let dir = server.stop();
    let db = rusqlite::Connection::open(dir.path().join("lanyard.sqlite3")).unwrap();
    for needle in [
        "Zentaurs",
        "Kvadrāts",
        "zentaurs.k@example.lv",
        token.as_str(),
    ] {
        assert_eq!(
            rows_mentioning(&db, needle, &[]),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    drop(db);
    for needle in [
        "Zentaurs",
        "Kvadrāts",
        "zentaurs.k@example.lv",
        token.as_str(),
    ] {
        assert_eq!(
            files_containing(dir.path(), needle.as_bytes()),
            Vec::<String>::new(),
            "{needle} in a file"
        );
    }
}

#[tokio::test]
async fn the_organiser_exports_a_persons_data_for_a_request_by_email_and_it_is_audited() {
    // Requirements 17 (access and portability from the organiser side) and 19.
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_and_email(&mut org, &ev).await;
    let (_, _, attendee) = register(
        &server,
        &mut kiosk,
        serde_json::json!({ "first_name": "Pēteris", "email": "peteris@example.lv" }),
        "red",
    )
    .await;
    let r = org
        .post_json(
            "/api/attendees/export",
            &serde_json::json!({ "event_id": ev, "attendee_id": attendee }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let export: DataExport = serde_json::from_str(&r.body).unwrap();
    let json: serde_json::Value = serde_json::from_str(&export.json).unwrap();
    assert_eq!(json["fields"]["email"], "peteris@example.lv");
    assert_eq!(json["consent"], "red");
    assert!(export.csv.contains("consent_history,1,choice,red"));
    // Another event's organiser cannot.
    let mut other = server.organiser("other@example.lv").await;
    let theirs = other.create_event("Theirs", "lv").await;
    let r = other
        .post_json(
            "/api/attendees/export",
            &serde_json::json!({ "event_id": theirs.id, "attendee_id": attendee }).to_string(),
        )
        .await;
    assert_eq!(r.status, 404);
    let db = server.db();
    let audited: i64 = db
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'attendee.export' AND subject = ?1
               AND actor LIKE 'user:%'",
            [format!("attendee:{attendee}")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
    server.stop();
}

#[tokio::test]
async fn an_accepted_objection_or_restriction_keeps_the_persons_photos_held_back() {
    // Requirement 17: restriction and objection. While the request is open and after the
    // organiser closes it as done, the person's photos are not publishable; a refused one
    // releases them.
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let (token, code, _) = register(&server, &mut kiosk, serde_json::json!({}), "green").await;
    let photo = upload(&mut org, &ev, 31).await;
    tag(&mut org, &photo, &token, None).await;
    use app::types::PhotoState;
    async fn state(org: &mut Client, photo: &str) -> PhotoState {
        org.photo_detail(photo).await.state
    }
    org.review(&photo, true).await;
    assert_eq!(state(&mut org, &photo).await, PhotoState::Publishable);
    let mut phone = server.client();
    for (kind, outcome) in [("restriction", "close"), ("objection", "refuse")] {
        me(
            &mut phone,
            "/api/me/request",
            serde_json::json!({ "code": code, "request": { "kind": kind, "photos": [], "message": "", "lang": "en" } }),
        )
        .await;
        assert_eq!(
            state(&mut org, &photo).await,
            PhotoState::Blocked,
            "{kind} open"
        );
        let request = org
            .requests(&ev)
            .await
            .into_iter()
            .find(|c| c.kind.as_str() == kind && c.status == RequestStatus::Received)
            .unwrap();
        let body = if outcome == "close" {
            serde_json::json!({ "request_id": request.id, "note": "Accepted" })
        } else {
            serde_json::json!({ "request_id": request.id, "reason": "Legitimate interest outweighs" })
        };
        request_call(&mut org, &format!("/api/requests/{outcome}"), body).await;
    }
    // The restriction was accepted: still held back, though the objection was refused.
    assert_eq!(state(&mut org, &photo).await, PhotoState::Blocked);
    server.stop();
}
