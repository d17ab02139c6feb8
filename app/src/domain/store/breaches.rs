//! The breach register (issue 17; requirement 20; seed 002 §5.3): append-only. A breach
//! is recorded once; every later change (facts, risk, a notification, the closing) adds a
//! dated entry holding the whole record as it then stands. The triggers of V15 refuse
//! any UPDATE or DELETE of the register. The domain decides what a record holds and who
//! may touch which breach; this module stores it, in one transaction with its audit row.

use super::attendees::{person, PERSON_COLUMNS};
use super::audit::append;
use super::{now_rfc3339, Actor, Conflict, Store, StoreError, StoreResult};
use crate::types::{AttendeeId, BreachEvent, EventId, PersonFields, PublicId, Role};
use rusqlite::{params, OptionalExtension, Transaction};

/// One dated entry of a breach's history.
#[derive(Clone, Debug, PartialEq)]
pub struct BreachEntry {
    pub at: String,
    pub by_user: i64,
    /// What changed, in the register's words (`recorded`, `risk`, `notified:inspectorate`…).
    pub change: String,
    /// The record after the change (JSON).
    pub record: String,
}

fn user_of(actor: &Actor) -> StoreResult<i64> {
    match actor {
        Actor::User { id, .. } => Ok(*id),
        _ => Err(StoreError::Conflict(Conflict::NotAUser)),
    }
}

/// Every attendee must belong to one of the breach's events: another event's person is
/// refused as unknown.
fn check_people(tx: &Transaction, events: &[EventId], people: &[AttendeeId]) -> StoreResult<()> {
    for a in people {
        let event: Option<EventId> = tx
            .query_row("SELECT event_id FROM attendees WHERE id = ?1", [a], |r| {
                r.get(0)
            })
            .optional()?;
        match event {
            Some(e) if events.contains(&e) => {}
            _ => return Err(StoreError::NotFound),
        }
    }
    Ok(())
}

impl Store {
    /// Records a new breach with its first entry, the events it touches and the people
    /// affected (ids of those events' attendees). Audited `breach.record`. Returns the
    /// breach's row id.
    pub async fn record_breach(
        &self,
        actor: Actor,
        public_id: String,
        record: String,
        events: Vec<EventId>,
        people: Vec<AttendeeId>,
    ) -> StoreResult<i64> {
        let user = user_of(&actor)?;
        self.tx(move |tx| {
            check_people(tx, &events, &people)?;
            let now = now_rfc3339();
            tx.execute(
                "INSERT INTO breaches (public_id, created_by, created_at) VALUES (?1, ?2, ?3)",
                params![public_id, user, now],
            )?;
            let breach = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO breach_entries (breach_id, at, by_user, change, record)
                 VALUES (?1, ?2, ?3, 'recorded', ?4)",
                params![breach, now, user, record],
            )?;
            for e in &events {
                tx.execute(
                    "INSERT OR IGNORE INTO breach_events (breach_id, event_id) VALUES (?1, ?2)",
                    params![breach, e],
                )?;
            }
            for a in &people {
                tx.execute(
                    "INSERT OR IGNORE INTO breach_people (breach_id, attendee_id) VALUES (?1, ?2)",
                    params![breach, a],
                )?;
            }
            append(tx, &actor, "breach.record", &format!("breach:{breach}"))?;
            Ok(breach)
        })
        .await
    }

    /// Adds a dated entry to a breach's history: `change` names what changed, `record`
    /// is the whole record after it, made from the entry `after` (the newest when the
    /// caller read it; refused with [`Conflict::BreachChanged`] when another entry came
    /// in meanwhile, so no change is lost). Audited `breach.change`.
    pub async fn add_breach_entry(
        &self,
        actor: Actor,
        breach: i64,
        after: i64,
        change: String,
        record: String,
    ) -> StoreResult<()> {
        let user = user_of(&actor)?;
        self.tx(move |tx| {
            let newest: Option<i64> = tx
                .query_row(
                    "SELECT max(id) FROM breach_entries WHERE breach_id = ?1",
                    [breach],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            match newest {
                None => return Err(StoreError::NotFound),
                Some(n) if n != after => return Err(StoreError::Conflict(Conflict::BreachChanged)),
                Some(_) => {}
            }
            tx.execute(
                "INSERT INTO breach_entries (breach_id, at, by_user, change, record)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![breach, now_rfc3339(), user, change, record],
            )?;
            append(
                tx,
                &actor,
                "breach.change",
                &format!("breach:{breach} change:{change}"),
            )?;
            Ok(())
        })
        .await
    }

    /// A breach's history, oldest first; the last entry is the record as it stands.
    pub async fn breach_history(&self, breach: i64) -> StoreResult<Vec<BreachEntry>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT at, by_user, change, record FROM breach_entries
                 WHERE breach_id = ?1 ORDER BY id",
            )?;
            let rows = stmt
                .query_map([breach], |r| {
                    Ok(BreachEntry {
                        at: r.get(0)?,
                        by_user: r.get(1)?,
                        change: r.get(2)?,
                        record: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            if rows.is_empty() {
                return Err(StoreError::NotFound);
            }
            Ok(rows)
        })
        .await
    }

    /// The attendees a breach lists as affected (those not erased or purged since).
    pub async fn breach_people(&self, breach: i64) -> StoreResult<Vec<AttendeeId>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT attendee_id FROM breach_people WHERE breach_id = ?1 ORDER BY attendee_id",
            )?;
            let rows = stmt
                .query_map([breach], |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

/// A breach as the register lists it: its ids, when it was recorded, the record as it
/// stands (JSON of the newest entry) and its events.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredBreach {
    pub row: i64,
    pub public_id: PublicId,
    /// The newest entry's row id: a change names it, and is refused when another was
    /// added meanwhile.
    pub latest: i64,
    pub record: String,
    pub events: Vec<BreachEvent>,
    /// The same events' row ids, in the same order.
    pub event_rows: Vec<EventId>,
}

