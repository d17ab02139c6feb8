//! The photo library (issue 5; requirements 11, 14, 16, 22, 23): where the files live,
//! ingest (write, fsync, rename; then the row), the publish gate, scan-time
//! suggestions, and the views the pages show. Image work is in `imaging`; SQL in the
//! store.

mod act;
mod rules;
mod scrub;
mod sweep;
pub use act::{act, find, library, set_clock_offset, PhotoAction, PhotoInHand};
pub use rules::{may_change, PeopleChange};
pub use scrub::strip_originals;
pub use sweep::{sweep_orphans, Swept};

use super::imaging::{self, ImageError, Inspected, Limits};
use super::store::{Actor, NewPhoto, PhotoRow, ScanRow, Store, StoreError, TagFacts, TagRow};
use super::AppState;
use crate::types::{AttendeeId, EventId, PublicId};
use crate::types::{
    Consent, GateReason, PhotoCard, PhotoCounts, PhotoDetail, PhotoFilter, PhotoState, PhotoTag,
    Role, TagSuggestion,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// Default largest upload per file: 50 MB.
pub const DEFAULT_MAX_PHOTO_BYTES: u64 = 50 * 1024 * 1024;
/// Scan-time suggestions: badges scanned this many seconds either side of the photo.
pub const SUGGESTION_WINDOW_SECONDS: i64 = 120;
/// Longest side of the preview and the thumbnail.
pub const PREVIEW_SIDE: u32 = 1600;
pub const THUMB_SIDE: u32 = 320;

/// The photo files under the data dir: originals (organisers only), thumbnails and
/// previews (no metadata), a temp dir on the same file system for atomic renames, and
/// built exports. Every file is named by the photo's random public id, never by the
/// uploaded name.
#[derive(Clone, Debug)]
pub struct PhotoFiles {
    root: PathBuf,
}

/// What is served from a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendition {
    Thumb,
    Preview,
    Original,
}

impl PhotoFiles {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        PhotoFiles { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Creates the directories (owner-only where the platform allows).
    pub fn ensure_dirs(&self) -> std::io::Result<()> {
        for dir in ["originals", "thumbs", "previews", "tmp", "exports"] {
            let d = self.root.join(dir);
            std::fs::create_dir_all(&d)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o700))?;
            }
        }
        Ok(())
    }

    pub fn path(&self, public_id: &str, which: Rendition) -> PathBuf {
        match which {
            Rendition::Thumb => self.root.join("thumbs").join(format!("{public_id}.jpg")),
            Rendition::Preview => self.root.join("previews").join(format!("{public_id}.jpg")),
            Rendition::Original => self.root.join("originals").join(public_id),
        }
    }

    /// A fresh temp file name (random, so parallel uploads never meet).
    pub fn temp_path(&self) -> PathBuf {
        self.root
            .join("tmp")
            .join(format!("{}.part", super::auth::random_token(16)))
    }

    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// Removes whatever `tmp/` holds: uploads cut short by a crash. Called at start-up.
    pub fn clear_temp(&self) {
        if let Ok(entries) = std::fs::read_dir(self.root.join("tmp")) {
            for e in entries.flatten() {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }

    /// Removes every built export left in `exports/` (and anything else there): ZIPs
    /// from before a restart are no longer known to anyone, yet hold photos of people
    /// who may since have been erased or withdrawn. Called at start-up, next to
    /// [`Self::clear_temp`]. Returns how many entries were removed.
    pub fn clear_exports(&self) -> usize {
        let mut removed = 0;
        let dir = self.exports_dir();
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let path = e.path();
                let gone = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
                match gone {
                    Ok(()) => removed += 1,
                    Err(e) => tracing::error!(error = %e, "removing an old export failed"),
                }
            }
            if removed > 0 {
                if let Ok(d) = std::fs::File::open(&dir) {
                    let _ = d.sync_all();
                }
            }
        }
        removed
    }

    /// Removes a photo's files (used when its row could not be written).
    pub fn remove(&self, public_id: &str) {
        for which in [Rendition::Thumb, Rendition::Preview, Rendition::Original] {
            let _ = std::fs::remove_file(self.path(public_id, which));
        }
    }
}

