//! Which photographer works at which event, and on which days (issue 16 point 2;
//! requirement 22). Whether that lets them in today is `domain::access`'s decision.

use super::audit::append;
use super::{now_rfc3339, Actor, Conflict, Store, StoreError, StoreResult};
use crate::types::{AccountStatus, EventId, EventSummary};
use rusqlite::{params, OptionalExtension, Transaction};

/// One photographer's assignment: the days the organiser set (`None`: from the event's
/// dates).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentRow {
    pub user_id: i64,
    pub email: String,
    pub status: AccountStatus,
    pub from_day: Option<String>,
    pub until_day: Option<String>,
}

/// Adds photographer `user_id` to `event` (nothing when already there), audited
/// `event.photographer_add`. Only photographers' accounts.
pub(super) fn assign_in(
    tx: &Transaction,
    actor: &Actor,
    event: EventId,
    user_id: i64,
) -> StoreResult<()> {
    let role: String = tx
        .query_row("SELECT role FROM users WHERE id = ?1", [user_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(StoreError::NotFound)?;
    if role != "photographer" {
        return Err(StoreError::Conflict(Conflict::NotAPhotographer));
    }
    let added = tx.execute(
        "INSERT OR IGNORE INTO event_photographers (event_id, user_id, added_at)
         VALUES (?1, ?2, ?3)",
        params![event, user_id, now_rfc3339()],
    )?;
    if added > 0 {
        append(
            tx,
            actor,
            "event.photographer_add",
            &format!("event:{event},user:{user_id}"),
        )?;
    }
    Ok(())
}

impl Store {
    /// The event's photographers, by email.
    pub async fn assignments(&self, event: EventId) -> StoreResult<Vec<AssignmentRow>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT u.id, u.email,
                        CASE WHEN u.status = 'disabled' THEN 'disabled'
                             WHEN u.password_hash = '' THEN 'invited' ELSE 'active' END,
                        p.from_day, p.until_day
                 FROM event_photographers p JOIN users u ON u.id = p.user_id
                 WHERE p.event_id = ?1 ORDER BY u.email",
            )?;
            let rows = stmt
                .query_map([event], |r| {
                    let status: String = r.get(2)?;
                    Ok(AssignmentRow {
                        user_id: r.get(0)?,
                        email: r.get(1)?,
                        status: match status.as_str() {
                            "disabled" => AccountStatus::Disabled,
                            "invited" => AccountStatus::Invited,
                            _ => AccountStatus::Active,
                        },
                        from_day: r.get(3)?,
                        until_day: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Adds an existing photographer to the event ([`assign_in`]).
    pub async fn assign_photographer(
        &self,
        actor: Actor,
        event: EventId,
        user_id: i64,
    ) -> StoreResult<()> {
        self.tx(move |tx| assign_in(tx, &actor, event, user_id))
            .await
    }

    /// Removes a photographer from the event: their next request there is refused.
    /// Audited `event.photographer_remove`; `NotFound` when they were not assigned.
    pub async fn unassign_photographer(
        &self,
        actor: Actor,
        event: EventId,
        user_id: i64,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let n = tx.execute(
                "DELETE FROM event_photographers WHERE event_id = ?1 AND user_id = ?2",
                params![event, user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            append(
                tx,
                &actor,
                "event.photographer_remove",
                &format!("event:{event},user:{user_id}"),
            )?;
            Ok(())
        })
        .await
    }

    /// Sets the days a photographer may work at the event (`None` on both: back to the
    /// event's dates). Audited `event.photographer_days`.
    pub async fn set_assignment_days(
        &self,
        actor: Actor,
        event: EventId,
        user_id: i64,
        days: Option<(String, String)>,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let (from, until) = days.unzip();
            let n = tx.execute(
                "UPDATE event_photographers SET from_day = ?1, until_day = ?2
                 WHERE event_id = ?3 AND user_id = ?4",
                params![from, until, event, user_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            append(
                tx,
                &actor,
                "event.photographer_days",
                &format!("event:{event},user:{user_id}"),
            )?;
            Ok(())
        })
        .await
    }

    /// The days set for photographer `user_id` at `event`: `None` when not assigned.
    pub async fn assignment(
        &self,
        event: EventId,
        user_id: i64,
    ) -> StoreResult<Option<(Option<String>, Option<String>)>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT from_day, until_day FROM event_photographers
                 WHERE event_id = ?1 AND user_id = ?2",
                params![event, user_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })
        .await
    }

    /// Every event photographer `user_id` is assigned to, with the days set there,
    /// soonest first.
    #[allow(clippy::type_complexity)]
    pub async fn assigned_events(
        &self,
        user_id: i64,
    ) -> StoreResult<Vec<(EventId, EventSummary, Option<String>, Option<String>)>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {}, p.from_day, p.until_day
                 FROM events JOIN event_photographers p ON p.event_id = events.id
                 WHERE p.user_id = ?1 ORDER BY starts_on IS NULL, starts_on, id",
                super::events::COLUMNS
            ))?;
            let rows = stmt
                .query_map([user_id], |r| {
                    let (row, summary) = super::events::summary(r)?;
                    Ok((row, summary, r.get(8)?, r.get(9)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}
