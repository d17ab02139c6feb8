//! Who may reach an event: the one decision (issue 16 point 2; requirement 22).
//!
//! Admins reach every event and organisers their own ("managers"). A photographer
//! reaches an event only while assigned to it and only on its days: from the day before
//! the event starts to the day after it ends, unless the organiser set other days for
//! that photographer. Everywhere else the answer is the one an unknown event gets (404),
//! so nothing about other events leaks. The scanner's event list and colour map,
//! recording scans, uploads, the photo library, photo pages, tagging and the photo files
//! all ask here, on every request, so removing an assignment takes effect on the next one.

use super::store::{Actor, Store, StoreError, StoreResult};
use crate::types::{EventId, EventSummary, PublicId, Role};
use time::Date;

/// What a user is at an event they may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventRole {
    /// Its organiser, or an admin: everything.
    Manager,
    /// An assigned photographer on their days: scan, upload, tag their own photos.
    Photographer,
}

fn day(s: &str) -> Option<Date> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The days a photographer may work at `event`: the days the organiser set, else the day
/// before the event starts to the day after it ends (an event with only one date counts
/// it as both). `None` on a side: open (an event without dates and no days set).
pub fn days(
    event: &EventSummary,
    from: Option<&str>,
    until: Option<&str>,
) -> (Option<Date>, Option<Date>) {
    if let (Some(from), Some(until)) = (from.and_then(day), until.and_then(day)) {
        return (Some(from), Some(until));
    }
    let starts = event.starts_on.as_deref().and_then(day);
    let ends = event.ends_on.as_deref().and_then(day);
    let first = starts.or(ends).and_then(|d| d.previous_day());
    let last = ends.or(starts).and_then(|d| d.next_day());
    (first, last)
}

/// Whether `today` is within the days (both ends included).
pub fn open_on((from, until): (Option<Date>, Option<Date>), today: Date) -> bool {
    from.is_none_or(|f| f <= today) && until.is_none_or(|u| today <= u)
}

/// What `user_id` with `role` is at the event with row `row` today, or `None` when they
/// may not reach it.
pub async fn role_at(
    store: &Store,
    user_id: i64,
    role: Role,
    row: EventId,
    today: Date,
) -> StoreResult<Option<EventRole>> {
    let event = store.event_by_id(row).await?;
    role_at_event(store, user_id, role, row, &event, today).await
}

async fn role_at_event(
    store: &Store,
    user_id: i64,
    role: Role,
    row: EventId,
    event: &EventSummary,
    today: Date,
) -> StoreResult<Option<EventRole>> {
    match role {
        Role::Admin => Ok(Some(EventRole::Manager)),
        Role::Organiser => match store.event_for_user(user_id, role, event.id.clone()).await {
            Ok(_) => Ok(Some(EventRole::Manager)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e),
        },
        Role::Photographer => Ok(store
            .assignment(row, user_id)
            .await?
            .filter(|(from, until)| open_on(days(event, from.as_deref(), until.as_deref()), today))
            .map(|_| EventRole::Photographer)),
    }
}

/// The event behind a public id if `actor` may reach it today, with what they are
/// there; `NotFound` otherwise, exactly as for an id that does not exist.
pub async fn event_access(
    store: &Store,
    actor: &Actor,
    event: PublicId,
    today: Date,
) -> StoreResult<(EventId, EventSummary, EventRole)> {
    let Actor::User { id, role } = *actor else {
        return Err(StoreError::NotFound);
    };
    let (row, summary) = store.event_by_public_id(event).await?;
    match role_at_event(store, id, role, row, &summary, today).await? {
        Some(r) => Ok((row, summary, r)),
        None => Err(StoreError::NotFound),
    }
}

/// The events `actor` may scan at today: admins all, organisers their own, photographers
/// those they are assigned to, on their days.
pub async fn scannable_events(
    store: &Store,
    actor: &Actor,
    today: Date,
) -> StoreResult<Vec<EventSummary>> {
    let Actor::User { id, role } = *actor else {
        return Ok(Vec::new());
    };
    match role {
        Role::Admin | Role::Organiser => store.list_events(id, role).await,
        Role::Photographer => Ok(store
            .assigned_events(id)
            .await?
            .into_iter()
            .filter(|(_, e, from, until)| {
                open_on(days(e, from.as_deref(), until.as_deref()), today)
            })
            .map(|(_, e, _, _)| e)
            .collect()),
    }
}

