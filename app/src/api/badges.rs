//! What a badge's QR opens: the consent colour and nothing else (requirement 10).

use crate::types::{ApiError, Consent};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard;

/// The current consent for a badge token, or `None` for an unknown token. Public:
/// the token is the only key, and the answer holds no personal data. Limited per client.
#[server(endpoint = "badges/verdict")]
pub async fn badge_verdict(token: String) -> Result<Option<Consent>, ApiError> {
    let ip = guard::client_ip().await;
    Ok(crate::domain::badges::verdict(&guard::state()?, &ip, &token).await?)
}

/// The badge page's data: the colour and the languages the event offers (to show the
/// words in the browser's language only where the event offers it). No personal data.
#[server(endpoint = "badges/page")]
pub async fn badge_page(token: String) -> Result<Option<crate::types::BadgePage>, ApiError> {
    let ip = guard::client_ip().await;
    Ok(crate::domain::badges::page(&guard::state()?, &ip, &token).await?)
}
