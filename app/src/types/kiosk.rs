//! The kiosk: pairing, what it runs registration with, the registration, the badge
//! it prints and check-in of pre-registered attendees (issue 3).

use super::{BadgeStock, Consent, FieldRules, NoticeText, PersonFields};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCode {
    pub code: String,
    pub event_name: String,
    pub expires_in_secs: i64,
    /// The name the tablet will have ("Entrance 1"); `None`: "Kiosk N".
    #[serde(default)]
    pub label: Option<String>,
    /// QR (SVG) of `/kiosk#pair=CODE` for the tablet's camera (issue 16 point 3). The
    /// code is in the fragment, which browsers never send to the server.
    #[serde(default)]
    pub qr_svg: String,
}

/// Whether a paired tablet still works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TabletStatus {
    Active,
    Revoked,
    /// Past its last day.
    Expired,
}

/// A paired tablet as the event page lists it (issue 16 point 3). No attendee data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskTablet {
    pub id: i64,
    pub label: String,
    /// RFC 3339 (UTC).
    pub paired_at: String,
    pub last_seen_at: Option<String>,
    pub registrations: i64,
    /// The last day it works, `YYYY-MM-DD`; `None` when the event has no last day.
    pub valid_until: Option<String>,
    pub status: TabletStatus,
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

/// What the organiser changes about a tablet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TabletChangeInput {
    Rename {
        label: String,
    },
    Revoke,
    /// Works until the end of `day` (`YYYY-MM-DD`).
    ValidUntil {
        day: String,
    },
}

/// The code in a scanned or opened pairing address (`…/kiosk#pair=CODE`), or the text
/// itself when it is a bare code (issue 16 point 3). Shared by the server, which writes
/// the address, and the kiosk page, which reads it.
pub fn pairing_code_in(text: &str) -> &str {
    match text.rsplit_once("#pair=") {
        Some((_, code)) => code,
        None => text,
    }
}

/// The fragment the pairing address carries before its code.
pub const PAIRING_FRAGMENT: &str = "#pair=";

#[cfg(test)]
mod pairing_tests {
    use super::*;

    #[test]
    fn the_code_is_read_from_the_address_or_taken_as_typed() {
        assert_eq!(
            pairing_code_in("https://x.lv/kiosk#pair=ABCD-EFGH-JKMN"),
            "ABCD-EFGH-JKMN"
        );
        assert_eq!(pairing_code_in("ABCD-EFGH-JKMN"), "ABCD-EFGH-JKMN");
        assert_eq!(pairing_code_in(""), "");
    }
}
