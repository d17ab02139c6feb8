//! The audit log as the browser sees it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub principal_kind: String,
    pub action: String,
    pub subject: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub rows: Vec<AuditRow>,
    pub total: i64,
    /// `Ok(rows verified)` or `Err(description of the first break)`.
    pub chain: Result<u64, String>,
    /// When the chain was last found intact (RFC 3339, UTC): just now when `chain` is
    /// `Ok`, else the last time before the break; `None` if never.
    pub verified_at: Option<String>,
}
