//! The attendee's self-service page `/me` (issue 6; requirements 5, 8, 15, 17). The
//! private code is the only credential: it travels in POST bodies only (never a URL,
//! never a log line), every call checks it again, and wrong codes are rate-limited per
//! client address. The page keeps the code in memory only.

use crate::types::{ApiError, Consent, ConsentInput, DataExport, Field, MyData, MyRequestInput};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, register_err, store_err};
#[cfg(feature = "ssr")]
use crate::domain::{subject, Actor, AppState};
#[cfg(feature = "ssr")]
use crate::types::BadInput;

/// The attendee proven by `code`, or 400 `code_wrong` (and a strike for this address);
/// 429 once the address had too many wrong codes.
#[cfg(feature = "ssr")]
async fn subject_of(code: &str) -> Result<(AppState, i64, i64), ApiError> {
    let state = guard::state()?;
    let key = guard::client_ip().await;
    if state.code_by_ip.is_blocked(&key) {
        return Err(fail(ApiError::RateLimited));
    }
    if code.trim().is_empty() {
        return Err(fail(ApiError::BadInput(BadInput::CodeMissing)));
    }
    match subject::attendee_for_code(&state, code)
        .await
        .map_err(store_err)?
    {
        Some((attendee, event)) => Ok((state, attendee, event)),
        None => {
            state.code_by_ip.record(&key);
            Err(fail(ApiError::BadInput(BadInput::CodeWrong)))
        }
    }
}

#[cfg(feature = "ssr")]
async fn data(state: &AppState, attendee: i64) -> Result<MyData, ApiError> {
    subject::my_data(state, attendee).await.map_err(store_err)
}

/// The attendee's data for their event.
#[server(endpoint = "me/open", input = Json)]
pub async fn me_open(code: String) -> Result<MyData, ApiError> {
    let (state, attendee, _) = subject_of(&code).await?;
    data(&state, attendee).await
}

/// Everything as JSON and the tabular parts as CSV (access and portability).
#[server(endpoint = "me/export", input = Json)]
pub async fn me_export(code: String) -> Result<DataExport, ApiError> {
    let (state, attendee, _) = subject_of(&code).await?;
    subject::export(
        &state,
        Actor::DataSubject {
            attendee_id: attendee,
        },
        attendee,
    )
    .await
    .map_err(store_err)
}

/// Corrects one field (rectification). Only fields the event collects; a required one
/// cannot be emptied.
#[server(endpoint = "me/correct", input = Json)]
pub async fn me_correct(code: String, field: Field, value: String) -> Result<MyData, ApiError> {
    let (state, attendee, event) = subject_of(&code).await?;
    let settings = state.store.event_settings(event).await.map_err(store_err)?;
    if !settings.fields.get(field).enabled {
        return Err(fail(ApiError::BadInput(BadInput::FieldNotCollected)));
    }
    let mut fields = state
        .store
        .subject_fields(attendee)
        .await
        .map_err(store_err)?;
    fields.set(field, Some(value));
    let clean = crate::domain::consent::clean_fields(&settings.fields, fields)
        .map_err(|b| fail(ApiError::BadInput(b)))?;
    state
        .store
        .correct_field(
            Actor::DataSubject {
                attendee_id: attendee,
            },
            attendee,
            field,
            clean.get(field).map(String::from),
        )
        .await
        .map_err(store_err)?;
    data(&state, attendee).await
}

/// Switches consent either way (channel `self_service`). A minor's green needs the
/// guardian as at the kiosk. `lang` picks the notice version recorded.
#[server(endpoint = "me/consent", input = Json)]
pub async fn me_consent(
    code: String,
    choice: Consent,
    guardian: ConsentInput,
    lang: String,
) -> Result<MyData, ApiError> {
    use crate::domain::consent::{decode_signature, Decision, GuardianInput};
    let (state, attendee, event) = subject_of(&code).await?;
    let summary = state.store.event_by_id(event).await.map_err(store_err)?;
    let notice = match state
        .store
        .current_notice(event, lang)
        .await
        .map_err(store_err)?
    {
        Some(n) => n,
        None => state
            .store
            .current_notice(event, summary.default_lang)
            .await
            .map_err(store_err)?
            .ok_or_else(|| fail(ApiError::BadInput(BadInput::NoticeMissing)))?,
    };
    let signature_png = decode_signature(guardian.signature_data_url.as_deref())
        .map_err(|b| fail(ApiError::BadInput(b)))?;
    let d = Decision {
        choice,
        guardian: GuardianInput {
            name: guardian.guardian_name,
            confirmed: guardian.guardian_confirmed,
            signature_png,
        },
        notice_version_id: notice.id,
        channel: crate::types::Channel::SelfService,
        channel_ref: "self".into(),
    };
    crate::domain::consent::change(
        &state.store,
        Actor::DataSubject {
            attendee_id: attendee,
        },
        attendee,
        d,
    )
    .await
    .map_err(register_err)?;
    data(&state, attendee).await
}

/// Asks for photo removal, erasure, objection or restriction: opens a case.
#[server(endpoint = "me/request", input = Json)]
pub async fn me_request(code: String, request: MyRequestInput) -> Result<MyData, ApiError> {
    let (state, attendee, _) = subject_of(&code).await?;
    let message = request.message.trim().to_string();
    if message.chars().count() > crate::domain::removals::MAX_TEXT {
        return Err(fail(ApiError::BadInput(BadInput::MessageTooLong)));
    }
    // Only a removal can name photos; an erasure covers every photo.
    let photos = if request.photos.is_empty() || request.kind != crate::types::RequestKind::Removal
    {
        None
    } else {
        // Only photos the person is tagged in can be chosen.
        let mine = state
            .store
            .subject_photos(
                Actor::DataSubject {
                    attendee_id: attendee,
                },
                attendee,
            )
            .await
            .map_err(store_err)?;
        let mut ids = Vec::new();
        for p in &request.photos {
            let found = mine
                .iter()
                .find(|m| &m.public_id == p)
                .ok_or_else(|| fail(ApiError::BadInput(BadInput::PhotoUnknown)))?;
            if !ids.contains(&found.id) {
                ids.push(found.id);
            }
        }
        Some(ids)
    };
    let lang = if request.lang == "en" { "en" } else { "lv" };
    state
        .store
        .open_case(
            Actor::DataSubject {
                attendee_id: attendee,
            },
            crate::domain::store::NewCaseRow {
                attendee_id: attendee,
                kind: request.kind,
                channel: "self_service",
                identity_check: "private code".into(),
                message,
                lang: lang.into(),
                photos,
            },
        )
        .await
        .map_err(store_err)?;
    data(&state, attendee).await
}
