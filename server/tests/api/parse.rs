//! Values with rules are parsed once, at the boundary (issue 13, point 3): a malformed
//! id, token, language, channel or address is refused with 400 before any look-up,
//! while a well-formed id that names nothing (or someone else's row) is 404.
//! Requirement 22: no probe learns anything from the answer.

use crate::common::TestApp;
use app::domain::imaging::fixtures::{self, FixtureMeta};
use serde_json::json;

const MALFORMED: &str = r#"{"BadInput":"malformed_request"}"#;

/// Rows in the audit log: a refused parse reads nothing, so it writes nothing.
fn audit_rows(server: &TestApp) -> i64 {
    server
        .db()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn every_newtype_is_refused_at_parse_time_with_400() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, event) = server.organiser_and_kiosk().await;
    let token = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Anna" }), "green")
        .await;
    let photo = org
        .upload(
            &event,
            "P.JPG",
            fixtures::jpeg(640, 480, 5, &FixtureMeta::NONE),
        )
        .await;

    // PublicId (events, photos, requests): a path, a blank, an over-long id.
    let over_long = "a".repeat(65);
    for bad in ["../etc/passwd", "", " x ", "ü", over_long.as_str()] {
        let before = audit_rows(&server);
        for (path, body) in [
            ("/api/events/stats", json!({ "event_id": bad })),
            ("/api/photos/detail", json!({ "photo_id": bad })),
            ("/api/requests/get", json!({ "request_id": bad })),
        ] {
            let r = org.post_json(path, &body.to_string()).await;
            assert_eq!(
                (r.status, r.body.as_str()),
                (400, MALFORMED),
                "{path} {bad:?}"
            );
        }
        assert_eq!(audit_rows(&server), before, "a refused parse reads nothing");
    }
    // Well-formed but unknown: 404, as for another organiser's id.
    for (path, body) in [
        (
            "/api/events/stats",
            json!({ "event_id": "0123456789abcdef" }),
        ),
        (
            "/api/photos/detail",
            json!({ "photo_id": "0123456789abcdef" }),
        ),
        (
            "/api/requests/get",
            json!({ "request_id": "0123456789abcdef" }),
        ),
    ] {
        let r = org.post_json(path, &body.to_string()).await;
        assert_eq!(r.status, 404, "{path}: {}", r.body);
    }
    // The same rule on the plain axum routes: /media with a malformed photo id, and an
    // upload naming a malformed event.
    let (status, body) = org.get_bytes("/media/photos/not%20an%20id/thumb.jpg").await;
    assert_eq!(status, 400, "{}", String::from_utf8_lossy(&body));
    let (status, _) = org
        .get_bytes("/media/photos/0123456789abcdef/thumb.jpg")
        .await;
    assert_eq!(status, 404);
    let r = org
        .upload_photo(
            "x y",
            "P.JPG",
            fixtures::jpeg(64, 48, 1, &FixtureMeta::NONE),
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("not_an_id"), "{}", r.body);

    // AttendeeId: zero, negative, text and fractions are not row ids.
    for bad in [json!(0), json!(-4), json!("12"), json!(1.5), json!(null)] {
        let r = org
            .post_json(
                "/api/attendees/detail",
                &json!({ "event_id": event, "attendee_id": bad }).to_string(),
            )
            .await;
        assert_eq!((r.status, r.body.as_str()), (400, MALFORMED), "{bad}");
    }
    let r = org
        .post_json(
            "/api/attendees/detail",
            &json!({ "event_id": event, "attendee_id": 999_999 }).to_string(),
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.body);

    // Lang: only lv and en; a request in German is refused, not quietly made Latvian.
    let open = |lang: &str| json!({ "event_id": event, "request": { "subject": { "by": "badge", "value": token }, "kind": "objection", "message": "", "identity_check": "Phoned back", "lang": lang } });
    let r = org
        .post_json("/api/requests/open", &open("de").to_string())
        .await;
    assert_eq!((r.status, r.body.as_str()), (400, MALFORMED));
    let r = org
        .post_json("/api/requests/open", &open("en").to_string())
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    // BadgeToken: a code that cannot be a badge is refused before any look-up.
    let r = org
        .post_json(
            "/api/photos/tag",
            &json!({ "photo_id": photo, "by": { "by": "badge", "code": "not a badge!" }, "region": null }).to_string(),
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("badge_code_invalid"), "{}", r.body);

    // PublicationChannel and WebUrl: a closed list, and http/https with a host only.
    let publish = |channel: &str, url: &str| json!({ "photo_id": photo, "channel": channel, "url": url, "published_on": "2026-11-23" });
    for (channel, url, code) in [
        ("tv", "https://example.lv/a", "channel_invalid"),
        ("website", "javascript:alert(1)", "url_invalid"),
        ("website", "https://", "url_invalid"),
    ] {
        let r = org
            .post_json(
                "/api/photos/publication",
                &publish(channel, url).to_string(),
            )
            .await;
        assert_eq!(r.status, 400, "{channel} {url}: {}", r.body);
        assert!(r.body.contains(code), "{channel} {url}: {}", r.body);
    }
    let r = org
        .post_json(
            "/api/photos/publication",
            &publish("website", "https://example.lv/a").to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    server.stop();
}