/// Writes `bytes` to `dest` the durable way: a temp file, fsync, rename, fsync the
/// directory. A crash leaves either the whole file or none.
pub fn write_atomic(files: &PhotoFiles, dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = files.temp_path();
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        rename_durable(&tmp, dest)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Renames within the data dir and fsyncs the target directory.
pub fn rename_durable(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)?;
    if let Some(dir) = to.parent() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// An upload already streamed to a temp file (fsynced) with its hash and size.
pub struct Upload {
    pub temp: PathBuf,
    pub sha256: String,
    pub bytes: u64,
    pub original_name: Option<String>,
    /// The uploading browser's UTC offset in minutes (local minus UTC), used when the
    /// file's capture time has no offset of its own.
    pub utc_offset_minutes: Option<i32>,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{0}")]
    Image(#[from] ImageError),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("file system: {0}")]
    Io(#[from] std::io::Error),
}

/// The result of an upload: the photo's public id, and whether it was already there.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ingested {
    pub photo: String,
    pub duplicate: bool,
}

/// Turns an uploaded file into a library photo: checks and decodes it with limits off
/// the async runtime (at most `state.ingest_permits` at once), writes the thumbnail and
/// preview (no metadata) and keeps the original unchanged, then adds the row. The same
/// content at the same event is the same photo. On any error the temp file and every
/// file written for it are removed, and nothing is added.
pub async fn ingest(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
    uploaded_by: i64,
    upload: Upload,
) -> Result<Ingested, IngestError> {
    let cleanup_temp = upload.temp.clone();
    let result = ingest_inner(state, actor, event_id, uploaded_by, upload).await;
    // Renamed into place on success; on any failure the half-way file goes.
    let _ = std::fs::remove_file(&cleanup_temp);
    if let Err(e) = &result {
        if !matches!(e, IngestError::Image(_)) {
            tracing::error!(error = %e, "photo ingest failed");
        }
    }
    result
}

async fn ingest_inner(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
    uploaded_by: i64,
    upload: Upload,
) -> Result<Ingested, IngestError> {
    if upload.bytes == 0 {
        return Err(ImageError::Empty.into());
    }
    if let Some(photo) = state
        .store
        .photo_by_hash(event_id, upload.sha256.clone())
        .await?
    {
        return Ok(Ingested {
            photo,
            duplicate: true,
        });
    }
    let _permit = state
        .ingest_permits
        .acquire()
        .await
        .map_err(|e| IngestError::Io(std::io::Error::other(e.to_string())))?;
    let public_id = super::auth::random_token(16);
    let files = state.photos.clone();
    let temp = upload.temp.clone();
    let pid = public_id.clone();
    let info = tokio::task::spawn_blocking(move || -> Result<Inspected, IngestError> {
        let bytes = std::fs::read(&temp)?;
        let info = imaging::inspect(&bytes, &Limits::default())?;
        let out = imaging::renditions(&bytes, &info)?;
        let written = (|| -> std::io::Result<()> {
            write_atomic(&files, &files.path(&pid, Rendition::Thumb), &out.thumb)?;
            write_atomic(&files, &files.path(&pid, Rendition::Preview), &out.preview)?;
            // The original is the uploaded file itself, already fsynced: only renamed.
            rename_durable(&temp, &files.path(&pid, Rendition::Original))
        })();
        if let Err(e) = written {
            files.remove(&pid);
            return Err(e.into());
        }
        Ok(info)
    })
    .await
    .map_err(|e| IngestError::Io(std::io::Error::other(e.to_string())))??;
    let taken_at = capture_time_utc(
        info.taken_local.as_deref(),
        info.taken_offset.as_deref(),
        upload.utc_offset_minutes,
    );
    let new = NewPhoto {
        public_id: public_id.clone(),
        event_id,
        uploaded_by,
        sha256: upload.sha256,
        format: match info.format {
            imaging::Format::Jpeg => "jpeg",
            imaging::Format::Png => "png",
        },
        bytes: upload.bytes as i64,
        width: info.width,
        height: info.height,
        orientation: info.orientation,
        original_name: upload.original_name.map(|n| clean_name(&n)),
        camera_time: info.taken_local.clone(),
        camera_serial: info.camera_serial.clone(),
        taken_at,
    };
    match state.store.insert_photo(actor, new).await {
        Ok((photo, duplicate)) => {
            if duplicate {
                // Another upload of the same file won the race: ours goes.
                state.photos.remove(&public_id);
            }
            Ok(Ingested { photo, duplicate })
        }
        Err(e) => {
            state.photos.remove(&public_id);
            Err(e.into())
        }
    }
}

/// The uploaded file name as kept for the organiser: no path, no control characters,
/// at most 200 characters.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    base.chars().filter(|c| !c.is_control()).take(200).collect()
}

/// The capture time in UTC (RFC 3339): the camera's local time minus its offset, from
/// the file (`OffsetTimeOriginal`) or else the uploading browser's.
pub fn capture_time_utc(
    local: Option<&str>,
    file_offset: Option<&str>,
    browser_offset_minutes: Option<i32>,
) -> Option<String> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let local = PrimitiveDateTime::parse(local?, &fmt).ok()?;
    let offset = file_offset
        .and_then(parse_offset)
        .or_else(|| {
            browser_offset_minutes
                .filter(|m| m.abs() <= 18 * 60)
                .and_then(|m| UtcOffset::from_whole_seconds(m * 60).ok())
        })
        .unwrap_or(UtcOffset::UTC);
    local
        .assume_offset(offset)
        .to_offset(UtcOffset::UTC)
        .format(&Rfc3339)
        .ok()
}

