//! The record of processing activities (GDPR Art. 30; issue 15 point 7), as the
//! printable page shows it and the JSON download holds it. Built on the server by
//! `domain::processing_record` from the event settings and the retention policy, with
//! every text already in the language asked for.

use super::{EventSummary, Periods, Purpose};
use serde::{Deserialize, Serialize};

/// One event's record, or the whole instance's (every event the caller may manage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordScope {
    Event,
    Instance,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessingRecord {
    /// `lanyard-processing-record/1`.
    pub format: String,
    pub scope: RecordScope,
    /// The language of the texts (`en`, `lv`).
    pub lang: String,
    /// When it was generated (RFC 3339, UTC).
    pub generated_at: String,
    /// One processing activity per event: the event's registration, badges and photos.
    pub activities: Vec<RecordActivity>,
    /// The technical and organisational measures Lanyard applies (Art. 30(1)(g)).
    pub measures: Vec<RecordMeasure>,
    /// What the purge deletes and what it keeps, table by table (the retention policy).
    pub policy: Vec<RecordTable>,
}

/// A labelled entry: a category of people or data, or a measure. `key` is stable across
/// languages; `label` and `detail` are in the record's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordItem {
    pub key: String,
    pub label: String,
    pub detail: String,
}

/// One technical or organisational measure, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeasure {
    pub key: String,
    pub text: String,
}

/// One event's processing, from its settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordActivity {
    pub event: EventSummary,
    pub controller: RecordController,
    pub purposes: Vec<Purpose>,
    /// Attendees, minors, guardians, staff users.
    pub subjects: Vec<RecordItem>,
    /// The registration fields the event switched on (`key` = the field), then photos,
    /// photo choices, guardians' signatures, badge scans, codes, requests, audit log.
    pub data: Vec<RecordItem>,
    /// As the settings state them; empty when not stated.
    pub recipients: String,
    pub third_country_transfer: bool,
    pub retention: RecordRetention,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordController {
    pub name: String,
    pub address: String,
    pub email: String,
    pub dpo: String,
}

/// The periods the purge applies, and the days they end when the event has a last day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRetention {
    pub periods: Periods,
    /// Empty without an archive.
    pub archive_purpose: String,
    /// The day the clock counts from (`YYYY-MM-DD`).
    pub end: Option<String>,
    /// The first day after each period: the data is deleted on it.
    pub attendees_deleted_on: Option<String>,
    pub photos_deleted_on: Option<String>,
    pub archive_deleted_on: Option<String>,
    /// When the attendee data was purged, if it was.
    pub purged_at: Option<String>,
}

/// One database table under the retention policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordTable {
    pub table: String,
    /// What a row is.
    pub about: String,
    /// The table holds an event's data (otherwise: staff accounts, sessions, the log).
    pub of_event: bool,
    /// The purge deletes the event's rows whole.
    pub rows_deleted: bool,
    /// The columns of those rows (empty when rows are kept).
    pub columns: Vec<String>,
    /// Personal columns the purge empties or replaces in the rows it keeps.
    pub wiped: Vec<RecordColumn>,
    /// The other columns, by what happens to them.
    pub kept: Vec<RecordKept>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordColumn {
    pub column: String,
    /// How it is wiped, in words.
    pub how: String,
    pub reason: String,
}

/// What happens to a group of columns that the attendee-data purge does not wipe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptClass {
    /// Deleted with the photos, at the photo period (or the archive's end).
    Photo,
    /// Kept in a reduced form, without the person.
    Reduced,
    /// Anonymous counts.
    Counts,
    /// Runs the system; no attendee data.
    Operational,
    /// The audit log: ids only.
    Audit,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordKept {
    pub class: KeptClass,
    /// The class in words.
    pub label: String,
    pub columns: Vec<String>,
}
