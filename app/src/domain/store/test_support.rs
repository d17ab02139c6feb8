//! Fixtures the store's and the domain's unit tests share (issue 13): an in-memory store
//! with one organiser and one event, an English notice, and attendees registered at a
//! kiosk. Compiled for tests only.

use super::{Actor, NewAttendee, NewConsent, Store};
use crate::types::{
    AttendeeId, Channel, Consent, EventId, EventSettings, NewEvent, NoticeRef, PersonFields, Role,
};

/// A fresh in-memory store with organiser `o@x.lv` and their event `pub`.
pub(crate) async fn store_with_event() -> (Store, EventId, Actor) {
    let s = Store::open_in_memory().await.unwrap();
    let u = s
        .create_user(Actor::Cli, "o@x.lv".into(), "h".into(), Role::Organiser)
        .await
        .unwrap();
    let actor = Actor::User {
        id: u,
        role: Role::Organiser,
    };
    let ev = NewEvent {
        name: "E".into(),
        starts_on: None,
        ends_on: None,
        venue: String::new(),
        default_lang: "lv".into(),
    };
    let (event_id, _) = s
        .create_event(actor.clone(), u, "pub".into(), ev)
        .await
        .unwrap();
    (s, event_id, actor)
}

/// Saves default settings with an English notice; returns the version a page showing it
/// sends back.
pub(crate) async fn english_notice(s: &Store, actor: &Actor, ev: EventId) -> NoticeRef {
    s.save_event_settings(
        actor.clone(),
        ev,
        EventSettings::default(),
        vec![("en".into(), "Notice".into())],
    )
    .await
    .unwrap();
    s.current_notice(ev, "en".into())
        .await
        .unwrap()
        .unwrap()
        .reference()
}

/// A decision recorded at kiosk 1 under notice version `notice`.
pub(crate) fn kiosk_consent(choice: Consent, notice: NoticeRef) -> NewConsent {
    NewConsent {
        choice,
        notice,
        channel: Channel::Kiosk,
        channel_ref: "kiosk:1".into(),
        guardian_name: None,
        guardian_confirmed: false,
        signature_png: None,
    }
}

/// An adult registering at the kiosk of `ev` with badge `token`.
pub(crate) fn kiosk_attendee(ev: EventId, token: &str, fields: PersonFields) -> NewAttendee {
    NewAttendee {
        event_id: ev,
        fields,
        is_minor: false,
        source: "kiosk",
        badge_token: token.into(),
        private_code_hash: None,
        checkin_code_hash: None,
    }
}

/// Registers `a` with `c`; returns the attendee's row id.
pub(crate) async fn register(
    s: &Store,
    actor: &Actor,
    a: NewAttendee,
    c: NewConsent,
) -> AttendeeId {
    s.register_attendee(actor.clone(), a, c).await.unwrap()
}
