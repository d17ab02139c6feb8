//! Organiser attendee pages (issue 3, items 3, 7, 8): list and search, detail with the
//! consent history, registration on the attendee's behalf, consent changes on request,
//! badge reprints, CSV import and the event's counts. Organisers and admins only; every
//! read and change of personal data is audited by the store.

use crate::types::{
    ApiError, AttendeeDetail, AttendeeFilter, AttendeeList, Badge, ColumnMapping, ConsentInput,
    EventOverview, ImportOutcome, ImportPreview, OrganiserRegistration, Registered,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, register_err, store_err};
#[cfg(feature = "ssr")]
use crate::types::BadInput;

/// The event's attendees, filtered; at most `LIST_LIMIT` rows with the total.
#[server(endpoint = "attendees/list", input = Json)]
pub async fn list_attendees(
    event_id: String,
    filter: AttendeeFilter,
) -> Result<AttendeeList, ApiError> {
    let m = guard::managed_event(event_id).await?;
    m.state
        .store
        .list_attendees(m.actor, m.row, filter)
        .await
        .map_err(store_err)
}

/// The attendee's data and their whole consent history with the notice texts.
#[server(endpoint = "attendees/detail", input = Json)]
pub async fn get_attendee(event_id: String, attendee_id: i64) -> Result<AttendeeDetail, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let (event_row, detail) = m
        .state
        .store
        .attendee_detail(m.actor, attendee_id)
        .await
        .map_err(store_err)?;
    if event_row != m.row {
        return Err(fail(ApiError::NotFound));
    }
    Ok(detail)
}

/// Who is recording a decision, and with which notice (the event language's current one).
#[cfg(feature = "ssr")]
async fn decision(
    m: &guard::ManagedEvent,
    input: ConsentInput,
) -> Result<crate::domain::consent::Decision, ApiError> {
    use crate::domain::consent::{decode_signature, Decision, GuardianInput};
    let Some(choice) = input.choice else {
        return Err(fail(ApiError::BadInput(BadInput::ChoiceMissing)));
    };
    let crate::domain::Actor::User { id, .. } = m.actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let notice = m
        .state
        .store
        .current_notice(m.row, m.event.default_lang.clone())
        .await
        .map_err(store_err)?
        .ok_or_else(|| fail(ApiError::BadInput(BadInput::NoticeMissing)))?;
    let signature_png = decode_signature(input.signature_data_url.as_deref())
        .map_err(|b| fail(ApiError::BadInput(b)))?;
    Ok(Decision {
        choice,
        guardian: GuardianInput {
            name: input.guardian_name,
            confirmed: input.guardian_confirmed,
            signature_png,
        },
        notice_version_id: notice.id,
        channel: crate::types::Channel::Organiser,
        channel_ref: format!("user:{id}"),
    })
}

/// Registers an attendee on their behalf (channel "organiser"). Returns the badge and
/// the private code to hand over, shown once.
#[server(endpoint = "attendees/register", input = Json)]
pub async fn register_attendee(
    event_id: String,
    registration: OrganiserRegistration,
) -> Result<Registered, ApiError> {
    use crate::domain::consent::{register, Registration};
    let m = guard::managed_event(event_id).await?;
    let settings = m
        .state
        .store
        .event_settings(m.row)
        .await
        .map_err(store_err)?;
    let d = decision(&m, registration.consent).await?;
    let choice = d.choice;
    let r = Registration {
        event_id: m.row,
        fields: registration.fields,
        is_minor: registration.is_minor,
        choice,
        guardian: d.guardian,
        notice_version_id: d.notice_version_id,
        channel: d.channel,
        channel_ref: d.channel_ref,
        source: "organiser",
    };
    let issued = register(&m.state.store, m.actor.clone(), &settings.fields, r)
        .await
        .map_err(register_err)?;
    let badge = crate::domain::badges::badge_for_attendee(
        &m.state.store,
        m.actor,
        m.row,
        issued.attendee_id,
        &m.state.public_url,
    )
    .await
    .map_err(store_err)?;
    Ok(Registered {
        badge: badge.to_wire(),
        private_code_qr_svg: crate::domain::badges::qr_svg(&issued.private_code),
        private_code: issued.private_code,
    })
}

/// Records a changed photo decision at the attendee's request: a new consent row with
/// channel "organiser" and the organiser's id; earlier rows stay.
#[server(endpoint = "attendees/consent", input = Json)]
pub async fn change_consent(
    event_id: String,
    attendee_id: i64,
    consent: ConsentInput,
) -> Result<AttendeeDetail, ApiError> {
    let m = guard::managed_event(event_id.clone()).await?;
    let (event_row, _) = m
        .state
        .store
        .attendee_event_and_minor(attendee_id)
        .await
        .map_err(store_err)?;
    if event_row != m.row {
        return Err(fail(ApiError::NotFound));
    }
    let d = decision(&m, consent).await?;
    crate::domain::consent::change(&m.state.store, m.actor.clone(), attendee_id, d)
        .await
        .map_err(register_err)?;
    let (_, detail) = m
        .state
        .store
        .attendee_detail(m.actor, attendee_id)
        .await
        .map_err(store_err)?;
    Ok(detail)
}

/// The attendee's badge for reprinting (the same print view as the kiosk's).
#[server(endpoint = "attendees/badge", input = Json)]
pub async fn attendee_badge(event_id: String, attendee_id: i64) -> Result<Badge, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let b = crate::domain::badges::badge_for_attendee(
        &m.state.store,
        m.actor,
        m.row,
        attendee_id,
        &m.state.public_url,
    )
    .await
    .map_err(store_err)?;
    Ok(b.to_wire())
}

#[cfg(feature = "ssr")]
fn import_err(e: crate::domain::import::ImportError) -> ApiError {
    match e.bad_input() {
        Ok(b) => fail(ApiError::BadInput(b)),
        Err(e) => store_err(e),
    }
}

/// Reads an uploaded CSV and proposes the column mapping. Stores nothing.
#[server(endpoint = "attendees/import/preview", input = Json)]
pub async fn preview_import(event_id: String, csv: String) -> Result<ImportPreview, ApiError> {
    guard::managed_event(event_id).await?;
    crate::domain::import::preview(&csv).map_err(import_err)
}

/// Imports every line of the CSV with the chosen mapping, or none when a line is bad.
/// Returns each attendee's check-in code once.
#[server(endpoint = "attendees/import", input = Json)]
pub async fn import_attendees(
    event_id: String,
    csv: String,
    mapping: ColumnMapping,
) -> Result<ImportOutcome, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let settings = m
        .state
        .store
        .event_settings(m.row)
        .await
        .map_err(store_err)?;
    let out = crate::domain::import::import(
        &m.state.store,
        m.actor,
        m.row,
        &settings.fields,
        &csv,
        &mapping,
    )
    .await
    .map_err(import_err)?;
    tracing::info!(imported = out.imported, "attendees imported");
    Ok(out)
}

/// Registered, checked in, green, red and minors (numbers only, no personal data).
#[server(endpoint = "events/stats", input = Json)]
pub async fn get_event_stats(event_id: String) -> Result<EventOverview, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let stats = m.state.store.event_counts(m.row).await.map_err(store_err)?;
    Ok(EventOverview {
        event: m.event,
        stats,
    })
}
