//! Who is calling, and what they may do (requirement 22). Server only.

use crate::domain::{Actor, AppState, Conflict, StoreError};
use crate::types::{ApiError, BadInput, Role};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// Session key under which the principal is stored.
pub const PRINCIPAL_KEY: &str = "principal";

/// What a session proves: a signed-in user or a paired kiosk tablet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionPrincipal {
    User { id: i64, role: Role },
    Kiosk { device_id: i64, event_id: i64 },
}

/// Sets the HTTP status that goes with `err` and returns it.
pub fn fail(err: ApiError) -> ApiError {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(err.status());
    }
    err
}

pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>().ok_or_else(|| fail(ApiError::Server))
}

pub async fn session() -> Result<Session, ApiError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|_| fail(ApiError::Server))
}

/// The client's address, for rate limiting. Never logged or stored.
pub async fn client_ip() -> String {
    match leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>().await {
        Ok(axum::extract::ConnectInfo(addr)) => addr.ip().to_string(),
        Err(_) => "unknown".into(),
    }
}

/// Starts a fresh session for `who`: a new session id (no fixation), then the principal.
pub async fn sign_in(session: &Session, who: SessionPrincipal) -> Result<(), ApiError> {
    session
        .cycle_id()
        .await
        .map_err(|_| fail(ApiError::Server))?;
    session
        .insert(PRINCIPAL_KEY, who)
        .await
        .map_err(|_| fail(ApiError::Server))
}

pub async fn principal(session: &Session) -> Result<Option<SessionPrincipal>, ApiError> {
    session
        .get::<SessionPrincipal>(PRINCIPAL_KEY)
        .await
        .map_err(|_| fail(ApiError::Server))
}

/// A signed-in user whose role is in `roles`: 401 without a session, 403 otherwise.
pub async fn require_user(roles: &[Role]) -> Result<Actor, ApiError> {
    let session = session().await?;
    match principal(&session).await? {
        None => Err(fail(ApiError::Unauthorized)),
        Some(SessionPrincipal::User { id, role }) if roles.contains(&role) => {
            Ok(Actor::User { id, role })
        }
        Some(_) => Err(fail(ApiError::Forbidden)),
    }
}

pub const MANAGERS: &[Role] = &[Role::Admin, Role::Organiser];

/// A signed-in organiser or admin acting on one of their events.
pub struct ManagedEvent {
    pub actor: Actor,
    pub state: AppState,
    /// The event's row id.
    pub row: i64,
    pub event: crate::types::EventSummary,
}

/// 401/403 as `require_user`; 404 when the event is not the organiser's.
pub async fn managed_event(public_id: String) -> Result<ManagedEvent, ApiError> {
    let actor = require_user(MANAGERS).await?;
    let Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let state = state()?;
    let (row, event) = state
        .store
        .event_for_user(id, role, public_id)
        .await
        .map_err(store_err)?;
    Ok(ManagedEvent {
        actor,
        state,
        row,
        event,
    })
}

/// A paired, not revoked kiosk: 401 without a session, 403 for a user session.
pub async fn require_kiosk() -> Result<Actor, ApiError> {
    let session = session().await?;
    match principal(&session).await? {
        None => Err(fail(ApiError::Unauthorized)),
        Some(SessionPrincipal::Kiosk {
            device_id,
            event_id,
        }) => {
            let device = state()?
                .store
                .kiosk_device(device_id)
                .await
                .map_err(store_err)?;
            match device {
                Some(d) if d.serves(event_id) => Ok(Actor::Kiosk {
                    device_id,
                    event_id,
                }),
                _ => {
                    let _ = session.flush().await;
                    Err(fail(ApiError::Unauthorized))
                }
            }
        }
        Some(SessionPrincipal::User { .. }) => Err(fail(ApiError::Forbidden)),
    }
}

/// Maps a store error to what the caller may see. Details go to the log (they carry
/// ids and SQL messages, never values).
pub fn store_err(e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound => fail(ApiError::NotFound),
        StoreError::Conflict(c) => fail(conflict_err(c)),
        other => {
            tracing::error!(error = %other, "store error");
            fail(ApiError::Server)
        }
    }
}

/// What the browser is told about a store conflict: a 400 it words, or 403 when the
/// caller is not a signed-in user where one is needed.
fn conflict_err(c: Conflict) -> ApiError {
    let bad = match c {
        Conflict::NotAUser => return ApiError::Forbidden,
        Conflict::EmailAlreadyRegistered => BadInput::EmailAlreadyRegistered,
        Conflict::NoticeWrongEvent => BadInput::NoticeWrongEvent,
        Conflict::CheckinUsed => BadInput::CheckinUsed,
        Conflict::NoConsentYet => BadInput::NoConsentYet,
        Conflict::RequestOpen => BadInput::RequestOpen,
        Conflict::RecordErased => BadInput::RecordErased,
        Conflict::CaseClosed => BadInput::CaseClosed,
        Conflict::PhotoUnknown => BadInput::PhotoUnknown,
        Conflict::PhotoDeleted => BadInput::PhotoDeleted,
        Conflict::RegionMissing => BadInput::RegionMissing,
        Conflict::NotErasure => BadInput::NotErasure,
    };
    ApiError::BadInput(bad)
}

/// Maps a registration or consent error: a broken rule is 400 with what is wrong.
pub fn register_err(e: crate::domain::consent::RegisterError) -> ApiError {
    match e {
        crate::domain::consent::RegisterError::Invalid(b) => fail(ApiError::BadInput(b)),
        crate::domain::consent::RegisterError::Store(e) => store_err(e),
    }
}

/// Maps a refused email and password (sign-in, or staff confirming on a kiosk).
pub fn credential_err(e: crate::domain::auth::CredentialError) -> ApiError {
    use crate::domain::auth::CredentialError as E;
    match e {
        E::Missing => fail(ApiError::BadInput(BadInput::CredentialsMissing)),
        E::RateLimited => fail(ApiError::RateLimited),
        E::Wrong => fail(ApiError::WrongCredentials),
        E::Store(e) => store_err(e),
    }
}

/// Maps a refused kiosk unpairing: wrong credentials as at sign-in, a valid account that
/// is not staff of the kiosk's event is 403.
pub fn unpair_err(e: crate::domain::kiosk::UnpairError) -> ApiError {
    use crate::domain::kiosk::UnpairError as E;
    match e {
        E::Credentials(e) => credential_err(e),
        E::NotStaffOfEvent => fail(ApiError::Forbidden),
        E::Store(e) => store_err(e),
    }
}
