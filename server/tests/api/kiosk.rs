//! Kiosk registration over the API (issue 3, requirements 1, 3, 4, 6, 7, 8; in progress).

use crate::common::{registration, registration_seen, TestApp};
use app::types::{EventSettings, KioskEvent, Registered};

#[tokio::test]
async fn count_only_event_registers_without_personal_data() {
    let server = TestApp::start().await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;

    let ev: KioskEvent =
        serde_json::from_str(&kiosk.post("/api/kiosk/event", &[]).await.body).unwrap();
    assert!(
        ev.fields.enabled().is_empty(),
        "a new event collects no fields"
    );
    assert_eq!(ev.notices.len(), 2);
    assert!(ev
        .notices
        .iter()
        .any(|n| n.lang == "en" && n.text.contains("Summit") && n.text.contains("Your rights")));

    let missing = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration(serde_json::json!({}), false, None),
        )
        .await;
    assert_eq!(
        (missing.status, missing.body.as_str()),
        (400, r#"{"BadInput":"choice_missing"}"#)
    );

    // Fields the event did not switch on are dropped, not stored.
    let sent = serde_json::json!({ "first_name": "Anna", "email": "anna@example.lv" });
    let notice = kiosk.kiosk_notice("en").await;
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration_seen(sent, false, Some("green"), &notice),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let reg: Registered = serde_json::from_str(&r.body).unwrap();
    assert_eq!(reg.badge.name, None);
    assert!(
        !r.body.contains("Anna") && !r.body.contains("anna@"),
        "nothing personal comes back: {}",
        r.body
    );
    assert!(reg.badge.qr_svg.contains("<svg"));
    assert_eq!(reg.private_code.len(), 34);
    let db = std::fs::read(server.dir().join("lanyard.sqlite3")).unwrap();
    let wal = std::fs::read(server.dir().join("lanyard.sqlite3-wal")).unwrap_or_default();
    for bytes in [&db, &wal] {
        assert!(
            !bytes.windows(4).any(|w| w == b"Anna"),
            "the name is not stored anywhere"
        );
    }
    server.stop();
}

#[tokio::test]
async fn required_fields_minors_and_printed_names() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, event_id) = server.organiser_and_kiosk().await;

    let mut settings = EventSettings::default();
    settings.fields.first_name.enabled = true;
    settings.fields.first_name.required = true;
    settings.fields.last_name.enabled = true;
    settings.print_name = true;
    settings.controller_name = "Valsts kanceleja".into();
    let view = org.save_settings(&event_id, &settings).await;
    assert!(
        view.notices
            .iter()
            .all(|n| n.text.contains("Valsts kanceleja")),
        "a new notice version"
    );

    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration(serde_json::json!({ "last_name": "B" }), false, Some("red")),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":{"field_required":"first_name"}}"#)
    );

    let minor = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration(
                serde_json::json!({ "first_name": "Ella" }),
                true,
                Some("green"),
            ),
        )
        .await;
    assert_eq!(
        (minor.status, minor.body.as_str()),
        (400, r#"{"BadInput":"guardian_required"}"#)
    );

    let reg = kiosk
        .register_at_kiosk(
            serde_json::json!({ "first_name": " Anna ", "last_name": "Bērziņa" }),
            false,
            Some("red"),
        )
        .await;
    assert_eq!(reg.badge.name.as_deref(), Some("Anna Bērziņa"));
    assert_eq!(reg.badge.consent, app::types::Consent::Red);
    server.stop();
}

