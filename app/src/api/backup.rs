//! The backups' state on the admins' dashboard (issue 17 point 7; requirement 24).

use crate::types::{ApiError, BackupStatus};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, Admins, Roles};

/// When the last backup was made and how big it was, or that the last one failed or is
/// too old. Admins only (they run the server); it names no one.
#[server(endpoint = "backups/status")]
pub async fn backup_overview() -> Result<BackupStatus, ApiError> {
    guard::require_user(Admins::ROLES).await?;
    Ok(crate::domain::backup::status(&guard::state()?).await?)
}
