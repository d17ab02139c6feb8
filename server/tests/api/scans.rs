//! Badge scanning over the API (issue 4; requirements 10, 22): the verdict page and the
//! JSON verdict carry no personal data, unknown tokens get the neutral answer, look-ups
//! are rate-limited, scans are stored once per client scan id, photographers see only
//! colours and times, organisers see names.

use crate::common::{Client, TestApp};
use app::types::{Consent, EventScan, MyScan, ScanAck, ScanCache};

/// Registers a named attendee at the kiosk with `choice` and returns their badge token.
async fn attendee(server: &TestApp, kiosk: &mut Client, first: &str, choice: &str) -> String {
    let fields = serde_json::json!({ "first_name": first, "organisation": "Org SIA", "email": format!("{first}@example.lv") });
    server.kiosk_attendee(kiosk, fields, choice).await
}

/// Every field asked, so names and emails exist to leak.
async fn collect_everything(org: &mut Client, ev: &str) {
    let mut s = app::types::EventSettings::default();
    for f in app::types::Field::ALL {
        *s.fields.get_mut(f) = app::types::FieldRule {
            enabled: true,
            required: false,
        };
    }
    org.save_settings(ev, &s).await;
}

#[tokio::test]
async fn verdicts_carry_no_personal_data_and_unknown_tokens_are_neutral() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    collect_everything(&mut org, &ev).await;
    let green = attendee(&server, &mut kiosk, "Jānis", "green").await;
    let red = attendee(&server, &mut kiosk, "Līga", "red").await;
    let mut anyone = server.client();

    for (token, consent) in [(&green, "green"), (&red, "red")] {
        let r = anyone.get(&format!("/api/v1/badges/{token}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v, serde_json::json!({ "consent": consent, "event": ev }));
        let page = anyone.get(&format!("/b/{token}")).await;
        assert_eq!(page.status, 200);
        for body in [&r.body, &page.body] {
            for personal in ["Jānis", "Līga", "Org SIA", "@example.lv"] {
                assert!(!body.contains(personal), "{personal} leaked");
            }
        }
    }
    for unknown in ["AAAAAAAAAAAAAAAAAAAAAA", "not-a-token", "x.y"] {
        let r = anyone.get(&format!("/api/v1/badges/{unknown}")).await;
        assert_eq!(
            (r.status, r.body.as_str()),
            (404, r#"{"error":"unknown_badge"}"#),
            "{unknown}"
        );
        let page = anyone.get(&format!("/b/{unknown}")).await;
        assert_eq!(page.status, 200, "a neutral screen, not an error page");
        assert!(page.body.contains("Unknown badge") || page.body.contains("Nezināma nozīmīte"));
    }
    server.stop();
}

#[tokio::test]
async fn badge_lookups_answer_429_past_the_limit() {
    let server = TestApp::start().await;
    let mut anyone = server.client();
    let mut statuses = Vec::new();
    for _ in 0..302 {
        statuses.push(
            anyone
                .get("/api/v1/badges/AAAAAAAAAAAAAAAAAAAAAA")
                .await
                .status,
        );
    }
    assert!(statuses[..300].iter().all(|s| *s == 404));
    assert_eq!(&statuses[300..], &[429, 429]);
    server.stop();
}

#[tokio::test]
async fn scans_are_stored_once_photographers_see_colours_organisers_see_names() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    collect_everything(&mut org, &ev).await;
    let green = attendee(&server, &mut kiosk, "Jānis", "green").await;
    let red = attendee(&server, &mut kiosk, "Līga", "red").await;
    let mut photo = server
        .photographer_at("photo@example.lv", &mut org, &ev)
        .await;

    // The offline cache: tokens and colours, nothing else.
    let r = photo
        .post_json(
            "/api/scan/cache",
            &serde_json::json!({ "event_id": ev }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let cache: ScanCache = serde_json::from_str(&r.body).unwrap();
    let mut entries = cache.entries.clone();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut expected = vec![(green.clone(), Consent::Green), (red.clone(), Consent::Red)];
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(entries, expected);
    assert!(!r.body.contains("Jānis") && !r.body.contains('@'));

    // Two scans, the first uploaded twice (an offline queue retried), via the JSON API.
    let body = serde_json::json!({ "scans": [
        { "client_scan_id": "scan-0001-aaaa", "token": format!("http://x/b/{green}"),
          "device_time": "2026-11-23T10:00:00+02:00", "shown": "green" },
        { "client_scan_id": "scan-0002-bbbb", "token": red, "shown": "red" },
    ]})
    .to_string();
    for _ in 0..2 {
        let r = photo.post_json("/api/v1/scans", &body).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let acks: Vec<ScanAck> = serde_json::from_value(v["scans"].clone()).unwrap();
        assert_eq!(
            acks.iter().map(|a| a.consent).collect::<Vec<_>>(),
            vec![Some(Consent::Green), Some(Consent::Red)]
        );
    }
    // The same again through the app's server function: still stored once.
    let r = photo
        .post_json(
            "/api/scan/record",
            &serde_json::json!({ "scans": [
                { "client_scan_id": "scan-0001-aaaa", "token": green, "shown": "green" }
            ]})
            .to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let db = server.db();
    let (n, device_time): (i64, Option<String>) = db
        .query_row("SELECT count(*), max(device_time) FROM scans", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(n, 2, "each scan stored exactly once");
    assert_eq!(device_time.as_deref(), Some("2026-11-23T10:00:00+02:00"));

    // The photographer's own list: colours and times only.
    let r = photo.post("/api/scan/mine", &[]).await;
    let mine: Vec<MyScan> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(mine.len(), 2);
    assert!(!r.body.contains("Jānis") && !r.body.contains("Līga"));
    // The event log with names is the organiser's, and reading it is audited.
    let log_body = serde_json::json!({ "event_id": ev }).to_string();
    assert_eq!(
        photo
            .post_json("/api/scan/event-log", &log_body)
            .await
            .status,
        403
    );
    let r = org.post_json("/api/scan/event-log", &log_body).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let log: Vec<EventScan> = serde_json::from_str(&r.body).unwrap();
    let mut names: Vec<_> = log.iter().filter_map(|s| s.name.clone()).collect();
    names.sort();
    assert_eq!(names, vec!["Jānis".to_string(), "Līga".to_string()]);
    assert!(log.iter().all(|s| s.scanned_by == "photo@example.lv"));
    let audited: i64 = db
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'scan.list'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);

    // Not signed in: 401; a kiosk: 403; nonsense: 400.
    let mut anon = server.client();
    assert_eq!(anon.post_json("/api/v1/scans", &body).await.status, 401);
    assert_eq!(kiosk.post_json("/api/v1/scans", &body).await.status, 403);
    assert_eq!(photo.post_json("/api/v1/scans", "{").await.status, 400);
    let r = photo
        .post_json(
            "/api/v1/scans",
            r#"{"scans":[{"client_scan_id":"x","token":"y"}]}"#,
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"error":"scan_id_invalid"}"#)
    );
    server.stop();
}

#[tokio::test]
async fn withdrawal_at_the_kiosk_turns_green_red_once_and_never_back() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    collect_everything(&mut org, &ev).await;
    let green = attendee(&server, &mut kiosk, "Anna", "green").await;
    let url = format!("http://127.0.0.1:3000/b/{green}");

    let r = kiosk
        .post("/api/kiosk/withdraw/check", &[("code", url.as_str())])
        .await;
    assert_eq!((r.status, r.body.as_str()), (200, r#""green""#));
    let r = kiosk
        .post(
            "/api/kiosk/withdraw",
            &[("code", url.as_str()), ("lang", "en")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let badge: app::types::Badge = serde_json::from_str(&r.body).unwrap();
    assert_eq!(badge.consent, Consent::Red);

    // Red → green from a badge scan alone is refused.
    let r = kiosk
        .post(
            "/api/kiosk/withdraw",
            &[("code", green.as_str()), ("lang", "en")],
        )
        .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (400, r#"{"BadInput":"withdraw_already_red"}"#)
    );
    let r = server
        .client()
        .get(&format!("/api/v1/badges/{green}"))
        .await;
    assert!(r.body.contains(r#""consent":"red""#), "{}", r.body);

    // The history: the kiosk's green, then red by badge scan with the kiosk's id.
    let db = server.db();
    let rows: Vec<(String, String, String)> = db
        .prepare("SELECT choice, channel, channel_ref FROM consents ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1].0.as_str(), rows[1].1.as_str()),
        ("red", "badge_scan")
    );
    assert!(rows[1].2.starts_with("kiosk:"));

    // Unknown codes and another event's badge look the same.
    let mut other = server.organiser("o2@example.lv").await;
    let other_ev = other.create_event("Other", "en").await;
    let mut other_kiosk = server.pair_kiosk(&mut other, &other_ev.id).await;
    for (k, c) in [(&mut other_kiosk, green.as_str()), (&mut kiosk, "nonsense")] {
        let r = k.post("/api/kiosk/withdraw/check", &[("code", c)]).await;
        assert_eq!(
            (r.status, r.body.as_str()),
            (400, r#"{"BadInput":"withdraw_unknown_badge"}"#)
        );
    }
    server.stop();
}

#[tokio::test]
async fn the_badge_page_speaks_the_browsers_language_only_where_the_event_offers_it() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let token = attendee(&server, &mut kiosk, "Anna", "green").await;
    let english_browser = || async {
        reqwest::Client::new()
            .get(format!("{}/b/{token}", server.base))
            .header("accept-language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    // The event offers lv and en: English for an English browser.
    assert!(english_browser().await.contains("PHOTOS OK"));
    // Latvian only: Latvian words even for an English browser.
    let s = app::types::EventSettings {
        languages: vec!["lv".into()],
        ..Default::default()
    };
    org.save_settings(&ev, &s).await;
    let page = english_browser().await;
    assert!(page.contains("FOTOGRAFĒT DRĪKST"), "{page}");
    assert!(!page.contains("PHOTOS OK"));
    server.stop();
}
