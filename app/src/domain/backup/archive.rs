//! The backup file (issue 17 point 5): one tar stream, encrypted with age as it is
//! written, so no plaintext copy of it ever lies on disk. Its entries, in order:
//!
//! 1. `manifest.json`: format version, when it was made (UTC), the schema version, the
//!    audit chain's head (row id, hash, row count) and the erasure journal's mark the
//!    database snapshot holds ([`Manifest`]); first, so `verify-audit --since-backup`
//!    reads only the first chunk;
//! 2. `lanyard.sqlite3`: the database snapshot;
//! 3. `photos/originals/{id}`, `photos/thumbs/{id}.jpg`, `photos/previews/{id}.jpg` for
//!    every photo the snapshot names;
//! 4. `erasures.jsonl`: the erasure journal as it stood after the photos were copied;
//! 5. `files.json`: every entry above with its size and SHA-256, and the photos whose
//!    files were deleted between the snapshot and the copy ([`FileList`]).
//!
//! Reading checks every entry's name against that list of shapes (nothing else is ever
//! written, so a path cannot leave the target directory), reads the age stream to its
//! authenticated end and compares each file with `files.json`.

use super::keys::{Decryption, Encryption};
use crate::domain::photos::{PhotoFiles, Rendition};
use crate::types::PublicId;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub const FORMAT: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const DATABASE: &str = "lanyard.sqlite3";
pub const JOURNAL: &str = "erasures.jsonl";
pub const FILES: &str = "files.json";

/// What a backup holds, written first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// When the snapshot was taken (UTC, RFC 3339).
    pub created_at: String,
    pub schema_version: i64,
    /// The newest audit row in the snapshot, its hash, and how many rows there are.
    pub audit_head_id: i64,
    pub audit_head: String,
    pub audit_rows: i64,
    /// Every erasure-journal entry up to this number is in the snapshot.
    pub journal_seq: u64,
}

/// One file in the archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// Written last: every file with its size and hash, and the photos the snapshot names
/// whose files were gone when they were copied (deleted meanwhile: the journal says so).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileList {
    pub files: Vec<FileEntry>,
    pub missing: Vec<String>,
}

/// What goes into a backup.
pub struct Contents<'a> {
    pub manifest: &'a Manifest,
    pub snapshot: &'a Path,
    pub photos: &'a PhotoFiles,
    pub photo_ids: &'a [PublicId],
    pub journal: Option<&'a Path>,
}

/// A backup written.
#[derive(Clone, Debug)]
pub struct Written {
    /// The encrypted file's size.
    pub bytes: u64,
    pub files: usize,
    pub missing: Vec<String>,
}

/// Why a backup could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file to back up could not be read (or changed size while it was read).
    #[error("reading {0} failed: {1}")]
    Read(String, std::io::Error),
    /// The archive could not be written.
    #[error("writing the backup failed: {0}")]
    Write(std::io::Error),
    #[error("the backup could not be encrypted: {0}")]
    Encrypt(String),
}

/// Why a backup could not be read. Each is one line for the terminal.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0} could not be opened: {1}")]
    Open(PathBuf, std::io::Error),
    #[error("the backup could not be decrypted: wrong passphrase or key, or the file is damaged")]
    Undecryptable,
    #[error("the backup was encrypted with a passphrase: give --passphrase-stdin")]
    NeedsPassphrase,
    #[error("the backup was encrypted to a public key: give --identity FILE")]
    NeedsKey,
    #[error("the backup is damaged: it was cut short or changed after it was written")]
    Damaged,
    #[error("this is not a Lanyard backup, or one of a newer format")]
    NotABackup,
    /// Writing the unpacked files failed (the disk, permissions).
    #[error("unpacking the backup failed: {0}")]
    Unpack(std::io::Error),
}

/// A reader that hashes and counts what passes through, and remembers a failure (so a
/// failed copy can tell a bad source from a bad destination).
struct Hashing<R> {
    inner: R,
    hash: Sha256,
    count: u64,
    failed: bool,
}

