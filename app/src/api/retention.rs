//! The event's data lifecycle on the organiser dashboard (issue 15; requirement 18).

use crate::types::{ApiError, PublicId, RetentionInfo};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;

/// "Delete this event's personal data now": the purge the period would run, at once
/// (the page asks for confirmation first). Audited as `event.purge` with the counts.
#[server(endpoint = "events/purge", input = Json)]
pub async fn purge_event_now(event_id: PublicId) -> Result<RetentionInfo, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::retention::delete_now(&m.state, m.actor, m.row).await?)
}
