//! The audit log page: its rows through the organiser's filters, and the same rows as
//! CSV (issue 16 point 5).

use crate::types::{ApiError, AuditCsv, AuditFilter, AuditView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, MANAGERS};

/// One page (100 rows) of the rows `filter` selects that the caller may read, newest
/// first, and whether the chain verifies. Audited as `audit.list` with the filter.
#[server(endpoint = "audit/list", input = Json)]
pub async fn list_audit(
    before_id: Option<i64>,
    filter: Option<AuditFilter>,
) -> Result<AuditView, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let store = &guard::state()?.store;
    Ok(crate::domain::audit::page(store, actor, before_id, filter.unwrap_or_default()).await?)
}

/// Every row `filter` selects that the caller may read, as CSV (formula-safe, UTF-8,
/// a header row). Audited as `audit.export` with the filter.
#[server(endpoint = "audit/export", input = Json)]
pub async fn export_audit(filter: Option<AuditFilter>) -> Result<AuditCsv, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let store = &guard::state()?.store;
    Ok(crate::domain::audit::export(store, actor, filter.unwrap_or_default()).await?)
}