fn parse_offset(s: &str) -> Option<UtcOffset> {
    let fmt = time::macros::format_description!("[offset_hour sign:mandatory]:[offset_minute]");
    UtcOffset::parse(s.trim(), &fmt).ok()
}

fn unix(rfc3339: &str) -> Option<i64> {
    OffsetDateTime::parse(rfc3339, &Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp())
}

// ---- The publish gate ----

/// A photo's computed publication state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gate {
    pub state: PhotoState,
    pub reasons: Vec<GateReason>,
    /// Blocked only by red people who all have regions: "publish blurred" would work.
    pub can_blur: bool,
}

/// What the photo's own row says about publishing it (issue 14, points 1 and 3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Marked as showing no identifiable people.
    pub no_people: bool,
    /// The organiser's "publish blurred".
    pub publish_blurred: bool,
    /// An organiser or admin reviewed it after its people last changed.
    pub reviewed: bool,
    /// Held for good by an erasure on which the organiser kept the photo.
    pub held: bool,
}

impl Marks {
    pub fn of(p: &PhotoRow) -> Self {
        Marks {
            no_people: p.no_people,
            publish_blurred: p.publish_blurred,
            reviewed: p.reviewed_at.is_some(),
            held: p.held,
        }
    }
}

/// Requirement 11/14: a photo may be published when an organiser reviewed it after its
/// people last changed (issue 14), people are tagged or it is marked "no identifiable
/// people", and everyone tagged is green with no removal request open. Anyone red blocks
/// it (unless the organiser chose "publish blurred" and every red person has a region);
/// an open removal request blocks it; someone who has not chosen yet leaves it in
/// review; an erasure's anonymous hold blocks it for good. Computed from the current
/// consent on every call, so a change to red blocks the photo at once.
///
/// People blurred out for good by a removal decision (issue 6) no longer count once
/// their request is closed: the stored image no longer shows them. While the request is open
/// they still block the photo.
pub fn gate(marks: Marks, tags: &[TagRow], names: bool) -> Gate {
    let mut g = gate_of_people(marks, tags, names);
    if marks.held {
        g.state = PhotoState::Blocked;
        g.reasons.insert(0, GateReason::Held);
        g.can_blur = false;
    } else if g.state.may_publish() && !marks.reviewed {
        g.state = PhotoState::NeedsReview;
        g.reasons.push(GateReason::AwaitingReview);
    }
    g
}

