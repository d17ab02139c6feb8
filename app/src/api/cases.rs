//! Removal and other data-subject cases on the organiser's side (issue 6; requirements
//! 15, 16, 17, 19), and the organiser's access export of one attendee.

use crate::types::{ApiError, CaseRow, CaseView, DataExport, DecisionInput, NewCase};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err};
#[cfg(feature = "ssr")]
use crate::domain::removals::{self, CaseError};
#[cfg(feature = "ssr")]
use crate::domain::{Actor, AppState};
#[cfg(feature = "ssr")]
use crate::types::BadInput;

/// The signed-in manager and a case of one of their events: 404 for anyone else's.
#[cfg(feature = "ssr")]
async fn managed_case(case_id: &str) -> Result<(Actor, AppState, i64), ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    if case_id.len() > 64 {
        return Err(fail(ApiError::NotFound));
    }
    let state = guard::state()?;
    let (case_row, event_row) = state
        .store
        .case_ids(case_id.to_string())
        .await
        .map_err(store_err)?;
    let event = state
        .store
        .event_by_id(event_row)
        .await
        .map_err(store_err)?;
    // The same check as every event page: 404 when the event is not theirs.
    state
        .store
        .event_for_user(id, role, event.id)
        .await
        .map_err(store_err)?;
    Ok((actor, state, case_row))
}

#[cfg(feature = "ssr")]
fn case_err(e: CaseError) -> ApiError {
    match e {
        CaseError::Invalid(b) => fail(ApiError::BadInput(b)),
        CaseError::Store(e) => store_err(e),
    }
}

#[cfg(feature = "ssr")]
async fn view(actor: Actor, state: &AppState, case_row: i64) -> Result<CaseView, ApiError> {
    let bundle = state
        .store
        .case_bundle(actor, case_row)
        .await
        .map_err(store_err)?;
    removals::view(state, bundle).await.map_err(store_err)
}

/// The event's cases, open ones first, each with its due date.
#[server(endpoint = "cases/list", input = Json)]
pub async fn list_cases(event_id: String) -> Result<Vec<CaseRow>, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let today = removals::today();
    Ok(m.state
        .store
        .event_cases(m.actor, m.row)
        .await
        .map_err(store_err)?
        .iter()
        .map(|c| removals::row(c, today))
        .collect())
}

/// Opens a case on someone's behalf. Returns the case id.
#[server(endpoint = "cases/open", input = Json)]
pub async fn open_case(event_id: String, case: NewCase) -> Result<String, ApiError> {
    use crate::types::CaseSubject;
    let m = guard::managed_event(event_id).await?;
    let identity_check = case.identity_check.trim().to_string();
    if identity_check.is_empty() {
        return Err(fail(ApiError::BadInput(BadInput::IdentityCheckMissing)));
    }
    let message = case.message.trim().to_string();
    if identity_check.chars().count() > removals::MAX_TEXT
        || message.chars().count() > removals::MAX_TEXT
    {
        return Err(fail(ApiError::BadInput(BadInput::MessageTooLong)));
    }
    let attendee_id = match case.subject {
        CaseSubject::Attendee(id) => {
            let (event, _) = m
                .state
                .store
                .attendee_event_and_minor(id)
                .await
                .map_err(store_err)?;
            if event != m.row {
                return Err(fail(ApiError::NotFound));
            }
            id
        }
        CaseSubject::Badge(text) => {
            let token = crate::types::token_from_scan(&text)
                .ok_or_else(|| fail(ApiError::BadInput(BadInput::BadgeUnknown)))?;
            match m
                .state
                .store
                .attendee_by_badge(token)
                .await
                .map_err(store_err)?
            {
                Some((attendee, event)) if event == m.row => attendee,
                _ => return Err(fail(ApiError::BadInput(BadInput::BadgeUnknown))),
            }
        }
    };
    let lang = if case.lang == "en" { "en" } else { "lv" };
    m.state
        .store
        .open_case(
            m.actor,
            crate::domain::store::NewCaseRow {
                attendee_id,
                kind: case.kind,
                channel: "organiser",
                identity_check,
                message,
                lang: lang.into(),
                photos: None,
            },
        )
        .await
        .map_err(store_err)
}

