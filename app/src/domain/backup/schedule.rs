//! Scheduled backups (issue 17 point 7): `serve --backup-dir D --backup-every 24h
//! --backup-keep 7` writes `lanyard-YYYYMMDDTHHMMSSZ.age` into D, encrypted to public
//! keys only (the server runs unattended: no passphrase), and keeps the newest N. The
//! first one runs at start-up when the last good backup is older than the interval.

use super::keys::Encryption;
use super::{create, BackupError, Created};
use crate::domain::{Actor, AppState};
use std::path::{Path, PathBuf};
use std::time::Duration;
use time::OffsetDateTime;

/// An interval: a whole number and a unit, `s`, `m`, `h` or `d` (`30m`, `24h`, `7d`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Every {
    n: u64,
    unit: char,
}

impl Every {
    /// Longest interval taken: a year.
    const MAX_SECONDS: u64 = 366 * 24 * 3600;

    pub fn parse(s: &str) -> Result<Every, String> {
        let s = s.trim();
        let unit = s.chars().last().unwrap_or(' ');
        let n: u64 = s[..s.len() - unit.len_utf8().min(s.len())]
            .parse()
            .map_err(|_| format!("{s:?} is not an interval such as 30m, 24h or 7d"))?;
        let every = Every { n, unit };
        match unit {
            's' | 'm' | 'h' | 'd' if n > 0 && every.seconds() <= Self::MAX_SECONDS => Ok(every),
            's' | 'm' | 'h' | 'd' => Err(format!("{s:?} is not between 1 second and a year")),
            _ => Err(format!(
                "{s:?} is not an interval such as 30m, 24h or 7d (units: s, m, h, d)"
            )),
        }
    }

    pub fn seconds(self) -> u64 {
        let unit = match self.unit {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => 86_400,
        };
        self.n.saturating_mul(unit)
    }

    pub fn duration(self) -> Duration {
        Duration::from_secs(self.seconds())
    }
}

impl std::fmt::Display for Every {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.n, self.unit)
    }
}

impl std::str::FromStr for Every {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Every::parse(s)
    }
}

/// The server's backup schedule.
#[derive(Clone)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Every,
    pub keep: u32,
    /// Public keys only.
    pub key: Encryption,
    /// Where the server's data is (the snapshot is made inside it).
    pub data_dir: PathBuf,
}

/// `20260514T101500Z`: a UTC time in file names.
pub fn stamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `lanyard-20260514T101500Z.age`.
pub fn file_name(t: OffsetDateTime) -> String {
    format!("lanyard-{}.age", stamp(t))
}

fn is_backup_name(name: &str) -> bool {
    name.strip_prefix("lanyard-")
        .and_then(|r| r.strip_suffix(".age"))
        .is_some_and(|s| {
            s.len() == 16
                && s.as_bytes()[8] == b'T'
                && s.ends_with('Z')
                && s.bytes()
                    .enumerate()
                    .all(|(i, b)| i == 8 || i == 15 || b.is_ascii_digit())
        })
}

/// Keeps the newest `keep` backups in `dir` (by the time in their names) and deletes the
/// rest, and any `.partial` file a crash left; other files are left alone. Returns the
/// files deleted.
pub fn rotate(dir: &Path, keep: u32) -> std::io::Result<Vec<PathBuf>> {
    let mut backups = Vec::new();
    let mut removed = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if is_backup_name(&name) {
            backups.push(name);
        } else if name.strip_suffix(".partial").is_some_and(is_backup_name) {
            std::fs::remove_file(e.path())?;
            removed.push(e.path());
        }
    }
    backups.sort();
    let extra = backups.len().saturating_sub(keep as usize);
    for name in &backups[..extra] {
        let path = dir.join(name);
        std::fs::remove_file(&path)?;
        removed.push(path);
    }
    Ok(removed)
}

/// One scheduled backup, then the rotation.
pub async fn run_once(state: &AppState, s: &Schedule) -> Result<Created, BackupError> {
    let out = s.dir.join(file_name(state.now.now()));
    let created = create(state, Actor::System, "scheduled", &s.data_dir, &out, &s.key).await?;
    let (dir, keep) = (s.dir.clone(), s.keep);
    match tokio::task::spawn_blocking(move || rotate(&dir, keep)).await {
        Ok(Ok(gone)) if !gone.is_empty() => {
            tracing::info!(deleted = gone.len(), "old backups rotated out")
        }
        Ok(Ok(_)) => {}
        Ok(Err(e)) => tracing::error!(error = %e, "rotating old backups failed"),
        Err(e) => tracing::error!(error = %e, "rotating old backups failed"),
    }
    Ok(created)
}

/// Runs the schedule for as long as the server runs: the first backup when the last
/// good one is older than the interval (at once when there is none), then one every
/// interval. Outcomes go to the dashboard (`backup_runs`) and the log (sizes only).
pub fn spawn(state: &AppState) {
    let Some(s) = state.backups.clone() else {
        return;
    };
    let state = state.clone();
    tokio::spawn(async move {
        let every = s.every.duration();
        let now = state.now.now();
        let first = match state.store.last_backup_runs().await {
            Ok((_, Some(ok))) => super::parse_time(&ok.finished_at)
                .map(|at| {
                    let due = at + every;
                    Duration::try_from(due - now).unwrap_or(Duration::ZERO)
                })
                .unwrap_or(Duration::ZERO)
                .min(every),
            _ => Duration::ZERO,
        };
        tokio::time::sleep(first).await;
        loop {
            match run_once(&state, &s).await {
                Ok(c) => tracing::info!(bytes = c.bytes, "scheduled backup written"),
                Err(e) => tracing::error!(error = %e, "scheduled backup failed"),
            }
            tokio::time::sleep(every).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn intervals_are_a_number_and_a_unit() {
        assert_eq!(Every::parse("24h").unwrap().seconds(), 86_400);
        assert_eq!(Every::parse("30m").unwrap().seconds(), 1800);
        assert_eq!(Every::parse("7d").unwrap().seconds(), 604_800);
        assert_eq!(Every::parse(" 90s ").unwrap().to_string(), "90s");
        for bad in [
            "", "h", "24", "0h", "-1h", "1.5h", "24 h", "2y", "400d", "ä",
        ] {
            assert!(Every::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn file_names_carry_the_utc_time_and_sort_by_it() {
        let t = datetime!(2026-05-14 12:15:09 +02:00);
        assert_eq!(file_name(t), "lanyard-20260514T101509Z.age");
        assert!(is_backup_name("lanyard-20260514T101509Z.age"));
        for other in [
            "lanyard-20260514T101509Z.age.partial",
            "lanyard-2026-05-14.age",
            "notes.txt",
            "lanyard-20260514X101509Z.age",
        ] {
            assert!(!is_backup_name(other), "{other}");
        }
    }

    /// Point 7: the newest N stay; crash leftovers and older backups go; other files
    /// in the folder are not touched.
    #[test]
    fn rotation_keeps_the_newest_and_touches_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "lanyard-20260510T020000Z.age",
            "lanyard-20260511T020000Z.age",
            "lanyard-20260512T020000Z.age",
            "lanyard-20260513T020000Z.age",
            "lanyard-20260513T030000Z.age.partial",
            "README.txt",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        let gone = rotate(dir.path(), 2).unwrap();
        assert_eq!(gone.len(), 3);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            vec![
                "README.txt",
                "lanyard-20260512T020000Z.age",
                "lanyard-20260513T020000Z.age"
            ]
        );
    }
}
