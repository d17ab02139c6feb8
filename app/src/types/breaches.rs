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
    pub categories: Vec<String>,
    pub approx_people: u32,
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
