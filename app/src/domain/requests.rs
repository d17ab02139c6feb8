//! Data-subject requests (issue 6; requirements 15, 16, 17, 19): the one-month
//! deadline, what still blocks closing, per-photo decisions carried out on disk, the
//! closing message in the requester's language, and erasure.

mod act;
mod open;
pub use act::{act, list, managed, RequestAction};
pub use open::{open_at_kiosk, open_by_subject, open_for_event};

use super::imaging::{self, Limits};
use super::photos::{self, write_atomic, Rendition};
use super::store::requests::RequestBundle;
use super::store::{RequestItemRow, RequestRecord, ScanRow};
use super::{Actor, AppState, Conflict, StoreError};
use crate::types::{
    BadInput, DecisionInput, PhotoDecision, RequestBlocker, RequestKind, RequestPhoto, RequestRow,
    RequestStatus, RequestSuggestion, RequestView, Takedown,
};
use crate::types::{EventId, RequestId};
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime};

/// Longest free text a requester or organiser may write.
pub const MAX_TEXT: usize = 2000;

/// What went wrong, as a [`BadInput`] the page words, or the store's error.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("invalid: {0:?}")]
    Invalid(BadInput),
    #[error(transparent)]
    Store(#[from] StoreError),
}

// ---- The deadline (GDPR Art. 12(3): one month) ----

/// The due date: the same day of the next month, or that month's last day when it has
/// no such day (31 January → 28 or 29 February).
pub fn due_on(received: Date) -> Date {
    let (year, month) = match received.month() {
        Month::December => (received.year() + 1, Month::January),
        m => (received.year(), m.next()),
    };
    let last = month.length(year);
    Date::from_calendar_date(year, month, received.day().min(last)).unwrap_or(received)
}

/// The calendar date of an RFC 3339 time (UTC).
pub fn date_of(rfc3339: &str) -> Option<Date> {
    OffsetDateTime::parse(rfc3339, &Rfc3339)
        .ok()
        .map(|t| t.to_offset(time::UtcOffset::UTC).date())
}

/// Days from `today` to `due` (0 on the due day, negative once overdue).
pub fn days_left(due: Date, today: Date) -> i64 {
    (due - today).whole_days()
}

/// Overdue: the due day has passed and the request is still open.
pub fn overdue(due: Date, today: Date, status: RequestStatus) -> bool {
    status.is_open() && today > due
}

pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// (due date, days left while open, overdue) for a request.
pub fn deadline(request: &RequestRecord, today: Date) -> (String, Option<i64>, bool) {
    let received = date_of(&request.received_at).unwrap_or(today);
    let due = due_on(received);
    let open = request.status.is_open();
    (
        iso(due),
        open.then(|| days_left(due, today)),
        overdue(due, today, request.status),
    )
}

pub fn row(request: &RequestRecord, today: Date) -> RequestRow {
    let (due_on, days_left, overdue) = deadline(request, today);
    RequestRow {
        id: request.public_id.clone(),
        kind: request.kind,
        status: request.status,
        person: request.person.clone(),
        attendee_id: request.attendee_id,
        channel: request.channel.clone(),
        received_at: request.received_at.clone(),
        due_on,
        days_left,
        overdue,
    }
}

// ---- Closing ----

/// What still stops the request from closing as done.
pub fn blockers(
    request: &RequestRecord,
    items: &[RequestItemRow],
    takedowns: &[Takedown],
) -> Vec<RequestBlocker> {
    let mut out = Vec::new();
    if request.kind.decides_photos() && items.iter().any(|i| i.decision.is_none()) {
        out.push(RequestBlocker::UndecidedPhotos);
    }
    if takedowns
        .iter()
        .any(|t| t.done_at.is_none() && t.note.trim().is_empty())
    {
        out.push(RequestBlocker::OpenTakedowns);
    }
    if request.kind == RequestKind::Erasure && !request.erased {
        out.push(RequestBlocker::NotErased);
    }
    out
}

