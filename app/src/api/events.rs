//! Events on the organiser dashboard: the list (with its filter), a new event, an edit
//! of an event and its archive (issue 16 point 4).

use crate::types::{ApiError, EventSummary, EventWhen, NewEvent, PublicId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, MANAGERS};

/// The events this organiser owns (an admin: all), soonest first, that `show` lists
/// today (default: current and upcoming).
#[server(endpoint = "events/list")]
pub async fn list_events(show: Option<EventWhen>) -> Result<Vec<EventSummary>, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let today = crate::domain::requests::today();
    let show = show.unwrap_or_default();
    Ok(crate::domain::events::list(&guard::state()?.store, actor, show, today).await?)
}

/// Creates an event owned by the signed-in organiser. Dates are `YYYY-MM-DD` or empty.
#[server(endpoint = "events/create")]
pub async fn create_event(
    name: String,
    starts_on: String,
    ends_on: String,
    venue: String,
    default_lang: String,
) -> Result<EventSummary, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let new = crate::types::NewEvent {
        name,
        starts_on: Some(starts_on),
        ends_on: Some(ends_on),
        venue,
        default_lang,
    };
    Ok(crate::domain::events::create(&guard::state()?.store, actor, new).await?)
}

/// Changes an event's name, days, venue and default language (audited; the notice
/// gets a new version where its text changed). 404 for an event that is not the
/// caller's, 409 while it is archived.
#[server(endpoint = "events/update", input = Json)]
pub async fn update_event(event_id: PublicId, event: NewEvent) -> Result<EventSummary, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::events::edit(&m.state.store, m.actor, m.row, m.event, event).await?)
}

/// Archives the event (`archived: true`) or takes it out of the archive. Audited.
#[server(endpoint = "events/archive", input = Json)]
pub async fn archive_event(event_id: PublicId, archived: bool) -> Result<EventSummary, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::events::set_archived(&m.state.store, m.actor, m.row, archived).await?)
}
