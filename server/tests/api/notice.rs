//! Issue 14 point 4 (requirement 4): a consent decision records exactly the notice
//! version the page showed, and only while it is the current one of its event and
//! language; otherwise 409 `notice_changed` and nothing is recorded. The consent audit
//! row names the choice inside the hash chain. Issue 14 point 6 (requirement 6, the
//! consent part): the guardian's name, the signature image and the number of consent
//! changes an hour are limited.

use crate::common::{registration_seen, Client, TestApp};
use app::types::{AttendeeDetail, EventSettings, MyData, Registered};
use serde_json::{json, Value};

/// The organiser edits the notice (a new controller name): every language gets a new
/// version.
async fn edit_notice(org: &mut Client, event_id: &str, controller: &str) {
    let settings = EventSettings {
        controller_name: controller.into(),
        ..Default::default()
    };
    let view = org.save_settings(event_id, &settings).await;
    assert!(view.notices.iter().all(|n| n.text.contains(controller)));
}

/// The notice version (id, sha256) of the newest consent row.
fn last_consent_notice(server: &TestApp) -> (i64, String, String) {
    server
        .db()
        .query_row(
            "SELECT n.id, n.sha256, n.text FROM consents c
             JOIN notice_versions n ON n.id = c.notice_version_id
             ORDER BY c.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

fn count(server: &TestApp, table: &str) -> i64 {
    server
        .db()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The kiosk loaded the notice, the organiser edited it, the kiosk submits: 409
/// `notice_changed` and no attendee, no consent row. With the new version it shows
/// again, the registration records exactly that one. A version with another text's
/// hash, another event's version, or none at all are refused with 400.
#[tokio::test]
async fn a_kiosk_registration_records_the_notice_shown_or_is_409_once_it_changed() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, event_id) = server.organiser_and_kiosk().await;
    let shown = kiosk.kiosk_notice("en").await;
    edit_notice(&mut org, &event_id, "Valsts kanceleja").await;

    let before = (count(&server, "attendees"), count(&server, "consents"));
    let stale = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(json!({}), false, Some("green"), &shown),
        )
        .await;
    assert_eq!(
        (stale.status, stale.body.as_str()),
        (409, r#""notice_changed""#)
    );
    assert_eq!(
        (count(&server, "attendees"), count(&server, "consents")),
        before,
        "nothing recorded"
    );

    // The kiosk fetches the notice again, shows it, and the attendee confirms.
    let fresh = kiosk.kiosk_notice("en").await;
    assert_ne!(fresh, shown);
    let ok = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(json!({}), false, Some("green"), &fresh),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let (id, sha, text) = last_consent_notice(&server);
    assert_eq!(json!({ "id": id, "sha256": sha }), fresh);
    assert!(text.contains("Valsts kanceleja"), "the edited text: {text}");

    // A real version id with another text's hash.
    let forged = json!({ "id": fresh["id"], "sha256": shown["sha256"] });
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(json!({}), false, Some("red"), &forged),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"notice_unknown"}"#)
    );
    // Another event's current notice.
    let other = org.create_event("Other", "en").await;
    let theirs = org.event_notice(other.id.as_str(), "en").await;
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(json!({}), false, Some("red"), &theirs),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"notice_wrong_event"}"#)
    );
    // No notice named at all.
    let none = json!({ "registration": { "lang": "en", "fields": {}, "choice": "red" } });
    let r = kiosk
        .post_json("/api/kiosk/register", &none.to_string())
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"notice_version_missing"}"#)
    );
    // Not a hash at all: refused when the request is parsed.
    let bad = json!({ "id": fresh["id"], "sha256": "not-a-hash" });
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(json!({}), false, Some("red"), &bad),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"malformed_request"}"#)
    );
    // The event no longer offers English: its (still newest) English notice is stale.
    let lv_only = EventSettings {
        controller_name: "Valsts kanceleja".into(),
        languages: vec!["lv".into()],
        ..Default::default()
    };
    org.save_settings(&event_id, &lv_only).await;
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(json!({}), false, Some("red"), &fresh),
        )
        .await;
    assert_eq!((r.status, r.body.as_str()), (409, r#""notice_changed""#));
    assert_eq!(count(&server, "consents"), before.1 + 1);
    server.stop();
}

/// `/me`: the page showed the notice before a switch to green; the organiser edited it
/// meanwhile. The switch is 409 and records nothing; with the version the page shows
/// after reloading, the row names exactly that version.
#[tokio::test]
async fn a_switch_to_green_on_me_records_the_notice_shown_or_is_409_once_it_changed() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, event_id) = server.organiser_and_kiosk().await;
    let reg = kiosk.register_at_kiosk(json!({}), false, Some("red")).await;
    let code = reg.private_code;
    let mut phone = server.client();
    let shown = phone.me_notice(&code, "lv").await;
    edit_notice(&mut org, &event_id, "Rīgas dome").await;

    let switch = |notice: &Value| {
        json!({ "code": code, "choice": "green", "guardian": {}, "notice": notice }).to_string()
    };
    let stale = phone.post_json("/api/me/consent", &switch(&shown)).await;
    assert_eq!(
        (stale.status, stale.body.as_str()),
        (409, r#""notice_changed""#)
    );
    let open: MyData = phone.call("/api/me/open", json!({ "code": code })).await;
    assert_eq!(open.history.len(), 1, "nothing recorded");
    assert_eq!(open.consent, Some(app::types::Consent::Red));

    let fresh = phone.me_notice(&code, "lv").await;
    assert_ne!(fresh, shown);
    let r = phone.post_json("/api/me/consent", &switch(&fresh)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let data: MyData = serde_json::from_str(&r.body).unwrap();
    assert_eq!(data.consent, Some(app::types::Consent::Green));
    let last = data.history.last().unwrap();
    assert_eq!(
        json!({ "id": last.notice_version_id, "sha256": last.notice_sha256 }),
        fresh
    );
    assert!(last.notice_text.contains("Rīgas dome"));
    // Without a version the switch is refused with a sentence, not recorded.
    let r = phone
        .post_json(
            "/api/me/consent",
            &json!({ "code": code, "choice": "red", "guardian": {} }).to_string(),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"notice_version_missing"}"#)
    );
    server.stop();
}

