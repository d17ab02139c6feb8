//! The erasure journal (issue 17 point 8; requirements 17, 18, 24): a restore must not
//! bring erased people back. Every attendee erasure, retention purge, photo deletion
//! and blur is one line in a JSON-lines file kept BESIDE the data dir (default
//! `<data-dir>.erasures.jsonl`), so a restore that replaces the data dir keeps it, and a
//! copy goes inside every backup. A line holds a sequence number, the UTC time, the kind
//! and row ids only (a blur also its rectangle): no names, emails, codes or tokens.
//!
//! **Write order.** The store appends the line (and fsyncs it) inside the database
//! transaction that makes the change, after its SQL and before COMMIT, and the same
//! transaction moves the database's mark (`journal_applied`, migration V16) to the
//! line's number. If the line cannot be written, nothing is erased and the caller gets
//! an error. If the commit fails after the line was written, the journal names an
//! erasure the database does not hold; the next start-up carries it out (the person or
//! the organiser asked for it, so doing it is harmless), unless a later journalled
//! change committed first and moved the mark past it.
//!
//! **Re-application** ([`replay`]): at start-up (`serve` and every admin command that
//! opens the store), before anything is served, every line newer than the database's
//! mark is carried out again, idempotently (a row already erased or gone is fine). After
//! a restore that is every erasure made since the backup was taken.

mod replay;
pub use replay::replay;

use crate::types::{AttendeeId, EventId, PhotoId, Region, RequestId};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// 1, 2, 3, …: never reused, also across a restore.
    pub seq: u64,
    /// UTC, RFC 3339.
    pub at: String,
    #[serde(flatten)]
    pub what: Erasure,
}

/// What was erased, by row ids only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Erasure {
    /// A person erased on their request (`requests::erase`).
    Attendee {
        attendee: AttendeeId,
        request: RequestId,
    },
    /// A photo deleted on a removal request (its row and every file).
    PhotoDelete { photo: PhotoId },
    /// A person blurred out of a photo for good: the photo's files were replaced by a
    /// version with `region` blurred (reproducible from the original and the region).
    PhotoBlur {
        photo: PhotoId,
        attendee: AttendeeId,
        region: Region,
    },
    /// A retention purge of an event: the stages that ran and the photos that went into
    /// the internal archive instead of being deleted.
    Purge {
        event: EventId,
        photos: bool,
        attendees: bool,
        archive: bool,
        archived: Vec<PhotoId>,
    },
}

/// Why the journal could not be read or written. The messages name no person.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("the erasure journal {path} could not be read or written: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("line {line} of the erasure journal {path} cannot be read")]
    Unreadable { path: PathBuf, line: usize },
    /// Two journals name the same number for different erasures: they are not of the
    /// same installation.
    #[error("the erasure journals differ at entry {seq}: they do not belong to the same data")]
    Conflict { seq: u64 },
}

/// The journal file.
#[derive(Clone, Debug)]
pub struct Journal {
    path: PathBuf,
}

/// How far back [`Journal::last_seq`] reads: many lines' worth.
const TAIL_BYTES: u64 = 64 * 1024;

