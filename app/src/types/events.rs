//! Events: the summary, a new event, and the event page with its counts.

use super::PublicId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    /// Random public id, used in URLs instead of the row id.
    pub id: PublicId,
    pub name: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub venue: String,
    pub default_lang: String,
    /// The day the event's attendee data is (or was) deleted, on the dashboard's list
    /// (issue 15); `None` elsewhere.
    #[serde(default)]
    pub data_deleted_on: Option<String>,
    /// The attendee data was purged.
    #[serde(default)]
    pub data_purged: bool,
    /// When the organiser archived the event (RFC 3339); `None` while it is in use.
    /// An archived event is read-only (issue 16 point 4).
    #[serde(default)]
    pub archived_at: Option<String>,
}

/// Which events the dashboard lists (issue 16 point 4), by today's date against the
/// event's days: archived events only under [`EventWhen::Archived`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventWhen {
    /// Current and upcoming: the default.
    #[default]
    Active,
    /// Today is between the first and the last day.
    Current,
    /// The first day is after today.
    Upcoming,
    /// The last day is before today.
    Past,
    Archived,
    /// Every event, archived ones too (the audit log's event filter).
    All,
}

impl EventWhen {
    pub const ALL: [EventWhen; 6] = [
        EventWhen::Active,
        EventWhen::Current,
        EventWhen::Upcoming,
        EventWhen::Past,
        EventWhen::Archived,
        EventWhen::All,
    ];

    /// The value in the dashboard's address (`/dashboard?show=past`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventWhen::Active => "active",
            EventWhen::Current => "current",
            EventWhen::Upcoming => "upcoming",
            EventWhen::Past => "past",
            EventWhen::Archived => "archived",
            EventWhen::All => "all",
        }
    }

    /// From the address; anything else is the default.
    pub fn from_query(s: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|w| Some(w.as_str()) == s)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvent {
    pub name: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub venue: String,
    pub default_lang: String,
}

/// Registration counts for the event page (requirement 13); no personal data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventStats {
    pub registered: i64,
    pub checked_in: i64,
    pub green: i64,
    pub red: i64,
    pub minors: i64,
}

/// The anonymous counts an event keeps after its retention purge (issue 15 point 3;
/// requirement 18).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptCounts {
    pub registered: i64,
    pub checked_in: i64,
    pub green: i64,
    pub red: i64,
    pub minors: i64,
    pub photos: i64,
    pub requests_removal: i64,
    pub requests_erasure: i64,
    pub requests_objection: i64,
    pub requests_restriction: i64,
    pub counted_at: String,
}

/// An event's data lifecycle as the event page and dashboard show it (issue 15).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionInfo {
    /// The last day the clock counts from; `None` when it cannot be read.
    pub end: Option<String>,
    pub periods: super::Periods,
    /// The day the attendee data is deleted (its first day past the period).
    pub attendees_deleted_on: Option<String>,
    pub photos_deleted_on: Option<String>,
    pub archive_deleted_on: Option<String>,
    /// Days until the attendee data is deleted (negative once past).
    pub days_left: Option<i64>,
    /// Within 30 days of the deletion and not purged yet: the event page's banner.
    pub warn: bool,
    pub purged_at: Option<String>,
    pub photos_purged_at: Option<String>,
    /// The anonymous counts kept, once a purge ran.
    pub counts: Option<KeptCounts>,
}

/// The event page: the event and its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventOverview {
    pub event: EventSummary,
    pub stats: EventStats,
    /// When its data goes, or the counts it kept (issue 15).
    pub retention: RetentionInfo,
    /// The kiosk tablets paired with it (issue 16 point 3).
    #[serde(default)]
    pub tablets: Vec<super::KioskTablet>,
}
