//! Attendees: what they typed, the organiser's list and detail, registration on
//! their behalf and CSV import (issue 3; requirements 4, 7-9).

use super::AttendeeId;
use super::{Consent, ConsentInput, ConsentRecord, Field};
use serde::{Deserialize, Serialize};

/// What an attendee typed: only the fields the event enabled are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organisation: Option<String>,
    pub role_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl PersonFields {
    pub fn get(&self, f: Field) -> Option<&str> {
        match f {
            Field::FirstName => self.first_name.as_deref(),
            Field::LastName => self.last_name.as_deref(),
            Field::Organisation => self.organisation.as_deref(),
            Field::RoleTitle => self.role_title.as_deref(),
            Field::Email => self.email.as_deref(),
            Field::Phone => self.phone.as_deref(),
        }
    }

    pub fn set(&mut self, f: Field, v: Option<String>) {
        let slot = match f {
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Organisation => &mut self.organisation,
            Field::RoleTitle => &mut self.role_title,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
        };
        *slot = v;
    }
}

/// Organiser attendee list filters (issue 3, item 7). Empty = no filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttendeeFilter {
    /// Matches names, organisation and email (case-insensitive substring).
    pub q: String,
    /// `green`, `red` or `none` (pre-registered, not chosen yet).
    pub consent: String,
    /// `yes` or `no`.
    pub checked_in: String,
    /// `yes` or `no`.
    pub minor: String,
}

/// One line of the organiser's attendee list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeRow {
    pub id: AttendeeId,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub checked_in: bool,
    pub consent: Option<Consent>,
    /// `kiosk`, `organiser` or `import`.
    pub source: String,
    /// The record was erased (requirement 15): the list says so instead of an empty row
    /// (issue 16 point 6).
    #[serde(default)]
    pub erased: bool,
}

/// The list with the total before the display limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeList {
    pub rows: Vec<AttendeeRow>,
    pub total: i64,
}

/// One attendee with their whole consent history (requirement 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeDetail {
    pub id: AttendeeId,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub source: String,
    pub registered_at: String,
    pub checked_in_at: Option<String>,
    pub consent: Option<Consent>,
    pub history: Vec<ConsentRecord>,
    /// `/b/{badge token}`: the badge's own address (its QR), for the PNG link.
    pub badge_path: String,
    /// The fields the event collects (the ones a correction may change).
    #[serde(default)]
    pub collected: Vec<Field>,
    /// Fields corrected by an organiser on the person's request, oldest first.
    #[serde(default)]
    pub corrections: Vec<CorrectionRecord>,
}

/// How a person asked an organiser to act for them (issue 16 point 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AskedBy {
    Email,
    Phone,
    InPerson,
}

impl AskedBy {
    pub const ALL: [AskedBy; 3] = [AskedBy::Email, AskedBy::Phone, AskedBy::InPerson];

    pub fn as_str(self) -> &'static str {
        match self {
            AskedBy::Email => "email",
            AskedBy::Phone => "phone",
            AskedBy::InPerson => "in_person",
        }
    }

    pub fn parse(s: &str) -> Option<AskedBy> {
        AskedBy::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// An organiser corrects one field at the person's request (rectification,
/// requirement 17): how they asked, how their identity was checked and why are required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionInput {
    pub field: Field,
    /// The new value ("" empties a field that is not required).
    pub value: String,
    pub asked_by: AskedBy,
    pub identity_check: String,
    /// What the person asked for, or why the field is corrected.
    pub reason: String,
}

/// One correction in the attendee's history: which field, never its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionRecord {
    pub at: String,
    /// The organiser's email ("" once their account is gone).
    pub by: String,
    pub field: Field,
    pub asked_by: AskedBy,
    pub identity_check: String,
    pub reason: String,
}

/// The attendee after a correction, and whether what their badge prints changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionDone {
    pub detail: AttendeeDetail,
    /// The printed name changed: the badge should be reprinted.
    pub reprint: bool,
}

/// Registration by the organiser on the attendee's behalf.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganiserRegistration {
    pub fields: PersonFields,
    pub is_minor: bool,
    pub consent: ConsentInput,
}

/// Which CSV column (by index) fills which field. `full_name` is split at the last
/// space when there are no separate name columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnMapping {
    pub first_name: Option<usize>,
    pub last_name: Option<usize>,
    pub full_name: Option<usize>,
    pub organisation: Option<usize>,
    pub role_title: Option<usize>,
    pub email: Option<usize>,
    pub phone: Option<usize>,
}

/// What the importer read from a CSV before anything is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// `pretix`, `indico`, `hievents` or `generic`.
    pub format: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// Data rows (without the header).
    pub rows: usize,
}

/// One imported attendee's check-in code, shown once for the organiser to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedCode {
    /// The line in the CSV file (the header is line 1).
    pub line: usize,
    pub name: String,
    pub email: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub imported: usize,
    pub codes: Vec<ImportedCode>,
}
