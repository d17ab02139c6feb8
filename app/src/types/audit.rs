//! The audit log as the browser sees it.

use super::{AttendeeId, PublicId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub principal_kind: String,
    pub action: String,
    pub subject: String,
    /// The name of the event the row is about, where it is about one (the log page and
    /// its CSV; issue 16 point 5). Not part of the hash chain.
    #[serde(default)]
    pub event_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub rows: Vec<AuditRow>,
    /// Rows matching the filter that the caller may read.
    pub total: i64,
    /// `Ok(rows verified)` or `Err(description of the first break)`.
    pub chain: Result<u64, String>,
    /// When the chain was last found intact (RFC 3339, UTC): just now when `chain` is
    /// `Ok`, else the last time before the break; `None` if never.
    pub verified_at: Option<String>,
}

/// The organiser's filters on the audit log (issue 16 point 5); each one optional, all
/// given ones must match. The caller still sees only the rows they may read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    /// Rows about this event (its public id; 404 when it is not the caller's).
    pub event: Option<PublicId>,
    /// Rows about this attendee (`attendee:34` in the log), their requests, and what
    /// they did themselves on `/me` (404 when not at one of the caller's events).
    pub person: Option<AttendeeId>,
    /// What this user did (`user:3` in the log).
    pub user: Option<i64>,
    /// An action (`photo.tag`) or its first part (`photo` for every `photo.…`).
    pub action: Option<String>,
    /// From this day on (UTC, `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Up to and including this day (UTC, `YYYY-MM-DD`).
    pub to: Option<String>,
}

impl AuditFilter {
    /// The filter in the log page's address (`?event=…&person=34`), empty ones left out.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(e) = &self.event {
            parts.push(format!("event={e}"));
        }
        if let Some(p) = self.person {
            parts.push(format!("person={p}"));
        }
        if let Some(u) = self.user {
            parts.push(format!("user={u}"));
        }
        for (k, v) in [
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={}", urlencode(v)));
            }
        }
        parts.join("&")
    }

    /// From the page's address: what does not parse is left out (the server checks the
    /// rest again).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> AuditFilter {
        let text = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        AuditFilter {
            event: text("event").and_then(|v| PublicId::parse(&v)),
            person: text("person").and_then(|v| AttendeeId::parse(&v)),
            user: text("user").and_then(|v| parse_user(&v)),
            action: text("action"),
            from: text("from"),
            to: text("to"),
        }
    }
}

/// A user as typed into the filter: `3` or `user:3`, as the log's "Who" column shows.
pub fn parse_user(s: &str) -> Option<i64> {
    let s = s.trim();
    let n = s.strip_prefix("user:").unwrap_or(s);
    n.trim().parse::<i64>().ok().filter(|n| *n > 0)
}

/// Percent-encodes what is not a letter, digit, `-`, `.` or `_`.
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The filtered rows as a CSV file (issue 16 point 5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditCsv {
    /// Without personal data, e.g. `lanyard-audit-2026-11-23.csv`.
    pub file_name: String,
    pub csv: String,
    pub rows: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_goes_through_the_address_and_back() {
        let f = AuditFilter {
            event: PublicId::parse("abc123"),
            person: AttendeeId::parse("34"),
            user: Some(3),
            action: Some("photo tag".into()),
            from: Some("2026-11-01".into()),
            to: None,
        };
        let q = f.query();
        assert_eq!(
            q,
            "event=abc123&person=34&user=3&action=photo%20tag&from=2026-11-01"
        );
        let pairs: Vec<(String, String)> = q
            .split('&')
            .map(|p| p.split_once('=').unwrap())
            .map(|(k, v)| (k.to_string(), v.replace("%20", " ")))
            .collect();
        let back =
            AuditFilter::from_query(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, f);
        assert_eq!(parse_user("user:7"), Some(7));
        assert_eq!(parse_user("0"), None);
        assert_eq!(AuditFilter::default().query(), "");
    }
}
