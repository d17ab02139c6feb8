//! The export ZIP (issue 5, item 7; requirements 11, 14): the publishable photos (and
//! those the organiser chose to publish blurred, blurred), re-encoded as JPEG at a chosen
//! size with no metadata, under neutral names (`photo-0001.jpg`), with a CSV manifest
//! (file, photo id, state, reason — codes, never names). Built one photo at a time on a
//! blocking thread into a temp file, so memory stays bounded by one photo; the page
//! polls the job's progress and downloads the finished file.

use super::imaging::{self, Limits};
use super::photos::{self, PhotoFiles, Rendition};
use super::store::{Actor, StoreError};
use super::AppState;
use crate::types::{EventId, PublicId};
use crate::types::{ExportStatus, PhotoState};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Export sizes offered (longest side, pixels).
pub const MIN_SIDE: u32 = 320;
pub const MAX_SIDE: u32 = 4096;
/// Finished exports are kept this long, then deleted (by the sweeper's timer).
pub const KEEP_FOR: Duration = Duration::from_secs(3600);
/// How often the sweeper looks for expired exports.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// Exports being built at once: per organiser, and on the whole server (each holds a
/// decoded photo in memory and a core busy).
pub const RUNNING_PER_USER: usize = 1;
pub const RUNNING_PER_SERVER: usize = 2;

#[derive(Default)]
pub struct ExportJobs {
    jobs: Mutex<HashMap<String, Arc<Job>>>,
}

pub struct Job {
    pub user_id: i64,
    pub event_id: EventId,
    created: Instant,
    total: AtomicUsize,
    done: AtomicUsize,
    /// What the event's publish-gate inputs looked like when the photos were read.
    fingerprint: Mutex<String>,
    outcome: Mutex<Outcome>,
}

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Running,
    Ready(PathBuf),
    Failed,
}

/// A finished export as the download finds it.
#[derive(Debug, PartialEq)]
pub enum Download {
    Ready(PathBuf),
    /// Something that decides what it may hold changed since: deleted, build it again.
    Stale,
    /// Not this user's, not finished, expired or unknown.
    Missing,
}

impl ExportJobs {
    /// Reserves a place for a new export of `user_id`: `None` when they already have one
    /// being built, or the server has `RUNNING_PER_SERVER`.
    fn begin(&self, user_id: i64, event_id: EventId) -> Option<(String, Arc<Job>)> {
        let mut jobs = self.jobs.lock().ok()?;
        let running: Vec<&Arc<Job>> = jobs
            .values()
            .filter(|j| j.outcome.lock().is_ok_and(|o| *o == Outcome::Running))
            .collect();
        let mine = running.iter().filter(|j| j.user_id == user_id).count();
        if mine >= RUNNING_PER_USER || running.len() >= RUNNING_PER_SERVER {
            return None;
        }
        let job_id = super::auth::random_token(16);
        let job = Arc::new(Job {
            user_id,
            event_id,
            created: Instant::now(),
            total: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            fingerprint: Mutex::new(String::new()),
            outcome: Mutex::new(Outcome::Running),
        });
        jobs.insert(job_id.clone(), job.clone());
        Some((job_id, job))
    }

    /// Drops a job and its file (it failed to start, or is out of date).
    fn discard(&self, job_id: &str) {
        if let Ok(mut jobs) = self.jobs.lock() {
            if let Some(job) = jobs.remove(job_id) {
                job.remove_file();
            }
        }
    }

    fn job(&self, job_id: &str, user_id: i64) -> Option<Arc<Job>> {
        let jobs = self.jobs.lock().ok()?;
        jobs.get(job_id).filter(|j| j.user_id == user_id).cloned()
    }

    /// The job's progress, for the user who started it only.
    pub fn status(&self, job_id: &str, user_id: i64) -> Option<ExportStatus> {
        let job = self.job(job_id, user_id)?;
        let outcome = job.outcome.lock().ok()?.clone();
        Some(ExportStatus {
            job: job_id.to_string(),
            total: job.total.load(Ordering::Relaxed),
            done: job.done.load(Ordering::Relaxed),
            ready: matches!(outcome, Outcome::Ready(_)),
            failed: outcome == Outcome::Failed,
            stale: false,
        })
    }

    /// The finished ZIP with its event and fingerprint, for the user who started it only.
    fn ready(&self, job_id: &str, user_id: i64) -> Option<(PathBuf, EventId, String)> {
        let job = self.job(job_id, user_id)?;
        let outcome = job.outcome.lock().ok()?.clone();
        let fingerprint = job.fingerprint.lock().ok()?.clone();
        match outcome {
            Outcome::Ready(p) => Some((p, job.event_id, fingerprint)),
            _ => None,
        }
    }

    /// Forgets jobs older than `KEEP_FOR` and deletes their files. The sweeper calls
    /// it every `SWEEP_EVERY`.
    pub fn sweep(&self) {
        self.sweep_older_than(KEEP_FOR)
    }