impl Journal {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Journal { path: path.into() }
    }

    /// `<data-dir>.erasures.jsonl`: beside the data dir, so a restore that replaces the
    /// directory keeps it.
    pub fn beside(data_dir: &Path) -> PathBuf {
        let name = data_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".into());
        data_dir.with_file_name(format!("{name}.erasures.jsonl"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn io(&self, source: std::io::Error) -> JournalError {
        JournalError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Every entry in file order; none when the file does not exist. A last line cut
    /// short (a crash while it was written) is skipped; any other unreadable line is an
    /// error, since skipping it could bring someone back.
    pub fn read(&self) -> Result<Vec<Entry>, JournalError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(self.io(e)),
        };
        parse(&text, &self.path)
    }

    /// The highest sequence number written, 0 for none. Reads only the file's tail.
    pub fn last_seq(&self) -> Result<u64, JournalError> {
        let mut f = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(self.io(e)),
        };
        let len = f.metadata().map_err(|e| self.io(e))?.len();
        let from = len.saturating_sub(TAIL_BYTES);
        f.seek(SeekFrom::Start(from)).map_err(|e| self.io(e))?;
        let mut tail = String::new();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).map_err(|e| self.io(e))?;
        tail.push_str(&String::from_utf8_lossy(&bytes));
        // The first line of a tail read mid-file may be a part of one: lines are whole
        // from the first newline on.
        let whole = if from > 0 {
            tail.split_once('\n').map_or("", |(_, rest)| rest)
        } else {
            tail.as_str()
        };
        Ok(whole
            .lines()
            .filter_map(|l| serde_json::from_str::<Entry>(l).ok())
            .map(|e| e.seq)
            .max()
            .unwrap_or(0))
    }

    /// Appends one entry and makes it durable (the file, and its directory when the file
    /// is new). A torn last line left by a crash is ended first, so it stays one line.
    pub fn append(&self, entry: &Entry) -> Result<(), JournalError> {
        let mut line = serde_json::to_string(entry)
            .map_err(|e| self.io(std::io::Error::other(e.to_string())))?;
        line.push('\n');
        let existed = self.path.exists();
        let mut options = OpenOptions::new();
        options.create(true).append(true).read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut f = options.open(&self.path).map_err(|e| self.io(e))?;
        let len = f.metadata().map_err(|e| self.io(e))?.len();
        if len > 0 {
            let mut last = [0u8; 1];
            f.seek(SeekFrom::Start(len - 1)).map_err(|e| self.io(e))?;
            f.read_exact(&mut last).map_err(|e| self.io(e))?;
            if last[0] != b'\n' {
                line.insert(0, '\n');
            }
        }
        f.write_all(line.as_bytes()).map_err(|e| self.io(e))?;
        f.sync_all().map_err(|e| self.io(e))?;
        if !existed {
            sync_dir(&self.path).map_err(|e| self.io(e))?;
        }
        Ok(())
    }

    /// Replaces the whole journal with `entries` (a temp file beside it, fsync, rename).
    pub fn replace(&self, entries: &[Entry]) -> Result<(), JournalError> {
        let mut text = String::new();
        for e in entries {
            text.push_str(
                &serde_json::to_string(e)
                    .map_err(|e| self.io(std::io::Error::other(e.to_string())))?,
            );
            text.push('\n');
        }
        let tmp = self.path.with_extension(format!(
            "jsonl.tmp-{}",
            crate::domain::auth::random_token(6)
        ));
        let written = (|| -> std::io::Result<()> {
            let mut options = OpenOptions::new();
            options.create_new(true).write(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut f = options.open(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)?;
            sync_dir(&self.path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(|e| self.io(e))
    }
}

/// Entries of a journal's text (see [`Journal::read`]).
pub fn parse(text: &str, path: &Path) -> Result<Vec<Entry>, JournalError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Entry>(line) {
            Ok(e) => out.push(e),
            // A torn last line: the crash came before its fsync, so before the commit.
            Err(_) if i + 1 == lines.len() && !text.ends_with('\n') => {}
            Err(_) => {
                return Err(JournalError::Unreadable {
                    path: path.to_path_buf(),
                    line: i + 1,
                })
            }
        }
    }
    Ok(out)
}

/// The union of two journals by sequence number, in order: a restore merges the
/// backup's copy into the journal beside the data dir, so neither loses an entry. The
/// same number for two different erasures is refused.
pub fn merge(a: Vec<Entry>, b: Vec<Entry>) -> Result<Vec<Entry>, JournalError> {
    let mut all: std::collections::BTreeMap<u64, Entry> = std::collections::BTreeMap::new();
    for e in a.into_iter().chain(b) {
        match all.get(&e.seq) {
            Some(have) if have.what != e.what => return Err(JournalError::Conflict { seq: e.seq }),
            Some(_) => {}
            None => {
                all.insert(e.seq, e);
            }
        }
    }
    Ok(all.into_values().collect())
}

fn sync_dir(file: &Path) -> std::io::Result<()> {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => File::open(dir)?.sync_all(),
        _ => File::open(".")?.sync_all(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u64, what: Erasure) -> Entry {
        Entry {
            seq,
            at: "2026-05-14T10:00:00Z".into(),
            what,
        }
    }

    #[test]
    fn the_journal_is_beside_the_data_dir() {
        assert_eq!(
            Journal::beside(Path::new("/srv/lanyard/data")),
            PathBuf::from("/srv/lanyard/data.erasures.jsonl")
        );
        assert_eq!(
            Journal::beside(Path::new("data")),
            PathBuf::from("data.erasures.jsonl")
        );
    }

    /// Lines carry ids only (requirement 22: no personal data), and survive a round trip.
    #[test]
    fn entries_are_ids_only_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path().join("e.jsonl"));
        assert_eq!(j.read().unwrap(), vec![]);
        assert_eq!(j.last_seq().unwrap(), 0);
        let a = entry(
            1,
            Erasure::Attendee {
                attendee: AttendeeId::from(7),
                request: RequestId::from(3),
            },
        );
        let b = entry(
            2,
            Erasure::PhotoBlur {
                photo: PhotoId::from(4),
                attendee: AttendeeId::from(7),
                region: Region {
                    x: 0.25,
                    y: 0.5,
                    w: 0.125,
                    h: 0.25,
                },
            },
        );
        let c = entry(
            3,
            Erasure::Purge {
                event: EventId::from(2),
                photos: true,
                attendees: true,
                archive: false,
                archived: vec![PhotoId::from(9)],
            },
        );
        for e in [&a, &b, &c] {
            j.append(e).unwrap();
        }
        let text = std::fs::read_to_string(j.path()).unwrap();
        assert_eq!(
            text.lines().next().unwrap(),
            r#"{"seq":1,"at":"2026-05-14T10:00:00Z","kind":"attendee","attendee":7,"request":3}"#
        );
        assert_eq!(j.read().unwrap(), vec![a.clone(), b.clone(), c.clone()]);
        assert_eq!(j.last_seq().unwrap(), 3);
    }

    /// A crash in the middle of a line leaves a torn last line: it is skipped, and the
    /// next entry starts on a line of its own. A bad line in the middle is an error.
    #[test]
    fn a_torn_last_line_is_skipped_and_a_bad_middle_line_refused() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path().join("e.jsonl"));
        j.append(&entry(
            1,
            Erasure::PhotoDelete {
                photo: PhotoId::from(5),
            },
        ))
        .unwrap();
        let mut f = OpenOptions::new().append(true).open(j.path()).unwrap();
        f.write_all(br#"{"seq":2,"at":"2026"#).unwrap();
        drop(f);
        assert_eq!(j.read().unwrap().len(), 1);
        assert_eq!(j.last_seq().unwrap(), 1);
        j.append(&entry(
            2,
            Erasure::PhotoDelete {
                photo: PhotoId::from(6),
            },
        ))
        .unwrap();
        assert!(
            matches!(j.read(), Err(JournalError::Unreadable { line: 2, .. })),
            "the torn line is in the middle now: refused, never skipped silently"
        );
        assert_eq!(j.last_seq().unwrap(), 2);
    }

    #[test]
    fn merging_is_a_union_by_number_and_refuses_a_different_entry_under_one_number() {
        let d = |seq, photo| {
            entry(
                seq,
                Erasure::PhotoDelete {
                    photo: PhotoId::from(photo),
                },
            )
        };
        let merged = merge(vec![d(1, 1), d(3, 3)], vec![d(1, 1), d(2, 2)]).unwrap();
        assert_eq!(
            merged.iter().map(|e| e.seq).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(matches!(
            merge(vec![d(1, 1)], vec![d(1, 2)]),
            Err(JournalError::Conflict { seq: 1 })
        ));
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path().join("e.jsonl"));
        j.replace(&merged).unwrap();
        assert_eq!(j.read().unwrap(), merged);
    }
}
