//! An event's public privacy page and what its venue signs and invitation text say
//! (issue 15 points 5 and 6; requirements 18 and 21). Nothing here is personal data:
//! the event, its controller's contacts, purposes, periods and notice texts.

use super::{EventSummary, NoticeText, Periods, Purpose};
use serde::{Deserialize, Serialize};

/// Everything `/e/{event}/privacy` shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyInfo {
    pub event: EventSummary,
    /// The event's languages, its default language first (signs print in this order).
    pub languages: Vec<String>,
    /// The current notice of each language, in that order.
    pub notices: Vec<NoticeText>,
    pub controller_name: String,
    pub controller_address: String,
    pub controller_email: String,
    pub dpo_contact: String,
    pub purposes: Vec<Purpose>,
    /// As the notice states them: one source, `EventSettings::periods`.
    pub periods: Periods,
    /// Stated when `periods.archive_days > 0`.
    pub archive_purpose: String,
    /// The days the data goes, once the event's last day is known.
    pub dates: Option<DeletionDates>,
    /// This page's absolute address (the signs' QR code, the invitation text).
    pub url: String,
    /// The self-service page's absolute address (`/me`).
    pub me_url: String,
}

/// The event's last day and the first day without each kind of data (`YYYY-MM-DD`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletionDates {
    pub end: String,
    pub attendees: String,
    pub photos: String,
    /// `None` without an archive.
    pub archive: Option<String>,
}

/// What the venue signs print: the privacy page's facts and a QR code of its address,
/// drawn on the server (the `qrcode` crate stays out of the browser's wasm).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignsData {
    pub info: PrivacyInfo,
    pub qr_svg: String,
}

/// The short notice for invitations and press releases, in each of the event's
/// languages (default first), with the privacy page's address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub url: String,
    pub texts: Vec<InvitationText>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationText {
    pub lang: String,
    pub text: String,
}
