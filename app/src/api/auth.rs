//! Sign-in, sign-out and "who am I".

use crate::types::{ApiError, Me};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, SessionPrincipal};

/// Signs in with email and password. Failed attempts are limited per client address
/// and per account; both successes and failures are audited by account id only.
#[server(endpoint = "auth/login")]
pub async fn login(email: String, password: String) -> Result<Me, ApiError> {
    let st = guard::state()?;
    let ip = guard::client_ip().await;
    let (who, me) = crate::domain::auth::login(&st, &ip, &email, password).await?;
    let session = guard::session().await?;
    guard::sign_in_user(&session, who).await?;
    Ok(me)
}

/// Signs out: the session is deleted from the database and its cookie removed.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ApiError> {
    let session = guard::session().await?;
    if let Some(SessionPrincipal::User { id, role, .. }) = guard::principal(&session).await? {
        let actor = crate::domain::Actor::User { id, role };
        let target = format!("user:{id}");
        guard::state()?
            .store
            .audit(actor, "auth.logout", target)
            .await?;
    }
    session.flush().await?;
    Ok(())
}

/// Who this browser is signed in as, or `None`. Never 401: pages use it to decide. A
/// session whose account is gone or whose kiosk was revoked ends here; a kiosk past its
/// last day answers `None` but keeps its session until the organiser extends it.
#[server(endpoint = "auth/whoami")]
pub async fn whoami() -> Result<Option<Me>, ApiError> {
    let session = guard::session().await?;
    let Some(principal) = guard::principal(&session).await? else {
        return Ok(None);
    };
    let who = crate::domain::auth::whoami(&guard::state()?.store, principal.actor()).await?;
    if !who.keep_session {
        let _ = session.flush().await;
    }
    Ok(who.me)
}
