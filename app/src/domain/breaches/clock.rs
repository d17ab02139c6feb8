//! The breach clocks (issue 17; requirement 20). Seed 000: a breach is reported to the
//! Data State Inspectorate within 72 hours and to the people affected within 12 hours.
//! Seed 002 §5.2: what is owed follows the risk to people's rights: unlikely, document
//! only; likely, the inspectorate; high, the inspectorate and the people affected.
//!
//! A clock runs from the moment the breach was discovered and counts real hours, so a
//! clock that crosses a daylight-saving change in Riga ends one hour earlier or later on
//! the wall clock than it started. Times are stored in UTC and shown in Riga time.

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Disambiguation, TimeZone};
use jiff::{SignedDuration, Timestamp, ZonedDateTime};

/// The time zone the register shows (Latvia).
pub const ZONE: &str = "Europe/Riga";

/// Hours to notify the inspectorate (GDPR Art. 33(1); seed 000).
pub const INSPECTORATE_HOURS: i64 = 72;
/// Hours to tell the people affected when the risk is high (seed 000's figure).
pub const PEOPLE_HOURS: i64 = 12;

/// The risk a breach poses to people's rights and freedoms (seed 002 §5.2).
pub use crate::types::BreachRisk as Risk;

/// Whom a notification goes to.
pub use crate::types::NotifiedTo as Addressee;

impl Addressee {
    fn hours(self) -> i64 {
        match self {
            Addressee::Inspectorate => INSPECTORATE_HOURS,
            Addressee::People => PEOPLE_HOURS,
        }
    }
}

/// The one rule from risk to obligations: the notifications a breach owes.
pub fn obligations(risk: Risk) -> &'static [Addressee] {
    match risk {
        Risk::Unlikely => &[],
        Risk::Likely => &[Addressee::Inspectorate],
        Risk::High => &[Addressee::Inspectorate, Addressee::People],
    }
}

/// One notification a breach owes and when it is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub to: Addressee,
    pub due: Timestamp,
}

/// The clocks of a breach discovered at `discovered` with `risk`.
pub fn clocks(discovered: Timestamp, risk: Risk) -> Vec<Clock> {
    obligations(risk)
        .iter()
        .map(|&to| Clock {
            to,
            due: discovered + SignedDuration::from_hours(to.hours()),
        })
        .collect()
}

/// Where a clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockState {
    /// Not yet notified; this much time is left.
    Running { left: SignedDuration },
    /// Not notified and past due by this much.
    Overdue { by: SignedDuration },
    /// Notified in time.
    Done,
    /// Notified after the due time: the register needs the reason for the delay.
    DoneLate { by: SignedDuration },
}

impl Clock {
    /// The clock's state at `now`, given when the notification was made (if it was).
    pub fn state(&self, now: Timestamp, notified: Option<Timestamp>) -> ClockState {
        match notified {
            Some(at) if at <= self.due => ClockState::Done,
            Some(at) => ClockState::DoneLate {
                by: at.duration_since(self.due),
            },
            None if now < self.due => ClockState::Running {
                left: self.due.duration_since(now),
            },
            None => ClockState::Overdue {
                by: now.duration_since(self.due),
            },
        }
    }
}

fn riga() -> TimeZone {
    TimeZone::get(ZONE).expect("the bundled time zone database has Europe/Riga")
}

/// Why a local time typed into the register was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTimeError {
    /// Not of the form `YYYY-MM-DDTHH:MM`.
    Invalid,
    /// The hour the clocks skip in spring (03:00–04:00 on the last Sunday of March).
    Skipped,
    /// The hour that happens twice in autumn: ask which (summer or winter time).
    Ambiguous,
}

/// A time as the browser's `datetime-local` field gives it (`2027-03-28T02:30`), read as
/// Riga time. The skipped spring hour and the doubled autumn hour are refused rather
/// than guessed.
pub fn parse_local(s: &str) -> Result<Timestamp, LocalTimeError> {
    let dt: DateTime = s.trim().parse().map_err(|_| LocalTimeError::Invalid)?;
    let ambiguous = riga().to_ambiguous_zoned_datetime(dt);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => return Err(LocalTimeError::Skipped),
        AmbiguousOffset::Fold { .. } => return Err(LocalTimeError::Ambiguous),
        AmbiguousOffset::Unambiguous { .. } => {}
    }
    ambiguous
        .disambiguate(Disambiguation::Reject)
        .map(|z| z.timestamp())
        .map_err(|_| LocalTimeError::Invalid)
}

