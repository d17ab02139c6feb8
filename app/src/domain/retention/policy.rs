//! The retention policy as code (issue 15 point 1; requirement 18). Every column of
//! every table has a class here; `every_column_has_a_class` (below) lists the schema
//! after all migrations and fails on any column this table does not name, so a new
//! migration cannot add personal data nobody deletes. The purge (`store::retention`) is
//! generated from this table, the record of processing and the README render it, and
//! `the_purge_applies_exactly_the_policy` checks the purge against it.

/// What happens to a column's values of an event at its purge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Personal data of attendees: wiped at the attendee-data purge as [`Wipe`] says.
    Personal(Wipe),
    /// Photos (rows, files in every size, built exports): deleted at the photo purge
    /// unless archived; an archived photo at the end of the archive period.
    Photo,
    /// Kept in a reduced form: the column stays as part of a record whose personal
    /// columns are wiped (a consent row keeps choice, time and notice version, as after
    /// an erasure; an attendee row keeps its source and times).
    Reduced,
    /// Anonymous counts, kept per event.
    Counts,
    /// What runs the system: staff accounts, events and their settings, devices,
    /// sessions, notice texts. No data about attendees.
    Operational,
    /// The audit log: kept, append-only, ids only.
    Audit,
}

/// How a personal column is wiped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wipe {
    /// The row is deleted.
    Row,
    /// Set to NULL.
    Null,
    /// Set to the empty text (NOT NULL columns).
    Empty,
    /// Set to 0 (flags).
    Zero,
    /// Replaced by a fresh random value that means nothing (unique NOT NULL tokens).
    Token,
    /// Set to `'erased'`, the marker the consent trigger allows (V5).
    Erased,
}

/// One table: which rows belong to an event, and each column's class with the reason.
pub struct Table {
    pub name: &'static str,
    /// SQL condition selecting one event's rows (`?1` is the event's row id); `None` for
    /// tables that hold no event's data.
    pub of_event: Option<&'static str>,
    pub columns: &'static [(&'static str, Class, &'static str)],
}

impl Table {
    /// Whether the attendee-data purge deletes this table's rows of the event.
    pub fn deletes_rows(&self) -> bool {
        self.columns
            .iter()
            .any(|(_, c, _)| *c == Class::Personal(Wipe::Row))
    }