impl<R: Read> Hashing<R> {
    fn new(inner: R) -> Self {
        Hashing {
            inner,
            hash: Sha256::new(),
            count: 0,
            failed: false,
        }
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.hash.update(&buf[..n]);
                self.count += n as u64;
                Ok(n)
            }
            Err(e) => {
                self.failed = true;
                Err(e)
            }
        }
    }
}

fn header(bytes: u64) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_size(bytes);
    h.set_mode(0o600);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_mtime(0);
    h
}

/// Adds `data` (`len` bytes) as `name`; returns its entry for `files.json`.
fn add<W: Write, R: Read>(
    tar: &mut tar::Builder<W>,
    name: &str,
    data: R,
    len: u64,
) -> Result<FileEntry, WriteError> {
    let mut reader = Hashing::new(data.take(len));
    let appended = tar.append_data(&mut header(len), name, &mut reader);
    match appended {
        Err(e) if reader.failed => return Err(WriteError::Read(name.into(), e)),
        Err(e) => return Err(WriteError::Write(e)),
        Ok(()) => {}
    }
    if reader.count != len {
        return Err(WriteError::Read(
            name.into(),
            std::io::Error::other("the file changed size while it was copied"),
        ));
    }
    Ok(FileEntry {
        path: name.into(),
        bytes: len,
        sha256: hex::encode(reader.hash.finalize()),
    })
}

/// Adds the file at `path` as `name`, from one open handle (a file replaced meanwhile
/// by a rename is read as it was); `None` when it does not exist.
fn add_file<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    path: &Path,
) -> Result<Option<FileEntry>, WriteError> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(WriteError::Read(name.into(), e)),
    };
    let len = file
        .metadata()
        .map_err(|e| WriteError::Read(name.into(), e))?
        .len();
    add(tar, name, file, len).map(Some)
}

/// The name of a photo's file in the archive, relative to the data dir.
pub fn photo_entry(public_id: &str, which: Rendition) -> String {
    match which {
        Rendition::Original => format!("photos/originals/{public_id}"),
        Rendition::Thumb => format!("photos/thumbs/{public_id}.jpg"),
        Rendition::Preview => format!("photos/previews/{public_id}.jpg"),
    }
}

const RENDITIONS: [Rendition; 3] = [Rendition::Original, Rendition::Thumb, Rendition::Preview];

/// Writes the backup to `out` through `out.partial` (fsynced, then renamed), encrypted
/// as `key` says. On any error the partial file is removed and `out` is untouched.
/// Blocking: call off the async runtime.
pub fn write(out: &Path, key: &Encryption, c: Contents<'_>) -> Result<Written, WriteError> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    let partial = out.with_file_name(format!("{name}.partial"));
    let result = write_to(&partial, key, c);
    let done = result.and_then(|w| {
        std::fs::rename(&partial, out).map_err(WriteError::Write)?;
        sync_parent(out).map_err(WriteError::Write)?;
        Ok(w)
    });
    if done.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    done
}

fn write_to(partial: &Path, key: &Encryption, c: Contents<'_>) -> Result<Written, WriteError> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(partial).map_err(WriteError::Write)?;
    let encryptor = key
        .encryptor()
        .map_err(|e| WriteError::Encrypt(e.to_string()))?;
    let stream = encryptor
        .wrap_output(std::io::BufWriter::with_capacity(256 * 1024, file))
        .map_err(WriteError::Write)?;
    let mut tar = tar::Builder::new(stream);
    let mut list = FileList::default();

    let manifest =
        serde_json::to_vec_pretty(c.manifest).map_err(|e| WriteError::Encrypt(e.to_string()))?;
    list.files.push(add(
        &mut tar,
        MANIFEST,
        &manifest[..],
        manifest.len() as u64,
    )?);
    let db = add_file(&mut tar, DATABASE, c.snapshot)?.ok_or_else(|| {
        WriteError::Read(
            DATABASE.into(),
            std::io::Error::other("the snapshot is missing"),
        )
    })?;
    list.files.push(db);
    for public_id in c.photo_ids {
        let mut gone = false;
        for which in RENDITIONS {
            let entry = photo_entry(public_id.as_str(), which);
            match add_file(&mut tar, &entry, &c.photos.path(public_id.as_str(), which))? {
                Some(f) => list.files.push(f),
                None => gone = true,
            }
        }
        if gone {
            list.missing.push(public_id.as_str().to_string());
        }
    }
    // After the photos: a photo deleted while they were copied is in this copy.
    if let Some(journal) = c.journal {
        if let Some(f) = add_file(&mut tar, JOURNAL, journal)? {
            list.files.push(f);
        }
    }
    let files_json =
        serde_json::to_vec_pretty(&list).map_err(|e| WriteError::Encrypt(e.to_string()))?;
    add(&mut tar, FILES, &files_json[..], files_json.len() as u64)?;
    let stream = tar.into_inner().map_err(WriteError::Write)?;
    let buffered = stream.finish().map_err(WriteError::Write)?;
    let file = buffered
        .into_inner()
        .map_err(|e| WriteError::Write(e.into_error()))?;
    file.sync_all().map_err(WriteError::Write)?;
    let bytes = file.metadata().map_err(WriteError::Write)?.len();
    Ok(Written {
        bytes,
        files: list.files.len(),
        missing: list.missing,
    })
}

