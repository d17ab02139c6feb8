//! Events. An organiser sees and changes only the events they own; an admin sees all.

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::types::{EventId, PublicId};
use crate::types::{EventSummary, NewEvent, Role};
use rusqlite::{params, OptionalExtension, Row};

pub(super) const COLUMNS: &str =
    "id, public_id, name, starts_on, ends_on, venue, default_lang, archived_at";

pub(super) fn summary(r: &Row) -> rusqlite::Result<(EventId, EventSummary)> {
    Ok((
        r.get(0)?,
        EventSummary {
            id: r.get(1)?,
            name: r.get(2)?,
            starts_on: r.get(3)?,
            ends_on: r.get(4)?,
            venue: r.get(5)?,
            default_lang: r.get(6)?,
            data_deleted_on: None,
            data_purged: false,
            archived_at: r.get(7)?,
        },
    ))
}

/// The audit subject of an edit: `event:{id} fields:name,ends_on ends_on:2027-03-01>2027-03-05`.
/// Which fields changed; for the days and the language also from what to what (a name
/// or venue is free text, so only that it changed).
fn edit_subject(event_id: EventId, old: &EventSummary, new: &NewEvent) -> String {
    let day = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
    let mut fields = Vec::new();
    let mut values = Vec::new();
    if old.name != new.name {
        fields.push("name");
    }
    if old.starts_on != new.starts_on {
        fields.push("starts_on");
        values.push(format!(
            "starts_on:{}>{}",
            day(&old.starts_on),
            day(&new.starts_on)
        ));
    }
    if old.ends_on != new.ends_on {
        fields.push("ends_on");
        values.push(format!(
            "ends_on:{}>{}",
            day(&old.ends_on),
            day(&new.ends_on)
        ));
    }
    if old.venue != new.venue {
        fields.push("venue");
    }
    if old.default_lang != new.default_lang {
        fields.push("default_lang");
        values.push(format!(
            "default_lang:{}>{}",
            old.default_lang, new.default_lang
        ));
    }
    let fields = if fields.is_empty() {
        "none".to_string()
    } else {
        fields.join(",")
    };
    let mut subject = format!("event:{event_id} fields:{fields}");
    for v in values {
        subject.push(' ');
        subject.push_str(&v);
    }
    subject
}

impl Store {
    pub async fn create_event(
        &self,
        actor: Actor,
        owner_id: i64,
        public_id: String,
        e: NewEvent,
    ) -> StoreResult<(EventId, EventSummary)> {
        self.tx(move |tx| {
            tx.execute(
                "INSERT INTO events (public_id, owner_id, name, starts_on, ends_on, venue, default_lang, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![public_id, owner_id, e.name, e.starts_on, e.ends_on, e.venue, e.default_lang, now_rfc3339()],
            )?;
            let id = EventId::inserted(tx.last_insert_rowid());
            append(tx, &actor, "event.create", &format!("event:{id}"))?;
            Ok(tx.query_row(&format!("SELECT {COLUMNS} FROM events WHERE id = ?1"), [id], summary)?)
        })
        .await
    }

