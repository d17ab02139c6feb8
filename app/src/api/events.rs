//! Events on the organiser dashboard.

use crate::types::{ApiError, EventSummary};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, MANAGERS};

/// The events this organiser owns (an admin: all), soonest first.
#[server(endpoint = "events/list")]
pub async fn list_events() -> Result<Vec<EventSummary>, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    Ok(crate::domain::events::list(&guard::state()?.store, actor).await?)
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
