//! The record of processing activities (issue 15 point 7; GDPR Art. 30): one event's for
//! its organiser, the instance's for each user's own events, JSON and CSV downloads of
//! the same record, every view and download audited, another organiser's event refused
//! as unknown.

use crate::common::{Client, TestApp};
use app::types::{
    DataExport, EventSettings, Field, FieldRule, ProcessingRecord, Purpose, RecordActivity, Role,
};
use serde_json::json;

fn count(server: &TestApp, sql: &str, p: &str) -> i64 {
    server.db().query_row(sql, [p], |r| r.get(0)).unwrap()
}

fn all_rows(server: &TestApp) -> i64 {
    server
        .db()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

fn audit_rows(server: &TestApp, action: &str, subject: &str) -> i64 {
    server
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = ?1 AND subject = ?2",
            [action, subject],
            |r| r.get(0),
        )
        .unwrap()
}

fn field_keys(a: &RecordActivity) -> Vec<String> {
    a.data
        .iter()
        .map(|d| d.key.clone())
        .filter(|k| Field::ALL.iter().any(|f| f.as_str() == k))
        .collect()
}

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"Click\")";

/// First name (required) and email; a purpose typed as a formula; a printer as recipient;
/// a transfer; 200 days for attendee data, 100 for photos.
fn settings() -> EventSettings {
    let mut s = EventSettings::default();
    s.fields.first_name = FieldRule {
        enabled: true,
        required: true,
    };
    s.fields.email = FieldRule {
        enabled: true,
        required: false,
    };
    s.controller_name = "Biedrība Piemērs".into();
    s.purposes = vec![
        Purpose {
            purpose: FORMULA.into(),
            legal_basis: "Consent (Art. 6(1)(a))".into(),
        },
        Purpose {
            purpose: "Event photos for the website".into(),
            legal_basis: "Legitimate interest".into(),
        },
    ];
    s.recipients = "Printing house SIA Druka".into();
    s.third_country_transfer = true;
    s.retention_days = 200;
    s.photo_retention_days = 100;
    s
}

async fn record(c: &mut Client, event: &str, lang: &str) -> ProcessingRecord {
    c.call(
        "/api/record/event",
        json!({ "event_id": event, "lang": lang }),
    )
    .await
}

#[tokio::test]
async fn the_event_record_and_its_downloads_for_the_owner_only_and_audited() {
    let server = TestApp::start().await;
    let mut owner = server.organiser("owner@example.lv").await;
    let mut other = server.organiser("other@example.lv").await;
    let ev = owner.create_event("Pavasara konference", "lv").await;
    let ev_id = ev.id.as_str().to_string();
    other.create_event("Other's own event", "en").await;
    owner.save_settings(&ev_id, &settings()).await;
    let row: i64 = count(
        &server,
        "SELECT id FROM events WHERE public_id = ?1",
        &ev_id,
    );
    let subject = format!("event:{row}");

    // The record: the two fields switched on and no other; the settings as they are.
    let r = record(&mut owner, &ev_id, "en").await;
    assert_eq!(r.activities.len(), 1);
    let a = &r.activities[0];
    assert_eq!(a.event.name, "Pavasara konference");
    assert_eq!(field_keys(a), vec!["first_name", "email"]);
    assert_eq!(a.recipients, "Printing house SIA Druka");
    assert!(a.third_country_transfer);
    assert_eq!(a.purposes[0].purpose, FORMULA);
    assert_eq!(a.controller.name, "Biedrība Piemērs");
    assert_eq!(a.retention.periods.attendee_days, 200);
    assert_eq!(a.retention.periods.photo_days, 100);
    assert_eq!(a.retention.end.as_deref(), Some("2099-12-31"));
    // 2099-12-31 + 200 days, then the next day.
    assert_eq!(
        a.retention.attendees_deleted_on.as_deref(),
        Some("2100-07-20")
    );
    assert_eq!(a.retention.photos_deleted_on.as_deref(), Some("2100-04-11"));
    assert_eq!(a.retention.archive_deleted_on, None);
    assert_eq!(audit_rows(&server, "record.view", &subject), 1);
    let lv = record(&mut owner, &ev_id, "lv").await;
    assert_eq!(lv.lang, "lv");
    assert_eq!(lv.activities[0].data[0].label, "Vārds");
    assert_eq!(audit_rows(&server, "record.view", &subject), 2);

    // The downloads: the same record as JSON, and CSV with the formula made text.
    let x: DataExport = owner
        .call(
            "/api/record/event/export",
            json!({ "event_id": ev_id, "lang": "en" }),
        )
        .await;
    assert_eq!(audit_rows(&server, "record.export", &subject), 1);
    let from_json: ProcessingRecord = serde_json::from_str(&x.json).unwrap();
    assert_eq!(
        field_keys(&from_json.activities[0]),
        vec!["first_name", "email"]
    );
    assert_eq!(from_json.activities, r.activities, "the page's record");
    assert!(x.json.starts_with("{\n  \""), "pretty JSON");
    assert!(x.csv.starts_with("section,event,item,key,value\r\n"));
    assert!(
        x.csv.contains(
            "purpose,Pavasara konference,1,purpose,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"\r\n"
        ),
        "{}",
        x.csv
    );
    assert!(!x.csv.contains(",=HYPERLINK"), "{}", x.csv);
    assert!(x
        .csv
        .contains("data,Pavasara konference,email,label,Email\r\n"));
    for off in ["last_name", "organisation", "role_title", "phone"] {
        assert!(!x.csv.contains(off), "{off} in the CSV");
    }
    assert!(x
        .file_stem
        .starts_with(&format!("lanyard-record-of-processing-{ev_id}-")));

    // Another organiser, with the real id: exactly the unknown event's answer, no row.
    let rows_before = all_rows(&server);
    for path in ["/api/record/event", "/api/record/event/export"] {
        for id in [ev_id.as_str(), "no-such-event"] {
            let body = json!({ "event_id": id, "lang": "en" }).to_string();
            let r = other.post_json(path, &body).await;
            assert_eq!(r.status, 404, "{path} {id}: {}", r.body);
            assert!(!r.body.contains("Pavasara") && !r.body.contains("Druka"));
        }
        // Signed out: refused before anything.
        let body = json!({ "event_id": ev_id, "lang": "en" }).to_string();
        let r = server.client().post_json(path, &body).await;
        assert_eq!(r.status, 401, "{path} signed out: {}", r.body);
    }
    assert_eq!(all_rows(&server), rows_before, "refused calls log nothing");
    assert_eq!(audit_rows(&server, "record.view", &subject), 2);
    assert_eq!(audit_rows(&server, "record.export", &subject), 1);

    // The owner reads the rows on the audit page.
    let log = owner.post_json("/api/audit/list", "{}").await;
    assert_eq!(log.status, 200);
    assert!(log.body.contains("record.view") && log.body.contains("record.export"));
    server.stop();
}