    /// Events the user may see, soonest first, undated last.
    pub async fn list_events(&self, user_id: i64, role: Role) -> StoreResult<Vec<EventSummary>> {
        self.with_conn(move |c| {
            let all = role == Role::Admin;
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM events WHERE ?1 OR owner_id = ?2
                 ORDER BY starts_on IS NULL, starts_on, id"
            ))?;
            let rows = stmt
                .query_map(params![all, user_id], summary)?
                .map(|r| r.map(|(_, s)| s));
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// The internal id and summary of an event the user may manage.
    pub async fn event_for_user(
        &self,
        user_id: i64,
        role: Role,
        public_id: PublicId,
    ) -> StoreResult<(EventId, EventSummary)> {
        self.with_conn(move |c| {
            let found: Option<(EventId, i64, EventSummary)> = c
                .query_row(
                    &format!("SELECT {COLUMNS}, owner_id FROM events WHERE public_id = ?1"),
                    [&public_id],
                    |r| {
                        let (id, s) = summary(r)?;
                        Ok((id, r.get(8)?, s))
                    },
                )
                .optional()?;
            match found {
                Some((id, owner, s)) if role == Role::Admin || owner == user_id => Ok((id, s)),
                // Not owned looks the same as absent: ids of other organisers' events leak nothing.
                _ => Err(StoreError::NotFound),
            }
        })
        .await
    }

    pub async fn event_by_id(&self, id: EventId) -> StoreResult<EventSummary> {
        self.with_conn(move |c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM events WHERE id = ?1"),
                [id],
                summary,
            )
            .optional()?
            .map(|(_, s)| s)
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// Any event by its public id, for pages that are public by design (the privacy
    /// page, issue 15 point 5); `NotFound` for an unknown id.
    pub async fn event_by_public_id(
        &self,
        public_id: PublicId,
    ) -> StoreResult<(EventId, EventSummary)> {
        self.with_conn(move |c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM events WHERE public_id = ?1"),
                [&public_id],
                summary,
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// An edit of the event's name, days, venue and default language (issue 16 point 4),
    /// in one transaction with its audit row (which fields changed; the days and the
    /// language from and to, the event's own facts, never a name typed into them) and a
    /// new notice version wherever `notices`' text changed ([`super::notices`]). When
    /// the last day moves, each consent still counting from the clock as it stood gets
    /// that day first, so its promise keeps counting from the day it was told. Refused
    /// for an archived event.
    pub async fn update_event(
        &self,
        actor: Actor,
        event_id: EventId,
        e: NewEvent,
        periods: crate::types::Periods,
        notices: Vec<(String, String)>,
    ) -> StoreResult<(EventSummary, Vec<i64>)> {
        self.tx(move |tx| {
            let (_, old) = tx
                .query_row(&format!("SELECT {COLUMNS} FROM events WHERE id = ?1"), [event_id], summary)
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if old.archived_at.is_some() {
                return Err(StoreError::Conflict(super::Conflict::EventArchived));
            }
            if old.ends_on != e.ends_on {
                let clock_end: String = tx.query_row(
                    &format!("SELECT {} FROM events e WHERE e.id = ?1", super::retention::CLOCK_END),
                    [event_id],
                    |r| r.get(0),
                )?;
                tx.execute(
                    "UPDATE consents SET clock_end = ?2 WHERE clock_end IS NULL
                     AND attendee_id IN (SELECT id FROM attendees WHERE event_id = ?1)",
                    params![event_id, clock_end],
                )?;
            }
            tx.execute(
                "UPDATE events SET name = ?2, starts_on = ?3, ends_on = ?4, venue = ?5, default_lang = ?6
                 WHERE id = ?1",
                params![event_id, e.name, e.starts_on, e.ends_on, e.venue, e.default_lang],
            )?;
            append(tx, &actor, "event.update", &edit_subject(event_id, &old, &e))?;
            let created = super::notices::new_versions(tx, &actor, event_id, periods, notices)?;
            let (_, now) = tx.query_row(&format!("SELECT {COLUMNS} FROM events WHERE id = ?1"), [event_id], summary)?;
            Ok((now, created))
        })
        .await
    }

    /// Archives the event (read-only, hidden from kiosks and scanners; still purged on
    /// schedule) or takes it out of the archive. Audited as `event.archive` or
    /// `event.unarchive`; archiving an archived event keeps its first day of archiving.
    pub async fn set_event_archived(
        &self,
        actor: Actor,
        event_id: EventId,
        archived: bool,
    ) -> StoreResult<EventSummary> {
        self.tx(move |tx| {
            let n = tx.execute(
                "UPDATE events SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END
                 WHERE id = ?1",
                params![event_id, archived, now_rfc3339()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            let action = if archived {
                "event.archive"
            } else {
                "event.unarchive"
            };
            append(tx, &actor, action, &format!("event:{event_id}"))?;
            let (_, now) = tx.query_row(
                &format!("SELECT {COLUMNS} FROM events WHERE id = ?1"),
                [event_id],
                summary,
            )?;
            Ok(now)
        })
        .await
    }

    pub async fn count_events(&self) -> StoreResult<i64> {
        self.with_conn(|c| Ok(c.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_event(name: &str, starts: Option<&str>) -> NewEvent {
        NewEvent {
            name: name.into(),
            starts_on: starts.map(Into::into),
            ends_on: None,
            venue: String::new(),
            default_lang: "lv".into(),
        }
    }

    #[tokio::test]
    async fn organisers_see_only_their_events() {
        let s = Store::open_in_memory().await.unwrap();
        let a = s
            .create_user(Actor::Cli, "a@x.lv".into(), "h".into(), Role::Organiser)
            .await
            .unwrap();
        let b = s
            .create_user(Actor::Cli, "b@x.lv".into(), "h".into(), Role::Organiser)
            .await
            .unwrap();
        let actor = Actor::User {
            id: a,
            role: Role::Organiser,
        };
        s.create_event(
            actor.clone(),
            a,
            "ev-late".into(),
            new_event("Late", Some("2027-05-01")),
        )
        .await
        .unwrap();
        s.create_event(
            actor.clone(),
            a,
            "ev-undated".into(),
            new_event("Undated", None),
        )
        .await
        .unwrap();
        s.create_event(
            actor,
            a,
            "ev-early".into(),
            new_event("Early", Some("2027-01-01")),
        )
        .await
        .unwrap();
        let names: Vec<_> = s
            .list_events(a, Role::Organiser)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, vec!["Early", "Late", "Undated"]);
        assert!(s.list_events(b, Role::Organiser).await.unwrap().is_empty());
        assert_eq!(s.list_events(b, Role::Admin).await.unwrap().len(), 3);
        assert!(matches!(
            s.event_for_user(b, Role::Organiser, "ev-late".into()).await,
            Err(StoreError::NotFound)
        ));
        assert!(s
            .event_for_user(a, Role::Organiser, "ev-late".into())
            .await
            .is_ok());
    }
}
