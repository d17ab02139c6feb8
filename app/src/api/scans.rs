//! Badge scanning for photographers and organisers (issue 4; requirements 10, 22): the
//! events they can scan at, an event's token → colour map for offline use, scan uploads
//! (idempotent), their own recent scans, and the organiser's scan log with names.

use crate::types::PublicId;
use crate::types::{ApiError, EventScan, EventSummary, MyScan, ScanAck, ScanCache, ScanIn};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, AnyUser, Roles};
#[cfg(feature = "ssr")]
use crate::domain::scans;

/// Events the user may scan at today: admins all, organisers their own, photographers
/// those they are assigned to, on their days (issue 16).
#[server(endpoint = "scan/events")]
pub async fn scan_events() -> Result<Vec<EventSummary>, ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    let st = guard::state()?;
    Ok(scans::events(&st.store, actor, st.now.today()).await?)
}

/// The event's badge tokens and colours (no names) for verdicts while offline.
#[server(endpoint = "scan/cache", input = Json)]
pub async fn get_scan_cache(event_id: PublicId) -> Result<ScanCache, ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    let st = guard::state()?;
    Ok(scans::cache(&st.store, actor, event_id, st.now.today()).await?)
}

/// Stores scans (a queue uploaded again is stored once) and answers each badge's
/// current consent, so the device can correct what it showed offline.
#[server(endpoint = "scan/record", input = Json)]
pub async fn upload_scans(scans: Vec<ScanIn>) -> Result<Vec<ScanAck>, ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    let st = guard::state()?;
    Ok(scans::record_checked(&st.store, actor, scans, st.now.today()).await?)
}

/// The user's own latest scans: colour and time only.
#[server(endpoint = "scan/mine")]
pub async fn get_my_scans() -> Result<Vec<MyScan>, ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    Ok(scans::mine(&guard::state()?.store, actor).await?)
}

/// The event's scan log with names, for its organiser. Audited.
#[server(endpoint = "scan/event-log", input = Json)]
pub async fn get_event_scans(event_id: PublicId) -> Result<Vec<EventScan>, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(m.state.store.event_scans(m.actor, m.row, 500).await?)
}
