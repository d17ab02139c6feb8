//! The attendee's self-service page `/me` (issue 6; requirements 5, 8, 15, 17). The
//! private code is the only credential: it travels in POST bodies only (never a URL,
//! never a log line), every call checks it again, and wrong codes are rate-limited per
//! client address. The page keeps the code in memory only.

use crate::types::{
    ApiError, Consent, ConsentInput, DataExport, Field, MyData, MyRequestInput, NoticeRef,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;
#[cfg(feature = "ssr")]
use crate::domain::subject::{self, Subject, SubjectAction};
#[cfg(feature = "ssr")]
use crate::domain::AppState;

/// The attendee proven by `code`, or 400 `code_wrong` (and a strike for this address);
/// 429 once the address had too many wrong codes.
#[cfg(feature = "ssr")]
async fn subject_of(code: &str) -> Result<(AppState, Subject), ApiError> {
    let state = guard::state()?;
    let who = subject::prove(&state, &guard::client_ip().await, code).await?;
    Ok((state, who))
}

/// The attendee's page after `action`.
#[cfg(feature = "ssr")]
async fn act(code: &str, action: SubjectAction) -> Result<MyData, ApiError> {
    let (state, who) = subject_of(code).await?;
    Ok(subject::act(&state, who, action).await?)
}

/// The attendee's data for their event.
#[server(endpoint = "me/open", input = Json)]
pub async fn me_open(code: String) -> Result<MyData, ApiError> {
    act(&code, SubjectAction::Open).await
}

/// Everything as JSON and the tabular parts as CSV (access and portability).
#[server(endpoint = "me/export", input = Json)]
pub async fn me_export(code: String) -> Result<DataExport, ApiError> {
    let (state, who) = subject_of(&code).await?;
    Ok(subject::export(&state, who.actor(), who.attendee_id).await?)
}

/// Corrects one field (rectification). Only fields the event collects; a required one
/// cannot be emptied.
#[server(endpoint = "me/correct", input = Json)]
pub async fn me_correct(code: String, field: Field, value: String) -> Result<MyData, ApiError> {
    act(&code, SubjectAction::Correct { field, value }).await
}

/// Switches consent either way (channel `self_service`). A minor's green needs the
/// guardian as at the kiosk. `notice` is the version the page showed: recorded while it
/// is current, else 409 `notice_changed` (issue 14 point 4).
#[server(endpoint = "me/consent", input = Json)]
pub async fn me_consent(
    code: String,
    choice: Consent,
    guardian: ConsentInput,
    notice: Option<NoticeRef>,
) -> Result<MyData, ApiError> {
    let action = SubjectAction::Consent {
        choice,
        guardian,
        notice,
    };
    act(&code, action).await
}

/// Asks for photo removal, erasure, objection or restriction: opens a request.
#[server(endpoint = "me/request", input = Json)]
pub async fn me_request(code: String, request: MyRequestInput) -> Result<MyData, ApiError> {
    act(&code, SubjectAction::Request(request)).await
}
