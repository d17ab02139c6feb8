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