/// A stored time in Riga time for the register: `2027-03-30 11:00 (UTC+03:00)`.
pub fn show_local(t: Timestamp) -> String {
    let z: ZonedDateTime = t.to_zoned_datetime(riga());
    format!(
        "{} (UTC{})",
        z.strftime("%Y-%m-%d %H:%M"),
        z.strftime("%:z")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// Requirement 20: the rule from risk to what is owed (seed 002 §5.2).
    #[test]
    fn the_risk_decides_what_is_owed() {
        assert!(obligations(Risk::Unlikely).is_empty());
        assert_eq!(obligations(Risk::Likely), &[Addressee::Inspectorate]);
        assert_eq!(
            obligations(Risk::High),
            &[Addressee::Inspectorate, Addressee::People]
        );
        let t = utc("2027-06-01T09:00:00Z");
        assert!(clocks(t, Risk::Unlikely).is_empty());
        let high = clocks(t, Risk::High);
        assert_eq!(high[0].due, utc("2027-06-04T09:00:00Z"), "72 h");
        assert_eq!(high[1].due, utc("2027-06-01T21:00:00Z"), "12 h");
    }

    /// Requirement 20: 72 real hours across the spring change in Riga end at a later
    /// wall-clock hour than they started; across the autumn change, an earlier one.
    #[test]
    fn clocks_count_real_hours_across_riga_daylight_saving() {
        // Found on Saturday 27 March 2027 at 10:00 Riga winter time (UTC+2); the clocks
        // go forward on Sunday 28 March at 03:00.
        let found = parse_local("2027-03-27T10:00").unwrap();
        assert_eq!(found, utc("2027-03-27T08:00:00Z"), "stored in UTC");
        let c = clocks(found, Risk::High);
        assert_eq!(show_local(c[0].due), "2027-03-30 11:00 (UTC+03:00)");
        assert_eq!(show_local(c[1].due), "2027-03-27 22:00 (UTC+02:00)");
        // Found on Saturday 30 October 2027 at 10:00 summer time (UTC+3); the clocks go
        // back on Sunday 31 October at 04:00.
        let found = parse_local("2027-10-30T10:00").unwrap();
        assert_eq!(found, utc("2027-10-30T07:00:00Z"));
        let c = clocks(found, Risk::Likely);
        assert_eq!(show_local(c[0].due), "2027-11-02 09:00 (UTC+02:00)");
        // 12 hours from 20:00 summer time end at 07:00 winter time, not 08:00.
        let night = parse_local("2027-10-30T20:00").unwrap();
        let c = clocks(night, Risk::High);
        assert_eq!(show_local(c[1].due), "2027-10-31 07:00 (UTC+02:00)");
    }

    /// A local time in the skipped or doubled hour is refused, not guessed.
    #[test]
    fn skipped_and_doubled_local_hours_are_refused() {
        assert_eq!(
            parse_local("2027-03-28T03:30"),
            Err(LocalTimeError::Skipped)
        );
        assert_eq!(
            parse_local("2027-10-31T03:30"),
            Err(LocalTimeError::Ambiguous)
        );
        assert_eq!(parse_local("yesterday"), Err(LocalTimeError::Invalid));
        assert!(parse_local("2027-10-31T04:30").is_ok());
    }

    /// Running, overdue, done in time, done late (which needs a reason).
    #[test]
    fn a_clock_runs_then_is_met_or_missed() {
        let c = clocks(utc("2027-06-01T09:00:00Z"), Risk::Likely)[0];
        assert_eq!(
            c.state(utc("2027-06-04T08:00:00Z"), None),
            ClockState::Running {
                left: SignedDuration::from_hours(1)
            }
        );
        assert_eq!(
            c.state(utc("2027-06-04T11:00:00Z"), None),
            ClockState::Overdue {
                by: SignedDuration::from_hours(2)
            }
        );
        let now = utc("2027-06-10T00:00:00Z");
        assert_eq!(
            c.state(now, Some(utc("2027-06-04T09:00:00Z"))),
            ClockState::Done,
            "at the due time is in time"
        );
        assert_eq!(
            c.state(now, Some(utc("2027-06-04T09:30:00Z"))),
            ClockState::DoneLate {
                by: SignedDuration::from_mins(30)
            }
        );
    }
}