/// The organiser's forms show the notice and send its version: registering on behalf
/// and changing a decision with a version edited meanwhile are 409.
#[tokio::test]
async fn the_organisers_forms_record_the_notice_shown_or_are_409_once_it_changed() {
    let server = TestApp::start().await;
    let (mut org, _kiosk, event_id) = server.organiser_and_kiosk().await;
    let shown = org.event_notice(&event_id, "en").await;
    edit_notice(&mut org, &event_id, "Latvijas Universitāte").await;
    let register = |notice: &Value| {
        json!({ "event_id": event_id, "registration": {
            "fields": {}, "is_minor": false, "consent": { "choice": "green", "notice": notice }
        }})
        .to_string()
    };
    let r = org
        .post_json("/api/attendees/register", &register(&shown))
        .await;
    assert_eq!((r.status, r.body.as_str()), (409, r#""notice_changed""#));
    assert_eq!(count(&server, "attendees"), 0);
    let fresh = org.event_notice(&event_id, "en").await;
    let reg: Registered = org
        .call(
            "/api/attendees/register",
            serde_json::from_str(&register(&fresh)).unwrap(),
        )
        .await;
    assert_eq!(reg.badge.consent, app::types::Consent::Green);
    let (id, sha, _) = last_consent_notice(&server);
    assert_eq!(json!({ "id": id, "sha256": sha }), fresh);

    let attendee: i64 = server
        .db()
        .query_row("SELECT id FROM attendees", [], |r| r.get(0))
        .unwrap();
    edit_notice(&mut org, &event_id, "Rīgas Tehniskā universitāte").await;
    let change = |notice: &Value| {
        json!({ "event_id": event_id, "attendee_id": attendee,
                "consent": { "choice": "red", "notice": notice } })
    };
    let r = org
        .post_json("/api/attendees/consent", &change(&fresh).to_string())
        .await;
    assert_eq!((r.status, r.body.as_str()), (409, r#""notice_changed""#));
    let newest = org.event_notice(&event_id, "en").await;
    let d: AttendeeDetail = org.call("/api/attendees/consent", change(&newest)).await;
    assert_eq!(d.history.len(), 2, "the refused change recorded nothing");
    assert_eq!(
        json!({ "id": d.history[1].notice_version_id, "sha256": d.history[1].notice_sha256 }),
        newest
    );
    server.stop();
}

/// The audit row of every consent decision names the choice and the notice version, so
/// the hash chain protects them: turning a recorded red into green in the log breaks
/// the chain.
#[tokio::test]
async fn consent_audit_rows_carry_the_choice_inside_the_hash_chain() {
    let server = TestApp::start().await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    let reg = kiosk
        .register_at_kiosk(json!({}), false, Some("green"))
        .await;
    let mut phone = server.client();
    let notice = phone.me_notice(&reg.private_code, "en").await;
    let _: MyData = phone
        .call(
            "/api/me/consent",
            json!({ "code": reg.private_code, "choice": "red", "guardian": {}, "notice": notice }),
        )
        .await;
    let subjects: Vec<String> = {
        let db = server.db();
        let mut st = db
            .prepare("SELECT subject FROM audit_log WHERE action = 'consent.record' ORDER BY id")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    assert!(
        subjects[0].contains(",choice:green,notice_version:"),
        "{subjects:?}"
    );
    assert!(
        subjects[1].ends_with(&format!(",choice:red,notice_version:{}", notice["id"])),
        "{subjects:?}"
    );
    assert_eq!(
        server.state.store.verify_audit().await.unwrap().map(|_| ()),
        Ok(())
    );
    // Someone with the database file rewrites the withdrawal as a green choice.
    let db = server.db();
    db.execute_batch("DROP TRIGGER IF EXISTS audit_log_no_update")
        .unwrap();
    db.execute(
        "UPDATE audit_log SET subject = replace(subject, 'choice:red', 'choice:green')
         WHERE action = 'consent.record' AND subject LIKE '%choice:red%'",
        [],
    )
    .unwrap();
    assert!(
        server.state.store.verify_audit().await.unwrap().is_err(),
        "the chain breaks at the rewritten choice"
    );
    server.stop();
}

/// A signature as the pad draws it: a 600 × 200 transparent canvas with a dark stroke.
pub(crate) fn drawn_signature(w: u32, h: u32) -> Vec<u8> {
    let mut img = image::RgbaImage::new(w, h);
    for x in 20..w - 20 {
        let t = x as f32 / 40.0;
        let y = (h as f32 / 2.0 + (t.sin() * h as f32 / 4.0)) as u32;
        for dy in 0..3 {
            img.put_pixel(x, (y + dy).min(h - 1), image::Rgba([20, 20, 60, 255]));
        }
    }
    png_bytes(&img)
}

fn png_bytes(img: &image::RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// `bytes` with a `tEXt` chunk holding `text` put before the image end.
fn with_text_chunk(bytes: &[u8], text: &str) -> Vec<u8> {
    let mut chunk = b"tEXtComment\0".to_vec();
    chunk.extend_from_slice(text.as_bytes());
    let mut crc = 0xffff_ffffu32;
    for b in &chunk {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    let end = bytes.len() - 12;
    let mut out = bytes[..end].to_vec();
    out.extend_from_slice(&((chunk.len() - 4) as u32).to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&(!crc).to_be_bytes());
    out.extend_from_slice(&bytes[end..]);
    out
}

pub(crate) fn data_url(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// A minor's green at the kiosk with guardian `name` and signature `png`.
async fn minor_green(kiosk: &mut Client, name: &str, signature: &str) -> (u16, String) {
    let notice = kiosk.kiosk_notice("lv").await;
    let body = json!({ "registration": {
        "lang": "lv", "notice": notice, "fields": {}, "is_minor": true, "choice": "green",
        "guardian_name": name, "guardian_confirmed": true, "signature_data_url": signature
    }});
    let r = kiosk
        .post_json("/api/kiosk/register", &body.to_string())
        .await;
    (r.status, r.body)
}

/// Issue 14 point 6: the guardian's name is at most 200 characters; the signature is a
/// PNG of at most 200 KB and 2000 × 1000 pixels, decoded and stored re-encoded (what
/// the browser added beyond the pixels is not kept). Each refusal has its own sentence
/// and records nothing.
#[tokio::test]
async fn guardian_names_and_signatures_are_limited_and_signatures_stored_reencoded() {
    let server = TestApp::start().await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    let signature = drawn_signature(600, 200);

    let long_name = "Ā".repeat(201);
    let r = minor_green(&mut kiosk, &long_name, &data_url(&signature)).await;
    assert_eq!(r, (400, r#"{"BadInput":"guardian_name_too_long"}"#.into()));

    // Random pixels do not compress: a 600 × 200 PNG of noise is over 200 KB.
    let mut seed = 0x2545_f491_u32;
    let noise = image::RgbaImage::from_fn(600, 200, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        image::Rgba(seed.to_le_bytes())
    });
    let big = png_bytes(&noise);
    assert!(big.len() > 200 * 1024, "{} bytes", big.len());
    let r = minor_green(&mut kiosk, "Pēteris Bērziņš", &data_url(&big)).await;
    assert_eq!(r, (400, r#"{"BadInput":"signature_too_big"}"#.into()));

    let wide = drawn_signature(2400, 300);
    assert!(wide.len() < 200 * 1024);
    let r = minor_green(&mut kiosk, "Pēteris Bērziņš", &data_url(&wide)).await;
    assert_eq!(
        r,
        (400, r#"{"BadInput":"signature_too_large_pixels"}"#.into())
    );
    // A decompression bomb: a few bytes whose header claims 60000 × 60000.
    let bomb = app::domain::imaging::fixtures::png_bomb();
    let r = minor_green(&mut kiosk, "Pēteris Bērziņš", &data_url(&bomb)).await;
    assert_eq!(
        r,
        (400, r#"{"BadInput":"signature_too_large_pixels"}"#.into())
    );
    let tall = drawn_signature(600, 1200);
    let r = minor_green(&mut kiosk, "Pēteris Bērziņš", &data_url(&tall)).await;
    assert_eq!(
        r,
        (400, r#"{"BadInput":"signature_too_large_pixels"}"#.into())
    );

    // A JPEG (a camera photo's first bytes) sent as a PNG; a PNG cut short.
    let jpeg = app::domain::imaging::fixtures::camera_jpeg(320, 240, 1);
    assert!(jpeg.len() < 200 * 1024);
    let r = minor_green(&mut kiosk, "Pēteris Bērziņš", &data_url(&jpeg)).await;
    assert_eq!(r, (400, r#"{"BadInput":"signature_invalid"}"#.into()));
    let cut = &signature[..signature.len() / 2];
    let r = minor_green(&mut kiosk, "Pēteris Bērziņš", &data_url(cut)).await;
    assert_eq!(r, (400, r#"{"BadInput":"signature_invalid"}"#.into()));
    assert_eq!(count(&server, "consents"), 0, "nothing recorded");
    assert_eq!(count(&server, "signatures"), 0, "nothing recorded");

    // A valid signature carrying a text chunk: stored re-encoded, the chunk gone, the
    // pixels the same.
    let sent = with_text_chunk(&signature, "<script>not a signature</script>");
    let name = "Ā".repeat(200);
    let r = minor_green(&mut kiosk, &name, &data_url(&sent)).await;
    assert_eq!(r.0, 200, "{}", r.1);
    let (stored, kept_name): (Vec<u8>, String) = server
        .db()
        .query_row(
            "SELECT s.png, c.guardian_name FROM consents c JOIN signatures s ON s.id = c.signature_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(kept_name, name, "200 characters fit");
    assert_ne!(stored, sent, "re-encoded, not the bytes sent");
    assert!(
        !stored.windows(6).any(|w| w == b"script"),
        "the chunk is gone"
    );
    let back = image::load_from_memory(&stored).unwrap().to_rgba8();
    let original = image::load_from_memory(&signature).unwrap().to_rgba8();
    assert_eq!(back.dimensions(), (600, 200));
    assert_eq!(back.as_raw(), original.as_raw(), "the same pixels");
    server.stop();
}

/// Issue 14 point 6: consent rows can never be deleted, so one attendee's decisions are
/// limited to 20 an hour. The 21st (the registration and 19 switches went through) is
/// 429 with its own sentence and records nothing; another attendee is not affected.
#[tokio::test]
async fn the_twenty_first_consent_decision_within_an_hour_is_429_and_records_nothing() {
    let server = TestApp::start().await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    let reg = kiosk.register_at_kiosk(json!({}), false, Some("red")).await;
    let code = reg.private_code;
    let mut phone = server.client();
    let notice = phone.me_notice(&code, "en").await;
    let switch = |choice: &str| {
        json!({ "code": code, "choice": choice, "guardian": {}, "notice": notice }).to_string()
    };
    for i in 0..19 {
        let choice = if i % 2 == 0 { "green" } else { "red" };
        let r = phone.post_json("/api/me/consent", &switch(choice)).await;
        assert_eq!(r.status, 200, "switch {}: {}", i + 1, r.body);
    }
    let rows = count(&server, "consents");
    assert_eq!(rows, 20);
    let over = phone.post_json("/api/me/consent", &switch("red")).await;
    assert_eq!(
        (over.status, over.body.as_str()),
        (429, r#"{"BadInput":"consent_changes_too_many"}"#)
    );
    assert_eq!(count(&server, "consents"), rows, "nothing recorded");
    let data: MyData = phone.call("/api/me/open", json!({ "code": code })).await;
    assert_eq!(
        data.consent,
        Some(app::types::Consent::Green),
        "the 20th stands"
    );
    // Another attendee registers and switches as usual.
    let other = kiosk.register_at_kiosk(json!({}), false, Some("red")).await;
    let n = phone.me_notice(&other.private_code, "en").await;
    let r = phone
        .post_json(
            "/api/me/consent",
            &json!({ "code": other.private_code, "choice": "green", "guardian": {}, "notice": n })
                .to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    server.stop();
}
