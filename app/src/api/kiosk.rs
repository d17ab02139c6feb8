//! Pairing kiosk tablets with events.

use crate::types::{ApiError, Me, PairingCode};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err, SessionPrincipal, MANAGERS, PRINCIPAL_KEY};

/// An organiser makes a one-time pairing code for one of their events.
#[server(endpoint = "kiosk/pairing-code")]
pub async fn create_pairing_code(event_id: String) -> Result<PairingCode, ApiError> {
    let actor = guard::require_user(MANAGERS).await?;
    let crate::domain::Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let st = guard::state()?;
    let (event_row, event) = st
        .store
        .event_for_user(id, role, event_id)
        .await
        .map_err(store_err)?;
    let code = crate::domain::kiosk::new_pairing_code(&st.store, actor, event_row)
        .await
        .map_err(store_err)?;
    Ok(PairingCode {
        code,
        event_name: event.name,
        expires_in_secs: crate::domain::kiosk::PAIRING_TTL_SECS,
    })
}

/// A tablet redeems a pairing code and becomes a kiosk for that event: a long-lived
/// session that may only register attendees for that event. Wrong codes are limited
/// per client address.
#[server(endpoint = "kiosk/pair")]
pub async fn pair_kiosk(code: String) -> Result<Me, ApiError> {
    let st = guard::state()?;
    let ip_key = format!("ip:{}", guard::client_ip().await);
    if st.pairing_by_ip.is_blocked(&ip_key) {
        return Err(fail(ApiError::RateLimited));
    }
    let Some(device) = crate::domain::kiosk::redeem(&st.store, &code)
        .await
        .map_err(store_err)?
    else {
        st.pairing_by_ip.record_failure(&ip_key);
        return Err(fail(ApiError::BadInput("pairing_code_invalid".into())));
    };
    let session = guard::session().await?;
    session
        .cycle_id()
        .await
        .map_err(|_| fail(ApiError::Server))?;
    session
        .insert(
            PRINCIPAL_KEY,
            SessionPrincipal::Kiosk {
                device_id: device.id,
                event_id: device.event_id,
            },
        )
        .await
        .map_err(|_| fail(ApiError::Server))?;
    // A kiosk stays paired for a year of use; each request renews it.
    session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
        time::Duration::days(365),
    )));
    let ev = st
        .store
        .event_by_id(device.event_id)
        .await
        .map_err(store_err)?;
    tracing::info!(kiosk_id = device.id, "kiosk paired");
    Ok(Me::Kiosk {
        event_id: ev.id,
        event_name: ev.name,
    })
}

/// The kiosk forgets its pairing (e.g. at the end of the event).
#[server(endpoint = "kiosk/unpair")]
pub async fn unpair_kiosk() -> Result<(), ApiError> {
    let actor = guard::require_kiosk().await?;
    let st = guard::state()?;
    if let crate::domain::Actor::Kiosk { event_id, .. } = &actor {
        let subject = format!("event:{event_id}");
        st.store
            .audit(actor.clone(), "kiosk.unpaired", subject)
            .await
            .map_err(store_err)?;
    }
    guard::session()
        .await?
        .flush()
        .await
        .map_err(|_| fail(ApiError::Server))?;
    Ok(())
}
