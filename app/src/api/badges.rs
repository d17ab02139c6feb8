//! What a badge's QR opens: the consent colour and nothing else (requirement 10).

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

/// The badge page's data: the colour and the languages the event offers (to show the
/// words in the browser's language only where the event offers it). No personal data.
#[server(endpoint = "badges/page")]
pub async fn badge_page(token: String) -> Result<Option<crate::types::BadgePage>, ApiError> {
    let Some(consent) = badge_verdict(token.clone()).await? else {
        return Ok(None);
    };
    let st = guard::state()?;
    let Some((_, event)) = st.store.attendee_by_badge(token).await.map_err(store_err)? else {
        return Ok(None);
    };
    let summary = st.store.event_by_id(event).await.map_err(store_err)?;
    let settings = st.store.event_settings(event).await.map_err(store_err)?;
    Ok(Some(crate::types::BadgePage {
        consent,
        languages: settings.languages,
        default_lang: summary.default_lang,
    }))
}
