//! Every error a server function can meet, turned into what the caller may see, in one
//! place (issue 13 point 2). Each conversion sets the HTTP status that goes with the
//! answer and logs internals (ids and SQL messages, never values), so server functions
//! use `?` and nothing else. Server only.

use crate::domain::auth::CredentialError;
use crate::domain::consent::RegisterError;
use crate::domain::import::ImportError;
use crate::domain::kiosk::UnpairError;
use crate::domain::requests::RequestError;
use crate::domain::{Conflict, StoreError};
use crate::types::{ApiError, BadInput};
use leptos::prelude::use_context;

/// Sets the HTTP status that goes with `err` and returns it.
pub fn fail(err: ApiError) -> ApiError {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(err.status());
    }
    err
}

/// A broken rule: 400 with what is wrong, for the page to word.
pub fn bad(b: BadInput) -> ApiError {
    fail(ApiError::BadInput(b))
}

/// Not found is 404, a conflict a 400 the page words; anything else is logged and 500.
impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => fail(ApiError::NotFound),
            StoreError::Conflict(c) => fail(conflict(c)),
            other => {
                tracing::error!(error = %other, "store error");
                fail(ApiError::Server)
            }
        }
    }
}

/// What the browser is told about a store conflict: a 400 it words, 403 when the caller
/// is not a signed-in user where one is needed, or 409 when the notice shown changed or
/// the event is archived (the status is [`ApiError::status`]'s).
fn conflict(c: Conflict) -> ApiError {
    let bad = match c {
        Conflict::NotAUser => return ApiError::Forbidden,
        Conflict::NoticeChanged => return ApiError::NoticeChanged,
        Conflict::NoticeUnknown => BadInput::NoticeUnknown,
        Conflict::ConsentChangesTooMany => BadInput::ConsentChangesTooMany,
        Conflict::EmailAlreadyRegistered => BadInput::EmailAlreadyRegistered,
        Conflict::NoticeWrongEvent => BadInput::NoticeWrongEvent,
        Conflict::CheckinUsed => BadInput::CheckinUsed,
        Conflict::NoConsentYet => BadInput::NoConsentYet,
        Conflict::RequestOpen => BadInput::RequestOpen,
        Conflict::RecordErased => BadInput::RecordErased,
        Conflict::RequestClosed => BadInput::RequestClosed,
        Conflict::PhotoUnknown => BadInput::PhotoUnknown,
        Conflict::PhotoDeleted => BadInput::PhotoDeleted,
        Conflict::RegionMissing => BadInput::RegionMissing,
        Conflict::NotErasure => BadInput::NotErasure,
        Conflict::EventArchived => BadInput::EventArchived,
        Conflict::LastAdmin => BadInput::LastAdmin,
        Conflict::InvitationInvalid => BadInput::InvitationInvalid,
        Conflict::NotAPhotographer => BadInput::NotAPhotographer,
        Conflict::BreachChanged => BadInput::BreachChanged,
    };
    ApiError::BadInput(bad)
}

/// A decision the domain refused (registration, consent, kiosk look-ups).
impl From<RegisterError> for ApiError {
    fn from(e: RegisterError) -> Self {
        match e {
            RegisterError::Invalid(b) => bad(b),
            RegisterError::RateLimited => fail(ApiError::RateLimited),
            RegisterError::Forbidden => fail(ApiError::Forbidden),
            RegisterError::Store(e) => e.into(),
        }
    }
}

impl From<RequestError> for ApiError {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::Invalid(b) => bad(b),
            RequestError::Store(e) => e.into(),
        }
    }
}

/// A bad file or line names what is wrong (with the line number); the store's errors as
/// above.
impl From<ImportError> for ApiError {
    fn from(e: ImportError) -> Self {
        match e.bad_input() {
            Ok(b) => bad(b),
            Err(e) => e.into(),
        }
    }
}

/// A refused email and password (sign-in, or staff confirming on a kiosk).
impl From<CredentialError> for ApiError {
    fn from(e: CredentialError) -> Self {
        match e {
            CredentialError::Missing => bad(BadInput::CredentialsMissing),
            CredentialError::EmailTooLong => bad(BadInput::EmailTooLong),
            CredentialError::RateLimited => fail(ApiError::RateLimited),
            CredentialError::Wrong => fail(ApiError::WrongCredentials),
            CredentialError::Store(e) => e.into(),
        }
    }
}

/// A refused kiosk unpairing: wrong credentials as at sign-in; a valid account that is
/// not staff of the kiosk's event is 403.
impl From<UnpairError> for ApiError {
    fn from(e: UnpairError) -> Self {
        match e {
            UnpairError::Credentials(e) => e.into(),
            UnpairError::NotStaffOfEvent => fail(ApiError::Forbidden),
            UnpairError::Store(e) => e.into(),
        }
    }
}

/// The session store failed: logged, 500.
impl From<tower_sessions::session::Error> for ApiError {
    fn from(e: tower_sessions::session::Error) -> Self {
        tracing::error!(error = %e, "session store error");
        fail(ApiError::Server)
    }
}
