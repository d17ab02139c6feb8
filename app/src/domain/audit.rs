//! The audit log's hash chain (requirement 19: "the log is append-only and
//! tamper-evident"). Pure functions; the store writes and reads the rows.

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
    let mut prev_hash = GENESIS.to_string();
    let mut count = 0;
    let mut last_id = 0;
    for (expected_id, row) in (1..).zip(rows) {
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

/// One page (100 rows) of the log, newest first, and whether the chain verifies.
pub async fn page(
    store: &super::Store,
    actor: super::Actor,
    before_id: Option<i64>,
) -> Result<crate::types::AuditView, super::StoreError> {
    let page = store.list_audit(actor, 100, before_id).await?;
    let chain = store.verify_audit().await?.map_err(|b| b.to_string());
    Ok(crate::types::AuditView {
        rows: page.rows,
        total: page.total,
        chain,
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
