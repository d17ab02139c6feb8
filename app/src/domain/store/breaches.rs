//! The breach register (issue 17; requirement 20; seed 002 §5.3): append-only. A breach
//! is recorded once; every later change (facts, risk, a notification, the closing) adds a
//! dated entry holding the whole record as it then stands. The triggers of V15 refuse
//! any UPDATE or DELETE of the register. The domain decides what a record holds and who
//! may touch which breach; this module stores it, in one transaction with its audit row.

use super::audit::append;
use super::{now_rfc3339, Actor, Conflict, Store, StoreError, StoreResult};
use crate::types::{AttendeeId, EventId};
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
    /// is the whole record after it. Audited `breach.change`.
    pub async fn add_breach_entry(
        &self,
        actor: Actor,
        breach: i64,
        change: String,
        record: String,
    ) -> StoreResult<()> {
        let user = user_of(&actor)?;
        self.tx(move |tx| {
            let known: Option<i64> = tx
                .query_row("SELECT id FROM breaches WHERE id = ?1", [breach], |r| {
                    r.get(0)
                })
                .optional()?;
            if known.is_none() {
                return Err(StoreError::NotFound);
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
        s.add_breach_entry(
            org.clone(),
            b,
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
            s.add_breach_entry(org.clone(), b + 1, "x".into(), "{}".into())
                .await,
            Err(StoreError::NotFound)
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
