//! Events. An organiser sees and changes only the events they own; an admin sees all.

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::types::{EventId, PublicId};
use crate::types::{EventSummary, NewEvent, Role};
use rusqlite::{params, OptionalExtension, Row};

pub(super) const COLUMNS: &str = "id, public_id, name, starts_on, ends_on, venue, default_lang";

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
        },
    ))
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
                        Ok((id, r.get(7)?, s))
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
