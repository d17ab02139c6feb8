//! The breach register's wire types (issue 17; requirement 20; seed 002 §5.1-5.3). A
//! record is stored whole with each dated entry of a breach's history.

use serde::{Deserialize, Serialize};

/// The type of a breach (seed 002 §5.1); a breach can be of several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachKind {
    Confidentiality,
    Integrity,
    Availability,
}

/// The risk to people's rights and freedoms (seed 002 §5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachRisk {
    /// Documented in the register only.
    Unlikely,
    /// The inspectorate is notified within 72 hours.
    Likely,
    /// The inspectorate, and the people affected within 12 hours.
    High,
}

/// Whom a notification went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotifiedTo {
    /// The Data State Inspectorate.
    Inspectorate,
    /// The people affected.
    People,
}

/// A notification made: when (UTC), how, the inspectorate's reference number or how
/// many people were told, and why it was late when it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachNotification {
    pub to: NotifiedTo,
    pub at: String,
    pub how: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub people: Option<u32>,
    #[serde(default)]
    pub delay_reason: String,
}

/// A breach as the register holds it after a change. Times are UTC (RFC 3339).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachRecord {
    pub discovered_at: String,
    pub discovered_by: String,
    pub kinds: Vec<BreachKind>,
    pub what_happened: String,
    /// The categories of data concerned (the events' fields, photos, signatures…).
    pub categories: Vec<DataCategory>,
    /// Events whose every registered attendee was listed as affected.
    #[serde(default)]
    pub everyone_at: Vec<super::PublicId>,
    pub approx_people: u32,
    #[serde(default)]
    pub approx_records: u32,
    pub consequences: String,
    pub measures_taken: String,
    pub measures_planned: String,
    pub risk: BreachRisk,
    pub risk_reason: String,
    #[serde(default)]
    pub notifications: Vec<BreachNotification>,
    #[serde(default)]
    pub closed_at: Option<String>,
    /// Why it was closed without a notification that was due, when it was.
    #[serde(default)]
    pub close_reason: String,
}

/// A category of personal data a breach concerns (issue 17 point 1): the registration
/// fields an event collects, and what Lanyard keeps beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataCategory {
    FirstName,
    LastName,
    Organisation,
    RoleTitle,
    Email,
    Phone,
    /// Whether the person is a minor, and their guardian's consent.
    MinorStatus,
    /// The photo-consent decisions and their history.
    ConsentDecisions,
    /// Guardians' drawn signatures.
    Signatures,
    Photos,
    /// The attendees' private self-service codes (stored hashed).
    PrivateCodes,
    /// The badge tokens in the QR codes.
    BadgeTokens,
}

impl DataCategory {
    /// Every category in the order the register shows them.
    pub const ORDER: [DataCategory; 12] = [
        DataCategory::FirstName,
        DataCategory::LastName,
        DataCategory::Organisation,
        DataCategory::RoleTitle,
        DataCategory::Email,
        DataCategory::Phone,
        DataCategory::MinorStatus,
        DataCategory::ConsentDecisions,
        DataCategory::Signatures,
        DataCategory::Photos,
        DataCategory::PrivateCodes,
        DataCategory::BadgeTokens,
    ];

    /// The categories every event has, whatever fields it collects.
    pub const ALWAYS: [DataCategory; 6] = [
        DataCategory::MinorStatus,
        DataCategory::ConsentDecisions,
        DataCategory::Signatures,
        DataCategory::Photos,
        DataCategory::PrivateCodes,
        DataCategory::BadgeTokens,
    ];

    /// The name in JSON and in element ids (`first_name`, `photos`…).
    pub fn as_str(self) -> &'static str {
        use DataCategory as C;
        match self {
            C::FirstName => "first_name",
            C::LastName => "last_name",
            C::Organisation => "organisation",
            C::RoleTitle => "role_title",
            C::Email => "email",
            C::Phone => "phone",
            C::MinorStatus => "minor_status",
            C::ConsentDecisions => "consent_decisions",
            C::Signatures => "signatures",
            C::Photos => "photos",
            C::PrivateCodes => "private_codes",
            C::BadgeTokens => "badge_tokens",
        }
    }

    /// The category of a registration field.
    pub fn of_field(f: super::Field) -> DataCategory {
        use super::Field as F;
        match f {
            F::FirstName => DataCategory::FirstName,
            F::LastName => DataCategory::LastName,
            F::Organisation => DataCategory::Organisation,
            F::RoleTitle => DataCategory::RoleTitle,
            F::Email => DataCategory::Email,
            F::Phone => DataCategory::Phone,
        }
    }
}

