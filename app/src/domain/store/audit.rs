//! Audit log rows: appended inside the transaction of the action they record.

use super::StoreError;
use super::{now_rfc3339, Actor, Store, StoreResult};
use crate::domain::audit::{
    chain_hash, verify, verify_from, AuditRecord, ChainBreak, Checkpoint, GENESIS,
};
use crate::types::{AttendeeId, AuditRow, EventId, Role};
use rusqlite::{params, Connection, OptionalExtension};

/// Appends one row to the chain. Call inside the transaction that does the action so
/// the action and its record commit together or not at all.
pub(super) fn append(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    subject: &str,
) -> StoreResult<()> {
    let prev: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let prev_hash = prev
        .as_ref()
        .map(|p| p.1.clone())
        .unwrap_or_else(|| GENESIS.to_string());
    // AUTOINCREMENT never reuses an id, so the next id is one past the highest issued.
    let issued: i64 = conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    let id = issued + 1;
    let at = now_rfc3339();
    let actor_s = actor.audit_actor();
    let kind = actor.principal_kind();
    let hash = chain_hash(&prev_hash, id, &at, &actor_s, kind, action, subject);
    let event = event_of(conn, actor, subject)?;
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, principal_kind, action, subject, prev_hash, hash, event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, at, actor_s, kind, action, subject, prev_hash, hash, event],
    )?;
    Ok(())
}

