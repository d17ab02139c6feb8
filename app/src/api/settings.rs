//! Event settings on the organiser dashboard (requirement 12).

use crate::types::PublicId;
use crate::types::{ApiError, EventSettings, EventSettingsView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;

/// The settings of one of the organiser's events and its current notice texts.
#[server(endpoint = "events/settings", input = Json)]
pub async fn get_event_settings(event_id: PublicId) -> Result<EventSettingsView, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::events::settings_view(&m.state.store, m.row, m.event).await?)
}

/// Saves the settings; a changed notice text becomes a new notice version.
#[server(endpoint = "events/settings/save", input = Json)]
pub async fn save_event_settings(
    event_id: PublicId,
    settings: EventSettings,
) -> Result<EventSettingsView, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let store = &m.state.store;
    Ok(crate::domain::events::update_settings(store, m.actor, m.row, m.event, settings).await?)
}
