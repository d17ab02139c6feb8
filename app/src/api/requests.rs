//! Removal and other data-subject requests on the organiser's side (issue 6; requirements
//! 15, 16, 17, 19), and the organiser's access export of one attendee.

use crate::types::AttendeeId;
use crate::types::PublicId;
#[cfg(feature = "ssr")]
use crate::types::RequestId;
use crate::types::{ApiError, DataExport, DecisionInput, NewRequest, RequestRow, RequestView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::requests::{self, RequestAction};
#[cfg(feature = "ssr")]
use crate::domain::{Actor, AppState};

/// The signed-in manager and a request of one of their events: 404 for anyone else's.
#[cfg(feature = "ssr")]
async fn managed_request(request_id: &PublicId) -> Result<(Actor, AppState, RequestId), ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let state = guard::state()?;
    let row = requests::managed(&state, &actor, request_id).await?;
    Ok((actor, state, row))
}

/// The request page after `action`.
#[cfg(feature = "ssr")]
async fn act(request_id: &PublicId, action: RequestAction) -> Result<RequestView, ApiError> {
    let (actor, state, row) = managed_request(request_id).await?;
    Ok(requests::act(&state, actor, row, action).await?)
}

/// The event's requests, open ones first, each with its due date.
#[server(endpoint = "requests/list", input = Json)]
pub async fn list_requests(event_id: PublicId) -> Result<Vec<RequestRow>, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(requests::list(&m.state, m.actor, m.row).await?)
}

/// Opens a request on someone's behalf. Returns the request id.
#[server(endpoint = "requests/open", input = Json)]
pub async fn open_request(event_id: PublicId, request: NewRequest) -> Result<String, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(requests::open_for_event(&m.state.store, m.actor, m.row, request).await?)
}

/// The request page (audited as a view of the person's data).
#[server(endpoint = "requests/get", input = Json)]
pub async fn get_request(request_id: PublicId) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::View).await
}

/// received → in review.
#[server(endpoint = "requests/review", input = Json)]
pub async fn review_request(request_id: PublicId) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::Review).await
}

/// Records (or changes, while the request is open) the decision on one photo. Delete and
/// blur are carried out at once; they add the photo's publications to the takedown list.
#[server(endpoint = "requests/decide", input = Json)]
pub async fn decide_photo(
    request_id: PublicId,
    decision: DecisionInput,
) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::Decide(decision)).await
}

/// Tags the person in a suggested photo, which adds it to the request.
#[server(endpoint = "requests/tag", input = Json)]
pub async fn tag_suggestion(
    request_id: PublicId,
    photo_id: PublicId,
) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::TagSuggestion(photo_id)).await
}

/// Marks a takedown done, or explains why it cannot be (note), or reopens it.
#[server(endpoint = "requests/takedown", input = Json)]
pub async fn update_takedown(
    request_id: PublicId,
    takedown_id: i64,
    done: bool,
    note: String,
) -> Result<RequestView, ApiError> {
    let id = takedown_id;
    act(&request_id, RequestAction::Takedown { id, done, note }).await
}

/// Closes the request as done: every photo decided, every takedown done or explained (and
/// for an erasure, the record erased).
#[server(endpoint = "requests/close", input = Json)]
pub async fn close_request(request_id: PublicId, note: String) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::Close { note }).await
}

/// Refuses the request with a reason (e.g. identity could not be confirmed).
#[server(endpoint = "requests/refuse", input = Json)]
pub async fn refuse_request(request_id: PublicId, reason: String) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::Refuse { reason }).await
}

/// Erases the person's record (erasure requests only, once every photo is decided): personal
/// fields, code hashes, guardian data and signatures, scan links and tags are removed;
/// consent rows keep only choice, time and notice version. Closes the request.
#[server(endpoint = "requests/erase", input = Json)]
pub async fn erase_person(request_id: PublicId) -> Result<RequestView, ApiError> {
    act(&request_id, RequestAction::Erase).await
}

/// The organiser's copy of one attendee's data, for a request by email (audited).
#[server(endpoint = "attendees/export", input = Json)]
pub async fn export_attendee(
    event_id: PublicId,
    attendee_id: AttendeeId,
) -> Result<DataExport, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::subject::export_for_event(&m.state, m.actor, m.row, attendee_id).await?)
}
