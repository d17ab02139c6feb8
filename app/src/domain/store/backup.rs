//! Backups' SQL (issue 17 points 5-7 and 9; requirement 24): the online snapshot
//! (`VACUUM INTO`, a consistent copy while the server runs), what a database file the
//! server does not serve holds (a snapshot, a restored copy: integrity, the audit
//! chain's head, the erasure journal's mark, the photo files it names), the audit head
//! a backup recorded, and each backup attempt for the dashboard.

use super::audit::{append, highest_issued, records_after};
use super::journal::applied;
use super::{Actor, Store, StoreError, StoreResult};
use crate::domain::audit::{verify, ChainBreak, GENESIS};
use crate::types::{BackupFailure, EventId, PhotoId, PublicId};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// A photo a database names: its files are `photos/{originals,thumbs,previews}/…`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPhoto {
    pub id: PhotoId,
    pub public_id: PublicId,
    pub event_id: EventId,
}

/// What a database file holds, for a backup's manifest and a restore's checks.
#[derive(Clone, Debug)]
pub struct SnapshotFacts {
    /// `PRAGMA user_version`: the migration it is at.
    pub schema_version: i64,
    /// The newest audit row's id and hash (0 and the genesis hash for an empty log).
    pub audit_head_id: i64,
    pub audit_head: String,
    pub audit_rows: i64,
    /// The erasure journal's mark: every entry up to it is in this database.
    pub journal_seq: u64,
    pub photos: Vec<StoredPhoto>,
}

/// One backup attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupRun {
    /// `scheduled` (the server) or `cli` (`lanyard admin backup`).
    pub kind: &'static str,
    pub started_at: String,
    pub finished_at: String,
    /// `None`: it worked.
    pub failure: Option<BackupFailure>,
    pub bytes: u64,
    /// The archive's file name (no directory), when it worked.
    pub file: String,
}

/// Rows of `backup_runs` kept: the dashboard needs the last ones only.
const RUNS_KEPT: i64 = 200;

