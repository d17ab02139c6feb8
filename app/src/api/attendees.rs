//! Organiser attendee pages (issue 3, items 3, 7, 8): list and search, detail with the
//! consent history, registration on the attendee's behalf, consent changes on request,
//! badge reprints, CSV import and the event's counts. Organisers and admins only; every
//! read and change of personal data is audited by the store.

use crate::types::AttendeeId;
use crate::types::PublicId;
use crate::types::{
    ApiError, AttendeeDetail, AttendeeFilter, AttendeeList, Badge, ColumnMapping, ConsentInput,
    CorrectionDone, CorrectionInput, EventOverview, ImportOutcome, ImportPreview,
    OrganiserRegistration, Registered,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::{attendees, badges};

/// The event's attendees, filtered; at most `LIST_LIMIT` rows with the total.
#[server(endpoint = "attendees/list", input = Json)]
pub async fn list_attendees(
    event_id: PublicId,
    filter: AttendeeFilter,
) -> Result<AttendeeList, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(m.state.store.list_attendees(m.actor, m.row, filter).await?)
}

/// The attendee's data and their whole consent history with the notice texts.
#[server(endpoint = "attendees/detail", input = Json)]
pub async fn get_attendee(
    event_id: PublicId,
    attendee_id: AttendeeId,
) -> Result<AttendeeDetail, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(attendees::detail(&m.state.store, m.actor, m.row, attendee_id).await?)
}

/// Registers an attendee on their behalf (channel "organiser"). Returns the badge and
/// the private code to hand over, shown once.
#[server(endpoint = "attendees/register", input = Json)]
pub async fn register_attendee(
    event_id: PublicId,
    registration: OrganiserRegistration,
) -> Result<Registered, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(attendees::register_on_behalf(&m.state, m.actor, m.row, registration).await?)
}

/// Records a changed photo decision at the attendee's request: a new consent row with
/// channel "organiser" and the organiser's id; earlier rows stay.
#[server(endpoint = "attendees/consent", input = Json)]
pub async fn change_consent(
    event_id: PublicId,
    attendee_id: AttendeeId,
    consent: ConsentInput,
) -> Result<AttendeeDetail, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let store = &m.state.store;
    Ok(attendees::change_consent(store, m.actor, m.row, attendee_id, consent).await?)
}

/// Corrects one field at the person's request (email, phone or in person), with how
/// their identity was checked and why (issue 16 point 6; requirement 17). Added to the
/// attendee's history and audited; says whether the badge should be reprinted.
#[server(endpoint = "attendees/correct", input = Json)]
pub async fn correct_attendee(
    event_id: PublicId,
    attendee_id: AttendeeId,
    correction: CorrectionInput,
) -> Result<CorrectionDone, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let store = &m.state.store;
    Ok(attendees::correct_on_request(store, m.actor, m.row, attendee_id, correction).await?)
}

/// The attendee's badge for reprinting (the same print view as the kiosk's).
#[server(endpoint = "attendees/badge", input = Json)]
pub async fn attendee_badge(
    event_id: PublicId,
    attendee_id: AttendeeId,
) -> Result<Badge, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let st = &m.state;
    let b = badges::badge_for_attendee(&st.store, m.actor, m.row, attendee_id, &st.public_url);
    Ok(b.await?.to_wire())
}

/// Reads an uploaded CSV and proposes the column mapping. Stores nothing.
#[server(endpoint = "attendees/import/preview", input = Json)]
pub async fn preview_import(event_id: PublicId, csv: String) -> Result<ImportPreview, ApiError> {
    guard::managed_event(event_id).await?;
    Ok(crate::domain::import::preview(&csv)?)
}

/// Imports every line of the CSV with the chosen mapping, or none when a line is bad.
/// Returns each attendee's check-in code once.
#[server(endpoint = "attendees/import", input = Json)]
pub async fn import_attendees(
    event_id: PublicId,
    csv: String,
    mapping: ColumnMapping,
) -> Result<ImportOutcome, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(attendees::import(&m.state.store, m.actor, m.row, &csv, &mapping).await?)
}

/// Registered, checked in, green, red and minors (numbers only, no personal data).
#[server(endpoint = "events/stats", input = Json)]
pub async fn get_event_stats(event_id: PublicId) -> Result<EventOverview, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::events::overview(&m.state, m.row, m.event).await?)
}
