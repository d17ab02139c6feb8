//! Acting on a person's request (issue 16 point 6; requirements 15, 17, 19): an
//! organiser corrects a field when the person asks by email, phone or in person (how
//! identity was checked and why, both required; history and audit), and an attendee
//! asks at the kiosk for their photos to be removed (a request with channel "kiosk").

use crate::common::{Client, TestApp};
use app::types::{
    AskedBy, CorrectionDone, EventSettings, Field, FieldRule, KioskRemovalAsked, RequestKind,
};
use serde_json::json;

/// First name (required), last name and organisation on; names printed on the badge.
async fn names_printed(org: &mut Client, event_id: &str) {
    let mut s = EventSettings {
        print_name: true,
        ..Default::default()
    };
    for f in [Field::FirstName, Field::LastName, Field::Organisation] {
        *s.fields.get_mut(f) = FieldRule {
            enabled: true,
            required: f == Field::FirstName,
        };
    }
    org.save_settings(event_id, &s).await;
}

fn correction(
    attendee: i64,
    ev: &str,
    field: &str,
    value: &str,
    identity: &str,
    reason: &str,
) -> String {
    json!({
        "event_id": ev,
        "attendee_id": attendee,
        "correction": {
            "field": field, "value": value, "asked_by": "phone",
            "identity_check": identity, "reason": reason
        }
    })
    .to_string()
}

