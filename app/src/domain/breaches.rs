//! The breach register (issue 17; requirement 20). `clock`: what a breach owes by its
//! risk and when each notification is due.

pub mod clock;
pub mod drafts;
pub mod export;
pub mod register;

use crate::types::{BreachRecord, NotifiedTo};
use clock::{clocks, Clock};
use jiff::Timestamp;

/// Why a record's notification or closing is not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterRule {
    /// A time in the record is not a UTC RFC 3339 time.
    BadTime,
    /// A notification made after its due time needs the reason for the delay (GDPR Art.
    /// 33(1): "accompanied by reasons for the delay").
    DelayReasonMissing(NotifiedTo),
    /// Closing while a due notification is not recorded needs a written reason.
    CloseReasonMissing(Vec<NotifiedTo>),
}

fn utc(s: &str) -> Result<Timestamp, RegisterRule> {
    s.parse().map_err(|_| RegisterRule::BadTime)
}

/// The clocks the record owes, from its discovery time and risk.
pub fn record_clocks(r: &BreachRecord) -> Result<Vec<Clock>, RegisterRule> {
    Ok(clocks(utc(&r.discovered_at)?, r.risk))
}

/// Checks every notification in the record: one made late carries its reason.
pub fn check_notifications(r: &BreachRecord) -> Result<(), RegisterRule> {
    let owed = record_clocks(r)?;
    for n in &r.notifications {
        let at = utc(&n.at)?;
        let late = owed.iter().any(|c| c.to == n.to && at > c.due);
        if late && n.delay_reason.trim().is_empty() {
            return Err(RegisterRule::DelayReasonMissing(n.to));
        }
    }
    Ok(())
}

/// The notifications the record owes and has not recorded.
pub fn missing(r: &BreachRecord) -> Result<Vec<NotifiedTo>, RegisterRule> {
    Ok(record_clocks(r)?
        .into_iter()
        .map(|c| c.to)
        .filter(|to| !r.notifications.iter().any(|n| n.to == *to))
        .collect())
}

/// Closing: every due notification recorded, or a written reason.
pub fn check_close(r: &BreachRecord) -> Result<(), RegisterRule> {
    check_notifications(r)?;
    let missing = missing(r)?;
    if !missing.is_empty() && r.close_reason.trim().is_empty() {
        return Err(RegisterRule::CloseReasonMissing(missing));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{BreachKind, BreachNotification, BreachRisk, DataCategory};

    fn record(risk: BreachRisk) -> BreachRecord {
        BreachRecord {
            discovered_at: "2027-06-01T09:00:00Z".into(),
            discovered_by: "the organiser".into(),
            kinds: vec![BreachKind::Confidentiality],
            what_happened: "A printed attendee list was left at the venue.".into(),
            categories: vec![DataCategory::FirstName, DataCategory::LastName],
            everyone_at: vec![],
            approx_people: 2,
            approx_records: 2,
            consequences: "Names seen by other visitors.".into(),
            measures_taken: "The list was collected.".into(),
            measures_planned: "No printed lists.".into(),
            risk,
            risk_reason: "Names only.".into(),
            notifications: vec![],
            closed_at: None,
            close_reason: String::new(),
        }
    }

    fn told(to: NotifiedTo, at: &str, delay: &str) -> BreachNotification {
        BreachNotification {
            to,
            at: at.into(),
            how: "e-mail".into(),
            reference: String::new(),
            people: None,
            delay_reason: delay.into(),
        }
    }

    /// Requirement 20: a late notification needs the reason for the delay; closing
    /// needs every due notification or a written reason; an unlikely risk owes none.
    #[test]
    fn late_notifications_and_closing_need_reasons() {
        assert_eq!(check_close(&record(BreachRisk::Unlikely)), Ok(()));
        let mut r = record(BreachRisk::High);
        assert_eq!(
            check_close(&r),
            Err(RegisterRule::CloseReasonMissing(vec![
                NotifiedTo::Inspectorate,
                NotifiedTo::People
            ]))
        );
        // The inspectorate in time (72 h), the people 2 hours after their 12 h.
        r.notifications
            .push(told(NotifiedTo::Inspectorate, "2027-06-03T09:00:00Z", ""));
        r.notifications
            .push(told(NotifiedTo::People, "2027-06-01T23:00:00Z", ""));
        assert_eq!(
            check_notifications(&r),
            Err(RegisterRule::DelayReasonMissing(NotifiedTo::People))
        );
        r.notifications[1].delay_reason = "The contact list had to be restored first.".into();
        assert_eq!(check_close(&r), Ok(()));
        // Likely: only the inspectorate is owed; a written reason closes without it.
        let mut r = record(BreachRisk::Likely);
        assert_eq!(missing(&r), Ok(vec![NotifiedTo::Inspectorate]));
        r.close_reason = "The inspectorate confirmed by phone no notification is needed.".into();
        assert_eq!(check_close(&r), Ok(()));
        r.discovered_at = "yesterday".into();
        assert_eq!(check_close(&r), Err(RegisterRule::BadTime));
    }
}
