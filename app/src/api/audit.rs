//! The audit log page.

use crate::types::{ApiError, AuditView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, MANAGERS};

/// One page (100 rows) of the log, newest first, and whether the chain verifies.
#[server(endpoint = "audit/list")]
pub async fn list_audit(before_id: Option<i64>) -> Result<AuditView, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    Ok(crate::domain::audit::page(&guard::state()?.store, actor, before_id).await?)
}
