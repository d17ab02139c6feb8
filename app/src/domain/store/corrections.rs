//! Corrections an organiser makes on a person's request (issue 16 point 6; requirement
//! 17, rectification): the field, how the person asked, how their identity was checked,
//! why, who and when. The history keeps the field's name, never its old or new value;
//! the audit row names ids, the field and the channel only.

use super::audit::append;
use super::{now_rfc3339, Actor, Conflict, Store, StoreError, StoreResult};
use crate::types::{AskedBy, AttendeeId, CorrectionRecord, Field};
use rusqlite::params;

/// What the organiser wrote down about the person's request.
#[derive(Clone, Debug)]
pub struct CorrectionNote {
    pub asked_by: AskedBy,
    pub identity_check: String,
    pub reason: String,
}

impl Store {
    /// Sets one field to `value` (already checked against the event's rules) and records
    /// the correction in the attendee's history, in one transaction with its audit row.
    /// Staff accounts only; `NotFound` for an unknown or erased attendee.
    pub async fn correct_on_request(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
        field: Field,
        value: Option<String>,
        note: CorrectionNote,
    ) -> StoreResult<()> {
        let user_id = match &actor {
            Actor::User { id, .. } => *id,
            _ => return Err(StoreError::Conflict(Conflict::NotAUser)),
        };
        self.tx(move |tx| {
            // The column name comes from the closed Field enum, never from input.
            let column = field.as_str();
            let n = tx.execute(
                &format!("UPDATE attendees SET {column} = ?2 WHERE id = ?1 AND erased_at IS NULL"),
                params![attendee_id, value],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.execute(
                "INSERT INTO attendee_corrections (attendee_id, field, asked_by, identity_check,
                     reason, corrected_by, corrected_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    attendee_id,
                    column,
                    note.asked_by.as_str(),
                    note.identity_check,
                    note.reason,
                    user_id,
                    now_rfc3339()
                ],
            )?;
            let correction = tx.last_insert_rowid();
            append(
                tx,
                &actor,
                "attendee.correct",
                &format!(
                    "attendee:{attendee_id} field:{column} correction:{correction} asked_by:{}",
                    note.asked_by.as_str()
                ),
            )?;
            Ok(())
        })
        .await
    }

    /// The corrections made on the attendee's request, oldest first (read with the
    /// attendee's page, whose view is audited).
    pub async fn corrections_of(
        &self,
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<CorrectionRecord>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT k.corrected_at, coalesce(u.email, ''), k.field, k.asked_by,
                        k.identity_check, k.reason
                 FROM attendee_corrections k LEFT JOIN users u ON u.id = k.corrected_by
                 WHERE k.attendee_id = ?1 ORDER BY k.id",
            )?;
            let rows = stmt
                .query_map([attendee_id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows
                .into_iter()
                .filter_map(|(at, by, field, asked_by, identity_check, reason)| {
                    Some(CorrectionRecord {
                        at,
                        by,
                        field: Field::parse(&field)?,
                        asked_by: AskedBy::parse(&asked_by)?,
                        identity_check,
                        reason,
                    })
                })
                .collect())
        })
        .await
    }
}
