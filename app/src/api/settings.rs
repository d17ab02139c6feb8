//! Event settings on the organiser dashboard (requirement 12).

use crate::types::{ApiError, EventSettings, EventSettingsView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err, MANAGERS};

/// The settings of one of the organiser's events and its current notice texts.
#[server(endpoint = "events/settings", input = Json)]
pub async fn get_event_settings(event_id: String) -> Result<EventSettingsView, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let crate::domain::Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let st = guard::state()?;
    let (row, event) = st
        .store
        .event_for_user(id, role, event_id)
        .await
        .map_err(store_err)?;
    let settings = st.store.event_settings(row).await.map_err(store_err)?;
    let notices = super::kiosk::current_notices(&st.store, row, &settings.languages).await?;
    Ok(EventSettingsView {
        event,
        settings,
        notices,
    })
}

/// Saves the settings; a changed notice text becomes a new notice version.
#[server(endpoint = "events/settings/save", input = Json)]
pub async fn save_event_settings(
    event_id: String,
    settings: EventSettings,
) -> Result<EventSettingsView, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let crate::domain::Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let st = guard::state()?;
    let (row, event) = st
        .store
        .event_for_user(id, role, event_id.clone())
        .await
        .map_err(store_err)?;
    let settings = crate::domain::events::validate_settings(settings)
        .map_err(|c| fail(ApiError::BadInput(c.into())))?;
    crate::domain::events::save_settings(&st.store, actor, row, &event.name, settings)
        .await
        .map_err(store_err)?;
    let settings = st.store.event_settings(row).await.map_err(store_err)?;
    let notices = super::kiosk::current_notices(&st.store, row, &settings.languages).await?;
    Ok(EventSettingsView {
        event,
        settings,
        notices,
    })
}
