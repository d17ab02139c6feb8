//! What an organiser does on a request's page, as one call each (issue 13): find the
//! request among their events, act on it, and get the page back freshly read.

use super::{check_text, RequestError};
use crate::domain::store::{Actor, StoreError};
use crate::domain::AppState;
use crate::types::{DecisionInput, PublicId, RequestRow, RequestView};
use crate::types::{EventId, RequestId};

/// One thing an organiser does to a request.
pub enum RequestAction {
    /// Look at it (audited as a view of the person's data).
    View,
    /// received → in review.
    Review,
    /// Decide (or change, while open) one photo; delete and blur are carried out at once.
    Decide(DecisionInput),
    /// Tag the person in a suggested photo (by its public id), adding it to the request.
    TagSuggestion(PublicId),
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
pub async fn managed(
    state: &AppState,
    actor: &Actor,
    request_id: &PublicId,
) -> Result<RequestId, StoreError> {
    let Actor::User { id, role } = *actor else {
        return Err(StoreError::NotFound);
    };
    let (request_row, event_row) = state.store.request_ids(request_id.clone()).await?;
    let event = state.store.event_by_id(event_row).await?;
    // The same check as every event page: 404 when the event is not theirs.
    state.store.event_for_user(id, role, event.id).await?;
    Ok(request_row)
}

/// Carries out `action` on the request and returns its page.
pub async fn act(
    state: &AppState,
    actor: Actor,
    request_row: RequestId,
    action: RequestAction,
) -> Result<RequestView, RequestError> {
    let store = &state.store;
    let a = actor.clone();
    match action {
        RequestAction::View => {}
        RequestAction::Review => store.review_request(a, request_row).await?,
        RequestAction::Decide(d) => super::decide(state, a, request_row, d).await?,
        RequestAction::TagSuggestion(photo_id) => {
            let photo = store.photo_by_public_id(photo_id).await?;
            store.tag_for_request(a, request_row, photo.id).await?
        }
        RequestAction::Takedown { id, done, note } => {
            let note = check_text(&note)?;
            let note = if done { String::new() } else { note };
            store
                .update_takedown(a, request_row, id, done, note)
                .await?
        }
        RequestAction::Close { note } => super::close(state, a, request_row, &note).await?,
        RequestAction::Refuse { reason } => super::refuse(state, a, request_row, &reason).await?,
        RequestAction::Erase => super::erase(state, a, request_row).await?,
    }
    let bundle = store.request_bundle(actor, request_row).await?;
    Ok(super::view(state, bundle).await?)
}

/// The event's requests, open ones first, each with its due date.
pub async fn list(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
) -> Result<Vec<RequestRow>, StoreError> {
    let today = super::today();
    let requests = state.store.event_requests(actor, event_id).await?;
    Ok(requests.iter().map(|c| super::row(c, today)).collect())
}
