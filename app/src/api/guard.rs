//! Who is calling, and what they may do (requirement 22). Server only.

use crate::domain::{Actor, AppState};
use crate::types::EventId;
use crate::types::PublicId;
use crate::types::{ApiError, Role};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// Session key under which the principal is stored.
pub use crate::domain::store::sessions::PRINCIPAL_KEY;

/// What a session proves: a signed-in user or a paired kiosk tablet. A user's session
/// carries the account's session epoch at sign-in; the session store lets it load only
/// while the account is enabled and still has that epoch (issue 16), so this one check
/// covers every server function, plain route and page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionPrincipal {
    User {
        id: i64,
        role: Role,
        #[serde(default)]
        epoch: i64,
    },
    Kiosk {
        device_id: i64,
        event_id: EventId,
    },
}

pub use super::error::fail;

/// How long a user's session lasts without a request: 12 hours (requirement 22).
pub const USER_IDLE: time::Duration = time::Duration::hours(12);

/// How long a paired tablet's session lasts without a request: a year.
pub const KIOSK_IDLE: time::Duration = time::Duration::days(365);

impl SessionPrincipal {
    /// How long this session lasts without a request; activity renews it ([`renew`]).
    pub fn idle_lifetime(&self) -> time::Duration {
        match self {
            SessionPrincipal::User { .. } => USER_IDLE,
            SessionPrincipal::Kiosk { .. } => KIOSK_IDLE,
        }
    }

