//! Badge scans (issue 4; requirements 10, 22): checks an upload from a scanner and
//! records it. The verdict itself is the attendee's current consent.

use super::access;
use super::store::{Actor, Store, StoreResult};
use crate::types::{BadInput, Consent, PublicId, ScanAck, ScanIn};

/// Most scans in one upload (an offline queue of a long afternoon fits).
pub const MAX_SCANS_PER_UPLOAD: usize = 1000;

/// Checks an upload: ids are 8-64 URL-safe characters, tokens at most 64 characters,
/// device times RFC 3339 (anything else is dropped, not trusted).
pub fn validate(scans: Vec<ScanIn>) -> Result<Vec<ScanIn>, BadInput> {
    if scans.len() > MAX_SCANS_PER_UPLOAD {
        return Err(BadInput::ScansTooMany);
    }
    let safe = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    scans
        .into_iter()
        .map(|mut s| {
            if !(8..=64).contains(&s.client_scan_id.len()) || !safe(&s.client_scan_id) {
                return Err(BadInput::ScanIdInvalid);
            }
            s.token = crate::types::BadgeToken::from_scan(&s.token)
                .map(crate::types::BadgeToken::into_string)
                .unwrap_or_else(|| {
                    s.token
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(64)
                        .collect()
                });
            s.device_time = s.device_time.filter(|t| {
                t.len() <= 40
                    && time::OffsetDateTime::parse(
                        t,
                        &time::format_description::well_known::Rfc3339,
                    )
                    .is_ok()
            });
            Ok(s)
        })
        .collect()
}

/// Stores the scans of signed-in user `user_id` and answers each badge's current consent.
/// Only badges of events the user may scan at today are stored and answered
/// ([`access::scan_scope`]); any other badge is answered like an unknown one (issue 16).
pub async fn record(
    store: &Store,
    actor: Actor,
    user_id: i64,
    scans: Vec<ScanIn>,
    today: time::Date,
) -> StoreResult<Vec<ScanAck>> {
    let scope = access::scan_scope(store, &actor, today).await?;
    Ok(store
        .record_scans(actor, user_id, scans, scope)
        .await?
        .into_iter()
        .map(|(client_scan_id, consent)| ScanAck {
            client_scan_id,
            consent,
        })
        .collect())
}

/// A badge's verdict for the JSON API: its consent and event's public id.
pub async fn verdict(
    store: &Store,
    token: crate::types::BadgeToken,
) -> StoreResult<Option<(Consent, PublicId)>> {
    let Some((attendee, event)) = store.attendee_by_badge(token.into_string()).await? else {
        return Ok(None);
    };
    let Some(consent) = store.current_consent(attendee).await? else {
        return Ok(None);
    };
    Ok(Some((consent, store.event_by_id(event).await?.id)))
}

/// Checks an uploaded queue of scans and stores it ([`validate`], [`record`]).
pub async fn record_checked(
    store: &Store,
    actor: Actor,
    scans: Vec<ScanIn>,
    today: time::Date,
) -> Result<Vec<ScanAck>, super::consent::RegisterError> {
    let Actor::User { id, .. } = actor else {
        return Err(super::StoreError::Conflict(super::Conflict::NotAUser).into());
    };
    let scans = validate(scans)?;
    Ok(record(store, actor, id, scans, today).await?)
}

/// An event's badge tokens and colours (no names) for verdicts while offline: for its
/// managers and its photographers on their days ([`access::event_access`]; 404 otherwise).
pub async fn cache(
    store: &Store,
    actor: Actor,
    event_id: PublicId,
    today: time::Date,
) -> Result<crate::types::ScanCache, super::StoreError> {
    let (row, event, _) = access::event_access(store, &actor, event_id, today).await?;
    super::events::open(&event)?;
    let entries = store.scan_cache(actor, row).await?;
    Ok(crate::types::ScanCache {
        event_id: event.id.into_string(),
        entries,
    })
}

/// The events a user may scan at today ([`access::scannable_events`]); archived events
/// are not among them (issue 16 point 4).
pub async fn events(
    store: &Store,
    actor: Actor,
    today: time::Date,
) -> Result<Vec<crate::types::EventSummary>, super::StoreError> {
    let mut events = match actor {
        Actor::User { .. } => access::scannable_events(store, &actor, today).await?,
        _ => return Err(super::StoreError::Conflict(super::Conflict::NotAUser)),
    };
    events.retain(|e| super::events::open(e).is_ok());
    Ok(events)
}

/// The user's own latest scans: colour and time only.
pub async fn mine(
    store: &Store,
    actor: Actor,
) -> Result<Vec<crate::types::MyScan>, super::StoreError> {
    match actor {
        Actor::User { id, .. } => store.my_scans(id, 30).await,
        _ => Err(super::StoreError::Conflict(super::Conflict::NotAUser)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(id: &str, token: &str) -> ScanIn {
        ScanIn {
            client_scan_id: id.into(),
            token: token.into(),
            device_time: Some("2026-11-23T10:00:00+02:00".into()),
            shown: Some(Consent::Green),
        }
    }

    #[test]
    fn uploads_are_checked() {
        let t = "AbCdEfGhIjKlMnOpQrStUv";
        let ok = validate(vec![scan("abcdefgh", &format!("https://x/b/{t}"))]).unwrap();
        assert_eq!(ok[0].token, t);
        assert!(ok[0].device_time.is_some());
        let mut bad_time = scan("abcdefgh", t);
        bad_time.device_time = Some("yesterday".into());
        assert_eq!(validate(vec![bad_time]).unwrap()[0].device_time, None);
        assert_eq!(
            validate(vec![scan("short", t)]).err(),
            Some(BadInput::ScanIdInvalid)
        );
        assert_eq!(
            validate(vec![scan("abcdefgh/", t)]).err(),
            Some(BadInput::ScanIdInvalid)
        );
        let many = (0..=MAX_SCANS_PER_UPLOAD)
            .map(|i| scan(&format!("scan{i:06}"), t))
            .collect();
        assert_eq!(validate(many).err(), Some(BadInput::ScansTooMany));
    }

    #[tokio::test]
    async fn a_scan_uploaded_twice_is_stored_once_and_answers_the_current_consent() {
        use crate::domain::store::test_support::store_with_event;
        let (s, _ev, actor) = store_with_event().await;
        let user = match actor {
            Actor::User { id, .. } => id,
            _ => unreachable!(),
        };
        let today = crate::domain::requests::today();
        let acks = record(
            &s,
            actor.clone(),
            user,
            vec![scan("abcdefgh", "AbCdEfGhIjKlMnOpQrStUv")],
            today,
        )
        .await
        .unwrap();
        assert_eq!(acks[0].consent, None, "unknown badge");
        record(
            &s,
            actor.clone(),
            user,
            vec![scan("abcdefgh", "AbCdEfGhIjKlMnOpQrStUv")],
            today,
        )
        .await
        .unwrap();
        let mine = s.my_scans(user, 10).await.unwrap();
        assert_eq!(mine.len(), 1, "idempotent by client scan id");
        assert_eq!(
            mine[0].consent,
            Some(Consent::Green),
            "what the screen showed"
        );
    }
}
