//! Issue 16 points 1 and 2 (requirement 22): accounts run from the browser (invitation
//! links, disabling, resets, the last admin, passwords, sessions) and photographers who
//! reach only the events they are added to, on their days.

use crate::common::{Client, Reply, TestApp, PW};
use app::domain::imaging::fixtures::{self, FixtureMeta};
use app::types::{
    ApiError, BadInput, EventPhotographers, EventSummary, InvitationInfo, InvitationLink,
    PhotographerAdded, Role, ScanAck, UserRow,
};
use serde_json::{json, Value};

/// A password the rule accepts.
const STRONG: &str = "Velvet harbour kite 47";

fn bad(r: &Reply) -> String {
    r.body.clone()
}

/// The token of an invitation link: after `#`, never in the path or query.
fn token(link: &InvitationLink) -> String {
    let (before, token) = link.url.split_once('#').expect("a fragment");
    assert!(before.ends_with("/welcome"), "{}", link.url);
    assert!(!before.contains('?'));
    token.to_string()
}

async fn invite(admin: &mut Client, email: &str, role: &str) -> InvitationLink {
    let r = admin
        .post("/api/users/invite", &[("email", email), ("role", role)])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str(&r.body).unwrap()
}

async fn accept(c: &mut Client, token: &str, password: &str) -> Reply {
    c.post(
        "/api/welcome/accept",
        &[("token", token), ("password", password)],
    )
    .await
}

async fn user_id(server: &TestApp, email: &str) -> i64 {
    server
        .state
        .store
        .login_record(email.into())
        .await
        .unwrap()
        .unwrap()
        .id
}

