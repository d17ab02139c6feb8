//! Editing and archiving events, and the dashboard's list filter (issue 16 point 4;
//! requirements 12, 18, 19, 22): an edit is audited and versions the notice only where
//! its text changed; the last day cannot move later than people were promised; another
//! organiser's event is unknown; an archived event is read-only, hidden from kiosks and
//! scanners, and still answers people's requests.

use crate::common::{Client, TestApp};
use app::types::{
    AttendeeList, Consent, EventSummary, ImportPreview, RequestView, ScanAck, ScanCache,
};
use serde_json::{json, Value};

fn count(server: &TestApp, sql: &str) -> i64 {
    server.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The edit body for `event` with its days, name, venue and language.
fn edit(event: &str, name: &str, starts: &str, ends: &str, venue: &str, lang: &str) -> String {
    json!({
        "event_id": event,
        "event": { "name": name, "starts_on": starts, "ends_on": ends, "venue": venue, "default_lang": lang }
    })
    .to_string()
}

/// Today (UTC, as the server counts) moved by `offset` days, `YYYY-MM-DD`.
pub fn day(offset: i64) -> String {
    let mut d = app::domain::requests::today();
    for _ in 0..offset.abs() {
        d = if offset > 0 {
            d.next_day().unwrap()
        } else {
            d.previous_day().unwrap()
        };
    }
    app::domain::requests::iso(d)
}

async fn archive(org: &mut Client, event: &str, archived: bool) -> EventSummary {
    org.call(
        "/api/events/archive",
        json!({ "event_id": event, "archived": archived }),
    )
    .await
}

#[tokio::test]
async fn an_edit_is_audited_and_versions_the_notice_only_where_its_text_changed() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Anna" }), "green")
        .await;
    let versions = |server: &TestApp| count(server, "SELECT count(*) FROM notice_versions");
    let before = versions(&server);
    let lv_before: String = server
        .db()
        .query_row(
            "SELECT text FROM notice_versions WHERE lang = 'lv' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();

    // Days, venue and language: the notice's text names none of them, so no version.
    let r = org
        .post_json(
            "/api/events/update",
            &edit(
                &ev,
                "Summit",
                "2099-12-01",
                "2099-12-31",
                "Anna's house, Rīga",
                "en",
            ),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let saved: EventSummary = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        (
            saved.starts_on.as_deref(),
            saved.venue.as_str(),
            saved.default_lang.as_str()
        ),
        (Some("2099-12-01"), "Anna's house, Rīga", "en")
    );
    assert_eq!(
        versions(&server),
        before,
        "an unchanged text is not a new version"
    );
    let subject: String = server
        .db()
        .query_row(
            "SELECT subject FROM audit_log WHERE action = 'event.update' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        subject.ends_with(
            "fields:starts_on,venue,default_lang starts_on:none>2099-12-01 default_lang:lv>en"
        ),
        "{subject}"
    );
    assert!(
        !subject.contains("Anna"),
        "the venue's words stay out of the log: {subject}"
    );

    // The name is in the notice: a new version in each language, as a settings save
    // makes, and the old text stays as it was shown.
    let r = org
        .post_json(
            "/api/events/update",
            &edit(&ev, "Summit 2099", "2099-12-01", "2099-12-31", "Rīga", "en"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(versions(&server), before + 2, "lv and en");
    let lv_now: String = server
        .db()
        .query_row(
            "SELECT text FROM notice_versions WHERE lang = 'lv' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(lv_now.contains("Summit 2099") && !lv_before.contains("Summit 2099"));
    assert_eq!(
        count(
            &server,
            "SELECT count(*) FROM notice_versions WHERE text LIKE '%Summit 2099%'"
        ),
        2
    );
    assert_eq!(
        count(
            &server,
            "SELECT count(*) FROM audit_log WHERE action = 'notice.version.create'"
        ),
        // Two at creation, two now.
        4
    );
    // The kiosk now shows the new version (the one it had is no longer current).
    let shown = kiosk.kiosk_notice("en").await;
    let newest: i64 = count(
        &server,
        "SELECT max(id) FROM notice_versions WHERE lang = 'en'",
    );
    assert_eq!(shown["id"], json!(newest));
    // The same values again: audited, nothing new.
    let r = org
        .post_json(
            "/api/events/update",
            &edit(&ev, "Summit 2099", "2099-12-01", "2099-12-31", "Rīga", "en"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(versions(&server), before + 2);

    // Bad input: a clear sentence, nothing saved.
    for (body, want) in [
        (
            edit(&ev, "Summit", "2099-12-31", "2099-12-01", "", "en"),
            r#"{"BadInput":"dates_wrong"}"#,
        ),
        (
            edit(&ev, "Summit", "", "", "", "en"),
            r#"{"BadInput":"end_date_missing"}"#,
        ),
        (
            edit(&ev, " ", "", "2099-12-31", "", "en"),
            r#"{"BadInput":"name_missing"}"#,
        ),
        (
            edit(&ev, "Summit", "", "2099-02-30", "", "en"),
            r#"{"BadInput":"date_invalid"}"#,
        ),
    ] {
        let r = org.post_json("/api/events/update", &body).await;
        assert_eq!((r.status, r.body.as_str()), (400, want));
    }
    let now = org.event_stats(&ev).await.event;
    assert_eq!(now.name, "Summit 2099");
    server.stop();
}

#[tokio::test]
async fn another_organisers_event_cannot_be_edited_or_archived() {
    let server = TestApp::start().await;
    let mut a = server.organiser("a-org@example.lv").await;
    let ev = a.create_event("A's summit", "lv").await.id.into_string();
    let mut b = server.organiser("b-org@example.lv").await;
    let updates = "SELECT count(*) FROM audit_log
                   WHERE action IN ('event.update', 'event.archive', 'event.unarchive')";
    for (path, body) in [
        (
            "/api/events/update",
            edit(&ev, "Taken", "", "2099-12-31", "", "lv"),
        ),
        (
            "/api/events/archive",
            json!({ "event_id": ev, "archived": true }).to_string(),
        ),
    ] {
        let r = b.post_json(path, &body).await;
        assert_eq!(r.status, 404, "{path}: {}", r.body);
        assert!(!r.body.contains("A's summit"));
    }
    let e = a.event_stats(&ev).await.event;
    assert_eq!((e.name.as_str(), e.archived_at), ("A's summit", None));
    assert_eq!(count(&server, updates), 0, "nothing happened");
    server.stop();
}

#[tokio::test]
async fn the_last_day_cannot_move_later_than_registered_people_were_promised() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    // Nobody registered: the last day may move anywhere.
    let r = org
        .post_json(
            "/api/events/update",
            &edit(&ev, "Summit", "", "2100-01-10", "", "lv"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Anna" }), "red")
        .await;
    // One day later would keep Anna's data a day longer than her notice said.
    let r = org
        .post_json(
            "/api/events/update",
            &edit(&ev, "Summit", "", "2100-01-11", "", "lv"),
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(
        r.body,
        r#"{"BadInput":{"end_moved_too_late":{"latest":"2100-01-10"}}}"#
    );
    let sentence = app::components::errors::error_text_in(
        app::i18n::Locale::en,
        &serde_json::from_str(&r.body).unwrap(),
    );
    assert!(
        sentence.contains("2100-01-10") && sentence.contains("at the latest"),
        "{sentence}"
    );
    assert_eq!(
        org.event_stats(&ev).await.event.ends_on.as_deref(),
        Some("2100-01-10")
    );
    // Earlier is always fine; and back to the day she was told.
    for to in ["2100-01-05", "2100-01-10"] {
        let r = org
            .post_json("/api/events/update", &edit(&ev, "Summit", "", to, "", "lv"))
            .await;
        assert_eq!(r.status, 200, "{to}: {}", r.body);
    }
    server.stop();
}

#[tokio::test]
async fn an_archived_event_is_read_only_hidden_and_still_answers_requests() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let mut photographer = server
        .photographer_at("photo@example.lv", &mut org, &ev)
        .await;
    let badge = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Anna" }), "red")
        .await;
    let anna: i64 = count(&server, "SELECT max(id) FROM attendees");
    let photo = org.upload_seeded(&ev, 1).await;

    let archived = archive(&mut org, &ev, true).await;
    assert!(archived.archived_at.is_some());
    assert_eq!(
        count(
            &server,
            "SELECT count(*) FROM audit_log WHERE action = 'event.archive'"
        ),
        1
    );

    // The kiosk is refused like an unpaired one: it shows the pairing screen.
    assert_eq!(kiosk.post("/api/kiosk/event", &[]).await.status, 401);
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &crate::common::registration(json!({ "first_name": "Berta" }), false, Some("green")),
        )
        .await;
    assert_eq!(r.status, 401, "kiosk registration: {}", r.body);

    // Changes: 409 with a sentence.
    let conflict = r#"{"BadInput":"event_archived"}"#;
    let settings = json!({ "event_id": ev, "settings": app::types::EventSettings::default() });
    let csv = "First Name\nCilda\n";
    let preview: ImportPreview = org
        .call(
            "/api/attendees/import/preview",
            json!({ "event_id": ev, "csv": csv }),
        )
        .await;
    let notice = org.event_notice(&ev, "en").await;
    for (path, body) in [
        ("/api/events/settings/save", settings.clone()),
        (
            "/api/events/update",
            serde_json::from_str::<Value>(&edit(&ev, "New name", "", "2099-12-31", "", "lv"))
                .unwrap(),
        ),
        ("/api/kiosk/pairing-code", json!({ "event_id": ev })),
        (
            "/api/attendees/register",
            json!({ "event_id": ev, "registration": { "fields": { "first_name": "Dace" }, "is_minor": false, "consent": { "choice": "green", "notice": notice } } }),
        ),
        (
            "/api/attendees/import",
            json!({ "event_id": ev, "csv": csv, "mapping": preview.mapping }),
        ),
        (
            "/api/photos/tag",
            json!({ "photo_id": photo, "by": { "by": "badge", "code": badge }, "region": null }),
        ),
        (
            "/api/photos/review",
            json!({ "photo_id": photo, "value": true }),
        ),
        ("/api/scan/cache", json!({ "event_id": ev })),
    ] {
        let r = if path == "/api/kiosk/pairing-code" {
            org.post(path, &[("event_id", ev.as_str())]).await
        } else {
            org.post_json(path, &body.to_string()).await
        };
        assert_eq!((r.status, r.body.as_str()), (409, conflict), "{path}");
    }
    let sentence = app::components::errors::error_text_in(
        app::i18n::Locale::en,
        &serde_json::from_str(conflict).unwrap(),
    );
    assert!(sentence.contains("archived"), "{sentence}");
    for c in [&mut org, &mut photographer] {
        let r = c
            .upload_photo(
                &ev,
                "late.jpg",
                app::domain::imaging::fixtures::jpeg(
                    320,
                    240,
                    9,
                    &app::domain::imaging::fixtures::FixtureMeta::NONE,
                ),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains(r#""error":"event_archived""#), "{}", r.body);
    }
    assert_eq!(count(&server, "SELECT count(*) FROM photos"), 1);
    assert_eq!(count(&server, "SELECT count(*) FROM attendees"), 1);

    // A scan of Anna's badge still shows red (she must not be photographed), but it is
    // not stored: the event takes no more scans. Hidden from the scanner's list.
    let scans = count(&server, "SELECT count(*) FROM scans");
    let acks: Vec<ScanAck> = photographer
        .call(
            "/api/scan/record",
            json!({ "scans": [{ "client_scan_id": "scan-archived-1", "token": badge, "shown": "red" }] }),
        )
        .await;
    assert_eq!(acks[0].consent, Some(Consent::Red));
    let r = photographer
        .post_json(
            "/api/v1/scans",
            &json!({ "scans": [{ "client_scan_id": "scan-archived-2", "token": badge }] })
                .to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains(r#""consent":"red""#), "{}", r.body);
    assert_eq!(count(&server, "SELECT count(*) FROM scans"), scans);
    for c in [&mut photographer, &mut org] {
        let listed: Vec<EventSummary> = c.call("/api/scan/events", json!({})).await;
        assert!(
            listed.iter().all(|e| e.id.as_str() != ev),
            "hidden from scanners"
        );
    }
    // Hidden from the dashboard's default list, listed under "archived".
    let active: Vec<EventSummary> = org.call("/api/events/list", json!({})).await;
    assert!(active.iter().all(|e| e.id.as_str() != ev));
    let r = org.post("/api/events/list", &[("show", "archived")]).await;
    let listed: Vec<EventSummary> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id.as_str(), ev);

    // Reading, exports and people's requests go on: the organiser lists and exports,
    // and Anna's erasure request is opened and carried out.
    let list: AttendeeList = org.attendees(&ev, json!({})).await;
    assert_eq!(list.rows.len(), 1);
    let r = org
        .post_json(
            "/api/attendees/export",
            &json!({ "event_id": ev, "attendee_id": anna }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let request = org
        .open_request(
            &ev,
            json!({ "subject": { "by": "attendee", "value": anna }, "kind": "erasure", "message": "", "identity_check": "Called back on her number", "lang": "en" }),
        )
        .await;
    let _: RequestView = org
        .call("/api/requests/review", json!({ "request_id": request }))
        .await;
    let erased: RequestView = org
        .call("/api/requests/erase", json!({ "request_id": request }))
        .await;
    assert!(erased.erased, "erasure works while archived");
    let _: app::types::PhotoDetail = org.photo_detail(&photo).await;

    // Out of the archive: changes work again; the tablet pairs anew.
    let back = archive(&mut org, &ev, false).await;
    assert!(back.archived_at.is_none());
    assert_eq!(
        org.post_json("/api/events/settings/save", &settings.to_string())
            .await
            .status,
        200
    );
    assert_eq!(kiosk.post("/api/kiosk/event", &[]).await.status, 401);
    let mut tablet = server.pair_kiosk(&mut org, &ev).await;
    assert_eq!(tablet.post("/api/kiosk/event", &[]).await.status, 200);
    let _: ScanCache = photographer
        .call("/api/scan/cache", json!({ "event_id": ev }))
        .await;
    server.stop();
}

/// A pairing code made before the archive does not pair a tablet after it.
#[tokio::test]
async fn a_pairing_code_made_before_the_archive_no_longer_pairs() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let ev = org.create_event("Summit", "lv").await.id.into_string();
    let code = org.pairing_code(&ev).await;
    archive(&mut org, &ev, true).await;
    let r = server
        .client()
        .post("/api/kiosk/pair", &[("code", code.code.as_str())])
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.body, r#"{"BadInput":"pairing_code_invalid"}"#);
    server.stop();
}

/// The dashboard's list with `show` (none: the default), names sorted.
async fn names(org: &mut Client, show: Option<&str>) -> Vec<String> {
    let form: Vec<(&str, &str)> = show.map(|s| vec![("show", s)]).unwrap_or_default();
    let r = org.post("/api/events/list", &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let list: Vec<EventSummary> = serde_json::from_str(&r.body).unwrap();
    let mut n: Vec<String> = list.into_iter().map(|e| e.name).collect();
    n.sort();
    n
}

#[tokio::test]
async fn the_dashboard_lists_current_and_upcoming_by_default_and_past_or_archived_on_request() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let mut ids = Vec::new();
    for (name, a, b) in [
        ("Past", -10, -5),
        ("Yesterday", -1, -1),
        ("Current", -1, 1),
        ("Today", 0, 0),
        ("Tomorrow", 1, 2),
        ("Upcoming", 10, 12),
        ("Archived", -1, 1),
    ] {
        let (starts, ends) = (day(a), day(b));
        let form = [
            ("name", name),
            ("starts_on", starts.as_str()),
            ("ends_on", ends.as_str()),
            ("venue", ""),
            ("default_lang", "lv"),
        ];
        let r = org.post("/api/events/create", &form).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let e: EventSummary = serde_json::from_str(&r.body).unwrap();
        ids.push((name, e.id.into_string()));
    }
    let archived = &ids.iter().find(|(n, _)| *n == "Archived").unwrap().1;
    archive(&mut org, archived, true).await;
    // Another organiser's events never show.
    let mut other = server.organiser("other@example.lv").await;
    other.create_event("Not mine", "lv").await;

    assert_eq!(
        names(&mut org, None).await,
        ["Current", "Today", "Tomorrow", "Upcoming"]
    );
    assert_eq!(
        names(&mut org, Some("active")).await,
        ["Current", "Today", "Tomorrow", "Upcoming"]
    );
    assert_eq!(names(&mut org, Some("current")).await, ["Current", "Today"]);
    assert_eq!(
        names(&mut org, Some("upcoming")).await,
        ["Tomorrow", "Upcoming"]
    );
    assert_eq!(names(&mut org, Some("past")).await, ["Past", "Yesterday"]);
    assert_eq!(names(&mut org, Some("archived")).await, ["Archived"]);
    assert_eq!(names(&mut org, Some("all")).await.len(), 7);
    // A value that is none of these is a bad request, not a silent default.
    let r = org.post("/api/events/list", &[("show", "someday")]).await;
    assert_eq!(r.status, 400, "{}", r.body);
    server.stop();
}
