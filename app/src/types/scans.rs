//! Badge scans (issue 4): the scanner's uploads and offline cache, the scan logs, the
//! badge token in a scanned code and the badge page `/b/{token}`.

use super::Consent;
use serde::{Deserialize, Serialize};

/// One badge scan as the scanner sends it (issue 4). `client_scan_id` is random per
/// scan, so a queued scan uploaded twice is stored once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScanIn {
    pub client_scan_id: String,
    pub token: String,
    /// The scanning device's clock, RFC 3339.
    pub device_time: Option<String>,
    /// The verdict the device showed; `None` = unknown badge.
    pub shown: Option<Consent>,
}

/// The server's answer per scan: stored, and the badge's current consent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanAck {
    pub client_scan_id: String,
    pub consent: Option<Consent>,
}

/// An event's badge tokens and colours for scanning offline; nothing else.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanCache {
    pub event_id: String,
    pub entries: Vec<(String, Consent)>,
}

/// A photographer's own recent scan: colour and time only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyScan {
    pub at: String,
    pub consent: Option<Consent>,
}

/// A scan in the organiser's event scan log, with the attendee's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventScan {
    pub received_at: String,
    pub device_time: Option<String>,
    pub scanned_by: String,
    pub name: Option<String>,
    pub shown: Option<Consent>,
}

#[cfg(test)]
mod scan_tests {
    /// `BadgeToken::from_scan` as text (the test predates the type).
    fn token_from_scan(input: &str) -> Option<String> {
        super::super::BadgeToken::from_scan(input).map(super::super::BadgeToken::into_string)
    }

    #[test]
    fn tokens_come_from_urls_or_bare_codes() {
        let t = "AbCdEfGhIjKlMnOpQrStUv";
        assert_eq!(token_from_scan(t).as_deref(), Some(t));
        assert_eq!(
            token_from_scan(&format!(" https://x.example/b/{t}\n")).as_deref(),
            Some(t)
        );
        assert_eq!(
            token_from_scan(&format!("http://127.0.0.1:3000/b/{t}/badge.png?x=1")).as_deref(),
            Some(t)
        );
        assert_eq!(token_from_scan("short"), None);
        assert_eq!(
            token_from_scan("https://x.example/other/AbCdEfGhIjKlMnOpQrStUv"),
            None
        );
        assert_eq!(token_from_scan("AbCdEfGhIjKlMnOpQrSt!v"), None);
    }
}

/// What the badge page `/b/{token}` shows: the colour, in a language the event offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgePage {
    pub consent: Consent,
    pub languages: Vec<String>,
    pub default_lang: String,
}
