//! Who sees the audit log (issue 14, point 7; requirement 22): an organiser reads the
//! rows about their own events and their own actions, an admin every row; a refused
//! look-up is not logged as a read; the scanner's colour map is an audited read.

use crate::common::TestApp;
use app::types::{AuditView, ScanCache};
use serde_json::json;

fn count(server: &TestApp, sql: &str) -> i64 {
    server.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[tokio::test]
async fn organisers_read_only_their_own_rows_and_refused_reads_are_not_logged() {
    let server = TestApp::start().await;
    let mut a = server.organiser("a-org@example.lv").await;
    let ev_a = a.create_event("A's summit", "lv").await;
    let mut b = server.organiser("b-org@example.lv").await;
    let ev_b = b.create_event("B's conference", "lv").await;
    let mut kiosk_b = server.pair_kiosk(&mut b, ev_b.id.as_str()).await;
    server
        .kiosk_attendee(&mut kiosk_b, json!({ "first_name": "Bruno" }), "green")
        .await;
    let bruno: i64 = count(&server, "SELECT max(id) FROM attendees");
    let b_event_row: i64 = count(
        &server,
        &format!(
            "SELECT id FROM events WHERE public_id = '{}'",
            ev_b.id.as_str()
        ),
    );
    // B reads Bruno's record: a read of B's event.
    let r = b
        .post_json(
            "/api/attendees/detail",
            &json!({ "event_id": ev_b.id, "attendee_id": bruno }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    // A probes Bruno's real id through A's own event: 404, and no read is logged.
    let about_bruno = format!("SELECT count(*) FROM audit_log WHERE subject = 'attendee:{bruno}'");
    let before = count(&server, &about_bruno);
    for path in ["/api/attendees/detail", "/api/attendees/badge"] {
        let r = a
            .post_json(
                path,
                &json!({ "event_id": ev_a.id, "attendee_id": bruno }).to_string(),
            )
            .await;
        assert_eq!(r.status, 404, "{path}: {}", r.body);
    }
    assert_eq!(
        count(&server, &about_bruno),
        before,
        "a refused look-up is not a read"
    );

    // A's log: A's own rows only; nothing about B's event, Bruno or B's actions.
    let b_id: i64 = count(
        &server,
        "SELECT id FROM users WHERE email = 'b-org@example.lv'",
    );
    let seen: AuditView = a.call("/api/audit/list", json!({})).await;
    assert!(!seen.rows.is_empty());
    for row in &seen.rows {
        assert_ne!(row.actor, format!("user:{b_id}"), "{row:?}");
        assert_ne!(row.actor, "kiosk:1", "{row:?}");
        assert_ne!(row.subject, format!("attendee:{bruno}"), "{row:?}");
        assert_ne!(row.subject, format!("event:{b_event_row}"), "{row:?}");
    }
    assert_eq!(seen.total as usize, seen.rows.len());
    let all = count(&server, "SELECT count(*) FROM audit_log");
    assert!((seen.total as i64) < all, "A sees {} of {all}", seen.total);

    // B's log has Bruno's registration and B's read of him.
    let seen_b: AuditView = b.call("/api/audit/list", json!({})).await;
    let bruno_rows: Vec<&str> = seen_b
        .rows
        .iter()
        .filter(|r| r.subject == format!("attendee:{bruno}"))
        .map(|r| r.action.as_str())
        .collect();
    assert!(bruno_rows.contains(&"attendee.register"), "{bruno_rows:?}");
    assert!(bruno_rows.contains(&"attendee.view"), "{bruno_rows:?}");

    // An admin reads every row.
    let mut admin = server.admin("admin@example.lv").await;
    let everything: AuditView = admin.call("/api/audit/list", json!({})).await;
    assert_eq!(
        everything.total as i64,
        count(&server, "SELECT count(*) FROM audit_log"),
        "every row, the admin's own listing included"
    );
    server.stop();
}

#[tokio::test]
async fn fetching_the_scanners_colour_map_is_audited() {
    let server = TestApp::start().await;
    let (mut org, _kiosk, event) = server.organiser_and_kiosk().await;
    let mut ph = server
        .photographer_at("photo@example.lv", &mut org, &event)
        .await;
    let before = count(
        &server,
        "SELECT count(*) FROM audit_log WHERE action = 'scan.cache'",
    );
    let cache: ScanCache = ph
        .call("/api/scan/cache", json!({ "event_id": event }))
        .await;
    assert_eq!(cache.event_id, event);
    let rows = count(
        &server,
        "SELECT count(*) FROM audit_log WHERE action = 'scan.cache' AND actor LIKE 'user:%'",
    );
    assert_eq!(rows, before + 1);
    server.stop();
}

#[tokio::test]
async fn the_log_page_verifies_from_its_checkpoint_and_still_catches_a_later_edit() {
    // Issue 14, point 7: each view checks only the rows written since the last verified
    // row (kept in audit_verified with its hash and time) and says when it verified.
    let server = TestApp::start().await;
    let mut admin = server.admin("admin@example.lv").await;
    let first: AuditView = admin.call("/api/audit/list", json!({})).await;
    let verified = first.chain.clone().expect("intact");
    assert!(first.verified_at.is_some());
    let (last_id, last_hash): (i64, String) = server
        .db()
        .query_row(
            "SELECT last_id, last_hash FROM audit_verified WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(last_id as u64, verified);
    let hash_there: String = server
        .db()
        .query_row("SELECT hash FROM audit_log WHERE id = ?1", [last_id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(hash_there, last_hash);

    // More rows: the next view moves the checkpoint to the newest row.
    let _ = admin.call::<AuditView>("/api/audit/list", json!({})).await;
    let second: AuditView = admin.call("/api/audit/list", json!({})).await;
    let moved: i64 = count(&server, "SELECT last_id FROM audit_verified");
    assert!(moved > last_id);
    assert_eq!(second.chain, Ok(moved as u64));

    // Someone with the database file edits a row written after the checkpoint.
    admin.create_event("Audited summit", "lv").await;
    let newest: i64 = count(&server, "SELECT max(id) FROM audit_log");
    assert!(newest > moved);
    let db = server.db();
    db.execute_batch("DROP TRIGGER audit_log_no_update")
        .unwrap();
    db.execute(
        "UPDATE audit_log SET subject = 'attendee:1' WHERE id = ?1",
        [newest],
    )
    .unwrap();
    drop(db);
    let broken: AuditView = admin.call("/api/audit/list", json!({})).await;
    let detail = broken.chain.expect_err("the edit is caught");
    assert!(detail.contains(&format!("row {newest}")), "{detail}");
    assert!(broken.verified_at.is_some(), "when it was last intact");
    assert_eq!(
        count(&server, "SELECT last_id FROM audit_verified"),
        moved,
        "the checkpoint does not pass the break"
    );
    server.stop();
}
