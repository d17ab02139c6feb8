//! The time the server goes by for rules that expire (issue 16): invitation links and
//! photographers' days at an event; sessions too (issue 18 point 5). It is the system clock; tests move it forward
//! ([`Now::advance`]) to see a link expire or a window close without waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use time::{Date, OffsetDateTime};

/// The system clock plus an offset that only tests set. Clones share the offset.
#[derive(Clone, Debug, Default)]
pub struct Now {
    offset_seconds: Arc<AtomicI64>,
}

impl Now {
    /// The current UTC time, whole seconds.
    pub fn now(&self) -> OffsetDateTime {
        let t = OffsetDateTime::now_utc()
            + time::Duration::seconds(self.offset_seconds.load(Ordering::Relaxed));
        t.replace_nanosecond(0).unwrap_or(t)
    }

    /// Today's date (UTC).
    pub fn today(&self) -> Date {
        self.now().date()
    }

    pub fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    /// Moves this clock (and its clones) forward by `by`. For tests: the server's own
    /// state never calls it.
    pub fn advance(&self, by: time::Duration) {
        self.offset_seconds
            .fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}

/// RFC 3339 of a time, e.g. `2026-11-22T10:00:00Z`.
pub fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_every_clone() {
        let a = Now::default();
        let b = a.clone();
        let before = b.today();
        a.advance(time::Duration::days(8));
        assert_eq!((b.today() - before).whole_days(), 8);
    }
}
