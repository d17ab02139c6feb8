//! Row ids with their table in the type (issue 13): an `EventId` cannot be passed where
//! an `AttendeeId` is meant, and the store takes and returns them instead of bare
//! integers or positional `(i64, i64)` pairs.
//!
//! A row id comes from the database (`FromSql`) or from the wire (`Deserialize`, where a
//! value that cannot be a row id, zero, negative or not a number, is refused at parse
//! time: the server function answers 400 before any look-up). Whether the row exists and
//! belongs to the caller is the store's question, answered with 404.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! row_ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// A row id from a number read outside the store (a URL segment, a test):
            /// `None` unless it is a positive integer.
            pub fn parse(s: &str) -> Option<$name> {
                s.trim().parse::<i64>().ok().filter(|n| *n > 0).map($name)
            }

            /// The row SQLite just inserted (`last_insert_rowid`): only the store makes
            /// ids from bare integers.
            #[cfg(feature = "ssr")]
            #[allow(dead_code)] // photos are inserted by public id and found again by it
            pub(crate) fn inserted(n: i64) -> $name {
                $name(n)
            }

            /// The integer, for SQL and URLs.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        /// Test code names rows by number.
        #[cfg(test)]
        impl From<i64> for $name {
            fn from(n: i64) -> $name {
                $name(n)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = i64::deserialize(d)?;
                if n > 0 {
                    Ok($name(n))
                } else {
                    Err(serde::de::Error::custom("not a row id"))
                }
            }
        }

        #[cfg(feature = "ssr")]
        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        #[cfg(feature = "ssr")]
        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map($name)
            }
        }
    )*};
}

row_ids!(
    /// An `events` row.
    EventId,
    /// An `attendees` row.
    AttendeeId,
    /// A `photos` row.
    PhotoId,
    /// A `requests` row (a data-subject request).
    RequestId,
    /// A `notice_versions` row: one text of the privacy notice as shown.
    NoticeVersionId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_ids_are_positive_integers() {
        assert_eq!(AttendeeId::parse("42").map(AttendeeId::get), Some(42));
        for bad in ["", "0", "-1", "x", "1.5", "99999999999999999999"] {
            assert_eq!(AttendeeId::parse(bad), None, "{bad}");
        }
        assert_eq!(
            serde_json::from_str::<EventId>("7").unwrap().to_string(),
            "7"
        );
        for bad in ["0", "-3", "\"7\"", "null", "1.5"] {
            assert!(serde_json::from_str::<PhotoId>(bad).is_err(), "{bad}");
        }
        assert_eq!(serde_json::to_string(&RequestId(9)).unwrap(), "9");
    }
}