/// The reply to the requester, in their language: what was asked, what was decided for
/// each photo, where it was taken down, and their right to complain.
pub fn closing_message(
    request: &RequestRecord,
    items: &[RequestItemRow],
    takedowns: &[Takedown],
    event_name: &str,
    due_on: &str,
) -> String {
    use crate::i18n::*;
    let locale = if request.lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    let received = request.received_at.get(..10).unwrap_or("").to_string();
    let event = event_name.to_string();
    let mut lines = vec![
        td_string!(locale, reply.greeting).to_string(),
        String::new(),
        match request.kind {
            RequestKind::Removal => td_string!(locale, reply.asked_removal, event, received),
            RequestKind::Erasure => td_string!(locale, reply.asked_erasure, event, received),
            RequestKind::Objection => td_string!(locale, reply.asked_objection, event, received),
            RequestKind::Restriction => {
                td_string!(locale, reply.asked_restriction, event, received)
            }
        }
        .to_string(),
    ];
    if request.status == RequestStatus::Refused {
        let reason = request.outcome_note.clone();
        lines.push(td_string!(locale, reply.refused, reason).to_string());
    } else {
        let count = |d: PhotoDecision| items.iter().filter(|i| i.decision == Some(d)).count();
        let (deleted, blurred) = (count(PhotoDecision::Delete), count(PhotoDecision::Blur));
        if request.kind.decides_photos() {
            if items.is_empty() {
                lines.push(td_string!(locale, reply.no_photos).to_string());
            }
            if deleted > 0 {
                let count = deleted.to_string();
                lines.push(td_string!(locale, reply.deleted, count).to_string());
            }
            if blurred > 0 {
                let count = blurred.to_string();
                lines.push(td_string!(locale, reply.blurred, count).to_string());
            }
            for i in items
                .iter()
                .filter(|i| i.decision == Some(PhotoDecision::Keep))
            {
                let label = i.label.to_string();
                let reason = i.reason.clone();
                lines.push(td_string!(locale, reply.kept, label, reason).to_string());
            }
            let done = takedowns.iter().filter(|t| t.done_at.is_some()).count();
            if done > 0 {
                let count = done.to_string();
                lines.push(td_string!(locale, reply.taken_down, count).to_string());
            }
            for t in takedowns
                .iter()
                .filter(|t| t.done_at.is_none() && !t.note.trim().is_empty())
            {
                let place = if t.url.is_empty() {
                    t.channel.clone()
                } else {
                    t.url.clone()
                };
                let note = t.note.clone();
                lines.push(td_string!(locale, reply.not_taken_down, place, note).to_string());
            }
        }
        if request.kind == RequestKind::Erasure {
            lines.push(td_string!(locale, reply.erased).to_string());
        }
        if matches!(
            request.kind,
            RequestKind::Objection | RequestKind::Restriction
        ) {
            lines.push(td_string!(locale, reply.noted).to_string());
        }
        if !request.outcome_note.trim().is_empty() {
            lines.push(request.outcome_note.trim().to_string());
        }
    }
    if request.status.is_open() {
        let due = due_on.to_string();
        lines.push(td_string!(locale, reply.by_due, due).to_string());
    }
    lines.push(String::new());
    lines.push(td_string!(locale, reply.complain).to_string());
    lines.join("\n")
}

// ---- The request page ----

