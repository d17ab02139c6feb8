//! The audit log's hash chain (requirement 19: "the log is append-only and
//! tamper-evident"). Pure functions; the store writes and reads the rows.

use super::consent::RegisterError;
use crate::types::BadInput;
use sha2::{Digest, Sha256};

/// `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of one row that the hash covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub principal_kind: String,
    pub action: String,
    pub subject: String,
    pub prev_hash: String,
    pub hash: String,
}

/// SHA-256 over the previous hash and this row's fields, each length-prefixed so that
/// moving text from one field to the next changes the hash.
pub fn chain_hash(
    prev_hash: &str,
    id: i64,
    at: &str,
    actor: &str,
    principal_kind: &str,
    action: &str,
    subject: &str,
) -> String {
    let mut h = Sha256::new();
    let id = id.to_string();
    for field in [prev_hash, &id, at, actor, principal_kind, action, subject] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Why the chain does not verify, naming the first row where it breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainBreak {
    /// A row's fields no longer give its stored hash: it was edited.
    Edited { id: i64 },
    /// A row does not follow the row before it: rows before it were deleted or reordered.
    Missing { id: i64 },
    /// The newest rows were deleted: the highest id ever handed out is higher than the
    /// last row left.
    TailDeleted { last_id: i64, expected_last_id: i64 },
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::Edited { id } => write!(f, "audit row {id} was edited"),
            ChainBreak::Missing { id } => {
                write!(f, "audit row {id} does not follow the row before it (rows deleted)")
            }
            ChainBreak::TailDeleted { last_id, expected_last_id } => write!(
                f,
                "audit rows after {last_id} were deleted (the log had reached row {expected_last_id})"
            ),
        }
    }
}

/// Walks the rows in id order. `highest_id_issued` is the largest id the table ever
/// handed out (SQLite's `sqlite_sequence`), which catches deletion of the newest rows.
pub fn verify<'a>(
    rows: impl IntoIterator<Item = &'a AuditRecord>,
    highest_id_issued: i64,
) -> Result<u64, ChainBreak> {
    verify_from(rows, &Checkpoint::genesis(), highest_id_issued)
}

/// The last row a verification reached: the rows up to `last_id` were intact at `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub last_id: i64,
    pub last_hash: String,
    /// When; empty for [`Checkpoint::genesis`].
    pub at: String,
}

impl Checkpoint {
    /// Before the first row: nothing verified yet.
    pub fn genesis() -> Self {
        Checkpoint {
            last_id: 0,
            last_hash: GENESIS.to_string(),
            at: String::new(),
        }
    }
}

/// Like [`verify`], for the rows after `from` only (issue 14, point 7: the log page does
/// not reload every row on each view): `rows` must be the rows with ids above
/// `from.last_id`, the first chained to `from.last_hash`. Returns how many it checked.
pub fn verify_from<'a>(
    rows: impl IntoIterator<Item = &'a AuditRecord>,
    from: &Checkpoint,
    highest_id_issued: i64,
) -> Result<u64, ChainBreak> {
    let mut prev_hash = from.last_hash.clone();
    let mut count = 0;
    let mut last_id = from.last_id;
    for (expected_id, row) in (from.last_id + 1..).zip(rows) {
        if row.id != expected_id || row.prev_hash != prev_hash {
            return Err(ChainBreak::Missing { id: row.id });
        }
        let recomputed = chain_hash(
            &row.prev_hash,
            row.id,
            &row.at,
            &row.actor,
            &row.principal_kind,
            &row.action,
            &row.subject,
        );
        if recomputed != row.hash {
            return Err(ChainBreak::Edited { id: row.id });
        }
        prev_hash = row.hash.clone();
        last_id = row.id;
        count += 1;
    }
    if highest_id_issued > last_id {
        return Err(ChainBreak::TailDeleted {
            last_id,
            expected_last_id: highest_id_issued,
        });
    }
    Ok(count)
}

/// Rows on one page of the log.
pub const PAGE_ROWS: u32 = 100;

/// Most rows in one CSV export of the log.
pub const EXPORT_ROWS: i64 = 100_000;

/// Checks the organiser's filter (issue 16 point 5) and resolves it for the store: an
/// action is letters, digits, dots and underscores (at most 64); days are
/// `YYYY-MM-DD`, the first not after the last; an event must be one the caller may
/// manage (404 otherwise, as for an unknown id). The person is checked by the store,
/// with the rule of who reads which row.
pub async fn query(
    store: &super::Store,
    actor: &super::Actor,
    f: crate::types::AuditFilter,
) -> Result<super::store::AuditQuery, RegisterError> {
    let text = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let action = text(f.action);
    if let Some(a) = &action {
        let fits = a.len() <= 64
            && a.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_');
        if !fits {
            return Err(BadInput::AuditActionInvalid.into());
        }
    }
    let day = |v: Option<String>| -> Result<Option<String>, BadInput> {
        match text(v) {
            None => Ok(None),
            Some(s) => super::retention::parse_day(&s)
                .filter(|_| s.len() == 10)
                .map(|d| Some(super::requests::iso(d)))
                .ok_or(BadInput::DateInvalid),
        }
    };
    let (from, to) = (day(f.from)?, day(f.to)?);
    if let (Some(a), Some(b)) = (&from, &to) {
        if a > b {
            return Err(BadInput::AuditRangeWrong.into());
        }
    }
    let event = match (f.event, actor) {
        (None, _) => None,
        (Some(e), super::Actor::User { id, role }) => {
            Some(store.event_for_user(*id, *role, e).await?.0)
        }
        (Some(_), _) => return Err(RegisterError::Forbidden),
    };
    Ok(super::store::AuditQuery {
        event,
        person: f.person,
        user: f.user.filter(|u| *u > 0),
        action,
        from,
        to,
    })
}

