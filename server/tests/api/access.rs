//! Who may reach what (issue 2; requirement 22: access limited to authorised people,
//! per role): the access table of every server function and every plain axum route,
//! probed without a session, with the wrong principal, and with another organiser's
//! real ids; sessions, sign-in limits, pairing codes, `/healthz`.

use crate::common::{Client, Reply, TestApp, PW};
use app::domain::imaging::fixtures::{self, FixtureMeta};
use app::types::{
    EventSettings, Field, FieldRule, ImportOutcome, ImportPreview, RequestView, Role, ScanAck,
};
use serde_json::json;

/// Who may call what. Every registered server function must be listed here: the
/// test below fails when a new one is added without deciding its access.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Access {
    Public,
    Managers,
    Kiosk,
    /// Signed-in photographers, organisers and admins (badge scanning, one's own
    /// account).
    Scanners,
    /// Admins only: the accounts (issue 16).
    Admins,
}

/// A request body: form fields, or JSON for server functions that take JSON. Values
/// may hold placeholders (`{event}`, `{attendee}`, `{photo}`, …, see [`Ids`]): unknown
/// ids for the role checks, another organiser's real ids for the ownership checks.
#[derive(Clone, Copy)]
enum Body {
    Form(&'static [(&'static str, &'static str)]),
    Json(&'static str),
}
use Body::{Form, Json};

/// Who probes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    /// Organiser A's paired kiosk tablet.
    Kiosk,
    /// A photographer who uploaded none of the photos probed.
    Photographer,
    /// Organiser A, signed in, probing organiser B's event.
    OtherOrganiser,
    /// Organiser B, whose ids they are (the control: the ids are real).
    Owner,
}
use Who::{Anonymous, Kiosk, OtherOrganiser, Owner, Photographer};

/// The exact status each prober gets when the request names organiser B's REAL ids, so
/// that the checks after the look-up run. Empty: the function takes no id of an event's
/// data, or the id is itself the credential (a badge token, a private or pairing code).
type Foreign = Probes;
/// Who probes, and the exact status they get.
type Probes = &'static [(Who, u16)];
const NO_IDS: Foreign = &[];
/// Not found, as for an id that does not exist: another organiser's data looks unknown.
const NOT_OURS: Foreign = &[(OtherOrganiser, 404)];
/// Photos: the other organiser and a photographer who did not upload it get 404.
const NOT_OUR_PHOTO: Foreign = &[(OtherOrganiser, 404), (Photographer, 404)];

const SERVER_FNS: &[(&str, Access, Body, Foreign)] = &[
    // Issue 17: the breach register. An organiser's breach, event or attendee is unknown
    // to another organiser.
    ("/api/breaches/list", Access::Managers, Json("{}"), NO_IDS),
    (
        "/api/breaches/categories",
        Access::Managers,
        Json(r#"{"events":["{event}"]}"#),
        NOT_OURS,
    ),
    (
        "/api/breaches/record",
        Access::Managers,
        Json(
            r#"{"breach":{"discovered_at":"2026-01-10T10:00","discovered_by":"Desk","kinds":["integrity"],"what_happened":"x","events":["{event}"],"people":[{attendee}],"categories":["photos"],"risk":"unlikely","risk_reason":"x"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/breaches/get",
        Access::Managers,
        Json(r#"{"breach_id":"{breach}"}"#),
        NOT_OURS,
    ),
    (
        "/api/breaches/assess",
        Access::Managers,
        Json(
            r#"{"breach_id":"{breach}","assessment":{"approx_people":1,"approx_records":1,"consequences":"","measures_taken":"","measures_planned":"","risk":"likely","risk_reason":"x"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/breaches/notify",
        Access::Managers,
        Json(
            r#"{"breach_id":"{breach}","notification":{"to":"inspectorate","at":"2026-01-11T10:00","how":"e-mail"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/breaches/close",
        Access::Managers,
        Json(r#"{"breach_id":"{breach}","reason":"x"}"#),
        NOT_OURS,
    ),
    (
        "/api/breaches/drafts",
        Access::Managers,
        Json(r#"{"breach_id":"{breach}","lang":"en"}"#),
        NOT_OURS,
    ),
    (
        "/api/breaches/contacts",
        Access::Managers,
        Json(r#"{"breach_id":"{breach}"}"#),
        NOT_OURS,
    ),
    ("/api/breaches/export", Access::Managers, Json("{}"), NO_IDS),
    // Issue 16 point 1: accounts. Admins see every account by design (no foreign ids).
    ("/api/users/list", Access::Admins, Form(&[]), NO_IDS),
    (
        "/api/users/invite",
        Access::Admins,
        Form(&[
            ("email", "table-probe@example.lv"),
            ("role", "photographer"),
        ]),
        NO_IDS,
    ),
    (
        "/api/users/disable",
        Access::Admins,
        Form(&[("user_id", "{user}"), ("disabled", "false")]),
        NO_IDS,
    ),
    (
        "/api/users/reset",
        Access::Admins,
        Form(&[("user_id", "{user}")]),
        NO_IDS,
    ),
    (
        "/api/users/role",
        Access::Admins,
        Form(&[("user_id", "{user}"), ("role", "photographer")]),
        NO_IDS,
    ),
    // Issue 17 point 7: the backups' state, for the admins who run the server.
    ("/api/backups/status", Access::Admins, Form(&[]), NO_IDS),
    // One's own account: every signed-in user, about themselves only.
    (
        "/api/account/password",
        Access::Scanners,
        Form(&[("current_password", "not it"), ("new_password", "x")]),
        NO_IDS,
    ),
    (
        "/api/account/sign-out-others",
        Access::Scanners,
        Form(&[]),
        NO_IDS,
    ),
    // The invitation link's token is the key.
    (
        "/api/welcome/check",
        Access::Public,
        Form(&[("token", "AAAAAAAAAAAAAAAAAAAAAA")]),
        NO_IDS,
    ),
    (
        "/api/welcome/accept",
        Access::Public,
        Form(&[("token", "AAAAAAAAAAAAAAAAAAAAAA"), ("password", "x")]),
        NO_IDS,
    ),
    // Issue 16 point 2: an event's photographers, for its organiser.
    (
        "/api/events/photographers",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    (
        "/api/events/photographers/add",
        Access::Managers,
        Json(r#"{"event_id":"{event}","email":"probe-ph@example.lv"}"#),
        NOT_OURS,
    ),
    (
        "/api/events/photographers/remove",
        Access::Managers,
        Json(r#"{"event_id":"{event}","user_id":{user}}"#),
        NOT_OURS,
    ),
    (
        "/api/events/photographers/days",
        Access::Managers,
        Json(r#"{"event_id":"{event}","user_id":{user},"from":"","until":""}"#),
        NOT_OURS,
    ),
    (
        "/api/me/open",
        Access::Public,
        Json(r#"{"code":"WRONG-CODE"}"#),
        NO_IDS,
    ),
    (
        "/api/me/export",
        Access::Public,
        Json(r#"{"code":"WRONG-CODE"}"#),
        NO_IDS,
    ),
    (
        "/api/me/correct",
        Access::Public,
        Json(r#"{"code":"WRONG-CODE","field":"email","value":"x@y.lv"}"#),
        NO_IDS,
    ),
    (
        "/api/me/consent",
        Access::Public,
        Json(r#"{"code":"WRONG-CODE","choice":"red","guardian":{},"lang":"en"}"#),
        NO_IDS,
    ),
    (
        "/api/me/request",
        Access::Public,
        Json(r#"{"code":"WRONG-CODE","request":{"kind":"removal"}}"#),
        NO_IDS,
    ),
    (
        "/api/requests/list",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/open",
        Access::Managers,
        Json(
            r#"{"event_id":"{event}","request":{"subject":{"by":"attendee","value":{attendee}},"kind":"removal","identity_check":"x","lang":"en"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/requests/get",
        Access::Managers,
        Json(r#"{"request_id":"{request}"}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/review",
        Access::Managers,
        Json(r#"{"request_id":"{request}"}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/decide",
        Access::Managers,
        Json(
            r#"{"request_id":"{request}","decision":{"item":{item},"decision":"keep","reason":"x"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/requests/tag",
        Access::Managers,
        Json(r#"{"request_id":"{request}","photo_id":"{photo}"}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/takedown",
        Access::Managers,
        Json(r#"{"request_id":"{request}","takedown_id":{takedown},"done":true,"note":""}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/close",
        Access::Managers,
        Json(r#"{"request_id":"{request}","note":""}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/refuse",
        Access::Managers,
        Json(r#"{"request_id":"{request}","reason":"x"}"#),
        NOT_OURS,
    ),
    (
        "/api/requests/erase",
        Access::Managers,
        Json(r#"{"request_id":"{request}"}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/export",
        Access::Managers,
        Json(r#"{"event_id":"{event}","attendee_id":{attendee}}"#),
        NOT_OURS,
    ),
    (
        "/api/auth/login",
        Access::Public,
        Form(&[("email", "x@y.lv"), ("password", "nope")]),
        NO_IDS,
    ),
    ("/api/auth/logout", Access::Public, Form(&[]), NO_IDS),
    ("/api/auth/whoami", Access::Public, Form(&[]), NO_IDS),
    ("/api/events/list", Access::Managers, Form(&[]), NO_IDS),
    (
        "/api/events/create",
        Access::Managers,
        Form(&[
            ("name", "Table test"),
            ("starts_on", ""),
            ("ends_on", "2099-12-31"),
            ("venue", ""),
            ("default_lang", "en"),
        ]),
        NO_IDS,
    ),
    (
        "/api/events/settings",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    (
        "/api/events/settings/save",
        Access::Managers,
        Json(r#"{"event_id":"{event}","settings":{}}"#),
        NOT_OURS,
    ),
    (
        "/api/events/purge",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    // Issue 16 point 4: editing and archiving an event.
    (
        "/api/events/update",
        Access::Managers,
        Json(
            r#"{"event_id":"{event}","event":{"name":"Taken","starts_on":"","ends_on":"2099-12-31","venue":"","default_lang":"en"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/events/archive",
        Access::Managers,
        Json(r#"{"event_id":"{event}","archived":true}"#),
        NOT_OURS,
    ),
    (
        "/api/record/event",
        Access::Managers,
        Json(r#"{"event_id":"{event}","lang":"en"}"#),
        NOT_OURS,
    ),
    (
        "/api/record/event/export",
        Access::Managers,
        Json(r#"{"event_id":"{event}","lang":"en"}"#),
        NOT_OURS,
    ),
    (
        "/api/record/instance",
        Access::Managers,
        Json(r#"{"lang":"en"}"#),
        NO_IDS,
    ),
    (
        "/api/record/instance/export",
        Access::Managers,
        Json(r#"{"lang":"en"}"#),
        NO_IDS,
    ),
    (
        "/api/kiosk/pairing-code",
        Access::Managers,
        Form(&[("event_id", "{event}"), ("label", "Entrance 1")]),
        NOT_OURS,
    ),
    (
        "/api/kiosk/tablets",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    (
        "/api/kiosk/tablets/change",
        Access::Managers,
        Json(
            r#"{"event_id":"{event}","device_id":{tablet},"change":{"kind":"rename","label":"Door"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/kiosk/pair",
        Access::Public,
        Form(&[("code", "AAAA-BBBB-CCCC")]),
        NO_IDS,
    ),
    (
        "/api/kiosk/unpair",
        Access::Kiosk,
        Form(&[("email", ""), ("password", "")]),
        NO_IDS,
    ),
    ("/api/kiosk/event", Access::Kiosk, Form(&[]), NO_IDS),
    (
        "/api/kiosk/register",
        Access::Kiosk,
        Json(r#"{"registration":{"lang":"xx"}}"#),
        NO_IDS,
    ),
    // Issue 16 point 5: the log's filters name an event (or a person): another
    // organiser's is unknown.
    (
        "/api/audit/list",
        Access::Managers,
        Json(r#"{"filter":{"event":"{event}"}}"#),
        NOT_OURS,
    ),
    (
        "/api/audit/export",
        Access::Managers,
        Json(r#"{"filter":{"event":"{event}","person":{attendee}}}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/list",
        Access::Managers,
        Json(r#"{"event_id":"{event}","filter":{}}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/detail",
        Access::Managers,
        Json(r#"{"event_id":"{event}","attendee_id":{attendee}}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/register",
        Access::Managers,
        Json(r#"{"event_id":"{event}","registration":{}}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/consent",
        Access::Managers,
        Json(r#"{"event_id":"{event}","attendee_id":{attendee},"consent":{}}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/badge",
        Access::Managers,
        Json(r#"{"event_id":"{event}","attendee_id":{attendee}}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/correct",
        Access::Managers,
        Json(
            r#"{"event_id":"{event}","attendee_id":{attendee},"correction":{"field":"first_name","value":"X","asked_by":"email","identity_check":"x","reason":"y"}}"#,
        ),
        NOT_OURS,
    ),
    (
        "/api/attendees/import/preview",
        Access::Managers,
        Json(r#"{"event_id":"{event}","csv":"a\n1\n"}"#),
        NOT_OURS,
    ),
    (
        "/api/attendees/import",
        Access::Managers,
        Json(r#"{"event_id":"{event}","csv":"a\n1\n","mapping":{}}"#),
        NOT_OURS,
    ),
    (
        "/api/events/stats",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    ("/api/scan/events", Access::Scanners, Form(&[]), NO_IDS),
    (
        "/api/badges/page",
        Access::Public,
        Form(&[("token", "not-a-token")]),
        NO_IDS,
    ),
    // The kiosk of organiser A's event with organiser B's real badge: unknown (400).
    (
        "/api/kiosk/withdraw/check",
        Access::Kiosk,
        Form(&[("code", "{badge}")]),
        &[(Kiosk, 400)],
    ),
    (
        "/api/kiosk/withdraw",
        Access::Kiosk,
        Form(&[("code", "{badge}"), ("lang", "en")]),
        &[(Kiosk, 400)],
    ),
    (
        "/api/kiosk/removal",
        Access::Kiosk,
        Form(&[("code", "{badge}"), ("lang", "en")]),
        &[(Kiosk, 400)],
    ),
    // Photographers only at events they are added to, on their days (issue 16; the
    // control is in `accounts.rs`).
    (
        "/api/scan/cache",
        Access::Scanners,
        Json(r#"{"event_id":"{event}"}"#),
        &[(OtherOrganiser, 404), (Photographer, 404)],
    ),
    (
        "/api/scan/record",
        Access::Scanners,
        Json(r#"{"scans":[]}"#),
        NO_IDS,
    ),
    ("/api/scan/mine", Access::Scanners, Form(&[]), NO_IDS),
    (
        "/api/scan/event-log",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    // Organiser B's real check-in code at organiser A's kiosk: not found (400).
    (
        "/api/kiosk/checkin/find",
        Access::Kiosk,
        Form(&[("code", "{checkin}"), ("email", "")]),
        &[(Kiosk, 400)],
    ),
    (
        "/api/badges/verdict",
        Access::Public,
        Form(&[("token", "not-a-token")]),
        NO_IDS,
    ),
    // Photographers open the library of an event they are added to (issue 16) and see
    // only their own uploads there.
    (
        "/api/photos/library",
        Access::Scanners,
        Json(r#"{"event_id":"{event}","filter":{}}"#),
        &[(OtherOrganiser, 404), (Photographer, 404)],
    ),
    (
        "/api/photos/detail",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}"}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/tag",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}","by":{"by":"scan","scan_id":1},"region":null}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/untag",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}","tag_id":{tag}}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/region",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}","tag_id":{tag},"region":null}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/no-people",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}","value":true}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/blur",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}","value":true}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/review",
        Access::Scanners,
        Json(r#"{"photo_id":"{photo}","value":true}"#),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/publication",
        Access::Scanners,
        Json(
            r#"{"photo_id":"{photo}","channel":"website","url":"https://x.lv","published_on":"2026-11-22"}"#,
        ),
        NOT_OUR_PHOTO,
    ),
    (
        "/api/photos/clock",
        Access::Managers,
        Json(r#"{"event_id":"{event}","user_id":{user},"offset_seconds":0}"#),
        NOT_OURS,
    ),
    (
        "/api/photos/export",
        Access::Managers,
        Json(r#"{"event_id":"{event}","max_side":1600}"#),
        NOT_OURS,
    ),
    (
        "/api/photos/export-status",
        Access::Managers,
        Json(r#"{"job":"{job}"}"#),
        NOT_OURS,
    ),
    // Public like the notice at the venue: the event's id is printed on its signs, and
    // the answer holds no attendee's data (issue 15 point 5).
    (
        "/api/privacy/page",
        Access::Public,
        Json(r#"{"event_id":"{event}"}"#),
        &[(Anonymous, 200), (OtherOrganiser, 200)],
    ),
    (
        "/api/privacy/signs",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
    (
        "/api/privacy/invitation",
        Access::Managers,
        Json(r#"{"event_id":"{event}"}"#),
        NOT_OURS,
    ),
];

/// Organiser A's OWN event, request or photo with organiser B's ids inside: the event
/// check passes, so these reach the checks that the attendee, photo, tag, request item or
/// takedown belongs to it. Probed by organiser A.
const MIXED: &[(&str, &str, u16)] = &[
    (
        "/api/events/photographers/remove",
        r#"{"event_id":"{own_event}","user_id":{user}}"#,
        404,
    ),
    (
        "/api/events/photographers/days",
        r#"{"event_id":"{own_event}","user_id":{user},"from":"","until":""}"#,
        404,
    ),
    (
        "/api/attendees/detail",
        r#"{"event_id":"{own_event}","attendee_id":{attendee}}"#,
        404,
    ),
    (
        "/api/attendees/consent",
        r#"{"event_id":"{own_event}","attendee_id":{attendee},"consent":{"choice":"red"}}"#,
        404,
    ),
    (
        "/api/attendees/badge",
        r#"{"event_id":"{own_event}","attendee_id":{attendee}}"#,
        404,
    ),
    (
        "/api/attendees/correct",
        r#"{"event_id":"{own_event}","attendee_id":{attendee},"correction":{"field":"first_name","value":"X","asked_by":"email","identity_check":"x","reason":"y"}}"#,
        404,
    ),
    (
        "/api/attendees/export",
        r#"{"event_id":"{own_event}","attendee_id":{attendee}}"#,
        404,
    ),
    (
        "/api/requests/open",
        r#"{"event_id":"{own_event}","request":{"subject":{"by":"attendee","value":{attendee}},"kind":"removal","identity_check":"x","lang":"en"}}"#,
        404,
    ),
    (
        "/api/requests/open",
        r#"{"event_id":"{own_event}","request":{"subject":{"by":"badge","value":"{badge}"},"kind":"removal","identity_check":"x","lang":"en"}}"#,
        400,
    ),
    (
        "/api/requests/tag",
        r#"{"request_id":"{own_request}","photo_id":"{photo}"}"#,
        404,
    ),
    (
        "/api/requests/decide",
        r#"{"request_id":"{own_request}","decision":{"item":{item},"decision":"keep","reason":"x"}}"#,
        404,
    ),
    (
        "/api/requests/takedown",
        r#"{"request_id":"{own_request}","takedown_id":{takedown},"done":true,"note":""}"#,
        404,
    ),
    (
        "/api/photos/tag",
        r#"{"photo_id":"{own_photo}","by":{"by":"badge","code":"{badge}"},"region":null}"#,
        400,
    ),
    (
        "/api/photos/tag",
        r#"{"photo_id":"{own_photo}","by":{"by":"attendee","attendee_id":{attendee}},"region":null}"#,
        400,
    ),
    (
        "/api/photos/tag",
        r#"{"photo_id":"{own_photo}","by":{"by":"scan","scan_id":{scan}},"region":null}"#,
        400,
    ),
    (
        "/api/photos/untag",
        r#"{"photo_id":"{own_photo}","tag_id":{tag}}"#,
        404,
    ),
    (
        "/api/photos/region",
        r#"{"photo_id":"{own_photo}","tag_id":{tag},"region":null}"#,
        404,
    ),
];

/// A request to a plain axum route.
#[derive(Clone, Copy)]
enum Call {
    Get(&'static str),
    /// A photo upload (multipart) to this event.
    Upload(&'static str),
    PostJson(&'static str, &'static str),
}

/// The plain axum routes (not server functions), as `router` registers them, with
/// what each prober gets for organiser B's real ids. The test below fails when a route
/// is added to `server/src/lib.rs` without a row here.
const ROUTES: &[(&str, Call, Probes)] = &[
    ("/healthz", Call::Get("/healthz"), &[(Anonymous, 200)]),
    // The service worker (issue 18 point 6): the same script for everyone, no data.
    (
        "/sw.js",
        Call::Get("/sw.js"),
        &[(Anonymous, 200), (Kiosk, 200), (Photographer, 200)],
    ),
    (
        "/b/{token}/badge.png",
        Call::Get("/b/{badge}/badge.png"),
        &[
            (Anonymous, 401),
            (Kiosk, 403),
            (Photographer, 403),
            (OtherOrganiser, 404),
            (Owner, 200),
        ],
    ),
    // Public like the badge page: the token is the key, the answer only a colour.
    (
        "/api/v1/badges/{token}",
        Call::Get("/api/v1/badges/{badge}"),
        &[(Anonymous, 200)],
    ),
    // A scan of a badge at an event the scanner may not reach is answered as unknown and
    // not kept (issue 16); the status is 200 either way.
    (
        "/api/v1/scans",
        Call::PostJson(
            "/api/v1/scans",
            r#"{"scans":[{"client_scan_id":"probe-scan-0001","token":"{badge}"}]}"#,
        ),
        &[
            (Anonymous, 401),
            (Kiosk, 403),
            (Photographer, 200),
            (OtherOrganiser, 200),
        ],
    ),
    // Photographers upload where they are added (issue 16); organisers at their own.
    (
        "/media/photos",
        Call::Upload("{event}"),
        &[
            (Anonymous, 401),
            (Kiosk, 403),
            (OtherOrganiser, 404),
            (Photographer, 404),
            (Owner, 201),
        ],
    ),
    (
        "/media/photos/{id}/{kind}",
        Call::Get("/media/photos/{photo}/thumb.jpg"),
        PHOTO_FILE,
    ),
    (
        "/media/photos/{id}/{kind}",
        Call::Get("/media/photos/{photo}/preview.jpg"),
        PHOTO_FILE,
    ),
    (
        "/media/photos/{id}/{kind}",
        Call::Get("/media/photos/{photo}/redacted.jpg"),
        PHOTO_FILE,
    ),
    (
        "/media/photos/{id}/{kind}",
        Call::Get("/media/photos/{photo}/original"),
        PHOTO_FILE,
    ),
    (
        "/media/exports/{job}",
        Call::Get("/media/exports/{job}.zip"),
        &[
            (Anonymous, 401),
            (Kiosk, 403),
            (Photographer, 404),
            (OtherOrganiser, 404),
            (Owner, 200),
        ],
    ),
];

const PHOTO_FILE: Probes = &[
    (Anonymous, 401),
    (Kiosk, 403),
    (Photographer, 404),
    (OtherOrganiser, 404),
    (Owner, 200),
];

/// Plain page routes guarded on the server.
const MANAGER_PAGES: &[&str] = &[
    "/dashboard",
    "/dashboard/audit",
    "/dashboard/events/some-event",
    "/dashboard/events/some-event/attendees",
    "/dashboard/events/some-event/attendees/new",
    "/dashboard/events/some-event/attendees/1",
    "/dashboard/events/some-event/import",
    "/dashboard/record",
    "/dashboard/events/some-event/record",
    "/dashboard/events/some-event/signs",
    "/dashboard/events/some-event/edit",
];

/// What the placeholders in bodies and paths stand for.
struct Ids(Vec<(&'static str, String)>);

impl Ids {
    /// Ids that exist nowhere (the role checks come first).
    fn unknown() -> Ids {
        Ids(vec![
            ("{event}", "no-such-event".into()),
            ("{attendee}", "1".into()),
            ("{request}", "no-such-request".into()),
            ("{item}", "1".into()),
            ("{takedown}", "1".into()),
            ("{photo}", "no-such-photo".into()),
            ("{tag}", "1".into()),
            ("{user}", "999999".into()),
            ("{job}", "no-such-job".into()),
            ("{badge}", "nothing".into()),
            ("{checkin}", "AAAA-BBBB".into()),
            ("{tablet}", "999999".into()),
            ("{breach}", "no-such-breach".into()),
        ])
    }

    fn fill(&self, template: &str) -> String {
        let mut s = template.to_string();
        for (k, v) in &self.0 {
            s = s.replace(k, v);
        }
        let placeholder = |rest: &str| {
            rest.split_once('}').is_some_and(|(name, _)| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            })
        };
        assert!(
            !s.split('{').skip(1).any(placeholder),
            "a placeholder without a value: {s}"
        );
        s
    }
}

trait SendBody {
    async fn send(&mut self, path: &str, body: &Body, ids: &Ids) -> Reply;
}

impl SendBody for Client {
    async fn send(&mut self, path: &str, body: &Body, ids: &Ids) -> Reply {
        match body {
            Form(f) => {
                let filled: Vec<(&str, String)> =
                    f.iter().map(|(k, v)| (*k, ids.fill(v))).collect();
                let form: Vec<(&str, &str)> =
                    filled.iter().map(|(k, v)| (*k, v.as_str())).collect();
                self.post(path, &form).await
            }
            Json(j) => self.post_json(path, &ids.fill(j)).await,
        }
    }
}

/// A server on a temp data dir with one organiser, org@example.lv.
async fn start_with_organiser() -> TestApp {
    let server = TestApp::start().await;
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    server
}

struct Principals {
    organiser: Client,
    photographer: Client,
    admin: Client,
    kiosk: Client,
    /// The organiser's event, which the kiosk is paired with.
    event: String,
}

async fn principals(server: &TestApp) -> Principals {
    let mut organiser = server.organiser("org@example.lv").await;
    let photographer = server.photographer("photo@example.lv").await;
    let admin = server.admin("admin@example.lv").await;
    let event = organiser.create_event("Kiosk event", "lv").await;
    let code = organiser.pairing_code(&event.id).await;
    let kiosk = server.kiosk_with_code(&code.code.to_lowercase()).await;
    Principals {
        organiser,
        photographer,
        admin,
        kiosk,
        event: event.id.into_string(),
    }
}

#[tokio::test]
async fn every_server_fn_is_in_the_access_table() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .collect();
    assert!(!registered.is_empty(), "server functions are registered");
    for path in &registered {
        assert!(
            SERVER_FNS.iter().any(|(p, _, _, _)| p == path),
            "server function {path} is not in the access table: decide who may call it"
        );
    }
    for (p, _, _, _) in SERVER_FNS {
        assert!(
            registered.iter().any(|r| r == p),
            "{p} is listed but not registered"
        );
    }
}

#[tokio::test]
async fn protected_server_fns_answer_401_without_session_and_403_for_wrong_principal() {
    let server = TestApp::start().await;
    let mut p = principals(&server).await;
    let unknown = Ids::unknown();

    for (path, access, body, _) in SERVER_FNS {
        let mut anonymous = server.client();
        let anon = anonymous.send(path, body, &unknown).await;
        match access {
            // Public: never "sign in first" or "forbidden" (a wrong password is its own 401).
            Access::Public => assert!(
                anon.status != 403 && anon.body != r#""Unauthorized""#,
                "{path}: public, got {} {}",
                anon.status,
                anon.body
            ),
            Access::Managers | Access::Kiosk | Access::Scanners | Access::Admins => {
                assert_eq!(anon.status, 401, "{path} without a session");
                assert_eq!(
                    anon.body, r#""Unauthorized""#,
                    "{path}: 401 says sign-in is required"
                );
            }
        }
        match access {
            Access::Managers => {
                assert_eq!(
                    p.photographer.send(path, body, &unknown).await.status,
                    403,
                    "{path} as photographer"
                );
                assert_eq!(
                    p.kiosk.send(path, body, &unknown).await.status,
                    403,
                    "{path} as kiosk"
                );
                let ok = p.organiser.send(path, body, &unknown).await.status;
                assert!(ok != 401 && ok != 403, "{path} as organiser got {ok}");
            }
            Access::Admins => {
                for (who, c) in [
                    ("photographer", &mut p.photographer),
                    ("organiser", &mut p.organiser),
                    ("kiosk", &mut p.kiosk),
                ] {
                    let r = c.send(path, body, &unknown).await;
                    assert_eq!(r.status, 403, "{path} as {who}: {}", r.body);
                }
                let ok = p.admin.send(path, body, &unknown).await.status;
                assert!(ok != 401 && ok != 403, "{path} as admin got {ok}");
            }
            Access::Kiosk => {
                assert_eq!(
                    p.organiser.send(path, body, &unknown).await.status,
                    403,
                    "{path} as organiser"
                );
                assert_eq!(
                    p.photographer.send(path, body, &unknown).await.status,
                    403,
                    "{path} as photographer"
                );
            }
            Access::Scanners => {
                assert_eq!(
                    p.kiosk.send(path, body, &unknown).await.status,
                    403,
                    "{path} as kiosk"
                );
                for (who, c) in [
                    ("photographer", &mut p.photographer),
                    ("organiser", &mut p.organiser),
                ] {
                    let ok = c.send(path, body, &unknown).await.status;
                    assert!(ok != 401 && ok != 403, "{path} as {who} got {ok}");
                }
            }
            Access::Public => {}
        }
    }
    // Unpairing (last, since it ends the kiosk session) takes staff of the kiosk's event
    // confirming on the tablet (issue 12 point 3): an attendee at the kiosk alone, a
    // photographer, or an organiser of another event cannot take the desk offline.
    let unpair =
        |email: &'static str, password: &'static str| [("email", email), ("password", password)];
    server
        .add_user("other-org@example.lv", PW, Role::Organiser)
        .await;
    let r = p.kiosk.post("/api/kiosk/unpair", &unpair("", "")).await;
    assert_eq!(r.status, 400, "no credentials: {}", r.body);
    let r = p
        .kiosk
        .post(
            "/api/kiosk/unpair",
            &unpair("org@example.lv", "not the password"),
        )
        .await;
    assert_eq!(r.status, 401, "wrong password: {}", r.body);
    for who in ["photo@example.lv", "other-org@example.lv"] {
        let r = p.kiosk.post("/api/kiosk/unpair", &unpair(who, PW)).await;
        assert_eq!(
            r.status, 403,
            "{who} is not staff of this event: {}",
            r.body
        );
    }
    assert_eq!(
        p.kiosk.post("/api/kiosk/event", &[]).await.status,
        200,
        "still paired after every refusal"
    );
    let r = p
        .kiosk
        .post("/api/kiosk/unpair", &unpair("org@example.lv", PW))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        p.kiosk.post("/api/kiosk/event", &[]).await.status,
        401,
        "the kiosk session is gone"
    );
    server.stop();
}

#[tokio::test]
async fn manager_pages_redirect_to_sign_in_or_refuse_wrong_role() {
    let server = TestApp::start().await;
    let mut p = principals(&server).await;
    for page in MANAGER_PAGES {
        let anon = server.client().get(page).await;
        assert_eq!(anon.status, 303, "{page} without session");
        assert_eq!(anon.location.as_deref(), Some("/login"));
        assert_eq!(
            p.photographer.get(page).await.status,
            403,
            "{page} as photographer"
        );
        assert_eq!(p.kiosk.get(page).await.status, 403, "{page} as kiosk");
        // An organiser gets the page. For an event that is not theirs (here: none) the
        // page says "not found"; the status is 404 when the data loads before the
        // streamed response starts, else 200.
        let status = p.organiser.get(page).await.status;
        if page.contains("some-event") {
            assert!(matches!(status, 200 | 404), "{page} as organiser: {status}");
        } else {
            assert_eq!(status, 200, "{page} as organiser");
        }
    }
    server.stop();
}

#[tokio::test]
async fn session_survives_a_restart_on_the_same_data_dir() {
    let server = start_with_organiser().await;
    let mut c = server.client();
    assert_eq!(c.login("org@example.lv", PW).await.status, 200);
    assert_eq!(c.post("/api/events/list", &[]).await.status, 200);
    let dir = server.stop();

    let server = TestApp::start_in(dir).await;
    let mut c = c.with_base(&server.base);
    let who = c.post("/api/auth/whoami", &[]).await;
    assert!(
        who.body.contains("org@example.lv"),
        "still signed in after restart: {}",
        who.body
    );
    assert_eq!(c.post("/api/events/list", &[]).await.status, 200);

    // Sign-out ends the session for good.
    assert_eq!(c.post("/api/auth/logout", &[]).await.status, 200);
    assert_eq!(c.post("/api/events/list", &[]).await.status, 401);
    server.stop();
}

#[tokio::test]
async fn session_cookie_is_httponly_samesite_strict_and_secure_over_tls() {
    let server = start_with_organiser().await;
    let reply = server.client().login("org@example.lv", PW).await;
    let cookie = reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with("lanyard_session="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain http: not Secure ({cookie})"
    );
    server.stop();

    // Issue 18 point 1: over https the cookie is Secure with the `__Host-` prefix, for
    // the whole site and no Domain, as the prefix demands.
    let server = TestApp::start_with(true).await;
    server.add_user("org@example.lv", PW, Role::Organiser).await;
    let reply = server.client().login("org@example.lv", PW).await;
    let cookie = reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with("__Host-lanyard="))
        .expect("session cookie");
    assert!(
        cookie.contains("Secure"),
        "https public URL: Secure ({cookie})"
    );
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("Domain"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    server.stop();
}

#[tokio::test]
async fn wrong_password_is_401_and_repeated_failures_are_rate_limited_per_account() {
    let server = start_with_organiser().await;
    let mut c = server.client();
    let wrong = c.login("org@example.lv", "wrong password").await;
    assert_eq!(wrong.status, 401);
    assert!(
        !wrong.body.contains("org@example.lv"),
        "the error does not echo the email"
    );
    for _ in 0..9 {
        assert_eq!(
            c.login("org@example.lv", "wrong password").await.status,
            401
        );
    }
    // 10 failures: even the right password is refused for now.
    assert_eq!(c.login("org@example.lv", PW).await.status, 429);
    // Another account from the same address is not yet blocked (the per-IP limit is higher).
    server
        .add_user("other@example.lv", PW, Role::Organiser)
        .await;
    assert_eq!(
        server.client().login("other@example.lv", PW).await.status,
        200
    );
    server.stop();
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_client_address() {
    let server = start_with_organiser().await;
    let mut c = server.client();
    // 30 failures spread over many accounts from one address.
    for i in 0..30 {
        let status = c.login(&format!("nobody{i}@example.lv"), "x").await.status;
        assert_eq!(status, 401);
    }
    assert_eq!(c.login("org@example.lv", PW).await.status, 429);
    server.stop();
}

#[tokio::test]
async fn malformed_arguments_are_400_not_500() {
    let server = TestApp::start().await;
    let mut c = server.client();
    let r = c.post("/api/kiosk/pair", &[("wrong_field", "x")]).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.body, r#"{"BadInput":"malformed_request"}"#);
    let r = c.post_json("/api/kiosk/register", "{not json").await;
    assert!(
        r.status == 400 || r.status == 401,
        "got {} {}",
        r.status,
        r.body
    );
    server.stop();
}

#[tokio::test]
async fn healthz_is_200_without_personal_data_and_unknown_pages_are_404() {
    let server = start_with_organiser().await;
    let mut c = server.client();
    let h = c.get("/healthz").await;
    assert_eq!(h.status, 200);
    assert_eq!(h.body, r#"{"status":"ok"}"#);
    let nf = c.get("/no/such/page").await;
    assert_eq!(nf.status, 404);
    server.stop();
}

#[tokio::test]
async fn audit_log_records_sign_in_and_listing_and_chain_verifies() {
    let server = start_with_organiser().await;
    let mut c = server.client();
    c.login("org@example.lv", "wrong password").await;
    c.login("org@example.lv", PW).await;
    let r = c.post_json("/api/audit/list", "{}").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let view: app::types::AuditView = serde_json::from_str(&r.body).unwrap();
    let actions: Vec<&str> = view.rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions[..3],
        ["audit.list", "auth.login", "auth.login_failed"]
    );
    assert!(view
        .rows
        .iter()
        .all(|r| !r.subject.contains('@') && !r.actor.contains('@')));
    assert_eq!(view.chain, Ok(view.total as u64));
    server.stop();
}

#[tokio::test]
async fn pairing_codes_work_once_and_wrong_codes_are_rate_limited() {
    let server = TestApp::start().await;
    let _p = principals(&server).await; // uses one code
    let mut c = server.client();
    for _ in 0..10 {
        let r = c
            .post("/api/kiosk/pair", &[("code", "AAAA-BBBB-CCCC")])
            .await;
        assert_eq!(r.status, 400);
    }
    assert_eq!(
        c.post("/api/kiosk/pair", &[("code", "AAAA-BBBB-CCCC")])
            .await
            .status,
        429
    );
    server.stop();
}

/// Organiser B (b-org@example.lv) with real data of every kind in their event: a named
/// attendee (green, scanned, tagged in a published photo), an imported attendee with a
/// check-in code, an open removal request whose photo was blurred (a takedown to do), and
/// a finished export. Returns B's client and the placeholders' values.
async fn other_organisers_event(server: &TestApp) -> (Client, Vec<(&'static str, String)>) {
    let mut b = server.organiser("b-org@example.lv").await;
    let event = b.create_event("B event", "en").await.id;
    let mut settings = EventSettings::default();
    for f in [Field::FirstName, Field::LastName, Field::Email] {
        *settings.fields.get_mut(f) = FieldRule {
            enabled: true,
            required: false,
        };
    }
    b.save_settings(&event, &settings).await;
    let mut kiosk = server.pair_kiosk(&mut b, &event).await;
    let badge = server
        .kiosk_attendee(
            &mut kiosk,
            json!({ "first_name": "Bertha", "last_name": "Bēcis", "email": "bertha@example.lv" }),
            "green",
        )
        .await;
    let db = server.db();
    let tablet: i64 = db
        .query_row("SELECT max(id) FROM kiosk_devices", [], |r| r.get(0))
        .unwrap();
    let attendee: i64 = db
        .query_row(
            "SELECT id FROM attendees WHERE badge_token = ?1",
            [&badge],
            |r| r.get(0),
        )
        .unwrap();
    let csv = "First Name,Last Name,Email\nCilda,Cērpa,cilda@example.lv\n";
    let preview: ImportPreview = b
        .call(
            "/api/attendees/import/preview",
            json!({ "event_id": event, "csv": csv }),
        )
        .await;
    let imported: ImportOutcome = b
        .call(
            "/api/attendees/import",
            json!({ "event_id": event, "csv": csv, "mapping": preview.mapping }),
        )
        .await;
    let checkin = imported.codes[0].code.clone();
    let _: Vec<ScanAck> = b
        .call(
            "/api/scan/record",
            json!({ "scans": [{ "client_scan_id": "scan-b-0001", "token": badge, "shown": "green" }] }),
        )
        .await;
    let scan: i64 = db
        .query_row("SELECT max(id) FROM scans", [], |r| r.get(0))
        .unwrap();
    let photo = b
        .upload(
            &event,
            "B.JPG",
            fixtures::jpeg(640, 480, 70, &FixtureMeta::NONE),
        )
        .await;
    let region = json!({ "x": 0.25, "y": 0.25, "w": 0.5, "h": 0.5 });
    let tag = b.tag_badge(&photo, &badge, region.clone()).await.tags[0].id;
    let _: app::types::PhotoDetail = b
        .call(
            "/api/photos/publication",
            json!({ "photo_id": photo, "channel": "website", "url": "https://b.example.lv/1", "published_on": "2026-11-23" }),
        )
        .await;
    let request = b
        .open_request(
            &event,
            json!({ "subject": { "by": "attendee", "value": attendee }, "kind": "removal", "message": "", "identity_check": "Phoned back", "lang": "en" }),
        )
        .await;
    let view: RequestView = b
        .call("/api/requests/review", json!({ "request_id": request }))
        .await;
    let item = view.photos[0].item;
    let view: RequestView = b
        .call(
            "/api/requests/decide",
            json!({ "request_id": request, "decision": { "item": item, "decision": "blur", "region": region } }),
        )
        .await;
    let takedown = view.takedowns[0].id;
    // An export (after the decision, which drops the event's earlier exports) of a
    // photo without people (the request holds the person's photos back).
    let crowd = b
        .upload(
            &event,
            "B2.JPG",
            fixtures::jpeg(640, 480, 72, &FixtureMeta::NONE),
        )
        .await;
    let _: app::types::PhotoDetail = b
        .call(
            "/api/photos/no-people",
            json!({ "photo_id": crowd, "value": true }),
        )
        .await;
    b.review(&crowd, true).await;
    let export = b.start_export(&event, 640).await;
    assert_eq!(export.total, 1);
    let job = export.job;
    b.wait_for_export(&job).await;
    // A breach of organiser B's event listing B's attendee (issue 17).
    let breach: String = b
        .call(
            "/api/breaches/record",
            json!({ "breach": {
                "discovered_at": "2026-01-10T10:00", "discovered_by": "Desk",
                "kinds": ["confidentiality"], "what_happened": "A list was left out.",
                "events": [event.to_string()], "people": [attendee],
                "categories": ["first_name"], "risk": "high", "risk_reason": "Names."
            } }),
        )
        .await;
    let user = server
        .state
        .store
        .login_record("b-org@example.lv".into())
        .await
        .unwrap()
        .unwrap()
        .id;
    let ids = vec![
        ("{event}", event.to_string()),
        ("{attendee}", attendee.to_string()),
        ("{request}", request),
        ("{item}", item.to_string()),
        ("{takedown}", takedown.to_string()),
        ("{photo}", photo),
        ("{tag}", tag.to_string()),
        ("{user}", user.to_string()),
        ("{job}", job),
        ("{badge}", badge),
        ("{checkin}", checkin),
        ("{scan}", scan.to_string()),
        ("{tablet}", tablet.to_string()),
        ("{breach}", breach),
    ];
    (b, ids)
}

/// The 400 answers that mean "no such badge, code or person here", as for an id that
/// does not exist (a 400 for a malformed probe would prove nothing).
const UNKNOWN_HERE: &[&str] = &[
    r#"{"BadInput":"badge_unknown"}"#,
    r#"{"BadInput":"badge_not_at_event"}"#,
    r#"{"BadInput":"withdraw_unknown_badge"}"#,
    r#"{"BadInput":"checkin_not_found"}"#,
];

/// Everyone who probes.
struct Probers {
    anonymous: Client,
    kiosk: Client,
    photographer: Client,
    organiser: Client,
    owner: Client,
}

impl Probers {
    fn get(&mut self, who: Who) -> &mut Client {
        match who {
            Anonymous => &mut self.anonymous,
            Kiosk => &mut self.kiosk,
            Photographer => &mut self.photographer,
            OtherOrganiser => &mut self.organiser,
            Owner => &mut self.owner,
        }
    }
}

/// Requirement 22 past the role check: organiser A, a photographer and organiser A's
/// kiosk name organiser B's REAL event, attendee, photo, tag, request, request item, takedown,
/// export job, badge and check-in code, on every server function and plain route, and
/// get exactly the refusal the code gives for an unknown id (organiser B, the control,
/// gets the data). No answer carries B's attendees' names or emails, or B's photo or
/// request id.
#[tokio::test]
async fn another_organisers_real_ids_are_refused_on_every_route() {
    let server = TestApp::start().await;
    let mut p = principals(&server).await;
    let (owner, mut values) = other_organisers_event(&server).await;
    // Organiser A's own attendee, photo and request, for the mixed probes.
    let own_badge = server
        .kiosk_attendee(&mut p.kiosk, json!({}), "green")
        .await;
    let own_attendee: i64 = server
        .db()
        .query_row(
            "SELECT id FROM attendees WHERE badge_token = ?1",
            [&own_badge],
            |r| r.get(0),
        )
        .unwrap();
    let own_photo = p
        .organiser
        .upload(
            &p.event,
            "A.JPG",
            fixtures::jpeg(640, 480, 71, &FixtureMeta::NONE),
        )
        .await;
    let own_request = p
        .organiser
        .open_request(
            &p.event,
            json!({ "subject": { "by": "attendee", "value": own_attendee }, "kind": "removal", "message": "", "identity_check": "Phoned back", "lang": "en" }),
        )
        .await;
    let value = |k: &str| values.iter().find(|(n, _)| *n == k).unwrap().1.clone();
    let b_event = value("{event}");
    let secrets = [
        "Bertha".to_string(),
        "Bēcis".into(),
        "bertha@".into(),
        "Cilda".into(),
        "cilda@".into(),
        value("{photo}"),
        value("{request}"),
    ];
    values.extend([
        ("{own_event}", p.event.clone()),
        ("{own_photo}", own_photo),
        ("{own_request}", own_request),
    ]);
    let ids = Ids(values);
    let mut who = Probers {
        anonymous: server.client(),
        kiosk: p.kiosk,
        photographer: p.photographer,
        organiser: p.organiser,
        owner,
    };
    let no_secrets = |what: &str, r: &Reply| {
        for s in &secrets {
            assert!(!r.body.contains(s.as_str()), "{what} shows {s}: {}", r.body);
        }
        if r.status == 400 {
            assert!(
                UNKNOWN_HERE.contains(&r.body.as_str()),
                "{what}: {}",
                r.body
            );
        }
    };

    for (path, _, body, foreign) in SERVER_FNS {
        for &(prober, want) in *foreign {
            let r = who.get(prober).send(path, body, &ids).await;
            let what = format!("{path} as {prober:?} with organiser B's ids");
            assert_eq!(r.status, want, "{what}: {}", r.body);
            no_secrets(&what, &r);
        }
    }
    for (path, body, want) in MIXED {
        let body = ids.fill(body);
        let r = who.organiser.post_json(path, &body).await;
        let what = format!("{path} as organiser A with {body}");
        assert_eq!(r.status, *want, "{what}: {}", r.body);
        no_secrets(&what, &r);
    }
    let mut seed = 100;
    for (_, call, probes) in ROUTES {
        for &(prober, want) in *probes {
            let c = who.get(prober);
            let (what, r) = match call {
                Call::Get(path) => {
                    let path = ids.fill(path);
                    (format!("GET {path}"), c.get(&path).await)
                }
                Call::Upload(event) => {
                    seed += 1;
                    let jpeg = fixtures::jpeg(320, 240, seed, &FixtureMeta::NONE);
                    let r = c.upload_photo(&ids.fill(event), "probe.jpg", jpeg).await;
                    ("POST /media/photos to organiser B's event".to_string(), r)
                }
                Call::PostJson(path, body) => (
                    format!("POST {path}"),
                    c.post_json(path, &ids.fill(body)).await,
                ),
            };
            let what = format!("{what} as {prober:?}");
            let start: String = r.body.chars().take(300).collect();
            assert_eq!(r.status, want, "{what}: {start}");
            if prober != Owner {
                no_secrets(&what, &r);
            }
        }
    }
    // Lists name only organiser A's own events.
    for path in ["/api/events/list", "/api/scan/events"] {
        let r = who.organiser.post(path, &[]).await;
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert!(
            !r.body.contains(&b_event),
            "{path} lists organiser B's event"
        );
    }
    server.stop();
}

/// Every route `router` registers outside the Leptos app must be in `ROUTES`, read from
/// the source, so that a new route cannot be added without deciding who may call it.
#[test]
fn every_plain_route_is_in_the_route_table() {
    let lib = include_str!("../../src/lib.rs");
    let photos = include_str!("../../src/photos.rs");
    let upload_path = photos
        .split("pub const UPLOAD_PATH: &str = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("UPLOAD_PATH in photos.rs");
    let registered: Vec<&str> = lib
        .split(".route(")
        .skip(1)
        .map(|rest| {
            let arg = rest.trim_start().split(',').next().unwrap().trim();
            if let Some(literal) = arg.strip_prefix('"') {
                literal.trim_end_matches('"')
            } else if arg == "photos::UPLOAD_PATH" {
                upload_path
            } else {
                panic!("a route registered as {arg}: teach this test to read it")
            }
        })
        .collect();
    assert!(registered.len() >= 7, "{registered:?}");
    for r in &registered {
        assert!(
            ROUTES.iter().any(|(route, _, _)| route == r),
            "route {r} is not in the route table: decide who may call it"
        );
    }
    for (route, _, _) in ROUTES {
        assert!(
            registered.contains(route),
            "{route} is listed but not registered"
        );
    }
}
