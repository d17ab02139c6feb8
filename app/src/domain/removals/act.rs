//! What an organiser does on a request's page, as one call each (issue 13): find the
//! request among their events, act on it, and get the page back freshly read.

use super::{check_text, CaseError};
use crate::domain::store::{Actor, StoreError};
use crate::domain::AppState;
use crate::types::{CaseRow, CaseView, DecisionInput, PublicId};

/// One thing an organiser does to a request.
pub enum CaseAction {
    /// Look at it (audited as a view of the person's data).
    View,
    /// received → in review.
    Review,
    /// Decide (or change, while open) one photo; delete and blur are carried out at once.
    Decide(DecisionInput),
    /// Tag the person in a suggested photo (by its public id), adding it to the request.
    TagSuggestion(String),
    /// Mark a takedown done, or explain why it cannot be (note), or reopen it.
    Takedown {
        id: i64,
        done: bool,
        note: String,
    },
    Close {
        note: String,
    },
    Refuse {
        reason: String,
    },
    /// Erase the person (erasure requests only); closes the request.
    Erase,
}

/// The row id of a request of one of the user's events: 404 for anyone else's, and for
/// an id that cannot be one.
pub async fn managed(state: &AppState, actor: &Actor, case_id: &str) -> Result<i64, StoreError> {
    let Actor::User { id, role } = *actor else {
        return Err(StoreError::NotFound);
    };
    let case_id = PublicId::parse(case_id).ok_or(StoreError::NotFound)?;
    let (case_row, event_row) = state.store.case_ids(case_id.into_string()).await?;
    let event = state.store.event_by_id(event_row).await?;
    // The same check as every event page: 404 when the event is not theirs.
    state.store.event_for_user(id, role, event.id).await?;
    Ok(case_row)
}

/// Carries out `action` on the request and returns its page.
pub async fn act(
    state: &AppState,
    actor: Actor,
    case_row: i64,
    action: CaseAction,
) -> Result<CaseView, CaseError> {
    let store = &state.store;
    let a = actor.clone();
    match action {
        CaseAction::View => {}
        CaseAction::Review => store.review_case(a, case_row).await?,
        CaseAction::Decide(d) => super::decide(state, a, case_row, d).await?,
        CaseAction::TagSuggestion(photo_id) => {
            let photo_id = PublicId::parse(&photo_id).ok_or(StoreError::NotFound)?;
            let photo = store.photo_by_public_id(photo_id.into_string()).await?;
            store.tag_for_case(a, case_row, photo.id).await?
        }
        CaseAction::Takedown { id, done, note } => {
            let note = check_text(&note)?;
            let note = if done { String::new() } else { note };
            store.update_takedown(a, case_row, id, done, note).await?
        }
        CaseAction::Close { note } => super::close(state, a, case_row, &note).await?,
        CaseAction::Refuse { reason } => super::refuse(state, a, case_row, &reason).await?,
        CaseAction::Erase => super::erase(state, a, case_row).await?,
    }
    let bundle = store.case_bundle(actor, case_row).await?;
    Ok(super::view(state, bundle).await?)
}

/// The event's requests, open ones first, each with its due date.
pub async fn list(
    state: &AppState,
    actor: Actor,
    event_id: i64,
) -> Result<Vec<CaseRow>, StoreError> {
    let today = super::today();
    let cases = state.store.event_cases(actor, event_id).await?;
    Ok(cases.iter().map(|c| super::row(c, today)).collect())
}
