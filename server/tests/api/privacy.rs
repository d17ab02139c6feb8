//! The public privacy page, the venue signs and the invitation text (issue 15 points 5
//! and 6; requirements 18 and 21): the page answers anyone, without a session, with the
//! notice of each of the event's languages and the periods; an unknown event is 404;
//! the signs' data and the invitation text are for the event's organisers only.

use crate::common::{TestApp, PW};
use app::types::{EventSettings, Invitation, PrivacyInfo, Purpose, Role, SignsData};
use serde_json::json;

const PUBLIC_URL: &str = "https://events.example.lv";

/// A server whose public address is `PUBLIC_URL`, an organiser and their event with
/// Latvian first and English, controller, purposes and periods set.
async fn event_with_settings() -> (TestApp, crate::common::Client, String) {
    let server = TestApp::start_configured(false, |s| s.with_public_url(PUBLIC_URL)).await;
    let mut org = server.organiser("org@example.lv").await;
    let event = org
        .create_event("Rīgas samits", "lv")
        .await
        .id
        .into_string();
    let settings = EventSettings {
        languages: vec!["lv".into(), "en".into()],
        controller_name: "Valsts kanceleja".into(),
        controller_address: "Brīvības bulvāris 36, Rīga".into(),
        controller_email: "vk@mk.gov.lv".into(),
        dpo_contact: "dpo@mk.gov.lv".into(),
        purposes: vec![Purpose {
            purpose: "Pasākuma fotogrāfijas".into(),
            legal_basis: "Piekrišana".into(),
        }],
        retention_days: 200,
        photo_retention_days: 100,
        ..Default::default()
    };
    org.save_settings(&event, &settings).await;
    (server, org, event)
}

/// What `/api/privacy/page` answers an anonymous client, or the status and body.
async fn privacy_page(server: &TestApp, event: &str) -> Result<PrivacyInfo, (u16, String)> {
    let r = server
        .client()
        .post_json(
            "/api/privacy/page",
            &json!({ "event_id": event }).to_string(),
        )
        .await;
    if r.status == 200 {
        Ok(serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body)))
    } else {
        Err((r.status, r.body))
    }
}

