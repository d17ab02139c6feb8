//! Events on the organiser dashboard.

use crate::types::{ApiError, EventSummary};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err, MANAGERS};

/// The events this organiser owns (an admin: all), soonest first.
#[server(endpoint = "events/list")]
pub async fn list_events() -> Result<Vec<EventSummary>, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let crate::domain::Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    guard::state()?
        .store
        .list_events(id, role)
        .await
        .map_err(store_err)
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
    let crate::domain::Actor::User { id, .. } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let new = crate::types::NewEvent {
        name,
        starts_on: Some(starts_on),
        ends_on: Some(ends_on),
        venue,
        default_lang,
    };
    let new = crate::domain::events::validate(new).map_err(|b| fail(ApiError::BadInput(b)))?;
    let st = guard::state()?;
    crate::domain::events::create(&st.store, actor, id, new)
        .await
        .map_err(store_err)
}
