//! Backups and restore (issue 17 points 5-9; requirements 23, 24: backups keep the
//! same protection as the live data).
//!
//! * [`create`]: a consistent online snapshot of the database (`VACUUM INTO` a temporary
//!   file inside the data dir, removed afterwards whatever happens) and every photo file
//!   it names, streamed as one tar straight into an age encryptor (`archive`), to public
//!   keys or a passphrase (`keys`). The plaintext database is never written outside the
//!   data dir. Each attempt is recorded for the dashboard; each good one is audited.
//! * [`restore`]: decrypt beside the data dir, check, then move into place (`restore`).
//! * [`verify_since`]: the live audit chain must extend the head a backup recorded.
//! * [`schedule`]: backups every interval with rotation; [`status`] and [`health`] for
//!   the admins' dashboard.

pub mod archive;
pub mod keys;
mod restore;
pub mod schedule;

pub use archive::{Manifest, ReadError, WriteError};
pub use keys::{passphrase, Decryption, Encryption, KeyError};
pub use restore::{restore, Restore, RestoreError, Restored};
pub use schedule::{Every, Schedule};

use super::audit::ChainBreak;
use super::store::{now_rfc3339, snapshot_facts, BackupRun, StoreError};
use super::{Actor, AppState, Store};
use crate::types::{BackupFailure, BackupHealth, BackupStatus, PublicId};
use std::path::{Path, PathBuf};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Why a backup was not made. Recorded for the dashboard as a [`BackupFailure`].
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the database snapshot failed: {0}")]
    Snapshot(StoreError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("the backup was written but could not be recorded: {0}")]
    Record(StoreError),
}

impl BackupError {
    pub fn failure(&self) -> BackupFailure {
        let no_space = |e: &std::io::Error| e.kind() == std::io::ErrorKind::StorageFull;
        match self {
            BackupError::Snapshot(_) => BackupFailure::Snapshot,
            BackupError::Write(WriteError::Read(_, e)) if no_space(e) => BackupFailure::NoSpace,
            BackupError::Write(WriteError::Write(e)) if no_space(e) => BackupFailure::NoSpace,
            BackupError::Write(WriteError::Read(..)) => BackupFailure::Photos,
            BackupError::Write(WriteError::Write(_)) => BackupFailure::Write,
            BackupError::Write(WriteError::Encrypt(_)) | BackupError::Record(_) => {
                BackupFailure::Other
            }
        }
    }
}

/// A backup made.
#[derive(Clone, Debug)]
pub struct Created {
    pub file: PathBuf,
    pub bytes: u64,
    pub photos: usize,
    /// Photos deleted between the snapshot and the copy of their files.
    pub missing: usize,
    pub manifest: Manifest,
}

/// Removes the snapshot (and any file SQLite kept beside it) however the backup ends.
struct Snapshot(PathBuf);

impl Drop for Snapshot {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}

