//! Sign-in, sign-out and "who am I".

use crate::types::{ApiError, Me};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err, SessionPrincipal};

/// Signs in with email and password. Failed attempts are limited per client address
/// and per account; both successes and failures are audited by account id only.
#[server(endpoint = "auth/login")]
pub async fn login(email: String, password: String) -> Result<Me, ApiError> {
    use crate::domain::auth::{dummy_hash, verify_password};
    use crate::domain::Actor;

    let st = guard::state()?;
    let session = guard::session().await?;
    let email = email.trim().to_lowercase();
    if email.is_empty() || password.is_empty() {
        return Err(fail(ApiError::BadInput("credentials_missing".into())));
    }
    let ip_key = format!("ip:{}", guard::client_ip().await);
    let account_key = format!("account:{email}");
    if st.login_by_ip.is_blocked(&ip_key) || st.login_by_account.is_blocked(&account_key) {
        return Err(fail(ApiError::RateLimited));
    }
    let record = st
        .store
        .login_record(email.clone())
        .await
        .map_err(store_err)?;
    let hash = record.as_ref().map(|r| r.password_hash.clone());
    // Argon2 is deliberately slow, the dummy hash included: keep it off the async runtime.
    let ok = tokio::task::spawn_blocking(move || {
        verify_password(&password, hash.as_deref().unwrap_or_else(|| dummy_hash()))
    })
    .await
    .unwrap_or(false);
    match record {
        Some(rec) if ok => {
            st.login_by_account.clear(&account_key);
            guard::sign_in(
                &session,
                SessionPrincipal::User {
                    id: rec.id,
                    role: rec.role,
                },
            )
            .await?;
            let actor = Actor::User {
                id: rec.id,
                role: rec.role,
            };
            st.store
                .audit(actor, "auth.login", format!("user:{}", rec.id))
                .await
                .map_err(store_err)?;
            tracing::info!(user_id = rec.id, "signed in");
            Ok(Me::User {
                email,
                role: rec.role,
            })
        }
        other => {
            st.login_by_ip.record(&ip_key);
            st.login_by_account.record(&account_key);
            let subject = other
                .map(|r| format!("user:{}", r.id))
                .unwrap_or_else(|| "unknown_account".into());
            st.store
                .audit(Actor::Anonymous, "auth.login_failed", subject)
                .await
                .map_err(store_err)?;
            Err(fail(ApiError::WrongCredentials))
        }
    }
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
