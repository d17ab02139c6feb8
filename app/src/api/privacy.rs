//! An event's public privacy page, its venue signs and its invitation text (issue 15
//! points 5 and 6; requirements 18 and 21). Nothing personal is read, so nothing is
//! audited.

use crate::types::PublicId;
use crate::types::{ApiError, Invitation, PrivacyInfo, SignsData};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard;

/// `/e/{event}/privacy`: public, like the notice at the venue. Unknown ids are 404.
#[server(endpoint = "privacy/page", input = Json)]
pub async fn privacy_page(event_id: PublicId) -> Result<PrivacyInfo, ApiError> {
    Ok(crate::domain::privacy::page(&guard::state()?, event_id).await?)
}

/// What the venue signs of one of the organiser's events print, with the QR code.
#[server(endpoint = "privacy/signs", input = Json)]
pub async fn sign_data(event_id: PublicId) -> Result<SignsData, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::privacy::signs(&m.state, m.row, m.event).await?)
}

/// The short notice for invitations and press releases, for the settings page.
#[server(endpoint = "privacy/invitation", input = Json)]
pub async fn invitation_text(event_id: PublicId) -> Result<Invitation, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::privacy::invitation(&m.state, m.row, m.event).await?)
}