    /// The columns the attendee-data purge wipes in rows it keeps.
    pub fn wiped(&self) -> impl Iterator<Item = (&'static str, Wipe)> + '_ {
        self.columns.iter().filter_map(|(name, c, _)| match c {
            Class::Personal(w) if *w != Wipe::Row => Some((*name, *w)),
            _ => None,
        })
    }
}

const ATTENDEES_OF_EVENT: &str = "attendee_id IN (SELECT id FROM attendees WHERE event_id = ?1)";

use Class::*;
use Wipe::*;

/// The policy, in the order the purge applies it (rows that others point at go last).
pub const TABLES: &[Table] = &[
    Table {
        name: "scans",
        of_event: Some("event_id = ?1 OR attendee_id IN (SELECT id FROM attendees WHERE event_id = ?1)"),
        columns: &[
            ("id", Personal(Row), "a badge scan: who was where, when"),
            ("user_id", Personal(Row), "the scanning photographer, with the scan"),
            ("client_scan_id", Personal(Row), "the scan's offline id, with the scan"),
            ("badge_token", Personal(Row), "the attendee's badge token"),
            ("attendee_id", Personal(Row), "the attendee scanned"),
            ("event_id", Personal(Row), "the event, with the scan"),
            ("device_time", Personal(Row), "when the attendee was scanned"),
            ("received_at", Personal(Row), "when the scan arrived"),
            ("shown", Personal(Row), "the colour shown"),
        ],
    },
    Table {
        name: "photo_tags",
        of_event: Some("photo_id IN (SELECT id FROM photos WHERE event_id = ?1)"),
        columns: &[
            ("id", Personal(Row), "who is in which photo"),
            ("photo_id", Personal(Row), "the photo, with the tag"),
            ("attendee_id", Personal(Row), "the person in the photo"),
            ("source", Personal(Row), "how the person was found, with the tag"),
            ("region_x", Personal(Row), "where the person is in the photo"),
            ("region_y", Personal(Row), "where the person is in the photo"),
            ("region_w", Personal(Row), "where the person is in the photo"),
            ("region_h", Personal(Row), "where the person is in the photo"),
            ("tagged_by", Personal(Row), "who tagged, with the tag"),
            ("tagged_at", Personal(Row), "when, with the tag"),
            ("blurred_at", Personal(Row), "the person was blurred out, with the tag"),
        ],
    },
    Table {
        name: "consents",
        of_event: Some(ATTENDEES_OF_EVENT),
        columns: &[
            ("id", Reduced, "the consent history stays as proof, reduced as after an erasure"),
            ("attendee_id", Reduced, "the reduced attendee row"),
            ("choice", Reduced, "green or red, kept without a person"),
            ("at", Reduced, "when the choice was made"),
            ("notice_version_id", Reduced, "the notice shown"),
            ("channel", Reduced, "kiosk, organiser, self-service or badge scan"),
            ("channel_ref", Personal(Erased), "which device or person recorded it"),
            ("guardian_name", Personal(Null), "a minor's guardian"),
            ("guardian_confirmed", Personal(Zero), "the guardian's confirmation"),
            ("signature_id", Personal(Null), "the guardian's drawn signature"),
            ("clock_end", Reduced, "the event's last day when the choice was made: the day the notice's periods count from"),
        ],
    },
    Table {
        name: "signatures",
        of_event: Some(ATTENDEES_OF_EVENT),
        columns: &[
            ("id", Personal(Row), "a guardian's drawn signature"),
            ("attendee_id", Personal(Row), "the minor it is for"),
            ("png", Personal(Row), "the drawn signature"),
            ("created_at", Personal(Row), "when it was drawn"),
        ],
    },
    Table {
        name: "request_photos",
        of_event: Some("request_id IN (SELECT id FROM requests WHERE attendee_id IN (SELECT id FROM attendees WHERE event_id = ?1))"),
        columns: &[
            ("id", Reduced, "a decision on one photo of a request, kept without its reasons"),
            ("request_id", Reduced, "the request"),
            ("photo_id", Reduced, "the photo (NULL once deleted)"),
            ("label", Reduced, "\"Photo 3\""),
            ("requested", Reduced, "asked for by the person"),
            ("decision", Reduced, "delete, blur or keep"),
            ("reason", Personal(Empty), "the organiser's free text about the person"),
            ("decided_by", Reduced, "the deciding staff member"),
            ("decided_at", Reduced, "when"),
        ],
    },
    Table {
        name: "request_takedowns",
        of_event: Some("request_id IN (SELECT id FROM requests WHERE attendee_id IN (SELECT id FROM attendees WHERE event_id = ?1))"),
        columns: &[
            ("id", Reduced, "a takedown to do, kept without its note"),
            ("request_id", Reduced, "the request"),
            ("item_id", Reduced, "the photo decision"),
            ("channel", Reduced, "where the photo was published"),
            ("url", Personal(Empty), "the address of a photo of the person"),
            ("published_on", Reduced, "when it was published"),
            ("done_at", Reduced, "when it was taken down"),
            ("note", Personal(Empty), "free text"),
        ],
    },
    Table {
        name: "requests",
        of_event: Some(ATTENDEES_OF_EVENT),
        columns: &[
            ("id", Reduced, "a data-subject request, kept without its texts"),
            ("attendee_id", Reduced, "the reduced attendee row"),
            ("status", Reduced, "its outcome"),
            ("received_at", Reduced, "when it came"),
            ("message", Personal(Empty), "the person's own words"),
            ("public_id", Reduced, "its random id"),
            ("kind", Counts, "removal, erasure, objection or restriction (counted)"),
            ("channel", Reduced, "self-service, organiser or kiosk"),
            ("identity_check", Personal(Empty), "how the person's identity was checked"),
            ("lang", Reduced, "the language of the answer"),
            ("all_photos", Reduced, "all photos or some"),
            ("closed_at", Reduced, "when it was closed"),
            ("outcome_note", Personal(Empty), "the organiser's free text"),
        ],
    },
    Table {
        name: "attendee_corrections",
        of_event: Some(ATTENDEES_OF_EVENT),
        columns: &[
            ("id", Personal(Row), "a correction made on the person's request"),
            ("attendee_id", Personal(Row), "the person"),
            ("field", Personal(Row), "which field was corrected (never its values)"),
            ("asked_by", Personal(Row), "email, phone or in person"),
            ("identity_check", Personal(Row), "how the person's identity was checked"),
            ("reason", Personal(Row), "what the person asked, in the organiser's words"),
            ("corrected_by", Personal(Row), "the staff member, with the correction"),
            ("corrected_at", Personal(Row), "when, with the correction"),
        ],
    },
    Table {
        name: "attendees",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("id", Reduced, "the reduced record the consent rows point at"),
            ("event_id", Reduced, "the event"),
            ("badge_token", Personal(Token), "the badge QR: replaced so no printed badge resolves"),
            ("private_code_hash", Personal(Null), "the private self-service code"),
            ("checkin_code_hash", Personal(Null), "the pre-registration check-in code"),
            ("first_name", Personal(Null), "registration field"),
            ("last_name", Personal(Null), "registration field"),
            ("organisation", Personal(Null), "registration field"),
            ("role_title", Personal(Null), "registration field"),
            ("email", Personal(Null), "registration field"),
            ("phone", Personal(Null), "registration field"),
            ("is_minor", Counts, "under 18 (counted)"),
            ("source", Reduced, "kiosk, organiser or import"),
            ("registered_at", Counts, "when (counted as registered)"),
            ("checked_in_at", Counts, "when (counted as checked in)"),
            ("erased_at", Reduced, "erased on request before the purge"),
        ],
    },
    Table {
        name: "photos",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("id", Photo, "a photo of the event"),
            ("public_id", Photo, "its random id and file name"),
            ("event_id", Photo, "the event"),
            ("uploaded_by", Photo, "the photographer"),
            ("sha256", Photo, "the original file's hash"),
            ("format", Photo, "jpeg or png"),
            ("bytes", Photo, "size"),
            ("width", Photo, "size"),
            ("height", Photo, "size"),
            ("orientation", Photo, "EXIF orientation"),
            ("original_name", Personal(Null), "the uploaded file's name, which may name a person"),
            ("camera_time", Photo, "the camera's clock"),
            ("camera_serial", Photo, "the photographer's camera"),
            ("taken_at", Photo, "capture time"),
            ("uploaded_at", Photo, "upload time"),
            ("no_people", Photo, "reviewed as showing no one"),
            ("publish_blurred", Photo, "publish with red people blurred"),
            ("reviewed_by", Photo, "the organiser's review"),
            ("reviewed_at", Photo, "the organiser's review"),
            ("ever_tagged", Photo, "someone was tagged once"),
            ("held_at", Photo, "the anonymous hold an erasure left"),
            ("archived_at", Photo, "kept in the internal archive"),
        ],
    },
    Table {
        name: "publications",
        of_event: Some("photo_id IN (SELECT id FROM photos WHERE event_id = ?1)"),
        columns: &[
            ("id", Photo, "where a photo was published: goes with the photo"),
            ("photo_id", Photo, "the photo"),
            ("channel", Photo, "website, social, press or print"),
            ("url", Photo, "the address"),
            ("published_on", Photo, "the day"),
            ("recorded_by", Photo, "the staff member"),
            ("recorded_at", Photo, "when"),
        ],
    },
    Table {
        name: "event_counts",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("event_id", Counts, "the event"),
            ("registered", Counts, "attendees registered"),
            ("checked_in", Counts, "attendees checked in"),
            ("green", Counts, "green at the end"),
            ("red", Counts, "red at the end"),
            ("minors", Counts, "under 18"),
            ("photos", Counts, "photos uploaded"),
            ("requests_removal", Counts, "photo-removal requests"),
            ("requests_erasure", Counts, "erasure requests"),
            ("requests_objection", Counts, "objections"),
            ("requests_restriction", Counts, "restriction requests"),
            ("counted_at", Counts, "when counted"),
        ],
    },
    Table {
        name: "events",
        of_event: Some("id = ?1"),
        columns: &[
            ("id", Operational, "the event"),
            ("public_id", Operational, "its random id"),
            ("owner_id", Operational, "the organiser"),
            ("name", Operational, "the event's name"),
            ("starts_on", Operational, "first day"),
            ("ends_on", Operational, "last day: the retention clock starts here"),
            ("venue", Operational, "where"),
            ("default_lang", Operational, "language"),
            ("created_at", Operational, "when"),
            ("settings", Operational, "the organiser's settings, periods included"),
            ("purged_at", Operational, "when the attendee data was purged"),
            ("photos_purged_at", Operational, "when the photos were purged"),
            ("archive_purged_at", Operational, "when the archive was purged"),
            ("archived_at", Operational, "when the organiser archived the event (read-only)"),
        ],
    },
    Table {
        name: "notice_versions",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("id", Operational, "every notice text shown, for proof"),
            ("event_id", Operational, "the event"),
            ("lang", Operational, "language"),
            ("text", Operational, "the text (the controller's details, no attendee's)"),
            ("sha256", Operational, "its hash"),
            ("created_at", Operational, "when"),
            ("attendee_days", Operational, "the period it stated for attendee data"),
            ("photo_days", Operational, "the period it stated for photos"),
            ("archive_days", Operational, "the archive it stated"),
        ],
    },
    Table {
        name: "kiosk_pairings",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("id", Operational, "a one-time pairing code"),
            ("event_id", Operational, "the event"),
            ("code_hash", Operational, "the code's hash"),
            ("created_by", Operational, "the organiser"),
            ("created_at", Operational, "when"),
            ("expires_at", Operational, "until"),
            ("label", Operational, "the tablet's name, e.g. \"Entrance 1\""),
            ("used_at", Operational, "when used"),
        ],
    },
    Table {
        name: "kiosk_devices",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("id", Operational, "a paired tablet"),
            ("event_id", Operational, "the event"),
            ("label", Operational, "its name"),
            ("paired_by", Operational, "the organiser"),
            ("paired_at", Operational, "when"),
            ("revoked_at", Operational, "when revoked"),
            ("last_seen_at", Operational, "when the tablet last made a request"),
            ("registrations", Counts, "how many registrations were made on it"),
            ("valid_until", Operational, "the last day it works"),
        ],
    },
    Table {
        name: "photographer_clocks",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("event_id", Operational, "a camera clock's offset at the event"),
            ("user_id", Operational, "the photographer"),
            ("offset_seconds", Operational, "the offset"),
            ("set_by", Operational, "the organiser"),
            ("set_at", Operational, "when"),
        ],
    },
    Table {
        name: "users",
        of_event: None,
        columns: &[
            ("id", Operational, "a staff account"),
            ("email", Operational, "staff sign-in, kept while the account exists"),
            ("password_hash", Operational, "argon2 hash"),
            ("role", Operational, "admin, organiser or photographer"),
            ("created_at", Operational, "when"),
            ("status", Operational, "active or disabled by an admin"),
            ("session_epoch", Operational, "raised to end every session of the account at once"),
            ("last_login_at", Operational, "the last sign-in, shown to admins"),
        ],
    },
    Table {
        name: "sessions",
        of_event: None,
        columns: &[
            ("id", Operational, "a signed-in browser or paired tablet; expires"),
            ("data", Operational, "who is signed in (ids only)"),
            ("expiry_date", Operational, "when it ends"),
            ("user_id", Operational, "whose session, so it can be ended"),
        ],
    },
    Table {
        name: "invitations",
        of_event: None,
        columns: &[
            ("id", Operational, "a one-time link to set a staff account's password"),
            ("user_id", Operational, "the staff account"),
            ("token_hash", Operational, "the link's hash"),
            ("created_at", Operational, "when"),
            ("expires_at", Operational, "until (7 days)"),
            ("used_at", Operational, "when used"),
        ],
    },
    Table {
        name: "event_photographers",
        of_event: Some("event_id = ?1"),
        columns: &[
            ("event_id", Operational, "a photographer's work at the event"),
            ("user_id", Operational, "the photographer"),
            ("from_day", Operational, "the first day they may work there"),
            ("until_day", Operational, "the last day"),
            ("added_at", Operational, "when"),
        ],
    },
    Table {
        name: "breaches",
        of_event: None,
        columns: &[
            ("id", Operational, "a breach in the register (kept: seed 002 §5.3)"),
            ("public_id", Operational, "its id in addresses"),
            ("created_by", Operational, "the staff member who recorded it"),
            ("created_at", Operational, "when"),
        ],
    },
    Table {
        name: "breach_entries",
        of_event: None,
        columns: &[
            ("id", Operational, "one dated change in a breach's history (kept)"),
            ("breach_id", Operational, "the breach"),
            ("at", Operational, "when"),
            ("by_user", Operational, "the staff member"),
            ("change", Operational, "what changed"),
            ("record", Operational, "the record after the change: facts, categories and numbers, no attendee's data"),
        ],
    },
    Table {
        name: "breach_events",
        of_event: None,
        columns: &[
            ("breach_id", Operational, "a breach touching an event (kept with the register)"),
            ("event_id", Operational, "the event"),
        ],
    },
    Table {
        name: "breach_people",
        of_event: Some(ATTENDEES_OF_EVENT),
        columns: &[
            ("breach_id", Personal(Row), "a person affected by a breach; the record keeps the number"),
            ("attendee_id", Personal(Row), "the person"),
        ],
    },
    Table {
        name: "journal_applied",
        of_event: None,
        columns: &[
            ("id", Operational, "the one row"),
            ("seq", Operational, "the newest erasure-journal entry this database holds (ids only)"),
        ],
    },
    Table {
        name: "backup_runs",
        of_event: None,
        columns: &[
            ("id", Operational, "one backup attempt"),
            ("kind", Operational, "scheduled or from the command line"),
            ("started_at", Operational, "when it started"),
            ("finished_at", Operational, "when it ended"),
            ("ok", Operational, "whether it worked"),
            ("bytes", Operational, "the encrypted file's size"),
            ("file", Operational, "the file's name (a time)"),
            ("reason", Operational, "why it failed, as a code"),
        ],
    },
    Table {
        name: "audit_log",
        of_event: None,
        columns: &[
            ("id", Audit, "who did what: kept, ids only"),
            ("at", Audit, "when"),
            ("actor", Audit, "user, kiosk, attendee or system id"),
            ("principal_kind", Audit, "the kind of actor"),
            ("action", Audit, "what"),
            ("subject", Audit, "on what (ids)"),
            ("prev_hash", Audit, "the chain"),
            ("hash", Audit, "the chain"),
            ("event_id", Audit, "which event's organisers may read it"),
        ],
    },
    Table {
        name: "audit_verified",
        of_event: None,
        columns: &[
            ("id", Audit, "where the chain's check got to"),
            ("last_id", Audit, "the last verified row"),
            ("last_hash", Audit, "its hash"),
            ("verified_at", Audit, "when"),
        ],
    },
];