    /// Who acts for this session in the store and the audit log.
    pub fn actor(&self) -> Actor {
        match *self {
            SessionPrincipal::User { id, role, .. } => Actor::User { id, role },
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

/// The client's rate-limit key ([`AppState::client_key`]: the peer, or behind a trusted
/// proxy the forwarded client; IPv6 by /64). Never logged or stored.
pub async fn client_ip() -> String {
    let peer = leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>().await;
    let headers = leptos_axum::extract::<http::HeaderMap>().await;
    match (state(), peer, headers) {
        (Ok(st), Ok(axum::extract::ConnectInfo(addr)), Ok(headers)) => {
            st.client_key(addr.ip(), &headers)
        }
        _ => "unknown".into(),
    }
}

/// Starts a fresh session for `who` (issue 18 point 5): a new session id (no fixation;
/// the old row is deleted), none of the old session's values (a tablet's principal, its
/// year-long lifetime, anything else), then the principal and its idle lifetime.
pub async fn sign_in(session: &Session, who: SessionPrincipal) -> Result<(), ApiError> {
    let now = state()?.now.now();
    session.cycle_id().await?;
    session.clear().await;
    session
        .insert(PRINCIPAL_KEY, &who)
        .await
        .map_err(ApiError::from)?;
    extend(session, &who, now).await.map_err(ApiError::from)
}

/// Session key: when (unix seconds, the server's clock) the session's expiry was last
/// moved on.
pub const RENEWED_KEY: &str = "renewed";

/// Activity moves a session's expiry on at most this often: each renewal is a write and
/// a new cookie, so not every request makes one.
pub const RENEW_EVERY: time::Duration = time::Duration::minutes(5);

/// Gives `session` the full idle lifetime of `who` from `now`.
async fn extend(
    session: &Session,
    who: &SessionPrincipal,
    now: time::OffsetDateTime,
) -> Result<(), tower_sessions::session::Error> {
    session.set_expiry(Some(tower_sessions::Expiry::AtDateTime(
        now + who.idle_lifetime(),
    )));
    session.insert(RENEWED_KEY, now.unix_timestamp()).await
}

/// Activity renews a session (issue 18 point 5; the README's "12 hours of inactivity"):
/// called after each request, it moves the expiry of a signed-in session to `now` plus
/// its idle lifetime ([`SessionPrincipal::idle_lifetime`]) when the last renewal is
/// [`RENEW_EVERY`] old, and whenever the request changed the session, so that a save
/// never shortens a tablet's year to the layer's default. The session layer then saves
/// it and sends the cookie again with the new lifetime. A session without a principal,
/// or one the store refused, is left alone.
pub async fn renew(session: &Session, now: time::OffsetDateTime) -> Result<(), AuthRefusal> {
    let Some(who) = principal_of(session).await? else {
        return Ok(());
    };
    let last = session.get::<i64>(RENEWED_KEY).await.unwrap_or(None);
    let now_s = now.unix_timestamp();
    let due = session.is_modified()
        || last.is_none_or(|t| t > now_s || now_s - t >= RENEW_EVERY.whole_seconds());
    if due {
        extend(session, &who, now).await.map_err(|e| {
            tracing::error!(error = %e, "session renewal failed");
            AuthRefusal::Server
        })?;
    }
    Ok(())
}

/// Starts a fresh session for a user who just proved who they are, under their
/// account's current session epoch.
pub async fn sign_in_user(
    session: &Session,
    who: crate::domain::auth::SignedIn,
) -> Result<(), ApiError> {
    sign_in(
        session,
        SessionPrincipal::User {
            id: who.id,
            role: who.role,
            epoch: who.epoch,
        },
    )
    .await
}

/// The principal a session holds, for server functions ([`principal_of`]).
pub async fn principal(session: &Session) -> Result<Option<SessionPrincipal>, ApiError> {
    Ok(principal_of(session).await?)
}

/// Why a caller was refused before any work: no session (401), the wrong principal or
/// role (403), or the session store failed (500).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthRefusal {
    Unauthorized,
    Forbidden,
    Server,
}

impl AuthRefusal {
    fn status(self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AuthRefusal::Unauthorized => StatusCode::UNAUTHORIZED,
            AuthRefusal::Forbidden => StatusCode::FORBIDDEN,
            AuthRefusal::Server => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Server functions get the refusal as an [`ApiError`] with its status set.
impl From<AuthRefusal> for ApiError {
    fn from(r: AuthRefusal) -> Self {
        fail(match r {
            AuthRefusal::Unauthorized => ApiError::Unauthorized,
            AuthRefusal::Forbidden => ApiError::Forbidden,
            AuthRefusal::Server => ApiError::Server,
        })
    }
}

/// Plain axum routes (`/media/*`, `/api/v1/*`, the badge PNG) answer a refusal in the
/// shape every error has: `{"error": code, "message": sentence}`.
impl axum::response::IntoResponse for AuthRefusal {
    fn into_response(self) -> axum::response::Response {
        let (code, message) = match self {
            AuthRefusal::Unauthorized => ("unauthorized", "Sign in first."),
            AuthRefusal::Forbidden => ("forbidden", "This account or device may not do this."),
            AuthRefusal::Server => ("server", "Something went wrong on the server. Try again."),
        };
        let body = serde_json::json!({ "error": code, "message": message });
        let mut res = (self.status(), axum::Json(body)).into_response();
        res.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        res
    }
}

/// The one decision of who may pass (requirement 22): a signed-in user whose role is in
/// `roles`. Used by [`require_user`], the [`User`] extractor and the page guard.
pub fn authorize(p: Option<SessionPrincipal>, roles: &[Role]) -> Result<Actor, AuthRefusal> {
    match p {
        None => Err(AuthRefusal::Unauthorized),
        Some(SessionPrincipal::User { id, role, .. }) if roles.contains(&role) => {
            Ok(Actor::User { id, role })
        }
        Some(_) => Err(AuthRefusal::Forbidden),
    }
}

/// The principal a session holds; a failing session store is a refusal, logged.
pub async fn principal_of(session: &Session) -> Result<Option<SessionPrincipal>, AuthRefusal> {
    session
        .get::<SessionPrincipal>(PRINCIPAL_KEY)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "session read failed");
            AuthRefusal::Server
        })
}

/// A signed-in user whose role is in `roles`: 401 without a session, 403 otherwise.
pub async fn require_user(roles: &[Role]) -> Result<Actor, ApiError> {
    let session = session().await?;
    Ok(authorize(principal_of(&session).await?, roles)?)
}

/// Which roles an extractor lets through.
pub trait Roles: Send + Sync + 'static {
    const ROLES: &'static [Role];
}

