//! The backups' state on the admins' dashboard (issue 17 point 7; requirement 24).

use serde::{Deserialize, Serialize};

/// How the backups stand, decided once in `domain::backup::health`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupHealth {
    /// The last scheduled attempt worked and is recent enough.
    Ok,
    /// The last attempt failed.
    Failed,
    /// The last good backup is older than twice the interval.
    Stale,
    /// Backups are scheduled but none was made yet.
    Never,
    /// The server runs without scheduled backups.
    Off,
}

impl BackupHealth {
    /// Whether the dashboard warns (words and an icon, not only colour).
    pub fn warns(self) -> bool {
        matches!(
            self,
            BackupHealth::Failed | BackupHealth::Stale | BackupHealth::Never
        )
    }
}

/// Why a backup attempt failed, in words that name no person or file content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupFailure {
    /// The database snapshot could not be made or failed its integrity check.
    Snapshot,
    /// A photo file could not be read.
    Photos,
    /// The archive could not be written (the backup folder, permissions).
    Write,
    /// The disk is full.
    NoSpace,
    /// Anything else (the server log says more).
    Other,
}

impl BackupFailure {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupFailure::Snapshot => "snapshot",
            BackupFailure::Photos => "photos",
            BackupFailure::Write => "write",
            BackupFailure::NoSpace => "no_space",
            BackupFailure::Other => "other",
        }
    }

    pub fn parse(s: &str) -> BackupFailure {
        match s {
            "snapshot" => BackupFailure::Snapshot,
            "photos" => BackupFailure::Photos,
            "write" => BackupFailure::Write,
            "no_space" => BackupFailure::NoSpace,
            _ => BackupFailure::Other,
        }
    }
}

/// What the admins' dashboard shows about backups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupStatus {
    pub health: BackupHealth,
    /// The schedule's interval as given (`24h`), when backups are scheduled.
    pub every: Option<String>,
    /// How many scheduled backups are kept.
    pub keep: Option<u32>,
    /// The last good backup: when it finished (UTC, RFC 3339) and its size in bytes.
    pub last_ok_at: Option<String>,
    pub last_ok_bytes: Option<u64>,
    /// The last attempt, when it failed: when, and why.
    pub failed_at: Option<String>,
    pub failure: Option<BackupFailure>,
}
