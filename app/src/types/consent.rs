//! Consent: the attendee's choice, where it was made, the guardian and the history
//! (issue 3; requirements 3, 4, 6).

use serde::{Deserialize, Serialize};

/// The attendee's photo choice (requirement 3): green = photos OK, red = no photos.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Green,
    Red,
}

impl Consent {
    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Green => "green",
            Consent::Red => "red",
        }
    }

    pub fn parse(s: &str) -> Option<Consent> {
        match s {
            "green" => Some(Consent::Green),
            "red" => Some(Consent::Red),
            _ => None,
        }
    }
}

/// Where a consent decision was made (requirement 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Kiosk,
    Organiser,
    SelfService,
    BadgeScan,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Kiosk => "kiosk",
            Channel::Organiser => "organiser",
            Channel::SelfService => "self_service",
            Channel::BadgeScan => "badge_scan",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "kiosk" => Some(Channel::Kiosk),
            "organiser" => Some(Channel::Organiser),
            "self_service" => Some(Channel::SelfService),
            "badge_scan" => Some(Channel::BadgeScan),
            _ => None,
        }
    }
}

/// A minor's guardian (requirement 6). `signature_png` is a data-free PNG of the drawn
/// signature, stored by reference.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guardian {
    pub name: String,
    pub confirmed: bool,
    pub signature_ref: Option<String>,
}

/// One row of an attendee's consent history, with the notice text they were shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub id: i64,
    pub choice: Consent,
    pub at: String,
    pub channel: Channel,
    pub channel_ref: String,
    pub notice_version_id: i64,
    pub notice_sha256: String,
    pub notice_text: String,
    pub guardian_name: Option<String>,
    pub guardian_confirmed: bool,
    pub signature_ref: Option<String>,
}

/// A consent decision as a page sends it: the organiser's (at the attendee's request, or
/// the first one when registering on their behalf), the kiosk's, or the attendee's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentInput {
    pub choice: Option<Consent>,
    /// The notice version the page showed (issue 14 point 4). Required: the server
    /// records exactly this version while it is current, else answers 409
    /// `notice_changed`.
    pub notice: Option<super::NoticeRef>,
    pub guardian_name: String,
    pub guardian_confirmed: bool,
    /// `data:image/png;base64,…` from the signature pad.
    pub signature_data_url: Option<String>,
}