/// The event a row is about, for who may read it (issue 14, point 7): from the first
/// `kind:id` of the subject, else from the kiosk or the data subject acting. `None` for
/// rows about no event (sign-ins, accounts, the log itself).
fn event_of(conn: &Connection, actor: &Actor, subject: &str) -> StoreResult<Option<i64>> {
    // `attendee:5,consent:9,…` names its event by the attendee.
    let first = subject
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    let (kind, value) = first.split_once(':').unwrap_or(("", ""));
    let sql = match kind {
        "event" => return Ok(value.parse().ok()),
        "attendee" => "SELECT event_id FROM attendees WHERE id = ?1",
        "notice_version" => "SELECT event_id FROM notice_versions WHERE id = ?1",
        "removal" => {
            "SELECT a.event_id FROM requests r JOIN attendees a ON a.id = r.attendee_id
             WHERE r.id = ?1"
        }
        "photo" => "SELECT event_id FROM photos WHERE public_id = ?1",
        _ => "",
    };
    if !sql.is_empty() {
        let found = conn.query_row(sql, [value], |r| r.get(0)).optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(match actor {
        Actor::Kiosk { event_id, .. } => Some(event_id.get()),
        Actor::DataSubject { attendee_id } => conn
            .query_row(
                "SELECT event_id FROM attendees WHERE id = ?1",
                [attendee_id],
                |r| r.get(0),
            )
            .optional()?,
        _ => None,
    })
}

/// The chained fields of the rows with ids in `from..=to`, in id order.
fn records_from(conn: &Connection, from: i64, to: i64) -> StoreResult<Vec<AuditRecord>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, principal_kind, action, subject, prev_hash, hash
         FROM audit_log WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([from, to], |r| {
            Ok(AuditRecord {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                principal_kind: r.get(3)?,
                action: r.get(4)?,
                subject: r.get(5)?,
                prev_hash: r.get(6)?,
                hash: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The rows after id `last_id`.
pub(super) fn records_after(conn: &Connection, last_id: i64) -> StoreResult<Vec<AuditRecord>> {
    records_from(conn, last_id + 1, i64::MAX)
}

/// The largest id the log ever handed out (AUTOINCREMENT never reuses one).
pub(super) fn highest_issued(conn: &Connection) -> StoreResult<i64> {
    Ok(conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// Where the last verification got to ([`Checkpoint::genesis`] before the first).
fn load_checkpoint(conn: &Connection) -> StoreResult<Checkpoint> {
    Ok(conn
        .query_row(
            "SELECT last_id, last_hash, verified_at FROM audit_verified WHERE id = 1",
            [],
            |r| {
                Ok(Checkpoint {
                    last_id: r.get(0)?,
                    last_hash: r.get(1)?,
                    at: r.get(2)?,
                })
            },
        )
        .optional()?
        .unwrap_or_else(Checkpoint::genesis))
}

/// Records that every row up to `last_id` (0: an empty log) was found intact now.
fn save_checkpoint(conn: &Connection, last_id: i64, last_hash: &str) -> StoreResult<Checkpoint> {
    let cp = Checkpoint {
        last_id,
        last_hash: last_hash.to_string(),
        at: now_rfc3339(),
    };
    conn.execute(
        "INSERT INTO audit_verified (id, last_id, last_hash, verified_at) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET last_id = ?1, last_hash = ?2, verified_at = ?3",
        params![cp.last_id, cp.last_hash, cp.at],
    )?;
    Ok(cp)
}

/// One page of the log, newest first.
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub total: i64,
}

/// An audit row read with `SELECT id, at, actor, principal_kind, action, subject`.
pub(super) fn audit_row(r: &rusqlite::Row) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        principal_kind: r.get(3)?,
        action: r.get(4)?,
        subject: r.get(5)?,
        event_name: None,
    })
}

/// Which rows the organiser's log shows (issue 16 point 5), checked and resolved by
/// `domain::audit`: every given part must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub event: Option<EventId>,
    pub person: Option<AttendeeId>,
    pub user: Option<i64>,
    /// An action, or its first part: `photo` matches `photo.tag`.
    pub action: Option<String>,
    /// Days (`YYYY-MM-DD`, UTC), both inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
}

impl AuditQuery {
    /// The query's parts as the subject of the audit row that records reading them:
    /// `audit_log event:3 attendee:34 user:2 action:photo from:… to:…`. The person is
    /// named as `attendee:{id}`, so the reading shows in their own trail.
    fn subject(&self) -> String {
        let mut s = String::from("audit_log");
        if let Some(e) = self.event {
            s.push_str(&format!(" event:{e}"));
        }
        if let Some(p) = self.person {
            s.push_str(&format!(" attendee:{p}"));
        }
        if let Some(u) = self.user {
            s.push_str(&format!(" user:{u}"));
        }
        for (k, v) in [
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = v {
                s.push_str(&format!(" {k}:{v}"));
            }
        }
        s
    }
}

/// Who the reader is for [`VISIBLE`]: (reads every row, their user id).
fn reader(actor: &Actor) -> StoreResult<(bool, i64)> {
    match actor {
        Actor::User { id, role } => Ok((*role == Role::Admin, *id)),
        // The operator's CLI on the server itself.
        Actor::Cli => Ok((true, 0)),
        _ => Err(StoreError::Conflict(super::Conflict::NotAUser)),
    }
}

/// Rows the reader may see: admins every row; anyone else the rows about their own
/// events, their own actions and their own account (failed sign-ins on it included).
/// Issue 14, point 7; requirement 22. `?1` all, `?2` the reader as an actor, `?3` their
/// user id; the log is `l`.
const VISIBLE: &str = "(?1 OR l.actor = ?2 OR l.subject = ?2
     OR l.event_id IN (SELECT id FROM events WHERE owner_id = ?3))";

/// [`AuditQuery`] in SQL: `?4` event row, `?5` attendee, `?6` user, `?7` action, `?8`
/// first day, `?9` last day (NULL: any). A person's rows name them as a whole word
/// `attendee:{id}` in the subject (`attendee:3,consent:9,…`, `photo:x attendee:3`), or
/// one of their requests as `removal:{id}`, or are their own actions on `/me`.
const MATCHES: &str = "(?4 IS NULL OR l.event_id = ?4)
     AND (?5 IS NULL OR l.actor = 'attendee:' || ?5
          OR instr(' ' || replace(l.subject, ',', ' ') || ' ', ' attendee:' || ?5 || ' ') > 0
          OR EXISTS (SELECT 1 FROM requests r WHERE r.attendee_id = ?5
                     AND instr(' ' || replace(l.subject, ',', ' ') || ' ', ' removal:' || r.id || ' ') > 0))
     AND (?6 IS NULL OR l.actor = 'user:' || ?6)
     AND (?7 IS NULL OR l.action = ?7 OR substr(l.action, 1, length(?7) + 1) = ?7 || '.')
     AND (?8 IS NULL OR substr(l.at, 1, 10) >= ?8)
     AND (?9 IS NULL OR substr(l.at, 1, 10) <= ?9)";

/// An audit row with the name of its event: `SELECT l.id, l.at, l.actor,
/// l.principal_kind, l.action, l.subject, e.name`.
fn named_row(r: &rusqlite::Row) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        event_name: r.get(6)?,
        ..audit_row(r)?
    })
}