/// Makes one backup of the running data to `out`, encrypted as `key` says, and records
/// the attempt (`kind`: `scheduled` or `cli`); a good one is an audit row of `actor`.
/// Safe while the server serves requests.
pub async fn create(
    state: &AppState,
    actor: Actor,
    kind: &'static str,
    data_dir: &Path,
    out: &Path,
    key: &Encryption,
) -> Result<Created, BackupError> {
    let started_at = now_rfc3339();
    let result = make(state, data_dir, out, key).await;
    let run = BackupRun {
        kind,
        started_at,
        finished_at: now_rfc3339(),
        failure: result.as_ref().err().map(BackupError::failure),
        bytes: result.as_ref().map_or(0, |c| c.bytes),
        file: result
            .as_ref()
            .ok()
            .and_then(|c| c.file.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let head = result.as_ref().map_or(0, |c| c.manifest.audit_head_id);
    state
        .store
        .record_backup_run(actor, run, head)
        .await
        .map_err(BackupError::Record)?;
    result
}

async fn make(
    state: &AppState,
    data_dir: &Path,
    out: &Path,
    key: &Encryption,
) -> Result<Created, BackupError> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        archive::create_private_dir(dir).map_err(|e| BackupError::Write(WriteError::Write(e)))?;
    }
    let snapshot =
        Snapshot(data_dir.join(format!(".backup-{}.sqlite3", super::auth::random_token(12))));
    let created_at = now_rfc3339();
    state
        .store
        .vacuum_into(snapshot.0.clone())
        .await
        .map_err(BackupError::Snapshot)?;
    let path = snapshot.0.clone();
    let facts = tokio::task::spawn_blocking(move || snapshot_facts(&path))
        .await
        .map_err(|e| BackupError::Snapshot(StoreError::Internal(e.to_string())))?
        .map_err(BackupError::Snapshot)?;
    let manifest = Manifest {
        format: archive::FORMAT,
        created_at,
        schema_version: facts.schema_version,
        audit_head_id: facts.audit_head_id,
        audit_head: facts.audit_head.clone(),
        audit_rows: facts.audit_rows,
        journal_seq: facts.journal_seq,
    };
    let photo_ids: Vec<PublicId> = facts.photos.iter().map(|p| p.public_id.clone()).collect();
    let (photos, journal) = (
        state.photos.clone(),
        state.store.journal().map(|j| j.path().to_path_buf()),
    );
    let (out_path, key, m) = (out.to_path_buf(), key.clone(), manifest.clone());
    let snapshot_path = snapshot.0.clone();
    let written = tokio::task::spawn_blocking(move || {
        archive::write(
            &out_path,
            &key,
            archive::Contents {
                manifest: &m,
                snapshot: &snapshot_path,
                photos: &photos,
                photo_ids: &photo_ids,
                journal: journal.as_deref(),
            },
        )
    })
    .await
    .map_err(|e| WriteError::Encrypt(e.to_string()))??;
    drop(snapshot);
    Ok(Created {
        file: out.to_path_buf(),
        bytes: written.bytes,
        photos: facts.photos.len(),
        missing: written.missing.len(),
        manifest,
    })
}

/// Why the live audit chain does not extend a backup's.
#[derive(Debug, thiserror::Error)]
pub enum SinceError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("audit row {id}, the newest in the backup of {created_at}, is gone from the live log: rows were deleted or the log replaced")]
    Missing { id: i64, created_at: String },
    #[error("audit row {id} differs from the backup of {created_at}: the log was rewritten since")]
    Differs { id: i64, created_at: String },
    #[error("audit chain broken: {0}")]
    Broken(ChainBreak),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `verify-audit --since-backup FILE` (issue 17 point 9): the live chain's row N (the
/// backup's newest) has the hash the backup recorded, and the whole live chain
/// verifies, so a log rebuilt with recomputed hashes is caught against any backup.
/// Returns the backup's manifest and the rows verified.
pub async fn verify_since(
    store: &Store,
    file: &Path,
    key: &Decryption,
) -> Result<(Manifest, u64), SinceError> {
    let (file, key) = (file.to_path_buf(), key.clone());
    let m = tokio::task::spawn_blocking(move || archive::read_manifest(&file, &key))
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))??;
    if m.audit_head_id > 0 {
        match store.audit_hash_at(m.audit_head_id).await? {
            None => {
                return Err(SinceError::Missing {
                    id: m.audit_head_id,
                    created_at: m.created_at,
                })
            }
            Some(h) if h != m.audit_head => {
                return Err(SinceError::Differs {
                    id: m.audit_head_id,
                    created_at: m.created_at,
                })
            }
            Some(_) => {}
        }
    }
    let rows = store.verify_audit().await?.map_err(SinceError::Broken)?;
    Ok((m, rows))
}

