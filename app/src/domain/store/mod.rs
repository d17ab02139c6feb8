//! The store: the only place SQL lives. Reads run on a pooled connection in deadpool's
//! blocking thread, never on the async runtime; writes go to the one writer thread
//! (`writer.rs`, group commit). Each runs inside one transaction (a savepoint of the
//! writer's batch) that also appends the audit rows for what it read or changed
//! (requirement 19).

mod assignments;
mod attendees;
mod audit;
mod backup;
mod breaches;
mod corrections;
mod events;
mod journal;
mod kiosk;
pub mod migrations;
pub(crate) mod notices;
mod photos;
pub mod requests;
mod retention;
mod scans;
pub mod sessions;
#[cfg(test)]
pub(crate) mod test_support;
mod users;
mod writer;

pub use assignments::AssignmentRow;
pub use attendees::{
    BadgeSource, CheckinCandidate, CheckinKey, EventCounts, ImportedAttendee, NewAttendee,
    NewConsent, LIST_LIMIT,
};
pub use audit::{AuditPage, AuditQuery};
pub use backup::{
    check_restored, record_restore, snapshot_facts, BackupRun, SnapshotFacts, StoredPhoto,
};
pub use breaches::{AffectedRow, BreachEntry, StoredBreach};
pub use corrections::CorrectionNote;
pub use journal::Journaled;
pub use kiosk::KioskDevice;
pub use notices::NoticeVersion;
pub use photos::{NewPhoto, PhotoRow, ScanRow, TagFacts, TagRow};
pub use requests::{NewRequestRow, RequestItemRow, RequestRecord, SubjectPhoto};
pub use retention::{Clock, PromisedBy, PurgePreview, PurgeReport, Stages};
pub use sessions::SqliteSessionStore;
pub use users::{InvitationRecord, LoginRecord, NewInvitation, UserRecord};

use crate::domain::journal::Journal;
use crate::types::Role;
use crate::types::{AttendeeId, EventId};
use deadpool_sqlite::{Config, Hook, HookError, Pool, PoolConfig, Runtime};
use rusqlite::{Connection, Transaction};
use std::path::Path;
use std::sync::Arc;

/// Who is acting. Written to the audit log as `actor` (an id, never a name) and
/// `principal_kind`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    User {
        id: i64,
        role: Role,
    },
    Kiosk {
        device_id: i64,
        event_id: EventId,
    },
    /// The `lanyard admin` command line, run by whoever has the server's shell.
    Cli,
    /// Start-up work such as creating the demo data.
    System,
    /// Not signed in (failed sign-in attempts).
    Anonymous,
    /// An attendee on the self-service page, proven by their private code.
    DataSubject {
        attendee_id: AttendeeId,
    },
}

impl Actor {
    pub fn audit_actor(&self) -> String {
        match self {
            Actor::User { id, .. } => format!("user:{id}"),
            Actor::Kiosk { device_id, .. } => format!("kiosk:{device_id}"),
            Actor::Cli => "cli".into(),
            Actor::System => "system".into(),
            Actor::Anonymous => "anonymous".into(),
            Actor::DataSubject { attendee_id } => format!("attendee:{attendee_id}"),
        }
    }

    pub fn principal_kind(&self) -> &'static str {
        match self {
            Actor::User { role, .. } => role.as_str(),
            Actor::Kiosk { .. } => "kiosk",
            Actor::Cli => "cli",
            Actor::System => "system",
            Actor::Anonymous => "anonymous",
            Actor::DataSubject { .. } => "data_subject",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("connection pool error: {0}")]
    Pool(String),
    /// Encoding, hashing or a task that failed: not the caller's fault.
    #[error("internal error: {0}")]
    Internal(String),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(Conflict),
}

