//! The audit log page.

use crate::types::{ApiError, AuditView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, store_err, MANAGERS};

/// One page (100 rows) of the log, newest first, and whether the chain verifies.
#[server(endpoint = "audit/list")]
pub async fn list_audit(before_id: Option<i64>) -> Result<AuditView, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let st = guard::state()?;
    let page = st
        .store
        .list_audit(actor, 100, before_id)
        .await
        .map_err(store_err)?;
    let chain = st
        .store
        .verify_audit()
        .await
        .map_err(store_err)?
        .map_err(|b| b.to_string());
    Ok(AuditView {
        rows: page.rows,
        total: page.total,
        chain,
    })
}
