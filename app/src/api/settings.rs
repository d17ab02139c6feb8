//! Event settings on the organiser dashboard (requirement 12).

use crate::types::{ApiError, EventSettings, EventSettingsView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err};

/// The settings of one of the organiser's events and its current notice texts.
#[server(endpoint = "events/settings", input = Json)]
pub async fn get_event_settings(event_id: String) -> Result<EventSettingsView, ApiError> {
    let m = guard::managed_event(event_id).await?;
    view(m).await
}

/// Saves the settings; a changed notice text becomes a new notice version.
#[server(endpoint = "events/settings/save", input = Json)]
pub async fn save_event_settings(
    event_id: String,
    settings: EventSettings,
) -> Result<EventSettingsView, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let settings = crate::domain::events::validate_settings(settings)
        .map_err(|b| fail(ApiError::BadInput(b)))?;
    crate::domain::events::save_settings(
        &m.state.store,
        m.actor.clone(),
        m.row,
        &m.event.name,
        settings,
    )
    .await
    .map_err(store_err)?;
    view(m).await
}

#[cfg(feature = "ssr")]
async fn view(m: guard::ManagedEvent) -> Result<EventSettingsView, ApiError> {
    let settings = m
        .state
        .store
        .event_settings(m.row)
        .await
        .map_err(store_err)?;
    let notices = super::kiosk::current_notices(&m.state.store, m.row, &settings.languages).await?;
    Ok(EventSettingsView {
        event: m.event,
        settings,
        notices,
    })
}