/// An event of `org` from `starts` to `ends` (`YYYY-MM-DD`).
async fn dated_event(org: &mut Client, name: &str, starts: &str, ends: &str) -> String {
    let r = org
        .post(
            "/api/events/create",
            &[
                ("name", name),
                ("starts_on", starts),
                ("ends_on", ends),
                ("venue", ""),
                ("default_lang", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str::<EventSummary>(&r.body)
        .unwrap()
        .id
        .into_string()
}

fn day(server: &TestApp, offset: i64) -> String {
    app::domain::requests::iso(server.state.now.today() + time::Duration::days(offset))
}

/// What a photographer reaches at `event`: scan list, colour map, a scan of `badge`,
/// upload, library, the photo `photo` (page, tag, thumbnail).
struct Reach {
    listed: bool,
    cache: u16,
    scan: Option<app::types::Consent>,
    upload: u16,
    library: u16,
    photo: u16,
    tag: u16,
    thumb: u16,
}

async fn reach(ph: &mut Client, event: &str, badge: &str, photo: &str, seed: u64) -> Reach {
    let events = ph.post("/api/scan/events", &[]).await;
    assert_eq!(events.status, 200, "{}", events.body);
    let cache = ph
        .post_json("/api/scan/cache", &json!({ "event_id": event }).to_string())
        .await
        .status;
    let acks: Vec<ScanAck> = ph
        .call(
            "/api/scan/record",
            json!({ "scans": [{ "client_scan_id": format!("reach-{seed:04}-scan"), "token": badge, "shown": "green" }] }),
        )
        .await;
    let upload = ph
        .upload_photo(
            event,
            "reach.jpg",
            fixtures::jpeg(320, 240, seed, &FixtureMeta::NONE),
        )
        .await
        .status;
    let library = ph
        .post_json(
            "/api/photos/library",
            &json!({ "event_id": event, "filter": {} }).to_string(),
        )
        .await
        .status;
    let detail = ph
        .post_json(
            "/api/photos/detail",
            &json!({ "photo_id": photo }).to_string(),
        )
        .await
        .status;
    let tag = ph
        .post_json(
            "/api/photos/tag",
            &json!({ "photo_id": photo, "by": { "by": "badge", "code": badge }, "region": null })
                .to_string(),
        )
        .await
        .status;
    let thumb = ph
        .get(&format!("/media/photos/{photo}/thumb.jpg"))
        .await
        .status;
    Reach {
        listed: events.body.contains(event),
        cache,
        scan: acks[0].consent,
        upload,
        library,
        photo: detail,
        tag,
        thumb,
    }
}

fn refused_everywhere(r: &Reach, when: &str) {
    assert!(!r.listed, "{when}: not in the scanner's list");
    assert_eq!(r.cache, 404, "{when}: colour map");
    assert_eq!(r.scan, None, "{when}: a scan answers like an unknown badge");
    assert_eq!(r.upload, 404, "{when}: upload");
    assert_eq!(r.library, 404, "{when}: library");
    assert_eq!(r.photo, 404, "{when}: photo page");
    assert_eq!(r.tag, 404, "{when}: tagging");
    assert_eq!(r.thumb, 404, "{when}: photo file");
}

/// Issue 16 point 2: a photographer scans, uploads and tags only at an event they are
/// added to, from the day before it starts to the day after it ends (or the days the
/// organiser set); elsewhere every route answers 404 as for an unknown event, and a
/// removal takes effect on the next request. The clock is moved, not waited for.
#[tokio::test]
async fn photographers_reach_only_their_events_on_their_days() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    // The event starts in 10 days and lasts two: the photographer's days are 9 to 12.
    let (starts, ends) = (day(&server, 10), day(&server, 11));
    let ev = dated_event(&mut org, "Summit", &starts, &ends).await;
    let mut kiosk = server.pair_kiosk(&mut org, &ev).await;
    let badge = server.kiosk_attendee(&mut kiosk, json!({}), "green").await;
    let mut ph = server.photographer("ph@example.lv").await;

    // The photographer's own photo at the event, uploaded while they were added.
    let ph_id = org.add_photographer(&ev, "ph@example.lv").await;
    server.state.now.advance(time::Duration::days(9));
    // Sessions end after 12 idle hours by this clock too (issue 18 point 5).
    assert_eq!(ph.login("ph@example.lv", PW).await.status, 200);
    assert_eq!(org.login("org@example.lv", PW).await.status, 200);
    let photo = ph
        .upload(
            &ev,
            "mine.jpg",
            fixtures::jpeg(320, 240, 1, &FixtureMeta::NONE),
        )
        .await;
    let r = reach(&mut ph, &ev, &badge, &photo, 2).await;
    assert!(r.listed, "on the day before the event: listed");
    assert_eq!(
        (r.cache, r.upload, r.library, r.photo, r.tag, r.thumb),
        (200, 201, 200, 200, 200, 200)
    );
    assert_eq!(r.scan, Some(app::types::Consent::Green));

    // Removed: refused on the very next request, on every route.
    let r = org
        .post_json(
            "/api/events/photographers/remove",
            &json!({ "event_id": ev, "user_id": ph_id }).to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    refused_everywhere(&reach(&mut ph, &ev, &badge, &photo, 3).await, "removed");

    // Added again, but after the event's days (the day after the end + 1).
    org.add_photographer(&ev, "ph@example.lv").await;
    server.state.now.advance(time::Duration::days(4));
    assert_eq!(ph.login("ph@example.lv", PW).await.status, 200);
    assert_eq!(org.login("org@example.lv", PW).await.status, 200);
    refused_everywhere(
        &reach(&mut ph, &ev, &badge, &photo, 4).await,
        "after the days",
    );
    // The organiser gives them more days: in again.
    let days =
        json!({ "event_id": ev, "user_id": ph_id, "from": starts, "until": day(&server, 1) });
    let list: EventPhotographers = org.call("/api/events/photographers/days", days).await;
    assert!(list.photographers[0].custom);
    let r = reach(&mut ph, &ev, &badge, &photo, 5).await;
    assert!(r.listed && r.cache == 200 && r.upload == 201 && r.photo == 200);

    // Another organiser's event, where nobody added them: 404 as for an unknown event.
    let mut other = server.organiser("other@example.lv").await;
    let other_ev = dated_event(&mut other, "Other", &day(&server, 0), &day(&server, 0)).await;
    let mut other_kiosk = server.pair_kiosk(&mut other, &other_ev).await;
    let other_badge = server
        .kiosk_attendee(&mut other_kiosk, json!({}), "red")
        .await;
    let other_photo = other
        .upload(
            &other_ev,
            "o.jpg",
            fixtures::jpeg(320, 240, 6, &FixtureMeta::NONE),
        )
        .await;
    let r = reach(&mut ph, &other_ev, &other_badge, &other_photo, 7).await;
    refused_everywhere(&r, "never added");
    // The same through the JSON API for other scanners: not stored, answered as unknown.
    let r = ph
        .post_json(
            "/api/v1/scans",
            &json!({ "scans": [{ "client_scan_id": "v1-scan-0001", "token": other_badge }] })
                .to_string(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains(r#""consent":null"#), "{}", r.body);
    let stored: i64 = server
        .db()
        .query_row(
            "SELECT count(*) FROM scans WHERE badge_token = ?1",
            [&other_badge],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        stored, 0,
        "a scan at an event they may not reach is not kept"
    );
    // The organiser and an admin keep their access.
    assert_eq!(org.photo_library(&ev).await.event.id.as_str(), ev);
    let mut admin = server.admin("admin@example.lv").await;
    assert_eq!(
        admin.photo_library(&other_ev).await.event.id.as_str(),
        other_ev
    );
    // Every change is audited.
    let actions: Vec<String> = server
        .db()
        .prepare("SELECT action FROM audit_log WHERE action LIKE 'event.photographer%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        actions,
        [
            "event.photographer_add",
            "event.photographer_remove",
            "event.photographer_add",
            "event.photographer_days"
        ]
    );
    server.stop();
}

/// Issue 16 point 2: an organiser adds a new photographer by email and gets an
/// invitation link; another role's account is refused in words.
#[tokio::test]
async fn an_organiser_invites_a_new_photographer_to_their_event() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let ev = org.create_event("Summit", "en").await.id.into_string();
    let added: PhotographerAdded = org
        .call(
            "/api/events/photographers/add",
            json!({ "event_id": ev, "email": "New.Photographer@Example.lv" }),
        )
        .await;
    let link = added.invitation.expect("a new account gets a link");
    assert_eq!(link.email, "new.photographer@example.lv");
    assert_eq!(link.role, Role::Photographer);
    assert!(link.qr_svg.starts_with("<?xml") || link.qr_svg.contains("<svg"));
    assert_eq!(added.list.photographers.len(), 1);
    let mut ph = server.client();
    let r = accept(&mut ph, &token(&link), STRONG).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let days = json!({ "event_id": ev, "user_id": link.user_id, "from": day(&server, 0), "until": "2099-12-31" });
    let _: EventPhotographers = org.call("/api/events/photographers/days", days).await;
    let events = ph.post("/api/scan/events", &[]).await;
    assert!(events.body.contains(&ev), "{}", events.body);

    server
        .add_user("org2@example.lv", PW, Role::Organiser)
        .await;
    let r = org
        .post_json(
            "/api/events/photographers/add",
            &json!({ "event_id": ev, "email": "org2@example.lv" }).to_string(),
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(bad(&r), r#"{"BadInput":"not_a_photographer"}"#);
    server.stop();
}

/// Issue 16 point 1: an invitation link works once, and not after 7 days (the server's
/// clock is moved forward); only the token's hash is stored.
#[tokio::test]
async fn an_invitation_link_works_once_and_not_after_seven_days() {
    let server = TestApp::start().await;
    let mut admin = server.admin("admin@example.lv").await;
    let link = invite(&mut admin, "Ph@Example.lv", "photographer").await;
    let t = token(&link);
    assert_eq!(t.len(), 22, "128 random bits");
    let db = server.db();
    let (plain, hashed): (i64, i64) = db
        .query_row(
            "SELECT (SELECT count(*) FROM invitations WHERE token_hash = ?1),
                    (SELECT count(*) FROM invitations WHERE token_hash = ?2)",
            [&t, &app::domain::auth::token_hash(&t)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((plain, hashed), (0, 1), "only the hash is kept");

    let mut invitee = server.client();
    let r = invitee.post("/api/welcome/check", &[("token", &t)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let info: InvitationInfo = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        (info.email.as_str(), info.role),
        ("ph@example.lv", Role::Photographer)
    );
    // Not yet signed in with it: the account has no password.
    assert_eq!(invitee.login("ph@example.lv", "").await.status, 400);
    // Weak and common passwords are refused, and the link still works after that.
    let r = accept(&mut invitee, &t, "Kx9#mPq2$vL").await;
    assert_eq!(
        (r.status, bad(&r)),
        (400, r#"{"BadInput":"password_too_short"}"#.into())
    );
    let r = accept(&mut invitee, &t, "password1234").await;
    assert_eq!(
        (r.status, bad(&r)),
        (400, r#"{"BadInput":"password_common"}"#.into())
    );
    let r = accept(&mut invitee, &t, STRONG).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let who = invitee.post("/api/auth/whoami", &[]).await;
    assert!(
        who.body.contains("ph@example.lv"),
        "signed in: {}",
        who.body
    );
    // Once only.
    let mut again = server.client();
    let r = accept(&mut again, &t, "Another fine passphrase 8").await;
    assert_eq!(
        (r.status, bad(&r)),
        (400, r#"{"BadInput":"invitation_invalid"}"#.into())
    );
    let r = again.post("/api/welcome/check", &[("token", &t)]).await;
    assert_eq!(r.status, 400);
    assert_eq!(
        server.client().login("ph@example.lv", STRONG).await.status,
        200
    );

    // A second invitation, used after 7 days: refused.
    let late = invite(&mut admin, "late@example.lv", "organiser").await;
    server
        .state
        .now
        .advance(time::Duration::days(7) + time::Duration::seconds(1));
    // Sessions end after 12 idle hours by this clock too (issue 18 point 5).
    assert_eq!(admin.login("admin@example.lv", PW).await.status, 200);
    let r = accept(&mut server.client(), &token(&late), STRONG).await;
    assert_eq!(
        (r.status, bad(&r)),
        (400, r#"{"BadInput":"invitation_invalid"}"#.into())
    );
    // Nonsense tokens are refused the same way, before any look-up.
    let r = accept(&mut server.client(), "../../etc", STRONG).await;
    assert_eq!(r.status, 400);
    // The admins' list shows who is still invited.
    let users: Vec<UserRow> = admin.call("/api/users/list", json!({})).await;
    let late_row = users.iter().find(|u| u.email == "late@example.lv").unwrap();
    assert_eq!(late_row.status, app::types::AccountStatus::Invited);
    let ph_row = users.iter().find(|u| u.email == "ph@example.lv").unwrap();
    assert_eq!(ph_row.status, app::types::AccountStatus::Active);
    assert!(ph_row.last_login_at.is_some());
    server.stop();
}

/// Issue 16 point 1: the last active admin can be neither disabled, demoted nor reset
/// from the browser; once there is another, they can.
#[tokio::test]
async fn the_last_admin_cannot_be_disabled_or_demoted() {
    let server = TestApp::start().await;
    let mut admin = server.admin("admin@example.lv").await;
    let me = user_id(&server, "admin@example.lv").await;
    let id = me.to_string();
    for (path, form) in [
        (
            "/api/users/disable",
            vec![("user_id", id.as_str()), ("disabled", "true")],
        ),
        (
            "/api/users/role",
            vec![("user_id", id.as_str()), ("role", "organiser")],
        ),
        ("/api/users/reset", vec![("user_id", id.as_str())]),
    ] {
        let r = admin.post(path, &form).await;
        assert_eq!(
            (r.status, bad(&r)),
            (400, r#"{"BadInput":"last_admin"}"#.into()),
            "{path}"
        );
    }
    // An invited admin without a password yet does not count.
    let link = invite(&mut admin, "second@example.lv", "admin").await;
    let r = admin
        .post(
            "/api/users/disable",
            &[("user_id", id.as_str()), ("disabled", "true")],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    let mut second = server.client();
    assert_eq!(accept(&mut second, &token(&link), STRONG).await.status, 200);
    // Now the first may be demoted; the second keeps the instance.
    let r = second
        .post(
            "/api/users/role",
            &[("user_id", id.as_str()), ("role", "organiser")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        admin.post("/api/users/list", &[]).await.status,
        401,
        "a new role ends the sessions"
    );
    let sentence = app::components::errors::error_text_in(
        app::i18n::Locale::en,
        &ApiError::BadInput(BadInput::LastAdmin),
    );
    assert!(sentence.contains("last active admin"), "{sentence}");
    server.stop();
}

/// Issue 16 point 1: a disabled user's open session is refused on its next request (401,
/// and the sign-in page for a page load), and they cannot sign in until enabled.
#[tokio::test]
async fn a_disabled_users_session_ends_on_its_next_request() {
    let server = TestApp::start().await;
    let mut admin = server.admin("admin@example.lv").await;
    let mut org = server.organiser("org@example.lv").await;
    let mut org_phone = server.client();
    assert_eq!(org_phone.login("org@example.lv", PW).await.status, 200);
    let id = user_id(&server, "org@example.lv").await.to_string();
    assert_eq!(org.post("/api/events/list", &[]).await.status, 200);

    let r = admin
        .post(
            "/api/users/disable",
            &[("user_id", &id), ("disabled", "true")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    for c in [&mut org, &mut org_phone] {
        assert_eq!(c.post("/api/events/list", &[]).await.status, 401);
        let page = c.get("/dashboard").await;
        assert_eq!(
            (page.status, page.location.as_deref()),
            (303, Some("/login"))
        );
    }
    assert_eq!(
        server.client().login("org@example.lv", PW).await.status,
        401
    );
    let sessions: i64 = server
        .db()
        .query_row(
            "SELECT count(*) FROM sessions WHERE user_id = ?1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sessions, 0, "their sessions are deleted");

    let r = admin
        .post(
            "/api/users/disable",
            &[("user_id", &id), ("disabled", "false")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        server.client().login("org@example.lv", PW).await.status,
        200
    );
    server.stop();
}

/// Issue 16 point 1: a reset ends the sessions at once, the old password fails, and the
/// new link sets a new one.
#[tokio::test]
async fn a_reset_ends_sessions_and_the_old_password_fails() {
    let server = TestApp::start().await;
    let mut admin = server.admin("admin@example.lv").await;
    let mut ph = server.photographer("ph@example.lv").await;
    assert_eq!(ph.post("/api/scan/events", &[]).await.status, 200);
    let id = user_id(&server, "ph@example.lv").await.to_string();
    let r = admin.post("/api/users/reset", &[("user_id", &id)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let link: InvitationLink = serde_json::from_str(&r.body).unwrap();
    assert_eq!(ph.post("/api/scan/events", &[]).await.status, 401);
    assert_eq!(server.client().login("ph@example.lv", PW).await.status, 401);
    let mut c = server.client();
    assert_eq!(accept(&mut c, &token(&link), STRONG).await.status, 200);
    assert_eq!(c.post("/api/scan/events", &[]).await.status, 200);
    assert_eq!(
        server.client().login("ph@example.lv", STRONG).await.status,
        200
    );
    server.stop();
}

/// Issue 16 point 1: every user changes their own password (the current one first; weak
/// and common ones refused with a sentence) and signs out their other sessions; this
/// session stays signed in.
#[tokio::test]
async fn own_password_and_other_sessions() {
    let server = TestApp::start().await;
    let mut here = server.photographer("ph@example.lv").await;
    let mut there = server.client();
    assert_eq!(there.login("ph@example.lv", PW).await.status, 200);
    let change = |current: &'static str, new: &'static str| {
        [("current_password", current), ("new_password", new)]
    };
    for (form, code) in [
        (change("not my password", STRONG), "password_wrong"),
        (change(PW, "Kx9#mPq2$vL"), "password_too_short"),
        (change(PW, "password1234"), "password_common"),
        (change(PW, "ph@example.lv1234"), "password_common"),
    ] {
        let r = here.post("/api/account/password", &form).await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert_eq!(r.body, format!(r#"{{"BadInput":"{code}"}}"#));
        let sentence = app::components::errors::error_text_in(
            app::i18n::Locale::en,
            &serde_json::from_str::<ApiError>(&r.body).unwrap(),
        );
        assert!(sentence.ends_with('.') && sentence.len() > 30, "{sentence}");
    }
    let lv = app::components::errors::error_text_in(
        app::i18n::Locale::lv,
        &ApiError::BadInput(BadInput::PasswordTooShort),
    );
    assert!(lv.contains("12 rakstzīmes"), "{lv}");
    assert_eq!(there.post("/api/scan/events", &[]).await.status, 200);
    let r = here
        .post("/api/account/password", &change(PW, STRONG))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        here.post("/api/scan/events", &[]).await.status,
        200,
        "this one stays"
    );
    assert_eq!(
        there.post("/api/scan/events", &[]).await.status,
        401,
        "the other ended"
    );
    assert_eq!(server.client().login("ph@example.lv", PW).await.status, 401);

    let mut third = server.client();
    assert_eq!(third.login("ph@example.lv", STRONG).await.status, 200);
    let r = here.post("/api/account/sign-out-others", &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(third.post("/api/scan/events", &[]).await.status, 401);
    assert_eq!(here.post("/api/scan/events", &[]).await.status, 200);
    let who: Value = here.call("/api/auth/whoami", json!({})).await;
    assert_eq!(who["email"], "ph@example.lv");
    server.stop();
}

/// The pages: accounts for admins only, one's own account for every signed-in user, the
/// welcome page for anyone (the token is in the fragment, which no request carries).
#[tokio::test]
async fn account_pages_are_guarded() {
    let server = TestApp::start().await;
    let mut admin = server.admin("admin@example.lv").await;
    let mut org = server.organiser("org@example.lv").await;
    let mut ph = server.photographer("ph@example.lv").await;
    let anon = server.client().get("/dashboard/users").await;
    assert_eq!(
        (anon.status, anon.location.as_deref()),
        (303, Some("/login"))
    );
    assert_eq!(org.get("/dashboard/users").await.status, 403);
    assert_eq!(ph.get("/dashboard/users").await.status, 403);
    assert_eq!(admin.get("/dashboard/users").await.status, 200);
    for c in [&mut admin, &mut org, &mut ph] {
        assert_eq!(c.get("/account").await.status, 200);
    }
    assert_eq!(server.client().get("/account").await.status, 303);
    assert_eq!(server.client().get("/welcome").await.status, 200);
    server.stop();
}