pub(crate) fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// How the backups stand (point 7), decided here once: `Off` without a schedule;
/// `Never` when scheduled but none was made; `Failed` when the last attempt failed;
/// `Stale` when the last good one finished more than twice the interval before `now`;
/// else `Ok`.
pub fn health(
    last: Option<&BackupRun>,
    last_ok: Option<&BackupRun>,
    every: Option<Every>,
    now: OffsetDateTime,
) -> BackupHealth {
    let Some(every) = every else {
        return BackupHealth::Off;
    };
    let Some(last) = last else {
        return BackupHealth::Never;
    };
    if last.failure.is_some() {
        return BackupHealth::Failed;
    }
    let Some(ok_at) = last_ok.and_then(|r| parse_time(&r.finished_at)) else {
        return BackupHealth::Never;
    };
    let limit = time::Duration::seconds(i64::try_from(every.seconds() * 2).unwrap_or(i64::MAX));
    if now - ok_at > limit {
        BackupHealth::Stale
    } else {
        BackupHealth::Ok
    }
}

/// What the admins' dashboard shows.
pub async fn status(state: &AppState) -> Result<BackupStatus, StoreError> {
    let (last, last_ok) = state.store.last_backup_runs().await?;
    let schedule = state.backups.as_deref();
    let every = schedule.map(|s| s.every);
    let failed = last.as_ref().filter(|r| r.failure.is_some());
    Ok(BackupStatus {
        health: health(last.as_ref(), last_ok.as_ref(), every, state.now.now()),
        every: every.map(|e| e.to_string()),
        keep: schedule.map(|s| s.keep),
        last_ok_at: last_ok.as_ref().map(|r| r.finished_at.clone()),
        last_ok_bytes: last_ok.as_ref().map(|r| r.bytes),
        failed_at: failed.map(|r| r.finished_at.clone()),
        failure: failed.and_then(|r| r.failure),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn run(at: &str, failure: Option<BackupFailure>) -> BackupRun {
        BackupRun {
            kind: "scheduled",
            started_at: at.into(),
            finished_at: at.into(),
            failure,
            bytes: 10,
            file: String::new(),
        }
    }

    /// Point 7: the dashboard's verdict, with the time given.
    #[test]
    fn health_is_off_never_failed_stale_or_ok() {
        let every = Every::parse("24h").ok();
        let now = datetime!(2026-05-14 10:00 UTC);
        let good = run("2026-05-13T02:00:00Z", None);
        let old = run("2026-05-12T09:59:00Z", None);
        let bad = run("2026-05-14T02:00:00Z", Some(BackupFailure::NoSpace));
        assert_eq!(health(None, None, None, now), BackupHealth::Off);
        assert_eq!(
            health(Some(&good), Some(&good), None, now),
            BackupHealth::Off
        );
        assert_eq!(health(None, None, every, now), BackupHealth::Never);
        assert_eq!(health(Some(&bad), None, every, now), BackupHealth::Failed);
        assert_eq!(
            health(Some(&bad), Some(&good), every, now),
            BackupHealth::Failed,
            "a failure after a good one still warns"
        );
        assert_eq!(
            health(Some(&good), Some(&good), every, now),
            BackupHealth::Ok
        );
        // 48 h 1 min before `now`: older than twice the interval.
        assert_eq!(
            health(Some(&old), Some(&old), every, now),
            BackupHealth::Stale
        );
        let exactly = run("2026-05-12T10:00:00Z", None);
        assert_eq!(
            health(Some(&exactly), Some(&exactly), every, now),
            BackupHealth::Ok,
            "exactly twice the interval is still fine"
        );
        assert!(BackupHealth::Stale.warns() && BackupHealth::Failed.warns());
        assert!(!BackupHealth::Ok.warns() && !BackupHealth::Off.warns());
    }

    #[test]
    fn failures_are_classed_without_any_text_of_the_error() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(
            BackupError::Write(WriteError::Write(full)).failure(),
            BackupFailure::NoSpace
        );
        assert_eq!(
            BackupError::Write(WriteError::Read(
                "photos/originals/x".into(),
                std::io::Error::from(std::io::ErrorKind::PermissionDenied)
            ))
            .failure(),
            BackupFailure::Photos
        );
        assert_eq!(
            BackupError::Snapshot(StoreError::Internal("x".into())).failure(),
            BackupFailure::Snapshot
        );
    }
}