#[tokio::test]
async fn the_instance_record_holds_only_the_callers_events() {
    let server = TestApp::start().await;
    let mut a = server.organiser("a@example.lv").await;
    let mut b = server.organiser("b@example.lv").await;
    let a1 = a.create_event("A's summit", "lv").await;
    a.create_event("A's workshop", "en").await;
    let b1 = b.create_event("B's festival", "en").await;
    a.save_settings(a1.id.as_str(), &settings()).await;
    let mut s = EventSettings::default();
    s.fields.phone = FieldRule {
        enabled: true,
        required: false,
    };
    s.recipients = "B's secret partner".into();
    b.save_settings(b1.id.as_str(), &s).await;
    let names = |r: &ProcessingRecord| -> Vec<String> {
        let mut n: Vec<_> = r.activities.iter().map(|a| a.event.name.clone()).collect();
        n.sort();
        n
    };

    let mine: ProcessingRecord = a
        .call("/api/record/instance", json!({ "lang": "en" }))
        .await;
    assert_eq!(names(&mine), vec!["A's summit", "A's workshop"]);
    let raw = a
        .post_json("/api/record/instance", r#"{"lang":"en"}"#)
        .await;
    for secret in ["B's festival", "B's secret partner", b1.id.as_str()] {
        assert!(!raw.body.contains(secret), "A's record shows {secret}");
    }
    // The policy section lists the fields A's events collect: not B's phone.
    let attendees = mine.policy.iter().find(|t| t.table == "attendees").unwrap();
    let wiped: Vec<_> = attendees.wiped.iter().map(|c| c.column.as_str()).collect();
    assert!(wiped.contains(&"first_name") && !wiped.contains(&"phone"));

    let theirs: ProcessingRecord = b
        .call("/api/record/instance", json!({ "lang": "lv" }))
        .await;
    assert_eq!(names(&theirs), vec!["B's festival"]);
    let mut admin = server.admin("admin@example.lv").await;
    let all: ProcessingRecord = admin
        .call("/api/record/instance", json!({ "lang": "en" }))
        .await;
    assert_eq!(all.activities.len(), 3);
    assert_eq!(audit_rows(&server, "record.view", "instance"), 4);

    let x: DataExport = a
        .call("/api/record/instance/export", json!({ "lang": "en" }))
        .await;
    assert!(x.csv.contains("event,A's summit,,id,"));
    assert!(!x.csv.contains("B's festival") && !x.json.contains("B's festival"));
    assert!(x
        .file_stem
        .starts_with("lanyard-record-of-processing-all-events-"));
    assert_eq!(audit_rows(&server, "record.export", "instance"), 1);

    // Signed out 401, a photographer 403.
    let mut photographer = server.signed_in("p@example.lv", Role::Photographer).await;
    for path in ["/api/record/instance", "/api/record/instance/export"] {
        let r = server.client().post_json(path, r#"{"lang":"en"}"#).await;
        assert_eq!(r.status, 401, "{path}: {}", r.body);
        let r = photographer.post_json(path, r#"{"lang":"en"}"#).await;
        assert_eq!(r.status, 403, "{path}: {}", r.body);
    }
    assert_eq!(audit_rows(&server, "record.view", "instance"), 4);
    server.stop();
}