fn facts(c: &Connection) -> StoreResult<SnapshotFacts> {
    let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Internal(
            "the database failed its integrity check".into(),
        ));
    }
    let schema_version = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let head: Option<(i64, String)> = c
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (audit_head_id, audit_head) = head.unwrap_or((0, GENESIS.to_string()));
    let audit_rows = c.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    let photos = c
        .prepare("SELECT id, public_id, event_id FROM photos ORDER BY id")?
        .query_map([], |r| {
            Ok(StoredPhoto {
                id: r.get(0)?,
                public_id: r.get(1)?,
                event_id: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SnapshotFacts {
        schema_version,
        audit_head_id,
        audit_head,
        audit_rows,
        journal_seq: applied(c)?,
        photos,
    })
}

/// Opens a database file the server does not serve, read-write (no other process has
/// it), in rollback-journal mode so it stays one file.
fn open_file(path: &Path) -> StoreResult<Connection> {
    let c = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    c.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
    c.execute_batch("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;")?;
    Ok(c)
}

/// What the snapshot at `path` holds; fails unless SQLite's integrity check passes.
/// Blocking: call off the async runtime.
pub fn snapshot_facts(path: &Path) -> StoreResult<SnapshotFacts> {
    facts(&open_file(path)?)
}

/// A restored database file before it goes into place: brought up to this version's
/// schema, then its facts and whether its whole audit chain verifies. Blocking.
pub fn check_restored(path: &Path) -> StoreResult<(SnapshotFacts, Result<u64, ChainBreak>)> {
    let mut c = open_file(path)?;
    super::migrations::migrations().to_latest(&mut c)?;
    let f = facts(&c)?;
    let rows = records_after(&c, 0)?;
    let chain = verify(&rows, highest_issued(&c)?);
    Ok((f, chain))
}

/// Appends the restore's own audit row (`backup.restore`, by the command line) to the
/// restored database file, after its checks. Blocking.
pub fn record_restore(path: &Path, subject: &str) -> StoreResult<()> {
    let mut c = open_file(path)?;
    let tx = c.transaction()?;
    append(&tx, &Actor::Cli, "backup.restore", subject)?;
    tx.commit()?;
    Ok(())
}

impl Store {
    /// A consistent copy of the whole database at `path` (which must not exist), made
    /// while the server keeps reading and writing: SQLite's `VACUUM INTO` reads one
    /// snapshot of the WAL database. The copy holds no free pages.
    pub async fn vacuum_into(&self, path: PathBuf) -> StoreResult<()> {
        self.with_conn(move |c| {
            let target = path
                .to_str()
                .ok_or_else(|| StoreError::Internal("the snapshot path is not UTF-8".into()))?
                .to_string();
            c.execute("VACUUM INTO ?1", [target])?;
            Ok(())
        })
        .await
    }

    /// The hash of audit row `id`, if the row exists (`verify-audit --since-backup`).
    pub async fn audit_hash_at(&self, id: i64) -> StoreResult<Option<String>> {
        self.with_conn(move |c| {
            Ok(
                c.query_row("SELECT hash FROM audit_log WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?,
            )
        })
        .await
    }

    /// Records a backup attempt; a good one is also an audit row `backup.create` (a copy
    /// of every person's data left the server, encrypted), naming the file, its size and
    /// the audit head it holds. `actor` is the command line or the system.
    pub async fn record_backup_run(
        &self,
        actor: Actor,
        run: BackupRun,
        audit_head_id: i64,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            tx.execute(
                "INSERT INTO backup_runs (kind, started_at, finished_at, ok, bytes, file, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    run.kind,
                    run.started_at,
                    run.finished_at,
                    run.failure.is_none(),
                    i64::try_from(run.bytes).unwrap_or(i64::MAX),
                    run.file,
                    run.failure.map_or("", |f| f.as_str())
                ],
            )?;
            tx.execute(
                "DELETE FROM backup_runs WHERE id <= (SELECT max(id) FROM backup_runs) - ?1",
                [RUNS_KEPT],
            )?;
            if run.failure.is_none() {
                append(
                    tx,
                    &actor,
                    "backup.create",
                    &format!(
                        "backup file:{} bytes:{} audit_head:{audit_head_id}",
                        run.file, run.bytes
                    ),
                )?;
            }
            Ok(())
        })
        .await
    }

    /// The last backup attempt and the last good one.
    pub async fn last_backup_runs(&self) -> StoreResult<(Option<BackupRun>, Option<BackupRun>)> {
        self.with_conn(|c| {
            let run = |r: &rusqlite::Row| -> rusqlite::Result<BackupRun> {
                let kind: String = r.get(0)?;
                let ok: bool = r.get(3)?;
                let reason: String = r.get(6)?;
                Ok(BackupRun {
                    kind: if kind == "cli" { "cli" } else { "scheduled" },
                    started_at: r.get(1)?,
                    finished_at: r.get(2)?,
                    failure: (!ok).then(|| BackupFailure::parse(&reason)),
                    bytes: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    file: r.get(5)?,
                })
            };
            const COLUMNS: &str =
                "SELECT kind, started_at, finished_at, ok, bytes, file, reason FROM backup_runs";
            let last = c
                .query_row(&format!("{COLUMNS} ORDER BY id DESC LIMIT 1"), [], run)
                .optional()?;
            let last_ok = c
                .query_row(
                    &format!("{COLUMNS} WHERE ok = 1 ORDER BY id DESC LIMIT 1"),
                    [],
                    run,
                )
                .optional()?;
            Ok((last, last_ok))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snapshot of a file database is one consistent file with the live rows, the
    /// audit head and the journal mark; it passes the integrity check.
    #[tokio::test]
    async fn vacuum_into_copies_the_live_database_with_its_audit_head() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db.sqlite3")).await.unwrap();
        for i in 0..3 {
            store
                .audit(Actor::Cli, "event.view", format!("event:{i}"))
                .await
                .unwrap();
        }
        store.mark_journal_applied(4).await.unwrap();
        let snap = dir.path().join(".backup-x.sqlite3");
        store.vacuum_into(snap.clone()).await.unwrap();
        let f = snapshot_facts(&snap).unwrap();
        assert_eq!((f.audit_head_id, f.audit_rows, f.journal_seq), (3, 3, 4));
        assert_eq!(
            Some(f.audit_head.clone()),
            store.audit_hash_at(3).await.unwrap()
        );
        let (again, chain) = check_restored(&snap).unwrap();
        assert_eq!(again.audit_head, f.audit_head);
        assert_eq!(chain, Ok(3));
        record_restore(&snap, "backup created_at:x").unwrap();
        let (_, chain) = check_restored(&snap).unwrap();
        assert_eq!(chain, Ok(4), "the restore's own row extends the chain");
        assert!(
            !dir.path().join(".backup-x.sqlite3-wal").exists(),
            "the snapshot stays one file"
        );
    }

    #[tokio::test]
    async fn backup_runs_keep_the_last_attempt_and_the_last_good_one() {
        let store = Store::open_in_memory().await.unwrap();
        assert_eq!(store.last_backup_runs().await.unwrap(), (None, None));
        let run = |at: &str, failure| BackupRun {
            kind: "scheduled",
            started_at: at.into(),
            finished_at: at.into(),
            failure,
            bytes: if failure.is_none() { 1234 } else { 0 },
            file: if failure.is_none() {
                format!("lanyard-{at}.age")
            } else {
                String::new()
            },
        };
        store
            .record_backup_run(Actor::System, run("a", None), 7)
            .await
            .unwrap();
        store
            .record_backup_run(Actor::System, run("b", Some(BackupFailure::NoSpace)), 7)
            .await
            .unwrap();
        let (last, ok) = store.last_backup_runs().await.unwrap();
        assert_eq!(last.unwrap().failure, Some(BackupFailure::NoSpace));
        assert_eq!(ok.unwrap().bytes, 1234);
    }
}