/// Why the store refused a change that is well-formed but not possible now. Callers
/// match the variant (never text); `api::guard::store_err` words each for the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    /// The actor must be a signed-in user (pairing a kiosk, deciding a request photo).
    #[error("not a user")]
    NotAUser,
    #[error("email already registered")]
    EmailAlreadyRegistered,
    #[error("notice version is not this event's")]
    NoticeWrongEvent,
    /// No such notice version, or its text hash is not the one sent.
    #[error("notice version unknown")]
    NoticeUnknown,
    /// The notice version shown is no longer the current one of its language.
    #[error("notice changed")]
    NoticeChanged,
    #[error("too many consent changes")]
    ConsentChangesTooMany,
    #[error("checkin used")]
    CheckinUsed,
    #[error("no consent yet")]
    NoConsentYet,
    #[error("request open")]
    RequestOpen,
    #[error("record erased")]
    RecordErased,
    #[error("request closed")]
    RequestClosed,
    #[error("photo unknown")]
    PhotoUnknown,
    #[error("photo deleted")]
    PhotoDeleted,
    #[error("region missing")]
    RegionMissing,
    #[error("not erasure")]
    NotErasure,
    /// The event is archived: read-only (issue 16 point 4).
    #[error("event archived")]
    EventArchived,
    /// The last admin who can sign in would be disabled, demoted or reset (issue 16).
    #[error("last admin")]
    LastAdmin,
    /// An invitation used already, expired, or of a disabled account.
    #[error("invitation invalid")]
    InvitationInvalid,
    /// Only photographers' accounts are assigned to events.
    #[error("not a photographer")]
    NotAPhotographer,
    /// A breach got a new entry since the page read it (issue 17).
    #[error("breach changed")]
    BreachChanged,
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Settings every connection gets: WAL so readers do not block the writer,
/// `synchronous=FULL` so a committed write is on disk before we answer 2xx, foreign
/// keys enforced, deleted content overwritten with zeros (an erased name must not linger
/// in free pages), and a busy timeout instead of immediate "database is locked".
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA busy_timeout = 5000;",
    )
}

#[derive(Clone)]
pub struct Store {
    /// Read connections; `None` for an in-memory store, whose one connection the writer
    /// owns.
    pool: Option<Pool>,
    /// The one write connection's thread (group commit, issue 19 point 2).
    writer: Arc<writer::Writer>,
    /// The erasure journal (issue 17 point 8): every erasure, purge, photo deletion and
    /// blur is written there inside its transaction. `None` for in-memory test stores.
    journal: Option<Arc<Journal>>,
}

impl Store {
    /// Opens (creating if needed) the database file and brings the schema up to date.
    pub async fn open(path: &Path) -> StoreResult<Self> {
        let mut config = Config::new(path);
        config.pool = Some(PoolConfig::new(8));
        let pool = config
            .builder(Runtime::Tokio1)
            .map_err(|e| StoreError::Pool(e.to_string()))?
            .post_create(Hook::async_fn(|conn, _| {
                Box::pin(async move {
                    conn.interact(|c| configure(c))
                        .await
                        .map_err(|e| HookError::message(e.to_string()))?
                        .map_err(HookError::Backend)
                })
            }))
            .build()
            .map_err(|e| StoreError::Pool(e.to_string()))?;
        let conn = pool
            .get()
            .await
            .map_err(|e| StoreError::Pool(e.to_string()))?;
        conn.interact(|c| migrations::migrations().to_latest(c))
            .await
            .map_err(|e| StoreError::Pool(e.to_string()))??;
        drop(conn);
        let path = path.to_path_buf();
        let write = tokio::task::spawn_blocking(move || -> StoreResult<Connection> {
            let c = Connection::open(path)?;
            configure(&c)?;
            Ok(c)
        })
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))??;
        Ok(Store {
            pool: Some(pool),
            writer: Arc::new(writer::Writer::start(write)?),
            journal: None,
        })
    }

    /// A private in-memory database on a single connection, for tests. The writer
    /// thread owns it and runs reads and writes alike.
    pub async fn open_in_memory() -> StoreResult<Self> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let store = Store {
            pool: None,
            writer: Arc::new(writer::Writer::start(conn)?),
            journal: None,
        };
        store
            .with_conn(|conn| {
                migrations::migrations().to_latest(conn)?;
                Ok(())
            })
            .await?;
        Ok(store)
    }

    /// Writes every erasure to `journal` from now on (issue 17 point 8).
    pub fn with_journal(mut self, journal: Journal) -> Self {
        self.journal = Some(Arc::new(journal));
        self
    }

    /// The erasure journal, if there is one.
    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_deref()
    }

    /// Empties the WAL into the database file and closes every connection: the file
    /// then stands alone (a restore checks and moves it).
    pub async fn close(self) -> StoreResult<()> {
        if self.pool.is_some() {
            self.writer.stop().await;
        }
        self.with_conn(|c| {
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            Ok(())
        })
        .await?;
        match &self.pool {
            Some(pool) => pool.close(),
            None => self.writer.stop().await,
        }
        Ok(())
    }

    /// Writes sent to the writer and transactions it committed (group commit: the
    /// second grows slower than the first under concurrent writes).
    pub fn write_stats(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::SeqCst;
        let s = &self.writer.stats;
        (s.submitted.load(SeqCst), s.commits.load(SeqCst))
    }

    /// A trivial query: the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        self.with_conn(|c| {
            Ok(c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))
                .map(|_| ())?)
        })
        .await
    }

    /// Runs `f` on a pooled connection in deadpool's blocking thread (on the writer's
    /// connection, between batches, for an in-memory store). For reads, and the few
    /// writes that need no transaction (`sessions.rs`, `kiosk.rs`' last-seen time).
    async fn with_conn<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let Some(pool) = &self.pool else {
            return self.writer.direct(f).await;
        };
        let conn = pool
            .get()
            .await
            .map_err(|e| StoreError::Pool(e.to_string()))?;
        conn.interact(f)
            .await
            .map_err(|e| StoreError::Pool(e.to_string()))?
    }

    /// Runs `f` in the writer's next batch: one IMMEDIATE transaction for the writes
    /// waiting together, a savepoint for each. Answers after the batch is committed (on
    /// disk); an `Err` from `f` undoes `f`'s changes only.
    async fn tx<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> StoreResult<T> + Send + 'static,
    {
        self.writer.tx(f).await
    }
}

