//! The breach register (issue 17 points 1-4; requirement 20): organisers for their own
//! events, admins for all. Another organiser's breach is 404, as an unknown id.

use crate::types::{
    ApiError, BreachAssessment, BreachContacts, BreachDrafts, BreachInput, BreachList, BreachView,
    DataCategory, DataExport, Lang, NotificationInput, PublicId,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::breaches::register::{self, BreachAction};
#[cfg(feature = "ssr")]
use crate::domain::store::StoredBreach;
#[cfg(feature = "ssr")]
use crate::domain::{Actor, AppState};

/// The signed-in manager and a breach they may see: 404 for anyone else's.
#[cfg(feature = "ssr")]
async fn managed_breach(id: PublicId) -> Result<(Actor, AppState, StoredBreach), ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let state = guard::state()?;
    let b = register::find(&state.store, &actor, id).await?;
    Ok((actor, state, b))
}

#[cfg(feature = "ssr")]
async fn act(breach_id: PublicId, action: BreachAction) -> Result<BreachView, ApiError> {
    let (actor, state, b) = managed_breach(breach_id).await?;
    Ok(register::act(&state.store, actor, b, action, jiff::Timestamp::now()).await?)
}

/// The register the caller may see, newest first, with the clocks.
#[server(endpoint = "breaches/list", input = Json)]
pub async fn list_breaches() -> Result<BreachList, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let store = guard::state()?.store;
    Ok(register::list(&store, actor, jiff::Timestamp::now()).await?)
}

/// The data categories a breach of these events can concern.
#[server(endpoint = "breaches/categories", input = Json)]
pub async fn breach_categories(events: Vec<PublicId>) -> Result<Vec<DataCategory>, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let store = guard::state()?.store;
    Ok(register::categories(&store, &actor, events).await?)
}

/// Records a breach. Returns its id.
#[server(endpoint = "breaches/record", input = Json)]
pub async fn record_breach(breach: BreachInput) -> Result<String, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let store = guard::state()?.store;
    Ok(
        register::record(&store, actor, breach, jiff::Timestamp::now())
            .await?
            .into_string(),
    )
}

/// One breach (audited as a view of the people it lists).
#[server(endpoint = "breaches/get", input = Json)]
pub async fn get_breach(breach_id: PublicId) -> Result<BreachView, ApiError> {
    act(breach_id, BreachAction::View).await
}

/// A new assessment: numbers, consequences, measures, risk.
#[server(endpoint = "breaches/assess", input = Json)]
pub async fn assess_breach(
    breach_id: PublicId,
    assessment: BreachAssessment,
) -> Result<BreachView, ApiError> {
    act(breach_id, BreachAction::Assess(assessment)).await
}

/// Records a notification made to the inspectorate or to the people affected.
#[server(endpoint = "breaches/notify", input = Json)]
pub async fn notify_breach(
    breach_id: PublicId,
    notification: NotificationInput,
) -> Result<BreachView, ApiError> {
    act(breach_id, BreachAction::Notify(notification)).await
}

/// Closes the breach: every due notification recorded, or a written reason.
#[server(endpoint = "breaches/close", input = Json)]
pub async fn close_breach(breach_id: PublicId, reason: String) -> Result<BreachView, ApiError> {
    act(breach_id, BreachAction::Close(reason)).await
}

/// The drafted notifications in `lang`.
#[server(endpoint = "breaches/drafts", input = Json)]
pub async fn draft_notifications(
    breach_id: PublicId,
    lang: Lang,
) -> Result<BreachDrafts, ApiError> {
    let (_, state, b) = managed_breach(breach_id).await?;
    Ok(register::drafts(&state.store, &b, lang, jiff::Timestamp::now()).await?)
}

/// The affected people's contact fields as CSV (audited `breach.contacts`).
#[server(endpoint = "breaches/contacts", input = Json)]
pub async fn download_breach_contacts(breach_id: PublicId) -> Result<BreachContacts, ApiError> {
    let (actor, state, b) = managed_breach(breach_id).await?;
    Ok(crate::domain::breaches::export::contacts(&state.store, actor, &b).await?)
}

/// The whole register the caller may see as JSON and CSV (audited `breach.export`).
#[server(endpoint = "breaches/export", input = Json)]
pub async fn export_breaches() -> Result<DataExport, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let store = guard::state()?.store;
    Ok(crate::domain::breaches::export::register(&store, actor).await?)
}
