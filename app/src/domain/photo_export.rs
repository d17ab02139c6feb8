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
pub const MAX_SIDE: u32 = 8192;
/// Finished exports are kept this long, then deleted.
pub const KEEP_FOR: Duration = Duration::from_secs(3600);

#[derive(Default)]
pub struct ExportJobs {
    jobs: Mutex<HashMap<String, Arc<Job>>>,
}

pub struct Job {
    pub user_id: i64,
    pub event_id: EventId,
    created: Instant,
    pub total: usize,
    done: AtomicUsize,
    outcome: Mutex<Outcome>,
}

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Running,
    Ready(PathBuf),
    Failed,
}

impl ExportJobs {
    /// The job's progress, for the user who started it only.
    pub fn status(&self, job_id: &str, user_id: i64) -> Option<ExportStatus> {
        let jobs = self.jobs.lock().ok()?;
        let job = jobs.get(job_id).filter(|j| j.user_id == user_id)?;
        let outcome = job.outcome.lock().ok()?.clone();
        Some(ExportStatus {
            job: job_id.to_string(),
            total: job.total,
            done: job.done.load(Ordering::Relaxed),
            ready: matches!(outcome, Outcome::Ready(_)),
            failed: outcome == Outcome::Failed,
        })
    }

    /// The finished ZIP, for the user who started it only.
    pub fn ready_file(&self, job_id: &str, user_id: i64) -> Option<PathBuf> {
        let jobs = self.jobs.lock().ok()?;
        let job = jobs.get(job_id).filter(|j| j.user_id == user_id)?;
        let outcome = job.outcome.lock().ok()?.clone();
        match outcome {
            Outcome::Ready(p) => Some(p),
            _ => None,
        }
    }

    /// Forgets jobs older than `KEEP_FOR` and deletes their files.
    pub fn sweep(&self) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.retain(|_, j| {
                let keep = j.created.elapsed() < KEEP_FOR;
                if !keep {
                    if let Ok(Outcome::Ready(p)) = j.outcome.lock().map(|o| o.clone()) {
                        let _ = std::fs::remove_file(p);
                    }
                }
                keep
            });
        }
    }

    /// Deletes every finished export file of an event (a photo was deleted, say).
    pub fn forget_event(&self, event_id: EventId) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.retain(|_, j| {
                if j.event_id != event_id {
                    return true;
                }
                if let Ok(Outcome::Ready(p)) = j.outcome.lock().map(|o| o.clone()) {
                    let _ = std::fs::remove_file(p);
                }
                false
            });
        }
    }
}

/// One photo to put in the ZIP.
struct Item {
    public_id: PublicId,
    state: PhotoState,
    reason: String,
    blur: Vec<crate::types::Region>,
}

/// How far a user's export has got; `None` for another user's job or an unknown one.
pub fn status(state: &AppState, actor: Actor, job_id: &str) -> Option<ExportStatus> {
    match actor {
        Actor::User { id, .. } => state.exports.status(job_id, id),
        _ => None,
    }
}

/// Starts building an export of the event's photos that may be published, their longest
/// side `max_side` pixels (`MIN_SIDE..=MAX_SIDE`). Reading the photos for it is audited
/// (`photo.export`).
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
    let rows = state.store.photos_for_export(actor, event_id).await?;
    let items: Vec<Item> = rows
        .into_iter()
        .filter_map(|(p, tags)| {
            let g = photos::gate(p.no_people, p.publish_blurred, &tags, false);
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
    let job_id = super::auth::random_token(16);
    let total = items.len();
    let job = Arc::new(Job {
        user_id,
        event_id,
        created: Instant::now(),
        total,
        done: AtomicUsize::new(0),
        outcome: Mutex::new(Outcome::Running),
    });
    state
        .exports
        .jobs
        .lock()
        .map_err(|_| StoreError::Internal("export jobs lock".into()))?
        .insert(job_id.clone(), job.clone());
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
