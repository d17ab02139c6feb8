//! An event's photographers, for its organiser (issue 16 point 2): list, add by email
//! (an existing photographer, or a new one with an invitation link), remove, and the
//! days each may work there.

use crate::types::{ApiError, EventPhotographers, PhotographerAdded, PublicId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::photographers;

#[server(endpoint = "events/photographers", input = Json)]
pub async fn get_photographers(event_id: PublicId) -> Result<EventPhotographers, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(photographers::list(&m.state, m.row, &m.event).await?)
}

#[server(endpoint = "events/photographers/add", input = Json)]
pub async fn add_photographer(
    event_id: PublicId,
    email: String,
) -> Result<PhotographerAdded, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(photographers::add(&m.state, m.actor, m.row, &m.event, &email).await?)
}

#[server(endpoint = "events/photographers/remove", input = Json)]
pub async fn remove_photographer(
    event_id: PublicId,
    user_id: i64,
) -> Result<EventPhotographers, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(photographers::remove(&m.state, m.actor, m.row, &m.event, user_id).await?)
}

/// `from` and `until` as `YYYY-MM-DD`; both empty: the event's own dates again.
#[server(endpoint = "events/photographers/days", input = Json)]
pub async fn set_photographer_days(
    event_id: PublicId,
    user_id: i64,
    from: String,
    until: String,
) -> Result<EventPhotographers, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(photographers::set_days(&m.state, m.actor, m.row, &m.event, user_id, &from, &until).await?)
}