/// One affected person with the fields their event holds (empty once erased).
#[derive(Clone, Debug, PartialEq)]
pub struct AffectedRow {
    pub id: AttendeeId,
    pub event: EventId,
    pub event_public_id: PublicId,
    pub event_name: String,
    pub fields: PersonFields,
}

/// Breaches a user may see: an admin all; an organiser those whose every event is theirs.
const VISIBLE: &str = "(?2 = 'admin' OR NOT EXISTS (
        SELECT 1 FROM breach_events be JOIN events e ON e.id = be.event_id
        WHERE be.breach_id = b.id AND e.owner_id != ?1))";

fn events_of(
    c: &rusqlite::Connection,
    breach: i64,
) -> rusqlite::Result<Vec<(EventId, BreachEvent)>> {
    let mut stmt = c.prepare_cached(
        "SELECT e.id, e.public_id, e.name FROM breach_events be JOIN events e ON e.id = be.event_id
         WHERE be.breach_id = ?1 ORDER BY e.name, e.id",
    )?;
    let rows = stmt
        .query_map([breach], |r| {
            Ok((
                r.get(0)?,
                BreachEvent {
                    id: r.get(1)?,
                    name: r.get(2)?,
                },
            ))
        })?
        .collect();
    rows
}

fn stored(c: &rusqlite::Connection, row: i64, public_id: PublicId) -> StoreResult<StoredBreach> {
    let (latest, record): (i64, String) = c.query_row(
        "SELECT id, record FROM breach_entries WHERE breach_id = ?1 ORDER BY id DESC LIMIT 1",
        [row],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (event_rows, events) = events_of(c, row)?.into_iter().unzip();
    Ok(StoredBreach {
        row,
        public_id,
        latest,
        record,
        events,
        event_rows,
    })
}

impl Store {
    /// The breaches `user` may see ([`VISIBLE`]), newest first.
    pub async fn list_breaches(&self, user: i64, role: Role) -> StoreResult<Vec<StoredBreach>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT b.id, b.public_id FROM breaches b WHERE {VISIBLE} ORDER BY b.id DESC"
            ))?;
            let ids = stmt
                .query_map(params![user, role.as_str()], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, PublicId>(1)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            ids.into_iter()
                .map(|(row, public_id)| stored(c, row, public_id))
                .collect()
        })
        .await
    }

    /// One breach `user` may see, by its public id: not found for anyone else's.
    pub async fn visible_breach(
        &self,
        user: i64,
        role: Role,
        public_id: PublicId,
    ) -> StoreResult<StoredBreach> {
        self.with_conn(move |c| {
            let row: Option<i64> = c
                .query_row(
                    &format!("SELECT b.id FROM breaches b WHERE b.public_id = ?3 AND {VISIBLE}"),
                    params![user, role.as_str(), public_id],
                    |r| r.get(0),
                )
                .optional()?;
            match row {
                Some(row) => stored(c, row, public_id),
                None => Err(StoreError::NotFound),
            }
        })
        .await
    }

    /// The history with each entry's author as their email, oldest first.
    pub async fn breach_history_named(
        &self,
        breach: i64,
    ) -> StoreResult<Vec<(BreachEntry, String)>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT be.at, be.by_user, be.change, be.record, coalesce(u.email, '')
                 FROM breach_entries be LEFT JOIN users u ON u.id = be.by_user
                 WHERE be.breach_id = ?1 ORDER BY be.id",
            )?;
            let rows = stmt
                .query_map([breach], |r| {
                    Ok((
                        BreachEntry {
                            at: r.get(0)?,
                            by_user: r.get(1)?,
                            change: r.get(2)?,
                            record: r.get(3)?,
                        },
                        r.get(4)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// The people a breach lists, with their fields: a read of personal data, audited
    /// as `action` (`breach.view` or `breach.contacts`) in the same transaction.
    pub async fn breach_affected(
        &self,
        actor: Actor,
        breach: i64,
        action: &'static str,
    ) -> StoreResult<Vec<AffectedRow>> {
        self.tx(move |tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT a.id, e.id, e.public_id, e.name, {PERSON_COLUMNS}
                 FROM breach_people bp JOIN attendees a ON a.id = bp.attendee_id
                 JOIN events e ON e.id = a.event_id
                 WHERE bp.breach_id = ?1 ORDER BY e.name, a.id"
            ))?;
            let rows = stmt
                .query_map([breach], |r| {
                    Ok(AffectedRow {
                        id: r.get(0)?,
                        event: r.get(1)?,
                        event_public_id: r.get(2)?,
                        event_name: r.get(3)?,
                        fields: person(r, 4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            append(tx, &actor, action, &format!("breach:{breach}"))?;
            Ok(rows)
        })
        .await
    }

    /// Every attendee of an event whose record is not erased: "everyone registered".
    pub async fn registered_at(&self, event: EventId) -> StoreResult<Vec<AttendeeId>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT id FROM attendees WHERE event_id = ?1 AND erased_at IS NULL ORDER BY id",
            )?;
            let rows = stmt
                .query_map([event], |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::{
        english_notice, kiosk_attendee, kiosk_consent, register, store_with_event,
    };
    use crate::types::{Consent, PersonFields};

    fn person(name: &str) -> PersonFields {
        PersonFields {
            first_name: Some(name.into()),
            ..Default::default()
        }
    }

    /// Requirement 20 (seed 002 §5.3): a breach is recorded with its events and people,
    /// every change adds a dated entry, and the register refuses to be rewritten.
    #[tokio::test]
    async fn the_breach_register_is_append_only() {
        let (s, ev, org) = store_with_event().await;
        let notice = english_notice(&s, &org, ev).await;
        let anna = register(
            &s,
            &org,
            kiosk_attendee(ev, "tok-anna", person("Anna")),
            kiosk_consent(Consent::Green, notice.clone()),
        )
        .await;
        let b = s
            .record_breach(
                org.clone(),
                "br1".into(),
                r#"{"risk":"high"}"#.into(),
                vec![ev],
                vec![anna],
            )
            .await
            .unwrap();
        let first = s.breach_history(b).await.unwrap().len() as i64;
        let latest: i64 = s
            .with_conn(move |c| {
                Ok(c.query_row("SELECT max(id) FROM breach_entries", [], |r| r.get(0))?)
            })
            .await
            .unwrap();
        assert_eq!(first, 1);
        s.add_breach_entry(
            org.clone(),
            b,
            latest,
            "notified:inspectorate".into(),
            r#"{"risk":"high","inspectorate":"2027-06-02T09:00:00Z"}"#.into(),
        )
        .await
        .unwrap();
        let h = s.breach_history(b).await.unwrap();
        assert_eq!(
            h.iter().map(|e| e.change.as_str()).collect::<Vec<_>>(),
            ["recorded", "notified:inspectorate"]
        );
        assert!(h[1].record.contains("inspectorate"));
        assert_eq!(s.breach_people(b).await.unwrap(), vec![anna]);

        // Neither an entry nor the breach can be changed or deleted.
        let refused = s
            .with_conn(move |c| {
                let mut errors = Vec::new();
                for sql in [
                    "UPDATE breach_entries SET record = '{}'",
                    "DELETE FROM breach_entries",
                    "UPDATE breaches SET created_by = 0",
                    "DELETE FROM breaches",
                ] {
                    errors.push(c.execute(sql, []).unwrap_err().to_string());
                }
                Ok(errors)
            })
            .await
            .unwrap();
        assert!(
            refused.iter().all(|e| e.contains("append-only")),
            "{refused:?}"
        );
        assert_eq!(s.breach_history(b).await.unwrap().len(), 2);

        // Unknown breach: not found; a person of no event of the breach: refused.
        assert!(matches!(
            s.add_breach_entry(org.clone(), b + 1, latest, "x".into(), "{}".into())
                .await,
            Err(StoreError::NotFound)
        ));
        // A change made from an entry that is no longer the newest is refused.
        assert!(matches!(
            s.add_breach_entry(org.clone(), b, latest, "x".into(), "{}".into())
                .await,
            Err(StoreError::Conflict(Conflict::BreachChanged))
        ));
        let stranger = AttendeeId::from(anna.get() + 1000);
        assert!(matches!(
            s.record_breach(
                org.clone(),
                "br2".into(),
                "{}".into(),
                vec![ev],
                vec![stranger]
            )
            .await,
            Err(StoreError::NotFound)
        ));
    }
}
