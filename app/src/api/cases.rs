//! Removal and other data-subject cases on the organiser's side (issue 6; requirements
//! 15, 16, 17, 19), and the organiser's access export of one attendee.

use crate::types::{ApiError, CaseRow, CaseView, DataExport, DecisionInput, NewCase};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::removals::{self, CaseAction};
#[cfg(feature = "ssr")]
use crate::domain::{Actor, AppState};

/// The signed-in manager and a case of one of their events: 404 for anyone else's.
#[cfg(feature = "ssr")]
async fn managed_case(case_id: &str) -> Result<(Actor, AppState, i64), ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let state = guard::state()?;
    let row = removals::managed(&state, &actor, case_id).await?;
    Ok((actor, state, row))
}

/// The request page after `action`.
#[cfg(feature = "ssr")]
async fn act(case_id: &str, action: CaseAction) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(case_id).await?;
    Ok(removals::act(&state, actor, row, action).await?)
}

/// The event's cases, open ones first, each with its due date.
#[server(endpoint = "cases/list", input = Json)]
pub async fn list_cases(event_id: String) -> Result<Vec<CaseRow>, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(removals::list(&m.state, m.actor, m.row).await?)
}

/// Opens a case on someone's behalf. Returns the case id.
#[server(endpoint = "cases/open", input = Json)]
pub async fn open_case(event_id: String, case: NewCase) -> Result<String, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(removals::open_for_event(&m.state.store, m.actor, m.row, case).await?)
}

/// The case page (audited as a view of the person's data).
#[server(endpoint = "cases/get", input = Json)]
pub async fn get_case(case_id: String) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::View).await
}

/// received → in review.
#[server(endpoint = "cases/review", input = Json)]
pub async fn review_case(case_id: String) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::Review).await
}

/// Records (or changes, while the case is open) the decision on one photo. Delete and
/// blur are carried out at once; they add the photo's publications to the takedown list.
#[server(endpoint = "cases/decide", input = Json)]
pub async fn decide_photo(case_id: String, decision: DecisionInput) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::Decide(decision)).await
}

/// Tags the person in a suggested photo, which adds it to the case.
#[server(endpoint = "cases/tag", input = Json)]
pub async fn tag_suggestion(case_id: String, photo_id: String) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::TagSuggestion(photo_id)).await
}

/// Marks a takedown done, or explains why it cannot be (note), or reopens it.
#[server(endpoint = "cases/takedown", input = Json)]
pub async fn update_takedown(
    case_id: String,
    takedown_id: i64,
    done: bool,
    note: String,
) -> Result<CaseView, ApiError> {
    let id = takedown_id;
    act(&case_id, CaseAction::Takedown { id, done, note }).await
}

/// Closes the case as done: every photo decided, every takedown done or explained (and
/// for an erasure, the record erased).
#[server(endpoint = "cases/close", input = Json)]
pub async fn close_case(case_id: String, note: String) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::Close { note }).await
}

/// Refuses the case with a reason (e.g. identity could not be confirmed).
#[server(endpoint = "cases/refuse", input = Json)]
pub async fn refuse_case(case_id: String, reason: String) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::Refuse { reason }).await
}

/// Erases the person's record (erasure cases only, once every photo is decided): personal
/// fields, code hashes, guardian data and signatures, scan links and tags are removed;
/// consent rows keep only choice, time and notice version. Closes the case.
#[server(endpoint = "cases/erase", input = Json)]
pub async fn erase_person(case_id: String) -> Result<CaseView, ApiError> {
    act(&case_id, CaseAction::Erase).await
}

/// The organiser's copy of one attendee's data, for a request by email (audited).
#[server(endpoint = "attendees/export", input = Json)]
pub async fn export_attendee(event_id: String, attendee_id: i64) -> Result<DataExport, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::subject::export_for_event(&m.state, m.actor, m.row, attendee_id).await?)
}