/// Untagged photos of the event taken within the suggestion window of one of the
/// person's badge scans by the same photographer (clock offset applied).
async fn suggestions(
    state: &AppState,
    request: &RequestRecord,
) -> Result<Vec<RequestSuggestion>, StoreError> {
    if !request.status.is_open() || !request.kind.decides_photos() || request.erased {
        return Ok(Vec::new());
    }
    let scans = state.store.subject_scans(request.attendee_id).await?;
    if scans.is_empty() {
        return Ok(Vec::new());
    }
    let photos = state
        .store
        .untagged_photos_for(request.event_id, request.attendee_id)
        .await?;
    let mut out = Vec::new();
    let mut offsets = std::collections::HashMap::new();
    for (_, public_id, uploader, email, taken_at) in photos {
        let rows: Vec<ScanRow> = scans
            .iter()
            .filter(|(_, user, _)| *user == uploader)
            .map(|(id, _, at)| ScanRow {
                scan_id: *id,
                attendee_id: request.attendee_id,
                at: at.clone(),
                name: String::new(),
                consent: None,
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let offset = match offsets.get(&uploader) {
            Some(o) => *o,
            None => {
                let o = state.store.clock_offset(request.event_id, uploader).await?;
                offsets.insert(uploader, o);
                o
            }
        };
        if let Some((_, delta)) = photos::suggestions(&taken_at, offset, &rows, &[])
            .into_iter()
            .next()
        {
            out.push(RequestSuggestion {
                photo_id: public_id,
                taken_at: Some(taken_at),
                photographer: email,
                seconds_apart: delta,
            });
        }
    }
    Ok(out)
}

/// The request page from a freshly read bundle.
pub async fn view(state: &AppState, b: RequestBundle) -> Result<RequestView, StoreError> {
    let RequestBundle {
        request,
        items,
        takedowns,
        trail,
    } = b;
    let event = state.store.event_by_id(request.event_id).await?;
    let (due_on, days_left, overdue) = deadline(&request, today());
    let blockers = if request.status.is_open() {
        blockers(&request, &items, &takedowns)
    } else {
        Vec::new()
    };
    let closing_message = closing_message(&request, &items, &takedowns, &event.name, &due_on);
    let suggestions = suggestions(state, &request).await?;
    Ok(RequestView {
        id: request.public_id.clone(),
        event_id: event.id.clone(),
        event_name: event.name.clone(),
        kind: request.kind,
        status: request.status,
        channel: request.channel.clone(),
        identity_check: request.identity_check.clone(),
        message: request.message.clone(),
        lang: request.lang.clone(),
        received_at: request.received_at.clone(),
        due_on,
        days_left,
        overdue,
        closed_at: request.closed_at.clone(),
        outcome_note: request.outcome_note.clone(),
        attendee_id: request.attendee_id,
        person: request.person.clone(),
        consent: request.consent,
        erased: request.erased,
        photos: items
            .into_iter()
            .map(|i| RequestPhoto {
                item: i.item,
                label: i.label,
                photo_id: i.public_id,
                requested: i.requested,
                taken_at: i.taken_at,
                region: i.region,
                decision: i.decision,
                reason: i.reason,
                decided_at: i.decided_at,
                published: i.published,
            })
            .collect(),
        suggestions,
        takedowns,
        blockers,
        closing_message,
        trail,
    })
}

fn check_text(s: &str) -> Result<String, RequestError> {
    let s = s.trim();
    if s.chars().count() > MAX_TEXT {
        return Err(RequestError::Invalid(BadInput::MessageTooLong));
    }
    Ok(s.to_string())
}

/// Records a decision on one photo and carries it out: blur replaces the original,
/// preview and thumbnail with the blurred image before the decision is stored; delete
/// removes every file of the photo (and every built export of the event) after its row
/// is gone. Each removed file is audited.
pub async fn decide(
    state: &AppState,
    actor: Actor,
    request_id: RequestId,
    input: DecisionInput,
) -> Result<(), RequestError> {
    let reason = check_text(&input.reason)?;
    if input.decision == PhotoDecision::Keep && reason.is_empty() {
        return Err(RequestError::Invalid(BadInput::ReasonMissing));
    }
    let bundle = state
        .store
        .request_bundle(actor.clone(), request_id)
        .await?;
    if !bundle.request.status.is_open() {
        return Err(RequestError::Invalid(BadInput::RequestClosed));
    }
    let item = bundle
        .items
        .iter()
        .find(|i| i.item == input.item)
        .ok_or(RequestError::Store(StoreError::NotFound))?;
    let Some(public_id) = item.public_id.clone() else {
        return Err(RequestError::Invalid(BadInput::PhotoDeleted));
    };
    if item.decision == Some(PhotoDecision::Blur) && input.decision == PhotoDecision::Keep {
        // The blurred image cannot be unblurred: only deleting it is still possible.
        return Err(RequestError::Invalid(BadInput::DecisionFinal));
    }
    let mut region = None;
    if input.decision == PhotoDecision::Blur {
        let r = input
            .region
            .or(item.region)
            .ok_or(RequestError::Invalid(BadInput::RegionMissing))?;
        if !(r.w > 0.0
            && r.h > 0.0
            && r.x >= 0.0
            && r.y >= 0.0
            && r.x + r.w <= 1.0001
            && r.y + r.h <= 1.0001)
        {
            return Err(RequestError::Invalid(BadInput::RegionInvalid));
        }
        region = Some(r);
        if item.decision != Some(PhotoDecision::Blur) {
            let (w, h) = blur_files(state, &public_id, r).await?;
            state.store.set_photo_size(public_id.clone(), w, h).await?;
            let (st, event) = (state.clone(), bundle.request.event_id);
            tokio::task::spawn_blocking(move || st.exports.forget_event(event))
                .await
                .map_err(|e| StoreError::Internal(e.to_string()))?;
            state
                .store
                .audit(
                    actor.clone(),
                    "photo.file.replace",
                    format!(
                        "removal:{request_id} photo:{public_id} files:original,preview,thumb blurred"
                    ),
                )
                .await?;
        }
    }
    let decided = state
        .store
        .decide(
            actor.clone(),
            request_id,
            input.item,
            input.decision,
            reason,
            region,
        )
        .await
        .map_err(|e| match e {
            StoreError::Conflict(Conflict::PhotoDeleted) => {
                RequestError::Invalid(BadInput::PhotoDeleted)
            }
            StoreError::Conflict(Conflict::RequestClosed) => {
                RequestError::Invalid(BadInput::RequestClosed)
            }
            StoreError::Conflict(Conflict::RegionMissing) => {
                RequestError::Invalid(BadInput::RegionMissing)
            }
            e => RequestError::Store(e),
        })?;
    if input.decision == PhotoDecision::Delete {
        if let Some(pid) = decided.public_id {
            // File system work off the async runtime.
            let (st, id, event) = (state.clone(), pid.clone(), decided.event_id);
            let removed = tokio::task::spawn_blocking(move || {
                let removed = remove_files(&st, &id);
                st.exports.forget_event(event);
                removed
            })
            .await
            .map_err(|e| StoreError::Internal(e.to_string()))?;
            state
                .store
                .audit(
                    actor,
                    "photo.file.delete",
                    format!(
                        "removal:{request_id} photo:{pid} files:{}",
                        removed.join(",")
                    ),
                )
                .await?;
        }
    }
    // Every decision, keep included, may change what an export of the event may hold.
    forget_exports(state, decided.event_id).await
}

/// Replaces a photo's files by a version with `region` blurred for good (oriented, no
/// metadata, full size). Returns the new size.
pub(crate) async fn blur_files(
    state: &AppState,
    public_id: &str,
    region: crate::types::Region,
) -> Result<(u32, u32), RequestError> {
    let files = state.photos.clone();
    let pid = public_id.to_string();
    let _permit = state
        .ingest_permits
        .acquire()
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?;
    tokio::task::spawn_blocking(move || -> Result<(u32, u32), String> {
        let original =
            std::fs::read(files.path(&pid, Rendition::Original)).map_err(|e| e.to_string())?;
        let info = imaging::inspect(&original, &Limits::default()).map_err(|e| e.to_string())?;
        let side = info.width.max(info.height);
        let blurred =
            imaging::export_jpeg(&original, &info, side, &[region]).map_err(|e| e.to_string())?;
        let binfo = imaging::inspect(&blurred, &Limits::default()).map_err(|e| e.to_string())?;
        let out = imaging::renditions(&blurred, &binfo).map_err(|e| e.to_string())?;
        write_atomic(&files, &files.path(&pid, Rendition::Original), &blurred)
            .map_err(|e| e.to_string())?;
        write_atomic(&files, &files.path(&pid, Rendition::Preview), &out.preview)
            .map_err(|e| e.to_string())?;
        write_atomic(&files, &files.path(&pid, Rendition::Thumb), &out.thumb)
            .map_err(|e| e.to_string())?;
        Ok((binfo.width, binfo.height))
    })
    .await
    .map_err(|e| StoreError::Internal(e.to_string()))?
    .map_err(|e| {
        tracing::error!(error = %e, "blurring a photo failed");
        RequestError::Store(StoreError::Internal(e))
    })
}

/// Removes a photo's files and syncs their directories. Returns which ones were there.
fn remove_files(state: &AppState, public_id: &str) -> Vec<&'static str> {
    let mut removed = Vec::new();
    for (which, name) in [
        (Rendition::Original, "original"),
        (Rendition::Preview, "preview"),
        (Rendition::Thumb, "thumb"),
    ] {
        let path = state.photos.path(public_id, which);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                removed.push(name);
                if let Some(dir) = path.parent() {
                    if let Ok(d) = std::fs::File::open(dir) {
                        let _ = d.sync_all();
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::error!(error = %e, "removing a photo file failed"),
        }
    }
    removed
}

/// Closes the request as done once nothing blocks it.
pub async fn close(
    state: &AppState,
    actor: Actor,
    request_id: RequestId,
    note: &str,
) -> Result<(), RequestError> {
    let note = check_text(note)?;
    let b = state
        .store
        .request_bundle(actor.clone(), request_id)
        .await?;
    if !b.request.status.is_open() {
        return Err(RequestError::Invalid(BadInput::RequestClosed));
    }
    if !blockers(&b.request, &b.items, &b.takedowns).is_empty() {
        return Err(RequestError::Invalid(BadInput::RequestBlocked));
    }
    state
        .store
        .close_request(actor, request_id, RequestStatus::Done, note)
        .await?;
    Ok(())
}

/// Refuses the request with a reason.
pub async fn refuse(
    state: &AppState,
    actor: Actor,
    request_id: RequestId,
    reason: &str,
) -> Result<(), RequestError> {
    let reason = check_text(reason)?;
    if reason.is_empty() {
        return Err(RequestError::Invalid(BadInput::ReasonMissing));
    }
    state
        .store
        .close_request(actor, request_id, RequestStatus::Refused, reason)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(Conflict::RequestClosed) => {
                RequestError::Invalid(BadInput::RequestClosed)
            }
            e => e.into(),
        })
}

