//! Pairing a kiosk tablet with an event.

use super::auth::{normalise_code, random_typed_code, token_hash};
use super::store::{now_unix, Actor, KioskDevice, Store, StoreError};

/// How long a pairing code works.
pub const PAIRING_TTL_SECS: i64 = 15 * 60;

/// Makes a one-time code (3 groups of 4 = 12 symbols from 31, about 59 bits; it lives
/// 15 minutes and wrong guesses are rate-limited). Only its hash is stored.
pub async fn new_pairing_code(
    store: &Store,
    actor: Actor,
    event_id: i64,
) -> Result<String, StoreError> {
    let code = random_typed_code(3);
    store
        .create_pairing(
            actor,
            event_id,
            token_hash(&normalise_code(&code)),
            now_unix() + PAIRING_TTL_SECS,
        )
        .await?;
    Ok(code)
}

pub async fn redeem(store: &Store, typed: &str) -> Result<Option<KioskDevice>, StoreError> {
    let code = normalise_code(typed);
    if code.len() != 12 {
        return Ok(None);
    }
    store.redeem_pairing(token_hash(&code)).await
}

/// Why a tablet was not unpaired.
#[derive(Debug)]
pub enum UnpairError {
    Credentials(super::auth::CredentialError),
    /// The account is neither an admin nor the organiser of the kiosk's event.
    NotStaffOfEvent,
    Store(StoreError),
}

/// Unpairs a kiosk tablet once an organiser of its event (or an admin) has confirmed
/// with their own email and password on it (issue 12 point 3; requirement 22): an
/// attendee at the kiosk cannot take the registration desk offline. The device is
/// revoked, so its session pairs nothing any more; the tablet is not signed in as the
/// organiser.
pub async fn unpair_by_staff(
    st: &super::AppState,
    device_id: i64,
    event_id: i64,
    client_ip: &str,
    email: &str,
    password: String,
) -> Result<(), UnpairError> {
    use crate::types::Role;
    let rec = super::auth::check_credentials(st, client_ip, email, password)
        .await
        .map_err(UnpairError::Credentials)?;
    let allowed = match rec.role {
        Role::Admin => true,
        Role::Organiser => {
            let event = st
                .store
                .event_by_id(event_id)
                .await
                .map_err(UnpairError::Store)?;
            match st.store.event_for_user(rec.id, rec.role, event.id).await {
                Ok(_) => true,
                Err(StoreError::NotFound) => false,
                Err(e) => return Err(UnpairError::Store(e)),
            }
        }
        _ => false,
    };
    let actor = Actor::User {
        id: rec.id,
        role: rec.role,
    };
    if !allowed {
        st.store
            .audit(actor, "kiosk.unpair_refused", format!("event:{event_id}"))
            .await
            .map_err(UnpairError::Store)?;
        return Err(UnpairError::NotStaffOfEvent);
    }
    st.store
        .revoke_kiosk_device(actor, device_id)
        .await
        .map_err(UnpairError::Store)
}