/// The gate as the people in the photo decide it, before the organiser's review.
fn gate_of_people(marks: Marks, tags: &[TagRow], names: bool) -> Gate {
    let Marks {
        no_people,
        publish_blurred,
        ..
    } = marks;
    let name = |t: &TagRow| (names && !t.name.is_empty()).then(|| t.name.clone());
    let gone = |t: &TagRow| t.blurred && !t.removal_pending;
    let blurred = tags.iter().filter(|t| gone(t)).count();
    let tags: Vec<TagRow> = tags.iter().filter(|t| !gone(t)).cloned().collect();
    if tags.is_empty() && blurred > 0 {
        return Gate {
            state: PhotoState::Publishable,
            reasons: vec![GateReason::Blurred { people: blurred }],
            can_blur: false,
        };
    }
    if tags.is_empty() {
        return if no_people {
            Gate {
                state: PhotoState::Publishable,
                reasons: vec![GateReason::NoPeople],
                can_blur: false,
            }
        } else {
            Gate {
                state: PhotoState::NeedsReview,
                reasons: vec![GateReason::NotReviewed],
                can_blur: false,
            }
        };
    }
    let mut reasons = Vec::new();
    let (mut red, mut red_with_region, mut pending, mut undecided) = (0, 0, 0, 0);
    for (i, t) in tags.iter().enumerate() {
        let tag = i + 1;
        if t.removal_pending {
            pending += 1;
            reasons.push(GateReason::RemovalPending { tag, name: name(t) });
        }
        match t.consent {
            Some(Consent::Red) => {
                red += 1;
                red_with_region += usize::from(t.region.is_some());
                reasons.push(GateReason::Red {
                    tag,
                    name: name(t),
                    has_region: t.region.is_some(),
                });
            }
            None => {
                undecided += 1;
                reasons.push(GateReason::NoChoiceYet { tag, name: name(t) });
            }
            Some(Consent::Green) => {}
        }
    }
    let can_blur = red > 0 && red == red_with_region && pending == 0;
    let state = if pending > 0 {
        PhotoState::Blocked
    } else if red > 0 {
        if publish_blurred && can_blur && undecided == 0 {
            reasons.push(GateReason::Blurred { people: red });
            PhotoState::PublishableBlurred
        } else {
            PhotoState::Blocked
        }
    } else if undecided > 0 {
        PhotoState::NeedsReview
    } else {
        reasons.push(GateReason::AllGreen { people: tags.len() });
        PhotoState::Publishable
    };
    Gate {
        state,
        reasons,
        can_blur,
    }
}

/// The regions to blur when a photo is published blurred: every red person's.
pub fn blur_regions(tags: &[TagRow]) -> Vec<crate::types::Region> {
    tags.iter()
        .filter(|t| t.consent == Some(Consent::Red) && !t.blurred)
        .filter_map(|t| t.region)
        .collect()
}

