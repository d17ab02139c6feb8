//! Who is calling, and what they may do (requirement 22). Server only.

use crate::domain::{Actor, AppState};
use crate::types::{ApiError, Role};
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

pub use super::error::fail;

impl SessionPrincipal {
    /// Who acts for this session in the store and the audit log.
    pub fn actor(&self) -> Actor {
        match *self {
            SessionPrincipal::User { id, role } => Actor::User { id, role },
            SessionPrincipal::Kiosk {
                device_id,
                event_id,
            } => Actor::Kiosk {
                device_id,
                event_id,
            },
        }
    }
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
    session.cycle_id().await?;
    session
        .insert(PRINCIPAL_KEY, who)
        .await
        .map_err(ApiError::from)
}

pub async fn principal(session: &Session) -> Result<Option<SessionPrincipal>, ApiError> {
    session
        .get::<SessionPrincipal>(PRINCIPAL_KEY)
        .await
        .map_err(ApiError::from)
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
    let (row, event) = state.store.event_for_user(id, role, public_id).await?;
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
            let device = state()?.store.kiosk_device(device_id).await?;
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
