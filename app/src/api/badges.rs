//! What a badge's QR opens: the consent colour and nothing else (requirement 10; the
//! full verdict page and the scan log follow in the scanning issue).

use crate::types::{ApiError, Consent};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err};

/// The current consent for a badge token, or `None` for an unknown token. Public:
/// the token is the only key, and the answer holds no personal data. Limited per client.
#[server(endpoint = "badges/verdict")]
pub async fn badge_verdict(token: String) -> Result<Option<Consent>, ApiError> {
    let st = guard::state()?;
    let ip_key = format!("ip:{}", guard::client_ip().await);
    if st.verdict_by_ip.is_blocked(&ip_key) {
        return Err(fail(ApiError::RateLimited));
    }
    st.verdict_by_ip.record(&ip_key);
    // Badge tokens are 22 URL-safe characters; anything else is unknown without a lookup.
    if token.len() != 22
        || !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Ok(None);
    }
    let Some((attendee_id, _)) = st.store.attendee_by_badge(token).await.map_err(store_err)? else {
        return Ok(None);
    };
    st.store
        .current_consent(attendee_id)
        .await
        .map_err(store_err)
}
