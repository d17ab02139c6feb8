//! `GET /b/{token}/badge.png`: organisers get the badge as a PNG whose QR holds the badge
//! URL; everyone else gets 401/403/404, and a badge before any consent 409.

use crate::common::{registration_seen, Client, TestApp};
use app::types::{EventSettings, Registered};

struct Png {
    status: u16,
    content_type: String,
    cache_control: String,
    disposition: String,
    body: Vec<u8>,
}

/// A GET that keeps the body as bytes (the common client reads text).
async fn get_png(c: &Client, path: &str) -> Png {
    let mut req = c.http.get(format!("{}{}", c.base, path));
    if let Some(cookie) = &c.cookie {
        req = req.header("cookie", cookie);
    }
    let res = req.send().await.expect("request");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    Png {
        status: res.status().as_u16(),
        content_type: header("content-type"),
        cache_control: header("cache-control"),
        disposition: header("content-disposition"),
        body: res.bytes().await.unwrap().to_vec(),
    }
}

/// An organiser with an event (Latvian, names printed) and a kiosk paired to it.
async fn organiser_and_kiosk(server: &TestApp, email: &str) -> (Client, Client, String) {
    let mut org = server.organiser(email).await;
    let event = org.create_event("Summit", "lv").await;
    let mut settings = EventSettings::default();
    settings.fields.first_name.enabled = true;
    settings.fields.last_name.enabled = true;
    settings.print_name = true;
    org.save_settings(&event.id, &settings).await;
    let kiosk = server.pair_kiosk(&mut org, &event.id).await;
    (org, kiosk, event.id.into_string())
}

fn decode_qr(png: &[u8]) -> Vec<String> {
    let img = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .expect("a PNG")
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    prepared
        .detect_grids()
        .into_iter()
        .map(|g| g.decode().expect("QR decodes").1)
        .collect()
}

#[tokio::test]
async fn organisers_get_the_badge_png_and_its_qr_is_the_badge_url() {
    let server = TestApp::start().await;
    let (org, mut kiosk, _) = organiser_and_kiosk(&server, "org@example.lv").await;
    let notice = kiosk.kiosk_notice("lv").await;
    let body = serde_json::json!({ "registration": {
        "lang": "lv", "notice": notice, "fields": { "first_name": "Anna", "last_name": "Bērziņa" },
        "is_minor": false, "choice": "red",
        "guardian_name": "", "guardian_confirmed": false, "signature_data_url": null
    }})
    .to_string();
    let r = kiosk.post_json("/api/kiosk/register", &body).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let reg: Registered = serde_json::from_str(&r.body).unwrap();
    assert_eq!(reg.badge.name.as_deref(), Some("Anna Bērziņa"));

    let db = server.db();
    let (attendee_id, token): (i64, String) = db
        .query_row("SELECT id, badge_token FROM attendees", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let audited = |db: &rusqlite::Connection| -> i64 {
        db.query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'attendee.badge' AND subject = ?1",
            [format!("attendee:{attendee_id}")],
            |r| r.get(0),
        )
        .unwrap()
    };
    let before = audited(&db);
    let path = format!("/b/{token}/badge.png");

    let png = get_png(&org, &path).await;
    assert_eq!(png.status, 200, "{}", String::from_utf8_lossy(&png.body));
    assert_eq!(png.content_type, "image/png");
    assert_eq!(png.cache_control, "no-store");
    assert_eq!(png.disposition, "inline; filename=\"badge.png\"");
    let img = image::load_from_memory(&png.body).unwrap();
    assert_eq!((img.width(), img.height()), (1016, 638), "CR80 at 300 dpi");

    let urls = decode_qr(&png.body);
    assert_eq!(urls.len(), 1, "one QR code");
    let prefix = format!("{}/b/", server.state.public_url);
    let decoded_token = urls[0]
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{} starts with {prefix}", urls[0]));
    assert_eq!(decoded_token.len(), 22);
    assert!(decoded_token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(decoded_token, token);
    assert_eq!(audited(&db), before + 1, "reading the badge is audited");

    // The URL in the QR is the verdict page, which still works beside the PNG route.
    let mut phone = server.client();
    let page = phone.get(&format!("/b/{decoded_token}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("NEFOTOGRAF") || page.body.contains("NO PHOTOS"));
    assert!(!page.body.contains("Bērziņa"));

    // Admins manage every event.
    let admin = server.admin("admin@example.lv").await;
    assert_eq!(get_png(&admin, &path).await.status, 200);
    server.stop();
}

#[tokio::test]
async fn badge_png_is_for_the_events_organiser_only() {
    let server = TestApp::start().await;
    let (org, mut kiosk, event_id) = organiser_and_kiosk(&server, "org@example.lv").await;
    let notice = kiosk.kiosk_notice("en").await;
    assert_eq!(
        kiosk
            .post_json(
                "/api/kiosk/register",
                &registration_seen(serde_json::json!({}), false, Some("green"), &notice)
            )
            .await
            .status,
        200
    );
    let db = server.db();
    let token: String = db
        .query_row("SELECT badge_token FROM attendees", [], |r| r.get(0))
        .unwrap();
    let path = format!("/b/{token}/badge.png");
    let audit_rows = |db: &rusqlite::Connection| -> i64 {
        db.query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'attendee.badge'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let before = audit_rows(&db);

    let anonymous = get_png(&server.client(), &path).await;
    assert_eq!(anonymous.status, 401);
    assert!(anonymous.content_type.starts_with("text/plain"));
    assert_eq!(get_png(&kiosk, &path).await.status, 403, "kiosk");

    let photographer = server.photographer("photo@example.lv").await;
    assert_eq!(get_png(&photographer, &path).await.status, 403);

    let (other, _, _) = organiser_and_kiosk(&server, "other@example.lv").await;
    assert_eq!(
        get_png(&other, &path).await.status,
        404,
        "another organiser's attendee looks unknown"
    );
    assert_eq!(
        get_png(&org, "/b/AAAAAAAAAAAAAAAAAAAAAA/badge.png")
            .await
            .status,
        404
    );
    assert_eq!(
        get_png(&org, "/b/not%20a%20token/badge.png").await.status,
        404
    );
    assert_eq!(audit_rows(&db), before, "refused look-ups read no badge");

    // An attendee with no consent decision yet (as imported ones are): 409.
    let event_row: i64 = db
        .query_row(
            "SELECT id FROM events WHERE public_id = ?1",
            [&event_id],
            |r| r.get(0),
        )
        .unwrap();
    db.execute(
        "INSERT INTO attendees (event_id, badge_token, is_minor, source, registered_at)
         VALUES (?1, 'NoConsentYet_NoConsent', 0, 'import', '2026-01-01T00:00:00Z')",
        [event_row],
    )
    .unwrap();
    let pending = get_png(&org, "/b/NoConsentYet_NoConsent/badge.png").await;
    assert_eq!(pending.status, 409);
    assert!(pending.content_type.starts_with("text/plain"));
    assert!(String::from_utf8_lossy(&pending.body).contains("not chosen"));

    let ok = get_png(&org, &path).await;
    assert_eq!((ok.status, ok.content_type.as_str()), (200, "image/png"));
    assert_eq!(
        decode_qr(&ok.body),
        vec![format!("{}/b/{token}", server.state.public_url)]
    );
    server.stop();
}
