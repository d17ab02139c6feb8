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

/// The event page: the event and its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventOverview {
    pub event: EventSummary,
    pub stats: EventStats,
}