fn last_attendee(server: &TestApp) -> i64 {
    server
        .db()
        .query_row(
            "SELECT id FROM attendees ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[tokio::test]
async fn an_organiser_corrects_a_field_on_request_with_identity_check_and_reason_audited() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_printed(&mut org, &ev).await;
    server
        .kiosk_attendee(
            &mut kiosk,
            json!({ "first_name": "Marts", "last_name": "Kalniņš" }),
            "green",
        )
        .await;
    let attendee = last_attendee(&server);

    // Both notes are required, each with its own sentence; nothing changes.
    let r = org
        .post_json(
            "/api/attendees/correct",
            &correction(attendee, &ev, "first_name", "Mārta", " ", "misspelt"),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"identity_check_missing"}"#)
    );
    let r = org
        .post_json(
            "/api/attendees/correct",
            &correction(
                attendee,
                &ev,
                "first_name",
                "Mārta",
                "called back the registered number",
                "",
            ),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"correction_reason_missing"}"#)
    );
    // A field the event does not collect.
    let r = org
        .post_json(
            "/api/attendees/correct",
            &correction(attendee, &ev, "phone", "+371", "x", "y"),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"field_not_collected"}"#)
    );
    // How the person asked is a closed list.
    let bad =
        correction(attendee, &ev, "first_name", "Mārta", "x", "y").replace("\"phone\"", "\"fax\"");
    assert_eq!(
        org.post_json("/api/attendees/correct", &bad).await.status,
        400
    );
    let first: String = server
        .db()
        .query_row(
            "SELECT first_name FROM attendees WHERE id = ?1",
            [attendee],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(first, "Marts");

    // The correction, typed with a combining macron: stored in NFC, in the history, and
    // the printed name changed.
    let r = org
        .post_json(
            "/api/attendees/correct",
            &correction(
                attendee,
                &ev,
                "first_name",
                "Ma\u{0304}rta",
                "called back the registered number",
                "Name misspelt at the kiosk",
            ),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let done: CorrectionDone = serde_json::from_str(&r.body).unwrap();
    assert!(done.reprint);
    assert_eq!(
        done.detail.fields.first_name.as_deref(),
        Some("M\u{0101}rta")
    );
    let c = &done.detail.corrections;
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].by.as_str(), c[0].field, c[0].asked_by),
        ("org@example.lv", Field::FirstName, AskedBy::Phone)
    );
    assert_eq!(c[0].identity_check, "called back the registered number");
    assert_eq!(c[0].reason, "Name misspelt at the kiosk");
    // The badge prints the new name.
    let r = org
        .post_json(
            "/api/attendees/badge",
            &json!({ "event_id": ev, "attendee_id": attendee }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("M\u{0101}rta Kalniņš"), "{}", r.body);
    // An organisation is not printed: no reprint.
    let r = org
        .post_json(
            "/api/attendees/correct",
            &correction(attendee, &ev, "organisation", "LU", "same call", "added"),
        )
        .await;
    let done: CorrectionDone = serde_json::from_str(&r.body).unwrap();
    assert!(!done.reprint);

    // Audited with ids, the field and the channel; never the values or the notes.
    let subjects: Vec<String> = server
        .db()
        .prepare("SELECT subject FROM audit_log WHERE action = 'attendee.correct' AND actor LIKE 'user:%' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(subjects.len(), 2);
    assert!(subjects[0].starts_with(&format!("attendee:{attendee} field:first_name ")));
    assert!(subjects[0].ends_with("asked_by:phone"));
    for s in &subjects {
        assert!(
            !s.contains("rta") && !s.contains("called") && !s.contains("misspelt"),
            "{s}"
        );
    }

    // Another organiser's attendee is unknown, and nothing changes.
    let mut other = server.organiser("other@example.lv").await;
    let theirs = other.create_event("Theirs", "lv").await;
    let r = other
        .post_json(
            "/api/attendees/correct",
            &correction(attendee, theirs.id.as_str(), "first_name", "X", "x", "y"),
        )
        .await;
    assert_eq!(r.status, 404);

    // People's rights outlive the event: a correction on request works on an archived
    // event too (README: data-subject requests stay possible there).
    let r = org
        .post_json(
            "/api/events/archive",
            &json!({ "event_id": ev, "archived": true }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = org
        .post_json(
            "/api/attendees/correct",
            &correction(
                attendee,
                &ev,
                "last_name",
                "Kalniņa",
                "email from the registered address",
                "surname",
            ),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let rows: i64 = server
        .db()
        .query_row(
            "SELECT count(*) FROM attendee_corrections WHERE attendee_id = ?1",
            [attendee],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 3);
    server.stop();
}

#[tokio::test]
async fn a_removal_asked_at_the_kiosk_is_a_request_with_the_kiosk_channel() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    names_printed(&mut org, &ev).await;
    let token = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Anna" }), "red")
        .await;
    let url = format!("http://127.0.0.1:3000/b/{token}");

    // Someone else's or a made-up badge: refused like the withdrawal's check.
    let r = kiosk
        .post(
            "/api/kiosk/removal",
            &[("code", "not-a-badge"), ("lang", "en")],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"withdraw_unknown_badge"}"#)
    );

    let r = kiosk
        .post(
            "/api/kiosk/removal",
            &[("code", url.as_str()), ("lang", "en")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let asked: KioskRemovalAsked = serde_json::from_str(&r.body).unwrap();
    assert_eq!(asked.due_on.len(), 10, "a date: {}", asked.due_on);
    assert!(
        !r.body.contains("Anna"),
        "nothing about the person: {}",
        r.body
    );

    // The organiser's list shows it with the kiosk channel, due in a month.
    let rows = org.requests(&ev).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].channel, "kiosk");
    assert_eq!(rows[0].kind, RequestKind::Removal);
    assert_eq!(rows[0].due_on, asked.due_on);
    // Audited with the kiosk device as the actor.
    let actor: String = server
        .db()
        .query_row(
            "SELECT actor FROM audit_log WHERE action = 'removal.open'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(actor.starts_with("kiosk:"), "{actor}");
    // A second one while it is open is refused in words.
    let r = kiosk
        .post(
            "/api/kiosk/removal",
            &[("code", url.as_str()), ("lang", "en")],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"request_open"}"#)
    );
    // Only a paired kiosk may ask this way.
    let r = org
        .post(
            "/api/kiosk/removal",
            &[("code", url.as_str()), ("lang", "en")],
        )
        .await;
    assert_eq!(r.status, 403);
    server.stop();
}