/// Issue 15 point 5: no sign-in; both languages' notices as the kiosk shows them, the
/// periods and the days they end (the event ends 2099-12-31), the contacts and `/me`.
/// The page itself renders all of it on the server.
#[tokio::test]
async fn the_privacy_page_answers_without_a_session_with_both_notices_and_the_periods() {
    let (server, mut org, event) = event_with_settings().await;
    let info = privacy_page(&server, &event).await.expect("public");

    let langs: Vec<&str> = info.notices.iter().map(|n| n.lang.as_str()).collect();
    assert_eq!(langs, vec!["lv", "en"], "both notices, the default first");
    assert_eq!(info.languages, vec!["lv", "en"]);
    // Exactly the notices the kiosk and the settings page show.
    let settings: app::types::EventSettingsView = org
        .call("/api/events/settings", json!({ "event_id": event }))
        .await;
    assert_eq!(info.notices, settings.notices);
    let lv = &info.notices[0].text;
    let en = &info.notices[1].text;
    assert!(
        lv.contains("Valsts kanceleja") && lv.contains("200 dienas"),
        "{lv}"
    );
    assert!(
        en.contains("Valsts kanceleja") && en.contains("200 days"),
        "{en}"
    );

    assert_eq!(
        (
            info.periods.attendee_days,
            info.periods.photo_days,
            info.periods.archive_days
        ),
        (200, 100, 0)
    );
    let dates = info.dates.clone().expect("the event's last day is known");
    assert_eq!(dates.end, "2099-12-31");
    // 200 and 100 whole days after the last day (2100 is not a leap year).
    assert_eq!(dates.attendees, "2100-07-20");
    assert_eq!(dates.photos, "2100-04-11");
    assert_eq!(dates.archive, None);
    assert_eq!(info.controller_email, "vk@mk.gov.lv");
    assert_eq!(info.dpo_contact, "dpo@mk.gov.lv");
    assert_eq!(info.url, format!("{PUBLIC_URL}/e/{event}/privacy"));
    assert_eq!(info.me_url, format!("{PUBLIC_URL}/me"));

    // The page, without a session: 200 with both notices in the first response.
    let page = server.client().get(&format!("/e/{event}/privacy")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    for n in &info.notices {
        for line in n
            .text
            .lines()
            .filter(|l| l.starts_with("Pārzinis") || l.starts_with("Controller"))
        {
            assert!(page.body.contains(line), "the page lacks {line:?}");
        }
    }
    assert!(page.body.contains("2100-07-20"), "the deletion day");
    assert!(
        !page
            .set_cookies
            .iter()
            .any(|c| c.starts_with("lanyard_session=")),
        "no session is started"
    );
    server.stop();
}

/// An unknown or malformed event id: the function and the page both answer 404.
#[tokio::test]
async fn an_unknown_event_is_404() {
    let (server, _, _) = event_with_settings().await;
    let (status, body) = privacy_page(&server, "no-such-event").await.unwrap_err();
    assert_eq!(status, 404, "{body}");
    for path in ["/e/no-such-event/privacy", "/e/not%20an%20id/privacy"] {
        let page = server.client().get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(page.body.contains("Page not found") || page.body.contains("Lapa nav atrasta"));
    }
    server.stop();
}

/// Issue 15 point 6: the signs' data (with the QR code of the privacy page) and the
/// invitation text are for the event's organisers and admins: 401 signed out, 403 for a
/// photographer, 404 for another organiser, as for an unknown event.
#[tokio::test]
async fn the_signs_and_the_invitation_are_for_the_events_organisers_only() {
    let (server, mut org, event) = event_with_settings().await;
    let body = json!({ "event_id": event }).to_string();
    server
        .add_user("other@example.lv", PW, Role::Organiser)
        .await;
    let mut other = server.client();
    assert_eq!(other.login("other@example.lv", PW).await.status, 200);
    let mut photographer = server.photographer("photo@example.lv").await;
    for path in ["/api/privacy/signs", "/api/privacy/invitation"] {
        let anon = server.client().post_json(path, &body).await;
        assert_eq!(anon.status, 401, "{path} signed out: {}", anon.body);
        let r = photographer.post_json(path, &body).await;
        assert_eq!(r.status, 403, "{path} as photographer: {}", r.body);
        let r = other.post_json(path, &body).await;
        assert_eq!(r.status, 404, "{path} as another organiser: {}", r.body);
        assert!(!r.body.contains("Valsts kanceleja"), "{}", r.body);
    }

    let signs: SignsData = org
        .call("/api/privacy/signs", json!({ "event_id": event }))
        .await;
    let url = format!("{PUBLIC_URL}/e/{event}/privacy");
    assert_eq!(signs.info.url, url);
    assert!(signs.qr_svg.contains("<svg"), "{}", signs.qr_svg);
    assert_eq!(signs.qr_svg, app::domain::badges::qr_svg(&url));
    assert_eq!(signs.info.purposes[0].legal_basis, "Piekrišana");

    let inv: Invitation = org
        .call("/api/privacy/invitation", json!({ "event_id": event }))
        .await;
    assert_eq!(inv.url, url);
    let langs: Vec<&str> = inv.texts.iter().map(|t| t.lang.as_str()).collect();
    assert_eq!(langs, vec!["lv", "en"]);
    for t in &inv.texts {
        for needle in [
            "Rīgas samits",
            "Pasākuma fotogrāfijas",
            "Valsts kanceleja",
            "vk@mk.gov.lv",
            url.as_str(),
        ] {
            assert!(
                t.text.contains(needle),
                "{} lacks {needle}: {}",
                t.lang,
                t.text
            );
        }
    }

    // The signs' page is an organiser page like the rest of the dashboard.
    let page = server
        .client()
        .get(&format!("/dashboard/events/{event}/signs"))
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location.as_deref(), Some("/login"));
    assert_eq!(
        org.get(&format!("/dashboard/events/{event}/signs"))
            .await
            .status,
        200
    );
    server.stop();
}
