//! The kiosk: pairing, what it runs registration with, the registration, the badge
//! it prints and check-in of pre-registered attendees (issue 3).

use super::{BadgeStock, Consent, FieldRules, NoticeText, PersonFields};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCode {
    pub code: String,
    pub event_name: String,
    pub expires_in_secs: i64,
}

/// What a paired kiosk needs to run registration. No attendee data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskEvent {
    pub event_name: String,
    pub languages: Vec<String>,
    pub default_lang: String,
    pub fields: FieldRules,
    pub notices: Vec<NoticeText>,
    pub idle_timeout_secs: u32,
    pub policy_url: String,
    /// QR of the full policy URL, when one is set.
    pub policy_qr_svg: Option<String>,
    pub badge_stock: BadgeStock,
    /// Pre-registered attendees may find themselves by exact email.
    pub allow_email_lookup: bool,
}

/// What the attendee entered at the kiosk.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskRegistration {
    /// The UI language (the badge and messages); the notice recorded is `notice`.
    pub lang: String,
    /// The notice version the attendee read on the notice screen (issue 14 point 4).
    pub notice: Option<super::NoticeRef>,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub choice: Option<Consent>,
    pub guardian_name: String,
    pub guardian_confirmed: bool,
    /// `data:image/png;base64,…` from the signature pad.
    pub signature_data_url: Option<String>,
    /// A pre-registered attendee found with `kiosk/checkin/find` in this kiosk session:
    /// their stored fields are kept and `fields` is ignored.
    #[serde(default)]
    pub checkin: bool,
}

/// A badge ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    pub consent: Consent,
    pub event_name: String,
    /// Only when the event collects names and prints them.
    pub name: Option<String>,
    /// QR of `{public URL}/b/{badge token}`.
    pub qr_svg: String,
    pub stock: BadgeStock,
    /// The event's language; the badge also carries English.
    pub lang: String,
}

/// The kiosk's answer to a registration: the badge and the private code, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub badge: Badge,
    pub private_code: String,
    pub private_code_qr_svg: String,
}

/// A pre-registered attendee found at the kiosk: their own name and nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinFound {
    pub name: Option<String>,
}
