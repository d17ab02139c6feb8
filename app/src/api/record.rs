//! The record of processing activities (GDPR Art. 30; issue 15 point 7): one event's
//! for its organiser (or an admin), and the whole instance's (an admin: every event; an
//! organiser: their own). Each view and download is audited by the domain.

use crate::types::{ApiError, DataExport, Lang, ProcessingRecord, PublicId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::processing_record::{self, Scope};

/// 401/403 as every manager's function; 404 for an event that is not the caller's.
#[cfg(feature = "ssr")]
async fn event_scope(event_id: PublicId) -> Result<(guard::ManagedEvent, Scope), ApiError> {
    let m = guard::managed_event(event_id).await?;
    let scope = Scope::Event {
        row: m.row,
        event: Box::new(m.event.clone()),
    };
    Ok((m, scope))
}

/// One event's record, in `lang` (audited as `record.view`).
#[server(endpoint = "record/event", input = Json)]
pub async fn event_record(event_id: PublicId, lang: Lang) -> Result<ProcessingRecord, ApiError> {
    let (m, scope) = event_scope(event_id).await?;
    Ok(processing_record::view(&m.state.store, m.actor, scope, lang).await?)
}

/// One event's record as JSON and CSV (audited as `record.export`).
#[server(endpoint = "record/event/export", input = Json)]
pub async fn event_record_export(event_id: PublicId, lang: Lang) -> Result<DataExport, ApiError> {
    let (m, scope) = event_scope(event_id).await?;
    Ok(processing_record::export(&m.state.store, m.actor, scope, lang).await?)
}

/// The record of every event the caller manages (audited as `record.view`).
#[server(endpoint = "record/instance", input = Json)]
pub async fn instance_record(lang: Lang) -> Result<ProcessingRecord, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let store = guard::state()?.store;
    Ok(processing_record::view(&store, actor, Scope::Instance, lang).await?)
}

/// The instance's record as JSON and CSV (audited as `record.export`).
#[server(endpoint = "record/instance/export", input = Json)]
pub async fn instance_record_export(lang: Lang) -> Result<DataExport, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let store = guard::state()?.store;
    Ok(processing_record::export(&store, actor, Scope::Instance, lang).await?)
}
