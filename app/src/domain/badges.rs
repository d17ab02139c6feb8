//! Badge contents (requirement 7): the QR carries only `{public URL}/b/{badge token}`.

use super::store::{Actor, Conflict, Store, StoreError, StoreResult};
use crate::types::{AttendeeId, EventId};
use crate::types::{Badge, BadgeStock, Consent, EventSettings, Field, Registered};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Everything printed on one badge, before it is drawn as HTML or PNG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadgeData {
    pub consent: Consent,
    pub event_name: String,
    /// Only when the event collects names and prints them.
    pub name: Option<String>,
    /// `{public URL}/b/{badge token}`, the QR's content.
    pub url: String,
    pub stock: BadgeStock,
    /// The event's default language; the badge also carries English.
    pub lang: String,
}

impl BadgeData {
    /// The badge as the browser's print view gets it (QR as SVG).
    pub fn to_wire(&self) -> Badge {
        Badge {
            consent: self.consent,
            event_name: self.event_name.clone(),
            name: self.name.clone(),
            qr_svg: qr_svg(&self.url),
            stock: self.stock,
            lang: self.lang.clone(),
        }
    }
}

/// The name printed on a badge: first and last name, only when the event enables those
/// fields and prints names.
pub fn printed_name(
    settings: &EventSettings,
    first: Option<String>,
    last: Option<String>,
) -> Option<String> {
    if !settings.print_name {
        return None;
    }
    let first = settings
        .fields
        .get(Field::FirstName)
        .enabled
        .then_some(first)
        .flatten();
    let last = settings
        .fields
        .get(Field::LastName)
        .enabled
        .then_some(last)
        .flatten();
    let n = [first, last]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(n).filter(|n| !n.is_empty())
}

/// The badge of an attendee of event `event_row`, for reprinting. Audited by the store.
/// `NotFound` when the attendee is not that event's; `Conflict` before any consent.
pub async fn badge_for_attendee(
    store: &Store,
    actor: Actor,
    event_row: EventId,
    attendee_id: AttendeeId,
    public_url: &str,
) -> StoreResult<BadgeData> {
    // Ownership first: a refused look-up reads nothing, so it logs no read (issue 14, 7).
    let (event, _) = store.attendee_event_and_minor(attendee_id).await?;
    if event != event_row {
        return Err(StoreError::NotFound);
    }
    let src = store.badge_source(actor, attendee_id).await?;
    let consent = src
        .consent
        .ok_or(StoreError::Conflict(Conflict::NoConsentYet))?;
    let event = store.event_by_id(event_row).await?;
    let settings = store.event_settings(event_row).await?;
    Ok(BadgeData {
        consent,
        event_name: event.name,
        name: printed_name(&settings, src.first_name, src.last_name),
        url: badge_url(public_url, &src.badge_token),
        stock: settings.badge_stock,
        lang: event.default_lang,
    })
}

/// The URL a badge's QR encodes. The token is random; nothing about the person.
/// What a registration answers: the badge and the private code to hand over, shown
/// once, with its QR.
pub fn registered(badge: Badge, private_code: String) -> Registered {
    Registered {
        badge,
        private_code_qr_svg: qr_svg(&private_code),
        private_code,
    }
}

pub fn badge_url(public_url: &str, badge_token: &str) -> String {
    format!("{}/b/{}", public_url.trim_end_matches('/'), badge_token)
}

/// An SVG QR code with error correction M and the 4-module quiet zone kept.
pub fn qr_svg(data: &str) -> String {
    match QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .quiet_zone(true)
            .min_dimensions(160, 160)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
        // Only data longer than a QR can hold fails; our URLs and codes are short.
        Err(_) => String::new(),
    }
}

/// The current consent behind a badge token, or `None` for an unknown one. Public (the
/// token is the only key and the answer holds no personal data), so limited per client
/// address.
pub async fn verdict(
    st: &super::AppState,
    client_ip: &str,
    token: &str,
) -> Result<Option<Consent>, super::consent::RegisterError> {
    let ip_key = format!("ip:{client_ip}");
    if st.verdict_by_ip.is_blocked(&ip_key) {
        return Err(super::consent::RegisterError::RateLimited);
    }
    st.verdict_by_ip.record(&ip_key);
    // Anything that is not a badge token is unknown without a look-up.
    let Some(token) = crate::types::BadgeToken::parse(token) else {
        return Ok(None);
    };
    let Some((attendee_id, _)) = st.store.attendee_by_badge(token.into_string()).await? else {
        return Ok(None);
    };
    Ok(st.store.current_consent(attendee_id).await?)
}

/// The badge page's data: the colour and the languages the event offers. No personal
/// data; limited as [`verdict`].
pub async fn page(
    st: &super::AppState,
    client_ip: &str,
    token: &str,
) -> Result<Option<crate::types::BadgePage>, super::consent::RegisterError> {
    let Some(consent) = verdict(st, client_ip, token).await? else {
        return Ok(None);
    };
    let Some((_, event)) = st.store.attendee_by_badge(token.to_string()).await? else {
        return Ok(None);
    };
    let summary = st.store.event_by_id(event).await?;
    let settings = st.store.event_settings(event).await?;
    Ok(Some(crate::types::BadgePage {
        consent,
        languages: settings.languages,
        default_lang: summary.default_lang,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_is_svg_and_url_has_only_the_token() {
        let url = badge_url("https://lanyard.example/", "AbC_123-xyz");
        assert_eq!(url, "https://lanyard.example/b/AbC_123-xyz");
        let svg = qr_svg(&url);
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