fn sync_parent(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => File::open(dir)?.sync_all(),
        _ => Ok(()),
    }
}

/// Opens the age stream of `file` with `key`.
fn open(
    file: &Path,
    key: &Decryption,
) -> Result<age::stream::StreamReader<std::io::BufReader<File>>, ReadError> {
    let f = File::open(file).map_err(|e| ReadError::Open(file.to_path_buf(), e))?;
    let d =
        age::Decryptor::new(std::io::BufReader::new(f)).map_err(|_| ReadError::Undecryptable)?;
    match (d.is_scrypt(), key.is_passphrase()) {
        (true, false) => return Err(ReadError::NeedsPassphrase),
        (false, true) => return Err(ReadError::NeedsKey),
        _ => {}
    }
    key.decrypt(d).map_err(|_| ReadError::Undecryptable)
}

/// An entry name as the archive may hold it; anything else means the file is not ours.
fn allowed(name: &str) -> bool {
    let id_ok = |id: &str| {
        !id.is_empty()
            && id.len() <= PublicId::MAX_LEN
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if [MANIFEST, DATABASE, JOURNAL, FILES].contains(&name) {
        return true;
    }
    if let Some(id) = name.strip_prefix("photos/originals/") {
        return id_ok(id);
    }
    for dir in ["photos/thumbs/", "photos/previews/"] {
        if let Some(id) = name.strip_prefix(dir).and_then(|r| r.strip_suffix(".jpg")) {
            return id_ok(id);
        }
    }
    false
}

fn manifest_of(bytes: &[u8]) -> Result<Manifest, ReadError> {
    let m: Manifest = serde_json::from_slice(bytes).map_err(|_| ReadError::NotABackup)?;
    if m.format != FORMAT {
        return Err(ReadError::NotABackup);
    }
    Ok(m)
}

/// Reads at most `limit` bytes of an entry into memory.
fn small<R: Read>(entry: R, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut out = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|_| ReadError::Damaged)?;
    if out.len() as u64 > limit {
        return Err(ReadError::NotABackup);
    }
    Ok(out)
}

/// The manifest only: the first entry (its age chunk is authenticated on its own).
pub fn read_manifest(file: &Path, key: &Decryption) -> Result<Manifest, ReadError> {
    let stream = open(file, key)?;
    let mut archive = tar::Archive::new(stream);
    let mut entries = archive.entries().map_err(|_| ReadError::Damaged)?;
    let first = entries
        .next()
        .ok_or(ReadError::Damaged)?
        .map_err(|_| ReadError::Damaged)?;
    let name = first
        .path()
        .map_err(|_| ReadError::Damaged)?
        .to_string_lossy()
        .into_owned();
    if name != MANIFEST {
        return Err(ReadError::NotABackup);
    }
    manifest_of(&small(first, 1024 * 1024)?)
}

/// A backup unpacked and checked against its own file list.
#[derive(Clone, Debug)]
pub struct Unpacked {
    pub manifest: Manifest,
    pub list: FileList,
    /// The inner erasure journal's text, if the backup has one (not written to disk).
    pub journal: Option<String>,
}