/// The filtered rows as CSV (issue 16 point 5): a header row, then each row the caller
/// may read, newest first, through the one CSV writer (a cell starting like a formula,
/// such as an event named `=HYPERLINK(…)`, gets a `'`), UTF-8. The export is itself an
/// audit row (`audit.export`, with the filter).
pub async fn export(
    store: &super::Store,
    actor: super::Actor,
    f: crate::types::AuditFilter,
) -> Result<crate::types::AuditCsv, RegisterError> {
    let q = query(store, &actor, f).await?;
    let rows = store.export_audit(actor, q, EXPORT_ROWS).await?;
    let mut w = crate::csv_text::CsvText::new();
    w.row([
        "id",
        "at",
        "actor",
        "principal_kind",
        "action",
        "subject",
        "event",
    ]);
    for r in &rows {
        let id = r.id.to_string();
        let event = r.event_name.as_deref().unwrap_or("");
        w.row([
            id.as_str(),
            &r.at,
            &r.actor,
            &r.principal_kind,
            &r.action,
            &r.subject,
            event,
        ]);
    }
    Ok(crate::types::AuditCsv {
        file_name: format!(
            "lanyard-audit-{}.csv",
            super::requests::iso(super::requests::today())
        ),
        csv: w.finish(),
        rows: rows.len(),
    })
}

/// One page ([`PAGE_ROWS`] rows) of the rows the filter `f` selects, newest first, and
/// whether the chain verifies: checked from the last verified row on
/// ([`super::Store::verify_audit_since`]), so a page view reads only the rows written
/// since the previous one.
pub async fn page(
    store: &super::Store,
    actor: super::Actor,
    before_id: Option<i64>,
    f: crate::types::AuditFilter,
) -> Result<crate::types::AuditView, RegisterError> {
    let q = query(store, &actor, f).await?;
    let page = store.list_audit(actor, PAGE_ROWS, before_id, q).await?;
    let (chain, checkpoint) = store.verify_audit_since().await?;
    Ok(crate::types::AuditView {
        rows: page.rows,
        total: page.total,
        chain: chain.map_err(|b| b.to_string()),
        verified_at: (!checkpoint.at.is_empty()).then_some(checkpoint.at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|id| {
                let at = format!("2026-11-22T10:00:{id:02}Z");
                let hash = chain_hash(
                    &prev,
                    id,
                    &at,
                    "user:1",
                    "organiser",
                    "event.view",
                    "event:1",
                );
                let r = AuditRecord {
                    id,
                    at,
                    actor: "user:1".into(),
                    principal_kind: "organiser".into(),
                    action: "event.view".into(),
                    subject: "event:1".into(),
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                r
            })
            .collect()
    }

    #[test]
    fn intact_chain_verifies() {
        let rows = chain(5);
        assert_eq!(verify(&rows, 5), Ok(5));
        assert_eq!(verify(&[], 0), Ok(0));
    }

    #[test]
    fn edited_field_is_named() {
        let mut rows = chain(5);
        rows[2].subject = "event:2".into();
        assert_eq!(verify(&rows, 5), Err(ChainBreak::Edited { id: 3 }));
    }

    #[test]
    fn moving_text_between_fields_changes_hash() {
        let a = chain_hash(GENESIS, 1, "t", "ab", "c", "x", "y");
        let b = chain_hash(GENESIS, 1, "t", "a", "bc", "x", "y");
        assert_ne!(a, b);
    }

    #[test]
    fn deleted_middle_row_is_named() {
        let mut rows = chain(5);
        rows.remove(1);
        assert_eq!(verify(&rows, 5), Err(ChainBreak::Missing { id: 3 }));
    }

    #[test]
    fn verifying_from_a_checkpoint_checks_only_the_rows_after_it() {
        let rows = chain(6);
        let at = |i: usize| Checkpoint {
            last_id: rows[i].id,
            last_hash: rows[i].hash.clone(),
            at: "2026-11-22T10:00:00Z".into(),
        };
        assert_eq!(verify_from(&rows[3..], &at(2), 6), Ok(3));
        assert_eq!(verify_from(&rows[6..], &at(5), 6), Ok(0));
        // A row after the checkpoint edited, or missing, or the newest deleted.
        let mut edited = rows.clone();
        edited[4].action = "attendee.export".into();
        assert_eq!(
            verify_from(&edited[3..], &at(2), 6),
            Err(ChainBreak::Edited { id: 5 })
        );
        let gap: Vec<_> = [&rows[3], &rows[5]].into_iter().cloned().collect();
        assert_eq!(
            verify_from(&gap, &at(2), 6),
            Err(ChainBreak::Missing { id: 6 })
        );
        assert_eq!(
            verify_from(&rows[3..5], &at(2), 6),
            Err(ChainBreak::TailDeleted {
                last_id: 5,
                expected_last_id: 6
            })
        );
        // Rows that do not follow the checkpoint's hash.
        let wrong = Checkpoint {
            last_hash: GENESIS.into(),
            ..at(2)
        };
        assert_eq!(
            verify_from(&rows[3..], &wrong, 6),
            Err(ChainBreak::Missing { id: 4 })
        );
    }

    #[test]
    fn deleted_last_row_is_caught() {
        let mut rows = chain(5);
        rows.pop();
        assert_eq!(
            verify(&rows, 5),
            Err(ChainBreak::TailDeleted {
                last_id: 4,
                expected_last_id: 5
            })
        );
    }
}