    /// Forgets finished jobs older than `age` and deletes their files (a job still being
    /// built is left to finish).
    pub fn sweep_older_than(&self, age: Duration) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.retain(|_, j| {
                let running = j.outcome.lock().is_ok_and(|o| *o == Outcome::Running);
                let keep = running || j.created.elapsed() < age;
                if !keep {
                    j.remove_file();
                }
                keep
            });
        }
    }

    /// Deletes every finished export file of an event at once (an erasure or a removal
    /// decision touched it, or a photo was deleted).
    pub fn forget_event(&self, event_id: EventId) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.retain(|_, j| {
                if j.event_id != event_id {
                    return true;
                }
                j.remove_file();
                false
            });
        }
    }
}

impl Job {
    fn remove_file(&self) {
        if let Ok(Outcome::Ready(p)) = self.outcome.lock().map(|o| o.clone()) {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Deletes expired exports every `SWEEP_EVERY`, for as long as the server runs.
pub fn spawn_sweeper(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        loop {
            tick.tick().await;
            let st = state.clone();
            let _ = tokio::task::spawn_blocking(move || st.exports.sweep()).await;
        }
    });
}

/// One photo to put in the ZIP.
struct Item {
    public_id: PublicId,
    state: PhotoState,
    reason: String,
    blur: Vec<crate::types::Region>,
}

/// How far a user's export has got (`stale` when it is ready but out of date); `None`
/// for another user's job or an unknown one.
pub async fn status(
    state: &AppState,
    actor: Actor,
    job_id: &str,
) -> Result<Option<ExportStatus>, StoreError> {
    let Actor::User { id, .. } = actor else {
        return Ok(None);
    };
    let Some(mut status) = state.exports.status(job_id, id) else {
        return Ok(None);
    };
    if let Some((_, event, built)) = state.exports.ready(job_id, id) {
        status.stale = state.store.export_fingerprint(event).await? != built;
    }
    Ok(Some(status))
}

/// The export to download (issue 14, point 2): re-checked against the event as it is
/// now; when anything that decides what it may hold changed since it was built, the
/// file is deleted and `Stale` comes back.
pub async fn download(
    state: &AppState,
    user_id: i64,
    job_id: &str,
) -> Result<Download, StoreError> {
    let Some((path, event, built)) = state.exports.ready(job_id, user_id) else {
        return Ok(Download::Missing);
    };
    if state.store.export_fingerprint(event).await? != built {
        let st = state.clone();
        let job = job_id.to_string();
        tokio::task::spawn_blocking(move || st.exports.discard(&job))
            .await
            .map_err(|e| StoreError::Internal(e.to_string()))?;
        return Ok(Download::Stale);
    }
    Ok(Download::Ready(path))
}

/// Starts building an export of the event's photos that may be published, their longest
/// side `max_side` pixels (`MIN_SIDE..=MAX_SIDE`). At most one export per organiser and
/// `RUNNING_PER_SERVER` on the server are built at once. Reading the photos for it is
/// audited (`photo.export`).
pub async fn start(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
    max_side: u32,
) -> Result<ExportStatus, super::consent::RegisterError> {
    let Actor::User { id: user_id, .. } = actor else {
        return Err(super::consent::RegisterError::Forbidden);
    };
    if !(MIN_SIDE..=MAX_SIDE).contains(&max_side) {
        return Err(crate::types::BadInput::SizeInvalid.into());
    }
    state.exports.sweep();
    let (job_id, job) = state
        .exports
        .begin(user_id, event_id)
        .ok_or(crate::types::BadInput::ExportBusy)?;
    let (rows, fingerprint) = match state.store.photos_for_export(actor, event_id).await {
        Ok(read) => read,
        Err(e) => {
            state.exports.discard(&job_id);
            return Err(e.into());
        }
    };
    let items: Vec<Item> = rows
        .into_iter()
        .filter_map(|(p, tags)| {
            let g = photos::gate(photos::Marks::of(&p), &tags, false);
            g.state.may_publish().then(|| Item {
                public_id: p.public_id,
                state: g.state,
                reason: photos::manifest_reason(&g),
                blur: if g.state == PhotoState::PublishableBlurred {
                    photos::blur_regions(&tags)
                } else {
                    Vec::new()
                },
            })
        })
        .collect();
    let total = items.len();
    job.total.store(total, Ordering::Relaxed);
    if let Ok(mut f) = job.fingerprint.lock() {
        *f = fingerprint;
    }
    let files = state.photos.clone();
    let dest = files.exports_dir().join(format!("{job_id}.zip"));
    tokio::task::spawn_blocking(move || {
        let outcome = match build(&files, &job, items, max_side, &dest) {
            Ok(()) => Outcome::Ready(dest),
            Err(e) => {
                tracing::error!(error = %e, "export failed");
                Outcome::Failed
            }
        };
        if let Ok(mut o) = job.outcome.lock() {
            *o = outcome;
        }
    });
    Ok(ExportStatus {
        job: job_id,
        total,
        done: 0,
        ready: false,
        failed: false,
        stale: false,
    })
}

fn build(
    files: &PhotoFiles,
    job: &Job,
    items: Vec<Item>,
    max_side: u32,
    dest: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use zip::write::SimpleFileOptions;
    let temp = files.temp_path();
    let file = std::fs::File::create(&temp)?;
    let result = (|| -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let mut zip = zip::ZipWriter::new(BufWriter::new(file));
        // JPEGs do not compress; no timestamps (1980-01-01), so nothing dates the photos.
        let stored = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip::DateTime::default());
        let mut manifest = crate::csv_text::CsvText::new();
        manifest.row(["file", "photo_id", "state", "reason"]);
        let mut n = 0;
        for item in items {
            let jpeg = std::fs::read(files.path(item.public_id.as_str(), Rendition::Original))
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    let info =
                        imaging::inspect(&bytes, &Limits::default()).map_err(|e| e.to_string())?;
                    imaging::export_jpeg(&bytes, &info, max_side, &item.blur)
                        .map_err(|e| e.to_string())
                });
            match jpeg {
                Ok(jpeg) => {
                    n += 1;
                    let name = format!("photo-{n:04}.jpg");
                    zip.start_file(name.as_str(), stored)?;
                    zip.write_all(&jpeg)?;
                    manifest.row([
                        name.as_str(),
                        item.public_id.as_str(),
                        item.state.as_str(),
                        item.reason.as_str(),
                    ]);
                }
                Err(e) => {
                    // Left out, and said so in the manifest.
                    tracing::error!(error = %e, "export: a photo could not be read");
                    manifest.row([
                        "",
                        item.public_id.as_str(),
                        item.state.as_str(),
                        "left_out:could_not_read_original",
                    ]);
                }
            }
            job.done.fetch_add(1, Ordering::Relaxed);
        }
        zip.start_file(
            "manifest.csv",
            SimpleFileOptions::default().last_modified_time(zip::DateTime::default()),
        )?;
        zip.write_all(manifest.finish().as_bytes())?;
        let mut inner = zip.finish()?;
        inner.flush()?;
        inner.get_ref().sync_all()?;
        Ok(())
    })();
    match result {
        Ok(()) => Ok(photos::rename_durable(&temp, dest)?),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(job: &Job, dir: &std::path::Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"PK").unwrap();
        *job.outcome.lock().unwrap() = Outcome::Ready(path.clone());
        path
    }

    /// Issue 14, point 2: one export at a time per organiser, two on the server; a
    /// finished one frees its place.
    #[test]
    fn one_export_per_organiser_and_two_per_server() {
        let jobs = ExportJobs::default();
        let ev = EventId::from(1);
        let (_, first) = jobs.begin(1, ev).unwrap();
        assert!(jobs.begin(1, ev).is_none(), "one per organiser");
        let (_, second) = jobs.begin(2, ev).unwrap();
        assert!(jobs.begin(3, ev).is_none(), "two on the server");
        *second.outcome.lock().unwrap() = Outcome::Failed;
        let dir = tempfile::tempdir().unwrap();
        ready(&first, dir.path(), "a.zip");
        assert!(
            jobs.begin(1, ev).is_some(),
            "finished: organiser 1 may start again"
        );
        assert!(jobs.begin(3, ev).is_some());
    }

    /// Issue 14, point 2: finished exports are deleted after `KEEP_FOR` by the sweeper,
    /// and every export of an event at once when a decision or an erasure touches it.
    #[test]
    fn finished_exports_are_swept_after_their_time_and_per_event() {
        let dir = tempfile::tempdir().unwrap();
        let jobs = ExportJobs::default();
        let (ev1, ev2) = (EventId::from(1), EventId::from(2));
        let (id1, j1) = jobs.begin(1, ev1).unwrap();
        let a = ready(&j1, dir.path(), "a.zip");
        jobs.sweep();
        assert!(a.exists(), "younger than an hour: kept");
        assert!(jobs.status(&id1, 1).is_some());
        jobs.sweep_older_than(Duration::ZERO);
        assert!(!a.exists(), "expired: the file is gone");
        assert!(jobs.status(&id1, 1).is_none());

        let (_, j1) = jobs.begin(1, ev1).unwrap();
        let b = ready(&j1, dir.path(), "b.zip");
        let (_, j2) = jobs.begin(2, ev2).unwrap();
        let c = ready(&j2, dir.path(), "c.zip");
        // A job still being built is never swept from under its thread.
        let (running, _) = jobs.begin(3, ev1).unwrap();
        jobs.forget_event(ev1);
        assert!(!b.exists() && c.exists(), "only event 1's exports go");
        jobs.sweep_older_than(Duration::ZERO);
        assert!(!c.exists());
        let _ = running;
    }
}