/// The class of `table.column`, if the policy names it.
pub fn class_of(table: &str, column: &str) -> Option<Class> {
    TABLES
        .iter()
        .find(|t| t.name == table)?
        .columns
        .iter()
        .find(|(c, _, _)| *c == column)
        .map(|(_, class, _)| *class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// Every (table, column) of the schema after all migrations, `sqlite_*` excepted.
    fn schema_columns(c: &Connection) -> Vec<(String, String)> {
        let tables: Vec<String> = c
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut out = Vec::new();
        for t in tables {
            let cols: Vec<String> = c
                .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            out.extend(cols.into_iter().map(|col| (t.clone(), col)));
        }
        out
    }

    fn unclassified(c: &Connection) -> Vec<String> {
        schema_columns(c)
            .into_iter()
            .filter(|(t, col)| class_of(t, col).is_none())
            .map(|(t, col)| format!("{t}.{col}"))
            .collect()
    }

    fn migrated() -> Connection {
        let mut c = Connection::open_in_memory().unwrap();
        crate::domain::store::migrations::migrations()
            .to_latest(&mut c)
            .unwrap();
        c
    }

    /// Issue 15 point 1: a column without a class fails here, so no migration can add
    /// personal data that nobody deletes.
    #[test]
    fn every_column_has_a_class() {
        let c = migrated();
        assert_eq!(unclassified(&c), Vec::<String>::new());
        // And the policy names nothing the schema lacks (a renamed column).
        let schema = schema_columns(&c);
        for t in TABLES {
            for (col, _, why) in t.columns {
                assert!(
                    schema.iter().any(|(st, sc)| st == t.name && sc == col),
                    "policy names {}.{col} ({why}), which the schema does not have",
                    t.name
                );
            }
        }
    }

    /// The check is shown to fail: a throw-away migration adds a column and a table.
    #[test]
    fn a_new_unclassified_column_fails_the_check() {
        let c = migrated();
        c.execute_batch(
            "ALTER TABLE attendees ADD COLUMN shoe_size TEXT;
             CREATE TABLE dietary (attendee_id INTEGER, need TEXT);",
        )
        .unwrap();
        assert_eq!(
            unclassified(&c),
            vec![
                "attendees.shoe_size".to_string(),
                "dietary.attendee_id".to_string(),
                "dietary.need".to_string()
            ]
        );
    }

    #[test]
    fn a_table_either_deletes_its_rows_or_keeps_them_whole() {
        for t in TABLES {
            if t.deletes_rows() {
                assert!(
                    t.columns.iter().all(|(_, c, _)| *c == Personal(Row)),
                    "{}: rows deleted, so every column goes with them",
                    t.name
                );
            }
            let personal = t.columns.iter().any(|(_, c, _)| matches!(c, Personal(_)));
            assert!(
                !personal || t.of_event.is_some(),
                "{}: personal data must say which event it belongs to",
                t.name
            );
        }
    }
}
