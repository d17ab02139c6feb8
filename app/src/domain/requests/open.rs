//! Opening a data-subject request, the one way (issue 13): by the organiser on someone's
//! behalf, by the attendee on `/me`, or by the attendee at a kiosk after scanning their
//! badge (issue 16 point 6; requirements 15, 17). The texts' rules, the
//! language of the closing message and which photos may be named are decided here.

use super::{check_text, RequestError};
use crate::domain::store::{Actor, NewRequestRow, Store, StoreError};
use crate::types::{AttendeeId, EventId};
use crate::types::{BadInput, MyRequestInput, NewRequest, RequestKind, RequestSubject};

/// The attendee of this event a new request is about: found by the organiser's search
/// (404 for another event's) or by their scanned badge.
async fn subject_at_event(
    store: &Store,
    event_id: EventId,
    subject: RequestSubject,
) -> Result<AttendeeId, RequestError> {
    match subject {
        RequestSubject::Attendee(id) => {
            let (event, _) = store.attendee_event_and_minor(id).await?;
            if event != event_id {
                return Err(StoreError::NotFound.into());
            }
            Ok(id)
        }
        RequestSubject::Badge(text) => {
            let unknown = || RequestError::Invalid(BadInput::BadgeUnknown);
            let token = crate::types::BadgeToken::from_scan(&text).ok_or_else(unknown)?;
            match store.attendee_by_badge(token.into_string()).await? {
                Some((attendee, event)) if event == event_id => Ok(attendee),
                _ => Err(unknown()),
            }
        }
    }
}

/// The organiser opens a request on someone's behalf (channel "organiser"), saying how
/// they checked the person's identity. Returns the request's public id.
pub async fn open_for_event(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    request: NewRequest,
) -> Result<String, RequestError> {
    let identity_check = request.identity_check.trim().to_string();
    if identity_check.is_empty() {
        return Err(RequestError::Invalid(BadInput::IdentityCheckMissing));
    }
    let identity_check = check_text(&identity_check)?;
    let message = check_text(&request.message)?;
    let attendee_id = subject_at_event(store, event_id, request.subject).await?;
    let row = NewRequestRow {
        attendee_id,
        kind: request.kind,
        channel: crate::types::RequestChannel::Organiser,
        identity_check,
        message,
        lang: request.lang.as_str().into(),
        photos: None,
    };
    Ok(store.open_request(actor, row).await?)
}

/// The attendee opens a request on `/me` (channel "self_service"; identity: the private
/// code). Only a removal names photos, and only photos the person is tagged in; none
/// named means every photo.
pub async fn open_by_subject(
    store: &Store,
    attendee_id: AttendeeId,
    request: MyRequestInput,
) -> Result<String, RequestError> {
    let actor = Actor::DataSubject { attendee_id };
    let message = check_text(&request.message)?;
    let photos = if request.photos.is_empty() || request.kind != RequestKind::Removal {
        None
    } else {
        let mine = store.subject_photos(actor.clone(), attendee_id).await?;
        let mut ids = Vec::new();
        for p in &request.photos {
            let found = mine
                .iter()
                .find(|m| m.public_id.as_str() == p)
                .ok_or(RequestError::Invalid(BadInput::PhotoUnknown))?;
            if !ids.contains(&found.id) {
                ids.push(found.id);
            }
        }
        Some(ids)
    };
    let row = NewRequestRow {
        attendee_id,
        kind: request.kind,
        channel: crate::types::RequestChannel::SelfService,
        identity_check: "private code".into(),
        message,
        lang: request.lang.as_str().into(),
        photos,
    };
    Ok(store.open_request(actor, row).await?)
}

/// The attendee asks at a kiosk for their photos to be removed, after scanning their own
/// badge (channel "kiosk"; identity: the badge, which the person holds). Every photo of
/// them; the kiosk device is the actor of the audit row. Returns the request's public id.
pub async fn open_at_kiosk(
    store: &Store,
    actor: Actor,
    attendee_id: AttendeeId,
    lang: crate::types::Lang,
) -> Result<String, RequestError> {
    if !matches!(actor, Actor::Kiosk { .. }) {
        return Err(StoreError::Conflict(crate::domain::Conflict::NotAUser).into());
    }
    let row = NewRequestRow {
        attendee_id,
        kind: RequestKind::Removal,
        channel: crate::types::RequestChannel::Kiosk,
        identity_check: "badge scanned at the kiosk".into(),
        message: String::new(),
        lang: lang.as_str().into(),
        photos: None,
    };
    Ok(store.open_request(actor, row).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::{
        english_notice, kiosk_attendee, kiosk_consent, register, store_with_event,
    };
    use crate::domain::Conflict;
    use crate::types::{Consent, Lang, PersonFields};

    /// Issue 16 point 6 (requirement 15): a removal asked at the kiosk is a request with
    /// channel "kiosk" for every photo, audited with the kiosk as the actor; a second
    /// one while it is open is refused.
    #[tokio::test]
    async fn a_removal_asked_at_the_kiosk_has_the_kiosk_channel_and_actor() {
        let (s, ev, actor) = store_with_event().await;
        let notice = english_notice(&s, &actor, ev).await;
        let fields = PersonFields {
            first_name: Some("Marta".into()),
            ..Default::default()
        };
        let a = register(
            &s,
            &actor,
            kiosk_attendee(ev, "tok-k", fields),
            kiosk_consent(Consent::Red, notice),
        )
        .await;
        let kiosk = Actor::Kiosk {
            device_id: 3,
            event_id: ev,
        };
        let public = open_at_kiosk(&s, kiosk.clone(), a, Lang::En).await.unwrap();
        assert!(matches!(
            open_at_kiosk(&s, kiosk, a, Lang::En).await,
            Err(RequestError::Store(StoreError::Conflict(
                Conflict::RequestOpen
            )))
        ));
        assert!(
            open_at_kiosk(&s, actor.clone(), a, Lang::En).await.is_err(),
            "only a kiosk opens a kiosk request"
        );
        let listed = s.event_requests(actor.clone(), ev).await.unwrap();
        assert_eq!(listed.len(), 1);
        let r = &listed[0];
        assert_eq!(r.public_id.as_str(), public);
        assert_eq!(r.channel, "kiosk");
        assert_eq!(r.kind, RequestKind::Removal);
        assert!(r.all_photos);
        assert_eq!(r.lang, "en");
        let b = s.request_bundle(actor, r.id).await.unwrap();
        let open = b.trail.iter().find(|t| t.action == "removal.open").unwrap();
        assert_eq!(open.actor, "kiosk:3");
    }
}
