//! Removal and other data-subject cases on the organiser's side (issue 6; requirements
//! 15, 16, 17, 19), and the organiser's access export of one attendee.

use crate::types::{ApiError, CaseRow, CaseView, DataExport, DecisionInput, NewCase};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The event's cases, open ones first, each with its due date.
#[server(endpoint = "cases/list", input = Json)]
pub async fn list_cases(event_id: String) -> Result<Vec<CaseRow>, ApiError> {
    let _ = event_id;
    Err(ApiError::Server)
}

/// Opens a case on someone's behalf. Returns the case id.
#[server(endpoint = "cases/open", input = Json)]
pub async fn open_case(event_id: String, case: NewCase) -> Result<String, ApiError> {
    let _ = (event_id, case);
    Err(ApiError::Server)
}

/// The case page (audited as a view of the person's data).
#[server(endpoint = "cases/get", input = Json)]
pub async fn get_case(case_id: String) -> Result<CaseView, ApiError> {
    let _ = case_id;
    Err(ApiError::Server)
}

/// received → in review.
#[server(endpoint = "cases/review", input = Json)]
pub async fn review_case(case_id: String) -> Result<CaseView, ApiError> {
    let _ = case_id;
    Err(ApiError::Server)
}

/// Records (or changes, while the case is open) the decision on one photo. Delete and
/// blur are carried out at once; they add the photo's publications to the takedown list.
#[server(endpoint = "cases/decide", input = Json)]
pub async fn decide_photo(case_id: String, decision: DecisionInput) -> Result<CaseView, ApiError> {
    let _ = (case_id, decision);
    Err(ApiError::Server)
}

/// Tags the person in a suggested photo, which adds it to the case.
#[server(endpoint = "cases/tag", input = Json)]
pub async fn tag_suggestion(case_id: String, photo_id: String) -> Result<CaseView, ApiError> {
    let _ = (case_id, photo_id);
    Err(ApiError::Server)
}

/// Marks a takedown done, or explains why it cannot be (note), or reopens it.
#[server(endpoint = "cases/takedown", input = Json)]
pub async fn update_takedown(
    case_id: String,
    takedown_id: i64,
    done: bool,
    note: String,
) -> Result<CaseView, ApiError> {
    let _ = (case_id, takedown_id, done, note);
    Err(ApiError::Server)
}

/// Closes the case as done: every photo decided, every takedown done or explained (and
/// for an erasure, the record erased).
#[server(endpoint = "cases/close", input = Json)]
pub async fn close_case(case_id: String, note: String) -> Result<CaseView, ApiError> {
    let _ = (case_id, note);
    Err(ApiError::Server)
}

/// Refuses the case with a reason (e.g. identity could not be confirmed).
#[server(endpoint = "cases/refuse", input = Json)]
pub async fn refuse_case(case_id: String, reason: String) -> Result<CaseView, ApiError> {
    let _ = (case_id, reason);
    Err(ApiError::Server)
}

/// Erases the person's record (erasure cases only, once every photo is decided): personal
/// fields, code hashes, guardian data and signatures, scan links and tags are removed;
/// consent rows keep only choice, time and notice version. Closes the case.
#[server(endpoint = "cases/erase", input = Json)]
pub async fn erase_person(case_id: String) -> Result<CaseView, ApiError> {
    let _ = case_id;
    Err(ApiError::Server)
}

/// The organiser's copy of one attendee's data, for a request by email (audited).
#[server(endpoint = "attendees/export", input = Json)]
pub async fn export_attendee(event_id: String, attendee_id: i64) -> Result<DataExport, ApiError> {
    let _ = (event_id, attendee_id);
    Err(ApiError::Server)
}