/// The case page (audited as a view of the person's data).
#[server(endpoint = "cases/get", input = Json)]
pub async fn get_case(case_id: String) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    view(actor, &state, row).await
}

/// received → in review.
#[server(endpoint = "cases/review", input = Json)]
pub async fn review_case(case_id: String) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    state
        .store
        .review_case(actor.clone(), row)
        .await
        .map_err(store_err)?;
    view(actor, &state, row).await
}

/// Records (or changes, while the case is open) the decision on one photo. Delete and
/// blur are carried out at once; they add the photo's publications to the takedown list.
#[server(endpoint = "cases/decide", input = Json)]
pub async fn decide_photo(case_id: String, decision: DecisionInput) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    removals::decide(&state, actor.clone(), row, decision)
        .await
        .map_err(case_err)?;
    view(actor, &state, row).await
}

/// Tags the person in a suggested photo, which adds it to the case.
#[server(endpoint = "cases/tag", input = Json)]
pub async fn tag_suggestion(case_id: String, photo_id: String) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    if photo_id.len() > 64 {
        return Err(fail(ApiError::NotFound));
    }
    let photo = state
        .store
        .photo_by_public_id(photo_id)
        .await
        .map_err(store_err)?;
    state
        .store
        .tag_for_case(actor.clone(), row, photo.id)
        .await
        .map_err(store_err)?;
    view(actor, &state, row).await
}

/// Marks a takedown done, or explains why it cannot be (note), or reopens it.
#[server(endpoint = "cases/takedown", input = Json)]
pub async fn update_takedown(
    case_id: String,
    takedown_id: i64,
    done: bool,
    note: String,
) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    let note = note.trim().to_string();
    if note.chars().count() > removals::MAX_TEXT {
        return Err(fail(ApiError::BadInput(BadInput::MessageTooLong)));
    }
    state
        .store
        .update_takedown(
            actor.clone(),
            row,
            takedown_id,
            done,
            if done { String::new() } else { note },
        )
        .await
        .map_err(store_err)?;
    view(actor, &state, row).await
}

/// Closes the case as done: every photo decided, every takedown done or explained (and
/// for an erasure, the record erased).
#[server(endpoint = "cases/close", input = Json)]
pub async fn close_case(case_id: String, note: String) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    removals::close(&state, actor.clone(), row, &note)
        .await
        .map_err(case_err)?;
    view(actor, &state, row).await
}

/// Refuses the case with a reason (e.g. identity could not be confirmed).
#[server(endpoint = "cases/refuse", input = Json)]
pub async fn refuse_case(case_id: String, reason: String) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    removals::refuse(&state, actor.clone(), row, &reason)
        .await
        .map_err(case_err)?;
    view(actor, &state, row).await
}

/// Erases the person's record (erasure cases only, once every photo is decided): personal
/// fields, code hashes, guardian data and signatures, scan links and tags are removed;
/// consent rows keep only choice, time and notice version. Closes the case.
#[server(endpoint = "cases/erase", input = Json)]
pub async fn erase_person(case_id: String) -> Result<CaseView, ApiError> {
    let (actor, state, row) = managed_case(&case_id).await?;
    removals::erase(&state, actor.clone(), row)
        .await
        .map_err(case_err)?;
    view(actor, &state, row).await
}

/// The organiser's copy of one attendee's data, for a request by email (audited).
#[server(endpoint = "attendees/export", input = Json)]
pub async fn export_attendee(event_id: String, attendee_id: i64) -> Result<DataExport, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let (event, _) = m
        .state
        .store
        .attendee_event_and_minor(attendee_id)
        .await
        .map_err(store_err)?;
    if event != m.row {
        return Err(fail(ApiError::NotFound));
    }
    crate::domain::subject::export(&m.state, m.actor, attendee_id)
        .await
        .map_err(store_err)
}