/// Decrypts `file` with `key` and writes its database and photos under `into` (which
/// must exist, empty), checking each file's size and SHA-256 against the backup's own
/// list, to the authenticated end of the stream. On an error `into` may hold part of
/// it: the caller removes it. Blocking.
pub fn read(file: &Path, key: &Decryption, into: &Path) -> Result<Unpacked, ReadError> {
    let stream = open(file, key)?;
    let mut archive = tar::Archive::new(stream);
    let mut manifest = None;
    let mut list: Option<FileList> = None;
    let mut journal = None;
    let mut seen: BTreeMap<String, (u64, String)> = BTreeMap::new();
    {
        let entries = archive.entries().map_err(|_| ReadError::Damaged)?;
        for entry in entries {
            let mut entry = entry.map_err(|_| ReadError::Damaged)?;
            let name = entry
                .path()
                .map_err(|_| ReadError::Damaged)?
                .to_string_lossy()
                .into_owned();
            if !allowed(&name)
                || entry.header().entry_type() != tar::EntryType::Regular
                || seen.contains_key(&name)
                || list.is_some()
                || (manifest.is_none() && name != MANIFEST)
            {
                return Err(ReadError::NotABackup);
            }
            if name == FILES {
                let bytes = small(&mut entry, 64 * 1024 * 1024)?;
                list = Some(serde_json::from_slice(&bytes).map_err(|_| ReadError::Damaged)?);
                continue;
            }
            let (bytes, sha) = if name == MANIFEST || name == JOURNAL {
                let bytes = small(&mut entry, 512 * 1024 * 1024)?;
                let sha = hex::encode(Sha256::digest(&bytes));
                let len = bytes.len() as u64;
                if name == MANIFEST {
                    manifest = Some(manifest_of(&bytes)?);
                } else {
                    journal = Some(String::from_utf8(bytes).map_err(|_| ReadError::Damaged)?);
                }
                (len, sha)
            } else {
                unpack(&mut entry, &into.join(&name))?
            };
            seen.insert(name, (bytes, sha));
        }
    }
    // Read to the authenticated end: a stream cut short after the last entry fails here.
    let mut rest = archive.into_inner();
    std::io::copy(&mut rest, &mut std::io::sink()).map_err(|_| ReadError::Damaged)?;
    let (Some(manifest), Some(list)) = (manifest, list) else {
        return Err(ReadError::Damaged);
    };
    let listed: BTreeMap<String, (u64, String)> = list
        .files
        .iter()
        .map(|f| (f.path.clone(), (f.bytes, f.sha256.clone())))
        .collect();
    if listed != seen {
        return Err(ReadError::Damaged);
    }
    Ok(Unpacked {
        manifest,
        list,
        journal,
    })
}

/// Writes one entry to `dest` (owner-only), hashing it; a read failure is damage, a
/// write failure is the disk's.
fn unpack<R: Read>(entry: &mut R, dest: &Path) -> Result<(u64, String), ReadError> {
    if let Some(dir) = dest.parent() {
        create_private_dir(dir).map_err(ReadError::Unpack)?;
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(dest).map_err(ReadError::Unpack)?;
    let mut hash = Sha256::new();
    let mut count = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = entry.read(&mut buf).map_err(|_| ReadError::Damaged)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
        count += n as u64;
        out.write_all(&buf[..n]).map_err(ReadError::Unpack)?;
    }
    out.sync_all().map_err(ReadError::Unpack)?;
    Ok((count, hex::encode(hash.finalize())))
}

/// `create_dir_all`, owner-only where the platform allows.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_archives_own_names_are_allowed() {
        for ok in [
            "manifest.json",
            "lanyard.sqlite3",
            "erasures.jsonl",
            "files.json",
            "photos/originals/AbC-_09",
            "photos/thumbs/AbC-_09.jpg",
            "photos/previews/x.jpg",
        ] {
            assert!(allowed(ok), "{ok}");
        }
        for bad in [
            "../etc/passwd",
            "/etc/passwd",
            "photos/originals/../../x",
            "photos/originals/",
            "photos/thumbs/x.png",
            "photos/originals/a/b",
            "lanyard.sqlite3-wal",
            "photos/exports/x.zip",
        ] {
            assert!(!allowed(bad), "{bad}");
        }
    }
}