/// Erases the person of an erasure request once every photo is decided and every takedown
/// done or explained; closes the request. Every photo they are tagged in loses its
/// uploaded file name, and its original is rewritten without metadata (issue 14,
/// point 5), keeping the upload's hash only as the duplicate check.
pub async fn erase(
    state: &AppState,
    actor: Actor,
    request_id: RequestId,
) -> Result<(), RequestError> {
    let b = state
        .store
        .request_bundle(actor.clone(), request_id)
        .await?;
    if b.request.kind != RequestKind::Erasure {
        return Err(RequestError::Invalid(BadInput::NotErasure));
    }
    if !b.request.status.is_open() {
        return Err(RequestError::Invalid(BadInput::RequestClosed));
    }
    let blocking: Vec<_> = blockers(&b.request, &b.items, &b.takedowns)
        .into_iter()
        .filter(|x| *x != RequestBlocker::NotErased)
        .collect();
    if !blocking.is_empty() {
        return Err(RequestError::Invalid(BadInput::RequestBlocked));
    }
    // The originals of the photos they are in go first, so an erasure that cannot
    // rewrite them stops with nothing erased and can be tried again; a photo tagged
    // meanwhile is rewritten after.
    let why = format!("removal:{request_id}");
    let tagged = state.store.tagged_photos_of(b.request.attendee_id).await?;
    photos::strip_originals(state, actor.clone(), &tagged, &why).await?;
    let cleared = state.store.erase_subject(actor.clone(), request_id).await?;
    let late: Vec<_> = cleared
        .into_iter()
        .filter(|p| !tagged.contains(p))
        .collect();
    photos::strip_originals(state, actor, &late, &why).await?;
    forget_exports(state, b.request.event_id).await
}