/// Which events' badges a scan may be recorded for: `None` for all (admins).
pub async fn scan_scope(
    store: &Store,
    actor: &Actor,
    today: Date,
) -> StoreResult<Option<Vec<EventId>>> {
    let Actor::User { id, role } = *actor else {
        return Ok(Some(Vec::new()));
    };
    if role == Role::Admin {
        return Ok(None);
    }
    let rows = match role {
        Role::Photographer => store
            .assigned_events(id)
            .await?
            .into_iter()
            .filter(|(_, e, from, until)| {
                open_on(days(e, from.as_deref(), until.as_deref()), today)
            })
            .map(|(row, _, _, _)| row)
            .collect(),
        _ => {
            let mut rows = Vec::new();
            for e in store.list_events(id, role).await? {
                rows.push(store.event_by_public_id(e.id).await?.0);
            }
            rows
        }
    };
    Ok(Some(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::store_with_event;

    fn event(starts: Option<&str>, ends: Option<&str>) -> EventSummary {
        EventSummary {
            id: PublicId::from("ev"),
            name: "E".into(),
            starts_on: starts.map(Into::into),
            ends_on: ends.map(Into::into),
            venue: String::new(),
            default_lang: "en".into(),
            data_deleted_on: None,
            data_purged: false,
            archived_at: None,
        }
    }

    fn d(s: &str) -> Date {
        day(s).unwrap()
    }

    /// Issue 16: the day before the start to the day after the end, unless the organiser
    /// set other days.
    #[test]
    fn a_photographers_days_follow_the_event_or_the_organiser() {
        let ev = event(Some("2026-11-20"), Some("2026-11-22"));
        let w = days(&ev, None, None);
        assert_eq!(w, (Some(d("2026-11-19")), Some(d("2026-11-23"))));
        assert!(!open_on(w, d("2026-11-18")));
        assert!(open_on(w, d("2026-11-19")));
        assert!(open_on(w, d("2026-11-23")));
        assert!(!open_on(w, d("2026-11-24")));
        let set = days(&ev, Some("2026-11-01"), Some("2026-11-30"));
        assert!(open_on(set, d("2026-11-05")));
        assert!(!open_on(set, d("2026-12-01")));
        // One date only: it counts as both.
        let one = days(&event(None, Some("2026-11-22")), None, None);
        assert_eq!(one, (Some(d("2026-11-21")), Some(d("2026-11-23"))));
        // No dates and no days set: open.
        assert!(open_on(
            days(&event(None, None), None, None),
            d("2030-01-01")
        ));
    }

    #[tokio::test]
    async fn photographers_reach_only_assigned_events_on_their_days() {
        let (s, row, organiser) = store_with_event().await;
        let ev = PublicId::from("pub");
        let p = s
            .create_user(Actor::Cli, "p@x.lv".into(), "h".into(), Role::Photographer)
            .await
            .unwrap();
        let photographer = Actor::User {
            id: p,
            role: Role::Photographer,
        };
        let today = d("2026-11-20");
        let refused = event_access(&s, &photographer, ev.clone(), today).await;
        assert!(matches!(refused, Err(StoreError::NotFound)), "not assigned");
        s.assign_photographer(organiser.clone(), row, p)
            .await
            .unwrap();
        let (_, _, r) = event_access(&s, &photographer, ev.clone(), today)
            .await
            .unwrap();
        assert_eq!(r, EventRole::Photographer, "an event without dates: open");
        assert_eq!(
            scannable_events(&s, &photographer, today)
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            scan_scope(&s, &photographer, today).await.unwrap(),
            Some(vec![row])
        );
        // Days set that end before today: refused again.
        let days_set = Some(("2026-11-01".to_string(), "2026-11-19".to_string()));
        s.set_assignment_days(organiser.clone(), row, p, days_set)
            .await
            .unwrap();
        assert!(event_access(&s, &photographer, ev.clone(), today)
            .await
            .is_err());
        assert!(event_access(&s, &photographer, ev.clone(), d("2026-11-19"))
            .await
            .is_ok());
        assert!(scannable_events(&s, &photographer, today)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            scan_scope(&s, &photographer, today).await.unwrap(),
            Some(vec![])
        );
        // Removed: refused on its days too.
        s.unassign_photographer(organiser.clone(), row, p)
            .await
            .unwrap();
        assert!(event_access(&s, &photographer, ev.clone(), d("2026-11-19"))
            .await
            .is_err());
        // The organiser is the event's manager; an admin reaches every event.
        let (_, _, r) = event_access(&s, &organiser, ev.clone(), today)
            .await
            .unwrap();
        assert_eq!(r, EventRole::Manager);
        let admin = Actor::User {
            id: 99,
            role: Role::Admin,
        };
        assert_eq!(scan_scope(&s, &admin, today).await.unwrap(), None);
    }
}