/// A new breach as the register's form sends it. `discovered_at` is Riga time as a
/// `datetime-local` field gives it (`2027-06-01T09:00`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreachInput {
    pub discovered_at: String,
    pub discovered_by: String,
    pub kinds: Vec<BreachKind>,
    pub what_happened: String,
    pub events: Vec<super::PublicId>,
    pub categories: Vec<DataCategory>,
    /// Events whose every registered attendee is affected.
    pub everyone_at: Vec<super::PublicId>,
    /// Attendees chosen one by one (of the breach's events).
    pub people: Vec<super::AttendeeId>,
    /// When empty: the number of people listed.
    pub approx_people: Option<u32>,
    /// When empty: the number of people listed (one registration record each).
    pub approx_records: Option<u32>,
    pub consequences: String,
    pub measures_taken: String,
    pub measures_planned: String,
    pub risk: Option<BreachRisk>,
    pub risk_reason: String,
}

/// A change of the assessment (numbers, consequences, measures, risk): a dated entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachAssessment {
    pub approx_people: u32,
    pub approx_records: u32,
    pub consequences: String,
    pub measures_taken: String,
    pub measures_planned: String,
    pub risk: BreachRisk,
    pub risk_reason: String,
}

/// A notification made, as the form sends it: `at` in Riga time (`datetime-local`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationInput {
    pub to: NotifiedTo,
    pub at: String,
    pub how: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub people: Option<u32>,
    #[serde(default)]
    pub delay_reason: String,
}

/// Where a clock stands, with the seconds left (running) or past due (overdue, late).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockStatus {
    Running,
    Overdue,
    Done,
    DoneLate,
}

/// One notification a breach owes: to whom, when it is due (Riga time, and as a Unix
/// time for the countdown), and where it stood when the page was loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockView {
    pub to: NotifiedTo,
    pub due: String,
    pub due_unix: i64,
    pub status: ClockStatus,
    /// Seconds left (running) or past due (overdue, done late) at `now_unix`.
    pub seconds: i64,
}

/// A line of the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachRow {
    pub id: super::PublicId,
    /// Riga time.
    pub discovered: String,
    pub kinds: Vec<BreachKind>,
    pub risk: BreachRisk,
    pub events: Vec<String>,
    pub approx_people: u32,
    pub closed: bool,
    pub clocks: Vec<ClockView>,
}

/// The register as the caller may see it (an organiser: breaches of their events only;
/// an admin: all), newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachList {
    pub rows: Vec<BreachRow>,
    pub now_unix: i64,
}

/// An event a breach concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachEvent {
    pub id: super::PublicId,
    pub name: String,
}

/// An attendee listed as affected, as the organiser sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedPerson {
    pub id: super::AttendeeId,
    pub event: super::PublicId,
    /// The person's name, organisation or email as the event collected; empty when it
    /// collected none.
    pub label: String,
}

/// One dated entry of a breach's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachHistoryRow {
    /// Riga time.
    pub at: String,
    /// The account's email.
    pub by: String,
    /// `recorded`, `assessment`, `notified:inspectorate`, `notified:people`, `closed`.
    pub change: String,
}

/// A notification as the page shows it (times in Riga time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub to: NotifiedTo,
    pub at: String,
    pub how: String,
    pub reference: String,
    pub people: Option<u32>,
    pub delay_reason: String,
    pub late: bool,
}

/// One breach: the record as it stands, its events, the people listed, the clocks,
/// what is still owed, and its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachView {
    pub id: super::PublicId,
    pub record: BreachRecord,
    /// Riga time.
    pub discovered: String,
    pub closed: Option<String>,
    pub events: Vec<BreachEvent>,
    pub people: Vec<AffectedPerson>,
    pub clocks: Vec<ClockView>,
    pub notifications: Vec<NotificationView>,
    pub missing: Vec<NotifiedTo>,
    pub history: Vec<BreachHistoryRow>,
    pub now_unix: i64,
}

/// The drafted notifications in one language: to the inspectorate (GDPR Art. 33(3))
/// and, when the risk is high, to the people affected (Art. 34(2)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachDrafts {
    pub inspectorate: String,
    pub people: Option<String>,
}

/// The affected people's contact fields as CSV (formula-safe).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachContacts {
    /// Without personal data, e.g. `lanyard-breach-contacts-2027-06-01.csv`.
    pub file_name: String,
    pub csv: String,
    pub rows: usize,
}

#[cfg(test)]
mod tests {
    use super::DataCategory;

    /// The names in ids are the JSON names.
    #[test]
    fn category_names_are_the_json_names() {
        for c in DataCategory::ORDER {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }
}