/// Organisers and admins: the dashboard, attendees, requests, exports.
pub struct Managers;
impl Roles for Managers {
    const ROLES: &'static [Role] = MANAGERS;
}

/// Every signed-in account: photographers, organisers, admins (scanning, photos).
pub struct AnyUser;
impl Roles for AnyUser {
    const ROLES: &'static [Role] = &[Role::Admin, Role::Organiser, Role::Photographer];
}

/// The signed-in user of a plain axum route, allowed by `R` ([`authorize`]); the route
/// is refused with 401/403 in the shared error shape otherwise.
pub struct User<R: Roles> {
    pub id: i64,
    pub role: Role,
    _roles: std::marker::PhantomData<R>,
}

impl<R: Roles> User<R> {
    pub fn actor(&self) -> Actor {
        Actor::User {
            id: self.id,
            role: self.role,
        }
    }
}

impl<S: Send + Sync, R: Roles> axum::extract::FromRequestParts<S> for User<R> {
    type Rejection = AuthRefusal;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| AuthRefusal::Server)?;
        match authorize(principal_of(&session).await?, R::ROLES)? {
            Actor::User { id, role } => Ok(User {
                id,
                role,
                _roles: std::marker::PhantomData,
            }),
            _ => Err(AuthRefusal::Forbidden),
        }
    }
}

pub const MANAGERS: &[Role] = &[Role::Admin, Role::Organiser];

/// Admins only: the accounts page (issue 16).
pub struct Admins;
impl Roles for Admins {
    const ROLES: &'static [Role] = &[Role::Admin];
}

/// A signed-in organiser or admin acting on one of their events.
pub struct ManagedEvent {
    pub actor: Actor,
    pub state: AppState,
    /// The event's row id.
    pub row: EventId,
    pub event: crate::types::EventSummary,
}

/// 401/403 as `require_user`; 404 when the event is not the organiser's.
pub async fn managed_event(public_id: PublicId) -> Result<ManagedEvent, ApiError> {
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
                // Past its last day: refused, but the session stays for an extension.
                Some(d) if d.may_come_back(event_id) => Err(fail(ApiError::Unauthorized)),
                _ => {
                    let _ = session.flush().await;
                    Err(fail(ApiError::Unauthorized))
                }
            }
        }
        Some(SessionPrincipal::User { .. }) => Err(fail(ApiError::Forbidden)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The session store reads the user and epoch out of the stored principal
    /// (`store::sessions::session_user`): the two must agree on its shape.
    #[test]
    fn the_session_store_reads_the_principal_the_guard_writes() {
        let mut data = std::collections::HashMap::new();
        let p = SessionPrincipal::User {
            id: 7,
            role: Role::Photographer,
            epoch: 3,
        };
        data.insert(PRINCIPAL_KEY.to_string(), serde_json::to_value(&p).unwrap());
        let record = tower_sessions::session::Record {
            id: Default::default(),
            data,
            expiry_date: time::OffsetDateTime::now_utc(),
        };
        assert_eq!(
            crate::domain::store::sessions::session_user(&record),
            Some((7, 3))
        );
        let kiosk = SessionPrincipal::Kiosk {
            device_id: 1,
            event_id: EventId::from(2),
        };
        let mut data = std::collections::HashMap::new();
        data.insert(
            PRINCIPAL_KEY.to_string(),
            serde_json::to_value(&kiosk).unwrap(),
        );
        let record = tower_sessions::session::Record { data, ..record };
        assert_eq!(crate::domain::store::sessions::session_user(&record), None);
        // A session from before V13 (no epoch) is epoch 0.
        let old: SessionPrincipal =
            serde_json::from_str(r#"{"kind":"user","id":1,"role":"admin"}"#).unwrap();
        assert_eq!(
            old,
            SessionPrincipal::User {
                id: 1,
                role: Role::Admin,
                epoch: 0
            }
        );
    }
}
