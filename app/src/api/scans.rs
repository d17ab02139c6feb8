//! Badge scanning for photographers and organisers (issue 4; requirements 10, 22): the
//! events they can scan at, an event's token → colour map for offline use, scan uploads
//! (idempotent), their own recent scans, and the organiser's scan log with names.

use crate::types::{ApiError, EventScan, EventSummary, MyScan, ScanAck, ScanCache, ScanIn};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err};

#[cfg(feature = "ssr")]
const SCANNERS: &[crate::types::Role] = &[
    crate::types::Role::Admin,
    crate::types::Role::Organiser,
    crate::types::Role::Photographer,
];

/// The signed-in scanner's id and role.
#[cfg(feature = "ssr")]
async fn scanner() -> Result<(crate::domain::Actor, i64, crate::types::Role), ApiError> {
    let actor = guard::require_user(SCANNERS).await?;
    match actor {
        crate::domain::Actor::User { id, role } => Ok((actor, id, role)),
        _ => Err(fail(ApiError::Forbidden)),
    }
}

/// Events the user may scan at: photographers and admins all, organisers their own.
#[server(endpoint = "scan/events")]
pub async fn scan_events() -> Result<Vec<EventSummary>, ApiError> {
    let (_, id, role) = scanner().await?;
    guard::state()?
        .store
        .events_for_scanning(id, role)
        .await
        .map_err(store_err)
}

/// The event's badge tokens and colours (no names) for verdicts while offline.
#[server(endpoint = "scan/cache", input = Json)]
pub async fn get_scan_cache(event_id: String) -> Result<ScanCache, ApiError> {
    let (_, id, role) = scanner().await?;
    let st = guard::state()?;
    // Photographers scan at every event; organisers only at theirs (404 otherwise).
    let as_role = if role == crate::types::Role::Photographer {
        crate::types::Role::Admin
    } else {
        role
    };
    let (row, event) = st
        .store
        .event_for_user(id, as_role, event_id)
        .await
        .map_err(store_err)?;
    let entries = st.store.scan_cache(row).await.map_err(store_err)?;
    Ok(ScanCache {
        event_id: event.id,
        entries,
    })
}

/// Stores scans (a queue uploaded again is stored once) and answers each badge's
/// current consent, so the device can correct what it showed offline.
#[server(endpoint = "scan/record", input = Json)]
pub async fn upload_scans(scans: Vec<ScanIn>) -> Result<Vec<ScanAck>, ApiError> {
    let (actor, id, _) = scanner().await?;
    let scans = crate::domain::scans::validate(scans).map_err(|b| fail(ApiError::BadInput(b)))?;
    let st = guard::state()?;
    crate::domain::scans::record(&st.store, actor, id, scans)
        .await
        .map_err(store_err)
}

/// The user's own latest scans: colour and time only.
#[server(endpoint = "scan/mine")]
pub async fn get_my_scans() -> Result<Vec<MyScan>, ApiError> {
    let (_, id, _) = scanner().await?;
    guard::state()?
        .store
        .my_scans(id, 30)
        .await
        .map_err(store_err)
}

/// The event's scan log with names, for its organiser. Audited.
#[server(endpoint = "scan/event-log", input = Json)]
pub async fn get_event_scans(event_id: String) -> Result<Vec<EventScan>, ApiError> {
    let m = guard::managed_event(event_id).await?;
    m.state
        .store
        .event_scans(m.actor, m.row, 500)
        .await
        .map_err(store_err)
}