/// Refuses a query naming an attendee the reader may not see (not at one of their
/// events), as if there were none: 404, before any row is read.
fn check_person(tx: &Connection, q: &AuditQuery, all: bool, owner: i64) -> StoreResult<()> {
    if let Some(p) = q.person {
        let ok: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM attendees a JOIN events e ON e.id = a.event_id
                            WHERE a.id = ?1 AND (?2 OR e.owner_id = ?3))",
            params![p, all, owner],
            |r| r.get(0),
        )?;
        if !ok {
            return Err(StoreError::NotFound);
        }
    }
    Ok(())
}

/// The rows of `q` the reader may see, newest first, below `before` (at most `limit`).
fn select(
    tx: &Connection,
    actor: &Actor,
    q: &AuditQuery,
    before: i64,
    limit: i64,
) -> StoreResult<(Vec<AuditRow>, i64)> {
    let (all, owner) = reader(actor)?;
    let me = actor.audit_actor();
    let args =
        params![all, me, owner, q.event, q.person, q.user, q.action, q.from, q.to, before, limit];
    let mut stmt = tx.prepare(&format!(
        "SELECT l.id, l.at, l.actor, l.principal_kind, l.action, l.subject, e.name
         FROM audit_log l LEFT JOIN events e ON e.id = l.event_id
         WHERE {VISIBLE} AND {MATCHES} AND l.id < ?10 ORDER BY l.id DESC LIMIT ?11"
    ))?;
    let rows = stmt
        .query_map(args, named_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let total = tx.query_row(
        &format!("SELECT count(*) FROM audit_log l WHERE {VISIBLE} AND {MATCHES}"),
        params![all, me, owner, q.event, q.person, q.user, q.action, q.from, q.to],
        |r| r.get(0),
    )?;
    Ok((rows, total))
}

impl Store {
    /// Appends a row on its own, for actions that touch nothing else in the database
    /// (a failed sign-in, an export streamed from elsewhere).
    pub async fn audit(
        &self,
        actor: Actor,
        action: &'static str,
        subject: String,
    ) -> StoreResult<()> {
        self.tx(move |tx| append(tx, &actor, action, &subject))
            .await
    }

    /// Lists the rows of `q` the reader may see, newest first (issue 16 point 5: the
    /// filters are SQL here, after the rule of who reads what). Reading the log is itself
    /// logged, with the filter: it names who looked at which records.
    pub async fn list_audit(
        &self,
        actor: Actor,
        limit: u32,
        before_id: Option<i64>,
        q: AuditQuery,
    ) -> StoreResult<AuditPage> {
        self.tx(move |tx| {
            let (all, owner) = reader(&actor)?;
            check_person(tx, &q, all, owner)?;
            append(tx, &actor, "audit.list", &q.subject())?;
            let before = before_id.unwrap_or(i64::MAX);
            let (rows, total) = select(tx, &actor, &q, before, i64::from(limit))?;
            Ok(AuditPage { rows, total })
        })
        .await
    }

    /// Every row of `q` the reader may see, newest first, at most `max`, for the CSV
    /// export; the export is an audit row `audit.export` of its own (written first, in
    /// the same transaction).
    pub async fn export_audit(
        &self,
        actor: Actor,
        q: AuditQuery,
        max: i64,
    ) -> StoreResult<Vec<AuditRow>> {
        self.tx(move |tx| {
            let (all, owner) = reader(&actor)?;
            check_person(tx, &q, all, owner)?;
            append(tx, &actor, "audit.export", &q.subject())?;
            Ok(select(tx, &actor, &q, i64::MAX, max)?.0)
        })
        .await
    }

    /// Recomputes the whole chain from the first row (the `verify-audit` command).
    /// `Ok(Ok(n))`: n rows verified, and the checkpoint moves to the last row.
    /// `Ok(Err(b))`: the first break.
    pub async fn verify_audit(&self) -> StoreResult<Result<u64, ChainBreak>> {
        self.tx(|tx| {
            let rows = records_after(tx, 0)?;
            let result = verify(&rows, highest_issued(tx)?);
            if result.is_ok() {
                let (id, hash) = rows
                    .last()
                    .map_or((0, GENESIS), |r| (r.id, r.hash.as_str()));
                save_checkpoint(tx, id, hash)?;
            }
            Ok(result)
        })
        .await
    }

    /// Verifies the chain from the last verified row on (issue 14, point 7): the
    /// checkpoint row must still be there with the same fields and hash, and the rows
    /// after it must follow it; then the checkpoint moves to the newest row. Reads only
    /// the rows written since the last verification. Returns the result (`Ok(rows
    /// intact in all)`, ids being 1, 2, 3...) and the checkpoint as it stands after.
    /// Rows before the checkpoint are checked again only by [`Self::verify_audit`].
    pub async fn verify_audit_since(&self) -> StoreResult<(Result<u64, ChainBreak>, Checkpoint)> {
        self.tx(|tx| {
            let from = load_checkpoint(tx)?;
            if from.last_id > 0 {
                let row = records_from(tx, from.last_id, from.last_id)?;
                let intact = row.first().is_some_and(|r| {
                    r.hash == from.last_hash
                        && chain_hash(
                            &r.prev_hash,
                            r.id,
                            &r.at,
                            &r.actor,
                            &r.principal_kind,
                            &r.action,
                            &r.subject,
                        ) == r.hash
                });
                if !intact {
                    let id = from.last_id;
                    let broken = if row.is_empty() {
                        ChainBreak::Missing { id }
                    } else {
                        ChainBreak::Edited { id }
                    };
                    return Ok((Err(broken), from));
                }
            }
            let rows = records_after(tx, from.last_id)?;
            match verify_from(&rows, &from, highest_issued(tx)?) {
                Ok(_) => {
                    let (id, hash) = rows
                        .last()
                        .map_or((from.last_id, from.last_hash.as_str()), |r| {
                            (r.id, r.hash.as_str())
                        });
                    let now = save_checkpoint(tx, id, hash)?;
                    Ok((Ok(id as u64), now))
                }
                Err(b) => Ok((Err(b), from)),
            }
        })
        .await
    }

    /// Test support: runs raw SQL as an attacker with file access would (bypassing the
    /// append-only triggers by dropping them first).
    #[cfg(test)]
    pub(crate) async fn tamper(&self, sql: &'static str) -> StoreResult<()> {
        self.with_conn(move |c| {
            c.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")?;
            c.execute_batch(sql)?;
            Ok(())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Role;

    async fn store_with_rows(n: usize) -> Store {
        let store = Store::open_in_memory().await.unwrap();
        let actor = Actor::User {
            id: 1,
            role: Role::Organiser,
        };
        for i in 0..n {
            store
                .audit(actor.clone(), "event.view", format!("event:{i}"))
                .await
                .unwrap();
        }
        store
    }

    #[tokio::test]
    async fn chain_verifies_on_real_rows() {
        let store = store_with_rows(5).await;
        assert_eq!(store.verify_audit().await.unwrap(), Ok(5));
    }

    #[tokio::test]
    async fn triggers_refuse_update_and_delete() {
        let store = store_with_rows(2).await;
        let upd = store
            .with_conn(|c| Ok(c.execute("UPDATE audit_log SET subject = 'x' WHERE id = 1", [])))
            .await
            .unwrap();
        assert!(upd.unwrap_err().to_string().contains("append-only"));
        let del = store
            .with_conn(|c| Ok(c.execute("DELETE FROM audit_log WHERE id = 1", [])))
            .await
            .unwrap();
        assert!(del.is_err());
    }

    #[tokio::test]
    async fn edited_row_breaks_chain_at_that_row() {
        let store = store_with_rows(5).await;
        store
            .tamper("UPDATE audit_log SET subject = 'event:99' WHERE id = 3")
            .await
            .unwrap();
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Edited { id: 3 })
        );
    }

    #[tokio::test]
    async fn deleted_row_breaks_chain_at_next_row() {
        let store = store_with_rows(5).await;
        store
            .tamper("DELETE FROM audit_log WHERE id = 2")
            .await
            .unwrap();
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Missing { id: 3 })
        );
    }

    #[tokio::test]
    async fn deleted_newest_row_is_caught() {
        let store = store_with_rows(5).await;
        store
            .tamper("DELETE FROM audit_log WHERE id = 5")
            .await
            .unwrap();
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::TailDeleted {
                last_id: 4,
                expected_last_id: 5
            })
        );
    }

    /// Issue 14, point 7: a page view verifies from the checkpoint on, and a row
    /// tampered with after the checkpoint (or the checkpoint row itself) is still caught.
    #[tokio::test]
    async fn verification_goes_on_from_the_checkpoint_and_still_catches_tampering() {
        let store = store_with_rows(5).await;
        let (first, cp) = store.verify_audit_since().await.unwrap();
        assert_eq!(first, Ok(5));
        assert_eq!(cp.last_id, 5);
        assert!(!cp.at.is_empty());
        // Rows before the checkpoint are not read again: an edit there goes unseen by
        // the page (the verify-audit command recomputes everything and finds it).
        store
            .tamper("UPDATE audit_log SET subject = 'event:77' WHERE id = 2")
            .await
            .unwrap();
        assert_eq!(store.verify_audit_since().await.unwrap().0, Ok(5));
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Edited { id: 2 })
        );

        let store = store_with_rows(5).await;
        assert!(store.verify_audit_since().await.unwrap().0.is_ok());
        let actor = Actor::User {
            id: 1,
            role: Role::Organiser,
        };
        for i in 0..3 {
            store
                .audit(actor.clone(), "event.view", format!("event:{i}"))
                .await
                .unwrap();
        }
        // Only the three new rows are checked, and the checkpoint moves on.
        let (ok, cp) = store.verify_audit_since().await.unwrap();
        assert_eq!((ok, cp.last_id), (Ok(8), 8));
        store
            .audit(actor.clone(), "attendee.view", "attendee:1".into())
            .await
            .unwrap();
        store
            .tamper("UPDATE audit_log SET subject = 'attendee:2' WHERE id = 9")
            .await
            .unwrap();
        let (broken, cp) = store.verify_audit_since().await.unwrap();
        assert_eq!(broken, Err(ChainBreak::Edited { id: 9 }));
        assert_eq!(cp.last_id, 8, "the checkpoint stays before the break");
        assert_eq!(
            store.verify_audit_since().await.unwrap().0,
            Err(ChainBreak::Edited { id: 9 }),
            "and the break is reported again"
        );

        // The checkpoint row itself edited, or deleted.
        let store = store_with_rows(4).await;
        assert!(store.verify_audit_since().await.unwrap().0.is_ok());
        store
            .tamper("UPDATE audit_log SET action = 'event.edit' WHERE id = 4")
            .await
            .unwrap();
        assert_eq!(
            store.verify_audit_since().await.unwrap().0,
            Err(ChainBreak::Edited { id: 4 })
        );
        let store = store_with_rows(4).await;
        assert!(store.verify_audit_since().await.unwrap().0.is_ok());
        store
            .audit(actor, "event.view", "event:9".into())
            .await
            .unwrap();
        store
            .tamper("DELETE FROM audit_log WHERE id = 4")
            .await
            .unwrap();
        assert_eq!(
            store.verify_audit_since().await.unwrap().0,
            Err(ChainBreak::Missing { id: 4 })
        );
    }

    #[tokio::test]
    async fn listing_the_log_is_logged() {
        let store = store_with_rows(1).await;
        let page = store
            .list_audit(
                Actor::User {
                    id: 7,
                    role: Role::Admin,
                },
                50,
                None,
                AuditQuery::default(),
            )
            .await
            .unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(page.rows[0].action, "audit.list");
        assert_eq!(page.rows[0].actor, "user:7");
    }
}