#[tokio::test]
async fn a_minor_with_guardian_is_green_and_the_consent_row_holds_guardian_and_signature() {
    let server = TestApp::start().await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    // A real (1×1) PNG, as the signature pad's canvas.toDataURL() would send.
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    let notice = kiosk.kiosk_notice("lv").await;
    let body = serde_json::json!({ "registration": {
        "lang": "lv", "notice": notice, "fields": {}, "is_minor": true, "choice": "green",
        "guardian_name": "Pēteris Bērziņš", "guardian_confirmed": true,
        "signature_data_url": format!("data:image/png;base64,{png}")
    }})
    .to_string();
    let r = kiosk.post_json("/api/kiosk/register", &body).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let reg: Registered = serde_json::from_str(&r.body).unwrap();
    assert_eq!(reg.badge.consent, app::types::Consent::Green);

    let not_png = body.replace(png, "R0lGODlhAQABAAAAACw=");
    let r = kiosk.post_json("/api/kiosk/register", &not_png).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"signature_invalid"}"#)
    );

    let db = server.db();
    let (name, confirmed, channel, sig_len): (String, bool, String, i64) = db
        .query_row(
            "SELECT c.guardian_name, c.guardian_confirmed, c.channel_ref, length(s.png)
             FROM consents c JOIN signatures s ON s.id = c.signature_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(name, "Pēteris Bērziņš");
    assert!(confirmed);
    assert!(channel.starts_with("kiosk:"));
    assert!(sig_len > 8);
    // The row records the Latvian notice version that was shown.
    let notice: String = db
        .query_row(
            "SELECT n.lang FROM consents c JOIN notice_versions n ON n.id = c.notice_version_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(notice, "lv");
    server.stop();
}

#[tokio::test]
async fn badge_url_shows_only_the_colour_and_unknown_tokens_a_neutral_screen() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, event_id) = server.organiser_and_kiosk().await;
    let mut settings = EventSettings::default();
    settings.fields.first_name.enabled = true;
    settings.fields.email.enabled = true;
    org.save_settings(&event_id, &settings).await;
    let fields = serde_json::json!({ "first_name": "Ilze", "email": "ilze@example.lv" });
    kiosk.register_at_kiosk(fields, false, Some("red")).await;

    let db = server.db();
    let token: String = db
        .query_row("SELECT badge_token FROM attendees", [], |r| r.get(0))
        .unwrap();
    let mut phone = server.client();
    let v = phone
        .post("/api/badges/verdict", &[("token", &token)])
        .await;
    assert_eq!((v.status, v.body.as_str()), (200, r#""red""#));
    let page = phone.get(&format!("/b/{token}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("NO PHOTOS") || page.body.contains("NEFOTOGRAF"),
        "the page shows the verdict"
    );
    for personal in ["Ilze", "ilze@example.lv", "Summit"] {
        assert!(
            !v.body.contains(personal) && !page.body.contains(personal),
            "{personal} must not be shown"
        );
    }

    let unknown = phone
        .post(
            "/api/badges/verdict",
            &[("token", "AAAAAAAAAAAAAAAAAAAAAA")],
        )
        .await;
    assert_eq!((unknown.status, unknown.body.as_str()), (200, "null"));
    let page = phone.get("/b/not-a-token").await;
    assert_eq!(page.status, 200, "a neutral screen, not an error page");
    assert!(page.body.contains("Unknown badge") || page.body.contains("Nezināma nozīmīte"));

    // Look-ups are limited per client: 300 a minute.
    let mut last = 200;
    for _ in 0..300 {
        last = phone
            .post("/api/badges/verdict", &[("token", &token)])
            .await
            .status;
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
    server.stop();
}

/// Issue 16 point 3 (requirement 22): the event's tablets with the name given when
/// pairing, when paired and last seen, and the registrations made on each; renamed,
/// extended and revoked by the organiser. A revoked tablet's sessions are deleted at
/// once and its next request is unpaired; a tablet past its last day stops working until
/// the organiser sets a later one.
#[tokio::test]
async fn tablets_are_listed_renamed_extended_and_revoked_at_once() {
    use app::types::{KioskTablet, PairingCode, TabletStatus};
    use serde_json::json;
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let event = org.create_event("Summit", "en").await.id.into_string();
    let r = org
        .post(
            "/api/kiosk/pairing-code",
            &[("event_id", event.as_str()), ("label", "  Entrance 1 ")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let code: PairingCode = serde_json::from_str(&r.body).unwrap();
    assert_eq!(code.label.as_deref(), Some("Entrance 1"));
    assert!(code.qr_svg.contains("<svg"), "a QR for the tablet's camera");
    // A name over 60 characters is refused in words.
    let long = "x".repeat(61);
    let r = org
        .post(
            "/api/kiosk/pairing-code",
            &[("event_id", event.as_str()), ("label", long.as_str())],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"too_long"}"#)
    );

    // The pairing address in the QR carries the code in its fragment: pairing with
    // the code read from it works.
    let mut kiosk = server
        .kiosk_with_code(app::types::pairing_code_in(&format!(
            "http://x/kiosk#pair={}",
            code.code
        )))
        .await;
    kiosk
        .register_at_kiosk(json!({}), false, Some("green"))
        .await;
    kiosk.register_at_kiosk(json!({}), false, Some("red")).await;

    let list = |tablets: &[KioskTablet]| -> KioskTablet {
        assert_eq!(tablets.len(), 1, "{tablets:?}");
        tablets[0].clone()
    };
    let tablets: Vec<KioskTablet> = org
        .call("/api/kiosk/tablets", json!({ "event_id": event }))
        .await;
    let t = list(&tablets);
    assert_eq!(t.label, "Entrance 1");
    assert_eq!(t.registrations, 2);
    assert_eq!(t.status, TabletStatus::Active);
    assert!(t.last_seen_at.is_some());
    assert_eq!(
        t.valid_until.as_deref(),
        Some("2100-01-01"),
        "the day after the last day"
    );
    // The event page carries the same list.
    assert_eq!(org.event_stats(&event).await.tablets, tablets);

    let change =
        |kind: serde_json::Value| json!({ "event_id": event, "device_id": t.id, "change": kind });
    let renamed: Vec<KioskTablet> = org
        .call(
            "/api/kiosk/tablets/change",
            change(json!({ "kind": "rename", "label": "Entrance 2" })),
        )
        .await;
    assert_eq!(list(&renamed).label, "Entrance 2");
    for (day, err) in [
        ("2000-01-01", "tablet_until_past"),
        ("soon", "date_invalid"),
    ] {
        let r = org
            .post_json(
                "/api/kiosk/tablets/change",
                &change(json!({ "kind": "valid_until", "day": day })).to_string(),
            )
            .await;
        assert_eq!(
            (r.status, r.body.clone()),
            (400, format!(r#"{{"BadInput":"{err}"}}"#))
        );
    }
    let r = org
        .post_json(
            "/api/kiosk/tablets/change",
            &change(json!({ "kind": "rename", "label": " " })).to_string(),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"name_missing"}"#)
    );

    // The organiser's other event does not own this tablet: 404, as for an unknown one.
    let other = org.create_event("Other", "en").await.id.into_string();
    let r = org
        .post_json(
            "/api/kiosk/tablets/change",
            &json!({ "event_id": other, "device_id": t.id, "change": { "kind": "revoke" } })
                .to_string(),
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(
        kiosk.post("/api/kiosk/event", &[]).await.status,
        200,
        "still paired"
    );

    // Past its last day the tablet stops working; a later day brings it back.
    server
        .db()
        .execute("UPDATE events SET ends_on = '2001-01-01'", [])
        .unwrap();
    assert_eq!(
        kiosk.post("/api/kiosk/event", &[]).await.status,
        401,
        "expired"
    );
    let tablets: Vec<KioskTablet> = org
        .call("/api/kiosk/tablets", json!({ "event_id": event }))
        .await;
    assert_eq!(list(&tablets).status, TabletStatus::Expired);
    assert_eq!(list(&tablets).valid_until.as_deref(), Some("2001-01-02"));
    let today: String = server
        .db()
        .query_row("SELECT date('now')", [], |r| r.get(0))
        .unwrap();
    let extended: Vec<KioskTablet> = org
        .call(
            "/api/kiosk/tablets/change",
            change(json!({ "kind": "valid_until", "day": today })),
        )
        .await;
    assert_eq!(list(&extended).status, TabletStatus::Active);
    assert_eq!(
        kiosk.post("/api/kiosk/event", &[]).await.status,
        200,
        "extended"
    );

    // Revoked: its session rows are gone at once and its next request is unpaired.
    let sessions = |server: &TestApp| -> i64 {
        server
            .db()
            .query_row(
                "SELECT count(*) FROM sessions WHERE json_extract(CAST(data AS TEXT), '$.principal.kind') = 'kiosk'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(sessions(&server), 1);
    let revoked: Vec<KioskTablet> = org
        .call(
            "/api/kiosk/tablets/change",
            change(json!({ "kind": "revoke" })),
        )
        .await;
    assert_eq!(list(&revoked).status, TabletStatus::Revoked);
    assert_eq!(
        sessions(&server),
        0,
        "the tablet's session is deleted at once"
    );
    assert_eq!(kiosk.post("/api/kiosk/event", &[]).await.status, 401);
    let me = kiosk.post("/api/auth/whoami", &[]).await;
    assert_eq!((me.status, me.body.as_str()), (200, "null"));
    let actions: Vec<String> = server
        .db()
        .prepare("SELECT action FROM audit_log WHERE action LIKE 'kiosk.%' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for a in ["kiosk.renamed", "kiosk.extended", "kiosk.revoked"] {
        assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
    }
    server.stop();
}
