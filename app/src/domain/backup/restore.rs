//! `lanyard admin restore FILE --data-dir D` (issue 17 points 6 and 8). The backup is
//! decrypted into a staging directory beside D (owner-only, removed on any failure),
//! checked there, and only then moved into place, so a wrong key, a damaged file or a
//! failed check leaves D exactly as it was. The checks: every file's size and SHA-256
//! against the backup's own list (and the age stream's authentication), SQLite's
//! integrity check, the whole audit chain, the database against its manifest, and
//! every photo file the database names present (or deleted later, as the erasure
//! journal shows). The journal inside the backup is merged into the one beside D, so
//! the next start-up carries out every erasure made since the backup.

use super::archive::{self, create_private_dir, ReadError};
use super::keys::Decryption;
use crate::domain::journal::{self, Entry, Erasure, Journal, JournalError};
use crate::domain::photos::Rendition;
use crate::domain::store::{check_restored, record_restore, StoreError, StoredPhoto};
use std::path::{Path, PathBuf};

/// What to restore where.
pub struct Restore<'a> {
    pub file: &'a Path,
    pub key: &'a Decryption,
    pub data_dir: &'a Path,
    /// The erasure journal beside the data dir.
    pub journal: &'a Path,
    /// Replace a data dir that is not empty (its old content is kept beside it).
    pub force: bool,
}

/// A restore done.
#[derive(Clone, Debug)]
pub struct Restored {
    pub manifest: archive::Manifest,
    pub photos: usize,
    /// Erasure-journal entries newer than the backup: carried out again at the next start.
    pub pending: usize,
    /// Where the data dir's old content went (`--force`).
    pub replaced: Option<PathBuf>,
}

/// Why a restore stopped; the data dir is unchanged. One line each.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{0} is not empty: restore replaces a data dir only with --force")]
    NotEmpty(PathBuf),
    #[error("{0} is not a directory")]
    NotADir(PathBuf),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("the backup's database failed its check: {0}")]
    Database(String),
    #[error("the backup's audit chain is broken: {0}")]
    Chain(crate::domain::audit::ChainBreak),
    #[error("the backup's database does not match its manifest")]
    Mismatch,
    #[error("the backup lacks the files of {0} photo(s) its database names")]
    PhotosMissing(usize),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("putting the restored data in place failed: {0}")]
    Io(std::io::Error),
}

impl From<StoreError> for RestoreError {
    fn from(e: StoreError) -> Self {
        RestoreError::Database(e.to_string())
    }
}

/// Removes the staging directory unless the restore got through.
struct Staging {
    dir: PathBuf,
    keep: bool,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Whether a photo the database names but whose files are gone was deleted after the
/// snapshot (journal entries newer than its mark say so), so re-applying them removes
/// its row too.
fn deleted_later(p: &StoredPhoto, later: &[&Entry]) -> bool {
    later.iter().any(|e| match &e.what {
        Erasure::PhotoDelete { photo } => *photo == p.id,
        Erasure::Purge {
            event,
            photos,
            attendees,
            archive,
            archived,
        } => {
            *event == p.event_id
                && (*archive || ((*photos || *attendees) && !archived.contains(&p.id)))
        }
        _ => false,
    })
}

fn is_empty_dir(dir: &Path) -> std::io::Result<bool> {
    Ok(std::fs::read_dir(dir)?.next().is_none())
}

/// Restores as [`Restore`] says. Blocking: call off the async runtime. Stop the server
/// first.
pub fn restore(r: Restore<'_>) -> Result<Restored, RestoreError> {
    let d = r.data_dir;
    let exists = d.exists();
    if exists && !d.is_dir() {
        return Err(RestoreError::NotADir(d.to_path_buf()));
    }
    let empty = !exists || is_empty_dir(d).map_err(RestoreError::Io)?;
    if !empty && !r.force {
        return Err(RestoreError::NotEmpty(d.to_path_buf()));
    }
    let name = d
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    let parent = match d.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir(&parent).map_err(RestoreError::Io)?;
    let mut staging = Staging {
        dir: parent.join(format!(
            ".{name}.restore-{}",
            crate::domain::auth::random_token(9)
        )),
        keep: false,
    };
    std::fs::DirBuilder::new()
        .mode_private()
        .create(&staging.dir)
        .map_err(RestoreError::Io)?;

    let unpacked = archive::read(r.file, r.key, &staging.dir)?;
    let db = staging.dir.join(archive::DATABASE);
    let (facts, chain) = check_restored(&db)?;
    chain.map_err(RestoreError::Chain)?;
    let m = &unpacked.manifest;
    if facts.audit_head_id != m.audit_head_id
        || facts.audit_head != m.audit_head
        || facts.journal_seq != m.journal_seq
    {
        return Err(RestoreError::Mismatch);
    }

    let live = Journal::new(r.journal);
    let inner = match &unpacked.journal {
        Some(text) => journal::parse(text, Path::new(archive::JOURNAL))?,
        None => Vec::new(),
    };
    let before = live.read()?;
    let merged = journal::merge(before.clone(), inner)?;
    let later: Vec<&Entry> = merged
        .iter()
        .filter(|e| e.seq > facts.journal_seq)
        .collect();
    let missing = facts
        .photos
        .iter()
        .filter(|p| {
            [Rendition::Original, Rendition::Thumb, Rendition::Preview]
                .iter()
                .any(|w| {
                    !staging
                        .dir
                        .join(archive::photo_entry(p.public_id.as_str(), *w))
                        .is_file()
                })
        })
        .filter(|p| !deleted_later(p, &later))
        .count();
    if missing > 0 {
        return Err(RestoreError::PhotosMissing(missing));
    }

    record_restore(
        &db,
        &format!(
            "backup created_at:{} audit_head:{} journal:{}",
            m.created_at, m.audit_head_id, m.journal_seq
        ),
    )?;
    if merged != before {
        live.replace(&merged)?;
    }

    // Into place: the old content (with --force) is kept beside, then the staging
    // directory takes the data dir's name in one rename.
    let mut replaced = None;
    if exists {
        if empty {
            std::fs::remove_dir(d).map_err(RestoreError::Io)?;
        } else {
            let stamp = super::schedule::stamp(time::OffsetDateTime::now_utc());
            let aside = parent.join(format!("{name}.replaced-{stamp}"));
            std::fs::rename(d, &aside).map_err(RestoreError::Io)?;
            replaced = Some(aside);
        }
    }
    std::fs::rename(&staging.dir, d).map_err(RestoreError::Io)?;
    staging.keep = true;
    std::fs::File::open(&parent)
        .and_then(|f| f.sync_all())
        .map_err(RestoreError::Io)?;
    Ok(Restored {
        manifest: unpacked.manifest.clone(),
        photos: facts.photos.len(),
        pending: later.len(),
        replaced,
    })
}

/// Owner-only directories where the platform has modes.
trait PrivateDir {
    fn mode_private(&mut self) -> &mut Self;
}

impl PrivateDir for std::fs::DirBuilder {
    fn mode_private(&mut self) -> &mut Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            self.mode(0o700);
        }
        self
    }
}