/// Deletes every built export of the event at once (issue 14, point 2): an erasure or a
/// decision may have changed what it may contain.
async fn forget_exports(state: &AppState, event: EventId) -> Result<(), RequestError> {
    let st = state.clone();
    tokio::task::spawn_blocking(move || st.exports.forget_event(event))
        .await
        .map_err(|e| RequestError::Store(StoreError::Internal(e.to_string())))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn due_date_is_one_calendar_month_later_clamped_to_the_month_end() {
        // Requirement 15: the one-month deadline (GDPR Art. 12(3)).
        assert_eq!(due_on(date!(2026 - 01 - 31)), date!(2026 - 02 - 28));
        assert_eq!(
            due_on(date!(2028 - 01 - 31)),
            date!(2028 - 02 - 29),
            "leap year"
        );
        assert_eq!(due_on(date!(2026 - 01 - 15)), date!(2026 - 02 - 15));
        assert_eq!(due_on(date!(2026 - 03 - 31)), date!(2026 - 04 - 30));
        assert_eq!(
            due_on(date!(2026 - 12 - 31)),
            date!(2027 - 01 - 31),
            "year end"
        );
        assert_eq!(due_on(date!(2026 - 02 - 28)), date!(2026 - 03 - 28));
    }

    #[test]
    fn overdue_starts_the_day_after_the_due_date_and_only_while_open() {
        let due = due_on(date!(2026 - 01 - 31));
        assert_eq!(days_left(due, date!(2026 - 02 - 27)), 1);
        assert_eq!(days_left(due, date!(2026 - 02 - 28)), 0);
        assert!(!overdue(
            due,
            date!(2026 - 02 - 28),
            RequestStatus::Received
        ));
        assert!(overdue(due, date!(2026 - 03 - 01), RequestStatus::InReview));
        assert_eq!(days_left(due, date!(2026 - 03 - 01)), -1);
        assert!(!overdue(due, date!(2026 - 03 - 01), RequestStatus::Done));
        assert!(!overdue(due, date!(2026 - 03 - 01), RequestStatus::Refused));
        // Leap year: 31 Jan 2028 is due 29 Feb, overdue on 1 March.
        let due = due_on(date!(2028 - 01 - 31));
        assert!(!overdue(
            due,
            date!(2028 - 02 - 29),
            RequestStatus::Received
        ));
        assert!(overdue(due, date!(2028 - 03 - 01), RequestStatus::Received));
    }

    #[test]
    fn the_received_time_is_read_in_utc() {
        assert_eq!(date_of("2026-01-31T23:30:00Z"), Some(date!(2026 - 01 - 31)));
        assert_eq!(
            date_of("2026-02-01T00:30:00+02:00"),
            Some(date!(2026 - 01 - 31))
        );
        assert_eq!(date_of("nonsense"), None);
    }
}