/// Current UTC time as RFC 3339 with whole seconds, e.g. `2026-11-22T10:00:00Z`.
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub fn now_unix() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations::migrations().validate().unwrap();
    }

    /// An organiser (user 1), their event (row 4) and one attendee (row 9), in the
    /// columns every migration since V3 has: the rows the upgrade tests build on.
    fn seed_person(conn: &Connection) {
        conn.execute_batch(
            "INSERT INTO users (id, email, password_hash, role, created_at)
                 VALUES (1, 'o@x.lv', 'h', 'organiser', '2026-01-01T00:00:00Z');
             INSERT INTO events (id, public_id, owner_id, name, created_at)
                 VALUES (4, 'ev', 1, 'E', '2026-01-01T00:00:00Z');
             INSERT INTO attendees (id, event_id, badge_token, source, registered_at)
                 VALUES (9, 4, 'tok', 'kiosk', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }

    /// Issue 13: a database with V5's `removal_*` tables keeps every request, its photo
    /// decisions and takedowns under the one name, with the foreign keys following.
    #[test]
    fn v6_renames_removal_tables_and_keeps_their_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        let m = migrations::migrations();
        m.to_version(&mut conn, 5).unwrap();
        seed_person(&conn);
        conn.execute_batch(
            "INSERT INTO removal_requests (id, attendee_id, status, received_at, public_id)
                 VALUES (1, 9, 'received', '2026-01-02T00:00:00Z', 'req1');
             INSERT INTO removal_photos (id, request_id, photo_id, label) VALUES (1, 1, NULL, 1);
             INSERT INTO removal_takedowns (request_id, item_id, channel, published_on)
                 VALUES (1, 1, 'website', '2026-01-03');",
        )
        .unwrap();
        m.to_latest(&mut conn).unwrap();
        let count = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count("requests"), 1);
        assert_eq!(count("request_photos"), 1);
        assert_eq!(count("request_takedowns"), 1);
        let old: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'removal_%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(old, 0, "no table or index keeps the old name");
        let parent: String = conn
            .query_row(
                "SELECT \"table\" FROM pragma_foreign_key_list('request_takedowns') WHERE \"from\" = 'item_id'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(parent, "request_photos");
        // Deleting the request still cascades to its photos and takedowns.
        conn.execute("DELETE FROM requests WHERE id = 1", [])
            .unwrap();
        assert_eq!(count("request_photos") + count("request_takedowns"), 0);
    }

    /// Issue 14, point 7: V7 gives older audit rows the event they are about, so an
    /// organiser keeps seeing their own history, and puts the append-only trigger back.
    #[test]
    fn v7_backfills_the_event_of_older_audit_rows_and_stays_append_only() {
        let mut conn = Connection::open_in_memory().unwrap();
        let m = migrations::migrations();
        m.to_version(&mut conn, 6).unwrap();
        seed_person(&conn);
        conn.execute_batch(
            "INSERT INTO audit_log (at, actor, principal_kind, action, subject, prev_hash, hash)
             VALUES ('t', 'user:1', 'organiser', 'event.create', 'event:4', 'g', 'h1'),
                    ('t', 'user:1', 'organiser', 'attendee.view', 'attendee:9', 'h1', 'h2'),
                    ('t', 'anonymous', 'anonymous', 'auth.login_failed', 'user:1', 'h2', 'h3');",
        )
        .unwrap();
        m.to_latest(&mut conn).unwrap();
        let events: Vec<Option<i64>> = conn
            .prepare("SELECT event_id FROM audit_log ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(events, vec![Some(4), Some(4), None]);
        assert!(conn
            .execute("UPDATE audit_log SET subject = 'x' WHERE id = 1", [])
            .is_err());
    }

    /// Issue 14, point 1: after V8 a photo someone was tagged in remembers it (so "no
    /// identifiable people" stays refused after an untag), and no photo counts as
    /// reviewed by an organiser until one reviews it.
    #[test]
    fn v8_remembers_tagged_photos_and_asks_for_an_organisers_review() {
        let mut conn = Connection::open_in_memory().unwrap();
        let m = migrations::migrations();
        m.to_version(&mut conn, 7).unwrap();
        seed_person(&conn);
        conn.execute_batch(
            "INSERT INTO photos (id, public_id, event_id, uploaded_by, sha256, format, bytes,
                 width, height, uploaded_at, no_people)
             VALUES (1, 'p1', 4, 1, 'a', 'jpeg', 1, 1, 1, 't', 0),
                    (2, 'p2', 4, 1, 'b', 'jpeg', 1, 1, 1, 't', 1);
             INSERT INTO photo_tags (photo_id, attendee_id, source, tagged_by, tagged_at)
             VALUES (1, 9, 'badge', 1, 't');",
        )
        .unwrap();
        m.to_latest(&mut conn).unwrap();
        let rows: Vec<(i64, bool, Option<String>)> = conn
            .prepare("SELECT id, ever_tagged, reviewed_at FROM photos ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows, vec![(1, true, None), (2, false, None)]);
    }

    /// Issue 15: notice versions from before V10 stated the event's `retention_days` for
    /// all personal data, photos included, and no archive; V10 records that, and the
    /// versions stay read-only.
    #[test]
    fn v10_records_the_periods_old_notices_stated() {
        let mut conn = Connection::open_in_memory().unwrap();
        let m = migrations::migrations();
        m.to_version(&mut conn, 9).unwrap();
        seed_person(&conn);
        conn.execute_batch(
            "UPDATE events SET settings = '{\"retention_days\":30}' WHERE id = 4;
             INSERT INTO notice_versions (event_id, lang, text, sha256, created_at)
             VALUES (4, 'lv', 'Glabājam 30 dienas', 'x', 't');",
        )
        .unwrap();
        m.to_latest(&mut conn).unwrap();
        let row: (u32, u32, u32) = conn
            .query_row(
                "SELECT attendee_days, photo_days, archive_days FROM notice_versions",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(row, (30, 30, 0));
        assert!(conn
            .execute("UPDATE notice_versions SET attendee_days = 999", [])
            .is_err());
    }

    /// Issue 16: V13 tells whose each existing session is (kiosks none), so a disable
    /// also ends the sessions signed in before the upgrade; everyone stays active.
    #[test]
    fn v13_finds_the_user_of_existing_sessions() {
        let mut conn = Connection::open_in_memory().unwrap();
        let m = migrations::migrations();
        m.to_version(&mut conn, 10).unwrap();
        seed_person(&conn);
        conn.execute_batch(
            r#"INSERT INTO sessions (id, data, expiry_date) VALUES
                ('u', CAST('{"id":"u","data":{"principal":{"kind":"user","id":1,"role":"organiser"}},"expiry_date":[2030,1,0,0,0,0,0,0,0]}' AS BLOB), 9999999999),
                ('k', CAST('{"id":"k","data":{"principal":{"kind":"kiosk","device_id":1,"event_id":4}},"expiry_date":[2030,1,0,0,0,0,0,0,0]}' AS BLOB), 9999999999);"#,
        )
        .unwrap();
        // V17 re-keys the rows (its own test below).
        m.to_version(&mut conn, 13).unwrap();
        let users: Vec<(String, Option<i64>)> = conn
            .prepare("SELECT id, user_id FROM sessions ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(users, vec![("k".into(), None), ("u".into(), Some(1))]);
        let (status, epoch): (String, i64) = conn
            .query_row(
                "SELECT status, session_epoch FROM users WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((status.as_str(), epoch), ("active", 0));
    }

    /// Issue 18 point 5: V17 keeps the sessions signed in before it (a paired tablet
    /// stays paired) but under the SHA-256 of their ids, with their values only: the id
    /// is nowhere in the table, and each still loads with the cookie it had.
    #[tokio::test]
    async fn v17_keys_existing_sessions_by_the_hash_of_their_id() {
        use tower_sessions::session::Id;
        use tower_sessions::SessionStore;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite3");
        let kiosk_id = Id::default();
        let user_id = Id::default();
        {
            let mut conn = Connection::open(&path).unwrap();
            let m = migrations::migrations();
            m.to_version(&mut conn, 16).unwrap();
            seed_person(&conn);
            let old = |id: &Id, principal: &str| {
                format!(
                    r#"{{"id":"{id}","data":{{"principal":{principal},"renewed":7}},"expiry_date":[2100,1,0,0,0,0,0,0,0]}}"#
                )
            };
            let rows = [
                (
                    kiosk_id.to_string(),
                    old(&kiosk_id, r#"{"kind":"kiosk","device_id":1,"event_id":4}"#),
                    None,
                ),
                (
                    user_id.to_string(),
                    old(
                        &user_id,
                        r#"{"kind":"user","id":1,"role":"organiser","epoch":0}"#,
                    ),
                    Some(1),
                ),
                ("broken".to_string(), "not json".to_string(), None),
            ];
            for (id, data, user) in rows {
                conn.execute(
                    "INSERT INTO sessions (id, data, expiry_date, user_id) VALUES (?1, CAST(?2 AS BLOB), 4102444800, ?3)",
                    rusqlite::params![id, data, user],
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).await.unwrap();
        let (keys, datas): (Vec<String>, Vec<String>) = store
            .with_conn(|c| {
                let mut st =
                    c.prepare("SELECT id, CAST(data AS TEXT) FROM sessions ORDER BY id")?;
                let rows = st
                    .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(rows.into_iter().unzip())
            })
            .await
            .unwrap();
        let mut want = vec![sessions::row_key(&kiosk_id), sessions::row_key(&user_id)];
        want.sort();
        assert_eq!(
            keys, want,
            "the unreadable row is gone, the others re-keyed"
        );
        for d in &datas {
            assert!(!d.contains(&kiosk_id.to_string()) && !d.contains(&user_id.to_string()));
            assert!(d.starts_with(r#"{"principal":"#), "{d}");
        }
        let sessions = sessions::SqliteSessionStore::new(store.clone());
        let kiosk = sessions
            .load(&kiosk_id)
            .await
            .unwrap()
            .expect("the tablet stays paired");
        assert_eq!(kiosk.id, kiosk_id);
        assert_eq!(kiosk.data["renewed"], serde_json::json!(7));
        assert_eq!(kiosk.expiry_date.unix_timestamp(), 4102444800);
        let user = sessions
            .load(&user_id)
            .await
            .unwrap()
            .expect("still signed in");
        assert_eq!(sessions::session_user(&user), Some((1, 0)));
    }

    /// Issue 16 point 6: V14 builds `requests` again so its channel may be `kiosk`; every
    /// request, photo decision and takedown stays with its id, the indexes are back and
    /// deleting a request still cascades.
    #[test]
    fn v14_keeps_every_request_and_allows_the_kiosk_channel() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        let m = migrations::migrations();
        m.to_version(&mut conn, 13).unwrap();
        seed_person(&conn);
        conn.execute_batch(
            "INSERT INTO requests (id, attendee_id, status, received_at, public_id, kind,
                 channel, identity_check, message, outcome_note)
             VALUES (5, 9, 'in_review', '2026-01-02T00:00:00Z', 'req5', 'removal',
                 'self_service', 'private code', 'please', ''),
                    (6, 9, 'done', '2026-01-03T00:00:00Z', 'req6', 'erasure',
                 'organiser', 'called back', '', 'erased');
             INSERT INTO request_photos (id, request_id, photo_id, label, decision, reason)
                 VALUES (7, 5, NULL, 1, 'keep', 'public session');
             INSERT INTO request_takedowns (request_id, item_id, channel, published_on)
                 VALUES (5, 7, 'website', '2026-01-03');",
        )
        .unwrap();
        assert!(
            conn.execute(
                "INSERT INTO requests (attendee_id, status, received_at, channel)
                 VALUES (9, 'received', 't', 'kiosk')",
                [],
            )
            .is_err(),
            "before V14 the kiosk channel is refused"
        );
        m.to_latest(&mut conn).unwrap();
        let rows: Vec<(i64, String, String, String, String)> = conn
            .prepare(
                "SELECT id, public_id, status, channel, identity_check FROM requests ORDER BY id",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows,
            vec![
                (
                    5,
                    "req5".into(),
                    "in_review".into(),
                    "self_service".into(),
                    "private code".into()
                ),
                (
                    6,
                    "req6".into(),
                    "done".into(),
                    "organiser".into(),
                    "called back".into()
                ),
            ]
        );
        let count = |conn: &Connection, table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count(&conn, "request_photos"), 1);
        assert_eq!(count(&conn, "request_takedowns"), 1);
        let indexes: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
                 ('requests_attendee', 'requests_public', 'request_photos_photo',
                  'request_takedowns_request')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexes, 4);
        let leftovers: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%_v13%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            leftovers, 0,
            "no table or foreign key keeps the building name"
        );
        conn.execute(
            "INSERT INTO requests (attendee_id, status, received_at, channel, public_id)
             VALUES (9, 'received', 't', 'kiosk', 'req7')",
            [],
        )
        .unwrap();
        assert!(conn
            .execute(
                "INSERT INTO requests (attendee_id, status, received_at, channel)
                 VALUES (9, 'received', 't', 'fax')",
                [],
            )
            .is_err());
        assert!(
            conn.execute(
                "INSERT INTO requests (attendee_id, status, received_at, public_id)
                 VALUES (9, 'received', 't', 'req5')",
                [],
            )
            .is_err(),
            "public ids stay unique"
        );
        conn.execute("DELETE FROM requests WHERE id = 5", [])
            .unwrap();
        assert_eq!(
            count(&conn, "request_photos") + count(&conn, "request_takedowns"),
            0
        );
        let fk: Vec<(String, String, String)> = conn
            .prepare(
                "SELECT f.\"table\", f.\"from\", m.name FROM sqlite_master m,
                      pragma_foreign_key_list(m.name) f
                      WHERE m.name IN ('request_photos', 'request_takedowns') ORDER BY 3, 2",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(fk.iter().all(|(t, _, _)| !t.ends_with("_v13")), "{fk:?}");
    }

    #[test]
    fn migrations_apply_to_empty_db_and_are_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        let m = migrations::migrations();
        m.to_latest(&mut conn).unwrap();
        let v1: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert!(v1 >= 1);
        // Running again changes nothing and does not fail.
        m.to_latest(&mut conn).unwrap();
        let v2: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v1, v2);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN
                 ('users','events','audit_log','sessions','kiosk_devices','kiosk_pairings')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 6);
    }

    #[tokio::test]
    async fn file_database_uses_wal_and_full_sync() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.sqlite3")).await.unwrap();
        let (mode, sync, fk): (String, i64, i64) = store
            .with_conn(|c| {
                Ok(c.query_row(
                    "SELECT (SELECT journal_mode FROM pragma_journal_mode),
                            (SELECT synchronous FROM pragma_synchronous),
                            (SELECT foreign_keys FROM pragma_foreign_keys)",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?)
            })
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2, "synchronous=FULL");
        assert_eq!(fk, 1);
    }
}
