//! Sign-in, sign-out and "who am I".

use crate::types::{ApiError, Me};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err, SessionPrincipal};

/// Signs in with email and password. Failed attempts are limited per client address
/// and per account; both successes and failures are audited by account id only.
#[server(endpoint = "auth/login")]
pub async fn login(email: String, password: String) -> Result<Me, ApiError> {
    let st = guard::state()?;
    let session = guard::session().await?;
    let ip = guard::client_ip().await;
    let rec = crate::domain::auth::check_credentials(&st, &ip, &email, password)
        .await
        .map_err(guard::credential_err)?;
    guard::sign_in(
        &session,
        SessionPrincipal::User {
            id: rec.id,
            role: rec.role,
        },
    )
    .await?;
    let actor = crate::domain::Actor::User {
        id: rec.id,
        role: rec.role,
    };
    st.store
        .audit(actor, "auth.login", format!("user:{}", rec.id))
        .await
        .map_err(store_err)?;
    tracing::info!(user_id = rec.id, "signed in");
    Ok(Me::User {
        email: email.trim().to_lowercase(),
        role: rec.role,
    })
}

/// Signs out: the session is deleted from the database and its cookie removed.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ApiError> {
    let session = guard::session().await?;
    if let Some(SessionPrincipal::User { id, role }) = guard::principal(&session).await? {
        let st = guard::state()?;
        st.store
            .audit(
                crate::domain::Actor::User { id, role },
                "auth.logout",
                format!("user:{id}"),
            )
            .await
            .map_err(store_err)?;
    }
    session.flush().await.map_err(|_| fail(ApiError::Server))?;
    Ok(())
}

/// Who this browser is signed in as, or `None`. Never 401: pages use it to decide.
#[server(endpoint = "auth/whoami")]
pub async fn whoami() -> Result<Option<Me>, ApiError> {
    let st = guard::state()?;
    let session = guard::session().await?;
    match guard::principal(&session).await? {
        None => Ok(None),
        Some(SessionPrincipal::User { id, .. }) => {
            match st.store.own_user(id).await.map_err(store_err)? {
                Some(u) => Ok(Some(Me::User {
                    email: u.email,
                    role: u.role,
                })),
                None => {
                    // The account was removed: end the session.
                    let _ = session.flush().await;
                    Ok(None)
                }
            }
        }
        Some(SessionPrincipal::Kiosk {
            device_id,
            event_id,
        }) => match st.store.kiosk_device(device_id).await.map_err(store_err)? {
            Some(d) if d.serves(event_id) => {
                let ev = st.store.event_by_id(event_id).await.map_err(store_err)?;
                Ok(Some(Me::Kiosk {
                    event_id: ev.id,
                    event_name: ev.name,
                }))
            }
            _ => {
                let _ = session.flush().await;
                Ok(None)
            }
        },
    }
}