/// A short reason for the export manifest: codes and counts, never names.
pub fn manifest_reason(g: &Gate) -> String {
    g.reasons
        .iter()
        .map(|r| match r {
            GateReason::NotReviewed => "not_reviewed".to_string(),
            GateReason::NoPeople => "no_identifiable_people".to_string(),
            GateReason::AllGreen { people } => format!("all_green:{people}"),
            GateReason::Red { tag, .. } => format!("red:person_{tag}"),
            GateReason::RemovalPending { tag, .. } => format!("removal_pending:person_{tag}"),
            GateReason::NoChoiceYet { tag, .. } => format!("no_choice_yet:person_{tag}"),
            GateReason::Blurred { people } => format!("blurred:{people}"),
            GateReason::AwaitingReview => "awaiting_review".to_string(),
            GateReason::Held => "held".to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

// ---- Scan-time suggestions ----

/// Badges the photographer scanned within ±2 minutes of the photo's capture time,
/// corrected by their camera clock offset (camera minus true time), nearest first, one
/// per person, leaving out people already tagged. Returns (scan, scan − capture seconds).
pub fn suggestions(
    taken_at: &str,
    offset_seconds: i64,
    scans: &[ScanRow],
    already_tagged: &[AttendeeId],
) -> Vec<(ScanRow, i64)> {
    let Some(taken) = unix(taken_at) else {
        return Vec::new();
    };
    let true_time = taken - offset_seconds;
    let mut best: std::collections::HashMap<AttendeeId, (ScanRow, i64)> = Default::default();
    for s in scans {
        if already_tagged.contains(&s.attendee_id) {
            continue;
        }
        let Some(at) = unix(&s.at) else { continue };
        let delta = at - true_time;
        if delta.abs() > SUGGESTION_WINDOW_SECONDS {
            continue;
        }
        match best.get(&s.attendee_id) {
            Some((_, d)) if d.abs() <= delta.abs() => {}
            _ => {
                best.insert(s.attendee_id, (s.clone(), delta));
            }
        }
    }
    let mut out: Vec<_> = best.into_values().collect();
    out.sort_by_key(|(s, d)| (d.abs(), s.scan_id));
    out
}

// ---- Access ----

/// How the signed-in user may use a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoAccess {
    /// Organiser of the photo's event, or admin: everything, names and originals.
    Manager,
    /// The photographer who uploaded it: view and tag, no names, no original.
    Uploader,
}

/// `None` when the user may not see the photo at all: managers of its event see every
/// photo; a photographer only their own uploads, not archived ones, and only while they
/// may reach the event ([`crate::domain::access`], issue 16).
pub async fn access(
    store: &Store,
    user_id: i64,
    role: Role,
    photo: &PhotoRow,
    today: time::Date,
) -> Result<Option<PhotoAccess>, StoreError> {
    use crate::domain::access::{role_at, EventRole};
    Ok(
        match role_at(store, user_id, role, photo.event_id, today).await? {
            Some(EventRole::Manager) => Some(PhotoAccess::Manager),
            // The internal archive (issue 15) is for the event's organisers only.
            Some(EventRole::Photographer) if photo.uploaded_by == user_id && !photo.archived => {
                Some(PhotoAccess::Uploader)
            }
            _ => None,
        },
    )
}

// ---- Views ----

/// The library grid and counts after `filter`.
pub fn library_cards(
    rows: Vec<(PhotoRow, Vec<TagRow>)>,
    filter: &PhotoFilter,
) -> (Vec<PhotoCard>, PhotoCounts) {
    let from = filter_bound(&filter.from);
    let to = filter_bound(&filter.to);
    let mut counts = PhotoCounts::default();
    let mut cards = Vec::new();
    for (p, tags) in rows {
        let g = gate(Marks::of(&p), &tags, false);
        let untagged = tags.is_empty() && !p.no_people;
        counts.total += 1;
        counts.untagged += usize::from(untagged);
        match g.state {
            PhotoState::NeedsReview => counts.needs_review += 1,
            PhotoState::Publishable | PhotoState::PublishableBlurred => counts.publishable += 1,
            PhotoState::Blocked => counts.blocked += 1,
        }
        let state_ok = match filter.state.as_str() {
            "untagged" => untagged,
            "needs_review" => g.state == PhotoState::NeedsReview,
            "publishable" => g.state.may_publish(),
            "blocked" => g.state == PhotoState::Blocked,
            _ => true,
        };
        let by_ok = filter.photographer.is_none_or(|u| u == p.uploaded_by);
        let taken = p.taken_at.as_deref().and_then(unix);
        let time_ok = match (from, to, taken) {
            (None, None, _) => true,
            (_, _, None) => false,
            (f, t, Some(at)) => f.is_none_or(|f| at >= f) && t.is_none_or(|t| at <= t),
        };
        if state_ok && by_ok && time_ok {
            cards.push(PhotoCard {
                id: p.public_id,
                state: g.state,
                taken_at: p.taken_at,
                photographer: p.photographer,
                tags: tags.len(),
                width: p.width,
                height: p.height,
            });
        }
    }
    (cards, counts)
}

/// `YYYY-MM-DDTHH:MM` (or with seconds) as UTC unix seconds.
fn filter_bound(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let with_seconds = if s.len() == 16 {
        format!("{s}:00Z")
    } else {
        format!("{s}Z")
    };
    unix(&with_seconds)
}

/// The photo page for `access`: names, the original's file name, camera time and serial
/// for managers only.
pub async fn detail(
    store: &Store,
    access: PhotoAccess,
    photo: PhotoRow,
    tags: Vec<TagRow>,
    event_public_id: PublicId,
) -> Result<PhotoDetail, StoreError> {
    let manager = access == PhotoAccess::Manager;
    let g = gate(Marks::of(&photo), &tags, manager);
    let offset = store
        .clock_offset(photo.event_id, photo.uploaded_by)
        .await?;
    let scans = store
        .scans_of_user(photo.event_id, photo.uploaded_by)
        .await?;
    let tagged: Vec<AttendeeId> = tags.iter().map(|t| t.attendee_id).collect();
    let suggestions = photo
        .taken_at
        .as_deref()
        .map(|t| suggestions(t, offset, &scans, &tagged))
        .unwrap_or_default()
        .into_iter()
        .map(|(s, delta)| TagSuggestion {
            scan_id: s.scan_id,
            name: (manager && !s.name.is_empty()).then_some(s.name),
            consent: s.consent,
            delta_seconds: delta,
            scanned_at: s.at,
        })
        .collect();
    let publications = store.publications(photo.id).await?;
    // What this viewer may still change, by the same rules `act` applies (the viewer is
    // the uploader unless they manage the event).
    let facts: Vec<TagFacts> = tags.iter().map(rules::facts).collect();
    let viewer = photo.uploaded_by;
    let allowed = |change| may_change(access, viewer, &photo, &facts, change).is_ok();
    let can_review = manager && allowed(PeopleChange::Review);
    let no_people_locked = !allowed(PeopleChange::MarkNoPeople) && !photo.no_people;
    let tag_rights: Vec<(bool, bool)> = tags
        .iter()
        .map(|t| {
            (
                allowed(PeopleChange::Untag { tag_id: t.id }),
                allowed(PeopleChange::Region { tag_id: t.id }),
            )
        })
        .collect();
    Ok(PhotoDetail {
        id: photo.public_id,
        event_id: event_public_id,
        width: photo.width,
        height: photo.height,
        taken_at: photo.taken_at,
        uploaded_at: photo.uploaded_at,
        photographer: photo.photographer,
        photographer_id: photo.uploaded_by,
        original_name: photo.original_name.filter(|_| manager),
        camera_time: photo.camera_time.filter(|_| manager),
        camera_serial: photo.camera_serial.filter(|_| manager),
        state: g.state,
        reasons: g.reasons,
        no_people: photo.no_people,
        publish_blurred: photo.publish_blurred,
        can_blur: g.can_blur,
        reviewed_by: photo.reviewed_by,
        reviewed_at: photo.reviewed_at,
        can_review,
        no_people_locked,
        tags: tags
            .into_iter()
            .zip(tag_rights)
            .enumerate()
            .map(|(i, (t, (can_remove, can_edit_region)))| PhotoTag {
                id: t.id,
                number: i + 1,
                name: (manager && !t.name.is_empty()).then_some(t.name),
                consent: t.consent,
                removal_pending: t.removal_pending,
                region: t.region,
                source: t.source,
                can_remove,
                can_edit_region,
            })
            .collect(),
        suggestions,
        publications,
        can_manage: manager,
        clock_offset_seconds: offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Region;

    fn tag(consent: Option<Consent>, pending: bool, region: bool) -> TagRow {
        TagRow {
            blurred: false,
            id: 1,
            photo_id: 1.into(),
            attendee_id: 1.into(),
            name: "Anna Bērziņa".into(),
            consent,
            removal_pending: pending,
            region: region.then_some(Region {
                x: 0.1,
                y: 0.1,
                w: 0.2,
                h: 0.2,
            }),
            source: "badge".into(),
            tagged_by: 1,
        }
    }

    /// Reviewed by an organiser, not held: the marks the truth table starts from.
    fn reviewed(no_people: bool, publish_blurred: bool) -> Marks {
        Marks {
            no_people,
            publish_blurred,
            reviewed: true,
            held: false,
        }
    }

    use Consent::{Green, Red};
    use PhotoState::*;

    /// Requirement 11/14: the publish-gate truth table.
    #[test]
    fn publish_gate_truth_table() {
        let g = |no_people, blurred, tags: &[TagRow]| {
            gate(reviewed(no_people, blurred), tags, true).state
        };
        // Not reviewed: nobody tagged, not marked.
        assert_eq!(g(false, false, &[]), NeedsReview);
        // Reviewed as no identifiable people.
        assert_eq!(g(true, false, &[]), Publishable);
        // Tagged, everyone green.
        assert_eq!(
            g(false, false, &[tag(Some(Green), false, false)]),
            Publishable
        );
        assert_eq!(
            g(
                false,
                false,
                &[
                    tag(Some(Green), false, false),
                    tag(Some(Green), false, true)
                ]
            ),
            Publishable
        );
        // Red (never agreed, or withdrawn: the current choice is what counts).
        assert_eq!(g(false, false, &[tag(Some(Red), false, false)]), Blocked);
        assert_eq!(
            g(
                false,
                false,
                &[tag(Some(Green), false, false), tag(Some(Red), false, true)]
            ),
            Blocked
        );
        // Marking "no people" does not override a tagged red person.
        assert_eq!(g(true, false, &[tag(Some(Red), false, false)]), Blocked);
        // Green but a removal request is open.
        assert_eq!(g(false, false, &[tag(Some(Green), true, false)]), Blocked);
        // Someone has not chosen yet.
        assert_eq!(g(false, false, &[tag(None, false, false)]), NeedsReview);
        assert_eq!(
            g(
                false,
                false,
                &[tag(None, false, false), tag(Some(Red), false, false)]
            ),
            Blocked
        );
        // Publish blurred: only when every red person has a region.
        assert_eq!(
            g(
                false,
                true,
                &[tag(Some(Green), false, false), tag(Some(Red), false, true)]
            ),
            PublishableBlurred
        );
        assert_eq!(
            g(
                false,
                true,
                &[tag(Some(Red), false, true), tag(Some(Red), false, false)]
            ),
            Blocked
        );
        // ...and never past an open removal request.
        assert_eq!(g(false, true, &[tag(Some(Red), true, true)]), Blocked);
        // The choice without red people changes nothing.
        assert_eq!(
            g(false, true, &[tag(Some(Green), false, false)]),
            Publishable
        );
    }

    /// Issue 14, point 1: nothing is publishable before an organiser's review, whatever
    /// the people; the review does not override red, an open request or no choice.
    #[test]
    fn only_an_organisers_review_makes_a_photo_publishable() {
        let unreviewed = |no_people, blurred| Marks {
            reviewed: false,
            ..reviewed(no_people, blurred)
        };
        let green = [tag(Some(Green), false, false)];
        let red_blurred = [tag(Some(Green), false, false), tag(Some(Red), false, true)];
        for (marks, tags) in [
            (unreviewed(false, false), &green[..]),
            (unreviewed(true, false), &[][..]),
            (unreviewed(false, true), &red_blurred[..]),
        ] {
            let g = gate(marks, tags, false);
            assert_eq!(g.state, NeedsReview, "{marks:?}");
            assert_eq!(g.reasons.last(), Some(&GateReason::AwaitingReview));
        }
        assert_eq!(
            gate(reviewed(false, false), &green, false).state,
            Publishable
        );
        assert_eq!(
            gate(reviewed(false, true), &red_blurred, false).state,
            PublishableBlurred
        );
        assert_eq!(
            gate(
                reviewed(false, false),
                &[tag(Some(Red), false, false)],
                false
            )
            .state,
            Blocked
        );
        assert_eq!(
            gate(
                reviewed(false, false),
                &[tag(Some(Green), true, false)],
                false
            )
            .state,
            Blocked
        );
    }

    /// Issue 14, point 3: an erasure's hold blocks the photo even with nobody left in
    /// it and an organiser's review, and names no one.
    #[test]
    fn an_erasure_hold_blocks_for_good_and_names_no_one() {
        let held = Marks {
            held: true,
            ..reviewed(false, false)
        };
        let g = gate(held, &[], true);
        assert_eq!(g.state, Blocked);
        assert_eq!(g.reasons[0], GateReason::Held);
        assert_eq!(manifest_reason(&g), "held;not_reviewed");
        let g = gate(held, &[tag(Some(Green), false, false)], true);
        assert_eq!(g.state, Blocked);
        assert!(!g.can_blur);
    }

    #[test]
    fn gate_reasons_name_people_only_for_organisers() {
        let t = [tag(Some(Green), false, false), tag(Some(Red), false, true)];
        let org = gate(reviewed(false, false), &t, true);
        assert!(org.can_blur);
        assert_eq!(
            org.reasons,
            vec![GateReason::Red {
                tag: 2,
                name: Some("Anna Bērziņa".into()),
                has_region: true
            }]
        );
        let photographer = gate(reviewed(false, false), &t, false);
        assert_eq!(
            photographer.reasons,
            vec![GateReason::Red {
                tag: 2,
                name: None,
                has_region: true
            }]
        );
        assert_eq!(manifest_reason(&org), "red:person_2");
        assert!(!manifest_reason(&org).contains("Anna"));
    }

    fn scan(id: i64, attendee: i64, at: &str) -> ScanRow {
        ScanRow {
            scan_id: id,
            attendee_id: attendee.into(),
            at: at.into(),
            name: format!("Person {attendee}"),
            consent: Some(Green),
        }
    }

    /// Issue 5: suggestions honour the ±2 minute window and the camera clock offset.
    #[test]
    fn suggestions_use_the_window_and_the_clock_offset() {
        let scans = [
            scan(1, 10, "2026-11-22T10:00:00Z"),
            scan(2, 11, "2026-11-22T10:01:59Z"),
            scan(3, 12, "2026-11-22T10:02:01Z"),
            scan(4, 13, "2026-11-22T09:58:00Z"),
            scan(5, 14, "2026-11-22T09:57:59Z"),
            // attendee 10 again, further away: one suggestion per person
            scan(6, 10, "2026-11-22T10:01:00Z"),
            // a phone clock with an offset in the string
            scan(7, 15, "2026-11-22T12:00:30+02:00"),
        ];
        let got = |taken: &str, offset: i64, tagged: &[i64]| -> Vec<(i64, i64)> {
            let tagged: Vec<AttendeeId> = tagged.iter().map(|&n| n.into()).collect();
            suggestions(taken, offset, &scans, &tagged)
                .into_iter()
                .map(|(s, d)| (s.attendee_id.get(), d))
                .collect()
        };
        // Exactly at the window's edges: 10:01:59 (+119) in, 10:02:01 (+121) out,
        // 09:58:00 (−120) in, 09:57:59 (−121) out. Nearest first.
        assert_eq!(
            got("2026-11-22T10:00:00Z", 0, &[]),
            vec![(10, 0), (15, 30), (11, 119), (13, -120)]
        );
        // A camera 5 minutes fast: the photo stamped 10:05:00 was taken at 10:00:00.
        assert_eq!(
            got("2026-11-22T10:05:00Z", 300, &[]),
            vec![(10, 0), (15, 30), (11, 119), (13, -120)]
        );
        // Without the offset nothing is near 10:05.
        assert_eq!(got("2026-11-22T10:05:00Z", 0, &[]), vec![]);
        // A camera 2 minutes slow.
        assert_eq!(
            got("2026-11-22T09:58:00Z", -120, &[10]),
            vec![(15, 30), (11, 119), (13, -120)]
        );
        // No usable capture time: no suggestions.
        assert!(got("not a time", 0, &[]).is_empty());
    }

    #[test]
    fn capture_time_uses_the_file_offset_then_the_browser() {
        assert_eq!(
            capture_time_utc(Some("2026-11-22T12:00:00"), Some("+02:00"), Some(0)).as_deref(),
            Some("2026-11-22T10:00:00Z")
        );
        assert_eq!(
            capture_time_utc(Some("2026-11-22T12:00:00"), None, Some(120)).as_deref(),
            Some("2026-11-22T10:00:00Z")
        );
        assert_eq!(
            capture_time_utc(Some("2026-11-22T12:00:00"), None, None).as_deref(),
            Some("2026-11-22T12:00:00Z")
        );
        assert_eq!(capture_time_utc(None, Some("+02:00"), None), None);
        assert_eq!(capture_time_utc(Some("garbage"), None, None), None);
    }

    /// Issue 14, point 5: exports built before a restart are deleted at start-up.
    #[tokio::test]
    async fn exports_left_from_before_a_restart_are_removed_at_start_up() {
        let dir = tempfile::tempdir().unwrap();
        let files = PhotoFiles::new(dir.path());
        files.ensure_dirs().unwrap();
        let zip = files.exports_dir().join("0123456789abcdef.zip");
        std::fs::write(&zip, b"PK\x03\x04 photos of Anna").unwrap();
        std::fs::create_dir(files.exports_dir().join("half-built")).unwrap();
        std::fs::write(files.exports_dir().join("half-built/x.jpg"), b"x").unwrap();
        // A photo's own files are not touched.
        let original = files.path("abc", Rendition::Original);
        std::fs::write(&original, b"original").unwrap();

        // The start-up path (the same one the server takes) clears them.
        let store = crate::domain::Store::open_in_memory().await.unwrap();
        let state = crate::domain::AppState::new(store)
            .with_photos_dir(dir.path())
            .unwrap();
        assert_eq!(
            std::fs::read_dir(state.photos.exports_dir())
                .unwrap()
                .count(),
            0
        );
        assert!(original.exists());
        assert_eq!(files.clear_exports(), 0, "nothing left the second time");
    }

    #[test]
    fn uploaded_names_lose_paths_and_control_characters() {
        assert_eq!(clean_name("C:\\photos\\IMG_1.JPG"), "IMG_1.JPG");
        assert_eq!(clean_name("../../etc/pass\nwd"), "passwd");
    }
}
