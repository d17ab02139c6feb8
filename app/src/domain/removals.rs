//! Data-subject requests as cases (issue 6; requirements 15, 16, 17, 19): the one-month
//! deadline, what still blocks closing, per-photo decisions carried out on disk, the
//! closing message in the requester's language, and erasure.

mod act;
mod open;
pub use act::{act, list, managed, CaseAction};
pub use open::{open_by_subject, open_for_event};

use super::imaging::{self, Limits};
use super::photos::{self, write_atomic, Rendition};
use super::store::removals::CaseBundle;
use super::store::{CaseItemRow, CaseRecord, ScanRow};
use super::{Actor, AppState, Conflict, StoreError};
use crate::types::{
    BadInput, CaseBlocker, CasePhoto, CaseRow, CaseStatus, CaseSuggestion, CaseView, DecisionInput,
    PhotoDecision, RequestKind, Takedown,
};
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime};

/// Longest free text a requester or organiser may write.
pub const MAX_TEXT: usize = 2000;

/// What went wrong, as a [`BadInput`] the page words, or the store's error.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
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

/// Overdue: the due day has passed and the case is still open.
pub fn overdue(due: Date, today: Date, status: CaseStatus) -> bool {
    status.is_open() && today > due
}

pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// (due date, days left while open, overdue) for a case.
pub fn deadline(case: &CaseRecord, today: Date) -> (String, Option<i64>, bool) {
    let received = date_of(&case.received_at).unwrap_or(today);
    let due = due_on(received);
    let open = case.status.is_open();
    (
        iso(due),
        open.then(|| days_left(due, today)),
        overdue(due, today, case.status),
    )
}

pub fn row(case: &CaseRecord, today: Date) -> CaseRow {
    let (due_on, days_left, overdue) = deadline(case, today);
    CaseRow {
        id: case.public_id.clone(),
        kind: case.kind,
        status: case.status,
        person: case.person.clone(),
        attendee_id: case.attendee_id,
        received_at: case.received_at.clone(),
        due_on,
        days_left,
        overdue,
    }
}

// ---- Closing ----

/// What still stops the case from closing as done.
pub fn blockers(
    case: &CaseRecord,
    items: &[CaseItemRow],
    takedowns: &[Takedown],
) -> Vec<CaseBlocker> {
    let mut out = Vec::new();
    if case.kind.decides_photos() && items.iter().any(|i| i.decision.is_none()) {
        out.push(CaseBlocker::UndecidedPhotos);
    }
    if takedowns
        .iter()
        .any(|t| t.done_at.is_none() && t.note.trim().is_empty())
    {
        out.push(CaseBlocker::OpenTakedowns);
    }
    if case.kind == RequestKind::Erasure && !case.erased {
        out.push(CaseBlocker::NotErased);
    }
    out
}

/// The reply to the requester, in their language: what was asked, what was decided for
/// each photo, where it was taken down, and their right to complain.
pub fn closing_message(
    case: &CaseRecord,
    items: &[CaseItemRow],
    takedowns: &[Takedown],
    event_name: &str,
    due_on: &str,
) -> String {
    use crate::i18n::*;
    let locale = if case.lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    let received = case.received_at.get(..10).unwrap_or("").to_string();
    let event = event_name.to_string();
    let mut lines = vec![
        td_string!(locale, reply.greeting).to_string(),
        String::new(),
        match case.kind {
            RequestKind::Removal => td_string!(locale, reply.asked_removal, event, received),
            RequestKind::Erasure => td_string!(locale, reply.asked_erasure, event, received),
            RequestKind::Objection => td_string!(locale, reply.asked_objection, event, received),
            RequestKind::Restriction => {
                td_string!(locale, reply.asked_restriction, event, received)
            }
        }
        .to_string(),
    ];
    if case.status == CaseStatus::Refused {
        let reason = case.outcome_note.clone();
        lines.push(td_string!(locale, reply.refused, reason).to_string());
    } else {
        let count = |d: PhotoDecision| items.iter().filter(|i| i.decision == Some(d)).count();
        let (deleted, blurred) = (count(PhotoDecision::Delete), count(PhotoDecision::Blur));
        if case.kind.decides_photos() {
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
        if case.kind == RequestKind::Erasure {
            lines.push(td_string!(locale, reply.erased).to_string());
        }
        if matches!(case.kind, RequestKind::Objection | RequestKind::Restriction) {
            lines.push(td_string!(locale, reply.noted).to_string());
        }
        if !case.outcome_note.trim().is_empty() {
            lines.push(case.outcome_note.trim().to_string());
        }
    }
    if case.status.is_open() {
        let due = due_on.to_string();
        lines.push(td_string!(locale, reply.by_due, due).to_string());
    }
    lines.push(String::new());
    lines.push(td_string!(locale, reply.complain).to_string());
    lines.join("\n")
}

// ---- The case page ----

/// Untagged photos of the event taken within the suggestion window of one of the
/// person's badge scans by the same photographer (clock offset applied).
async fn suggestions(
    state: &AppState,
    case: &CaseRecord,
) -> Result<Vec<CaseSuggestion>, StoreError> {
    if !case.status.is_open() || !case.kind.decides_photos() || case.erased {
        return Ok(Vec::new());
    }
    let scans = state.store.subject_scans(case.attendee_id).await?;
    if scans.is_empty() {
        return Ok(Vec::new());
    }
    let photos = state
        .store
        .untagged_photos_for(case.event_id, case.attendee_id)
        .await?;
    let mut out = Vec::new();
    let mut offsets = std::collections::HashMap::new();
    for (_, public_id, uploader, email, taken_at) in photos {
        let rows: Vec<ScanRow> = scans
            .iter()
            .filter(|(_, user, _)| *user == uploader)
            .map(|(id, _, at)| ScanRow {
                scan_id: *id,
                attendee_id: case.attendee_id,
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
                let o = state.store.clock_offset(case.event_id, uploader).await?;
                offsets.insert(uploader, o);
                o
            }
        };
        if let Some((_, delta)) = photos::suggestions(&taken_at, offset, &rows, &[])
            .into_iter()
            .next()
        {
            out.push(CaseSuggestion {
                photo_id: public_id,
                taken_at: Some(taken_at),
                photographer: email,
                seconds_apart: delta,
            });
        }
    }
    Ok(out)
}

/// The case page from a freshly read bundle.
pub async fn view(state: &AppState, b: CaseBundle) -> Result<CaseView, StoreError> {
    let CaseBundle {
        case,
        items,
        takedowns,
        trail,
    } = b;
    let event = state.store.event_by_id(case.event_id).await?;
    let (due_on, days_left, overdue) = deadline(&case, today());
    let blockers = if case.status.is_open() {
        blockers(&case, &items, &takedowns)
    } else {
        Vec::new()
    };
    let closing_message = closing_message(&case, &items, &takedowns, &event.name, &due_on);
    let suggestions = suggestions(state, &case).await?;
    Ok(CaseView {
        id: case.public_id.clone(),
        event_id: event.id.clone(),
        event_name: event.name.clone(),
        kind: case.kind,
        status: case.status,
        channel: case.channel.clone(),
        identity_check: case.identity_check.clone(),
        message: case.message.clone(),
        lang: case.lang.clone(),
        received_at: case.received_at.clone(),
        due_on,
        days_left,
        overdue,
        closed_at: case.closed_at.clone(),
        outcome_note: case.outcome_note.clone(),
        attendee_id: case.attendee_id,
        person: case.person.clone(),
        consent: case.consent,
        erased: case.erased,
        photos: items
            .into_iter()
            .map(|i| CasePhoto {
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

fn check_text(s: &str) -> Result<String, CaseError> {
    let s = s.trim();
    if s.chars().count() > MAX_TEXT {
        return Err(CaseError::Invalid(BadInput::MessageTooLong));
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
    case_id: i64,
    input: DecisionInput,
) -> Result<(), CaseError> {
    let reason = check_text(&input.reason)?;
    if input.decision == PhotoDecision::Keep && reason.is_empty() {
        return Err(CaseError::Invalid(BadInput::ReasonMissing));
    }
    let bundle = state.store.case_bundle(actor.clone(), case_id).await?;
    if !bundle.case.status.is_open() {
        return Err(CaseError::Invalid(BadInput::CaseClosed));
    }
    let item = bundle
        .items
        .iter()
        .find(|i| i.item == input.item)
        .ok_or(CaseError::Store(StoreError::NotFound))?;
    let Some(public_id) = item.public_id.clone() else {
        return Err(CaseError::Invalid(BadInput::PhotoDeleted));
    };
    if item.decision == Some(PhotoDecision::Blur) && input.decision == PhotoDecision::Keep {
        // The blurred image cannot be unblurred: only deleting it is still possible.
        return Err(CaseError::Invalid(BadInput::DecisionFinal));
    }
    let mut region = None;
    if input.decision == PhotoDecision::Blur {
        let r = input
            .region
            .or(item.region)
            .ok_or(CaseError::Invalid(BadInput::RegionMissing))?;
        if !(r.w > 0.0
            && r.h > 0.0
            && r.x >= 0.0
            && r.y >= 0.0
            && r.x + r.w <= 1.0001
            && r.y + r.h <= 1.0001)
        {
            return Err(CaseError::Invalid(BadInput::RegionInvalid));
        }
        region = Some(r);
        if item.decision != Some(PhotoDecision::Blur) {
            let (w, h) = blur_files(state, &public_id, r).await?;
            state.store.set_photo_size(public_id.clone(), w, h).await?;
            let (st, event) = (state.clone(), bundle.case.event_id);
            tokio::task::spawn_blocking(move || st.exports.forget_event(event))
                .await
                .map_err(|e| StoreError::Internal(e.to_string()))?;
            state
                .store
                .audit(
                    actor.clone(),
                    "photo.file.replace",
                    format!(
                        "removal:{case_id} photo:{public_id} files:original,preview,thumb blurred"
                    ),
                )
                .await?;
        }
    }
    let decided = state
        .store
        .decide(
            actor.clone(),
            case_id,
            input.item,
            input.decision,
            reason,
            region,
        )
        .await
        .map_err(|e| match e {
            StoreError::Conflict(Conflict::PhotoDeleted) => {
                CaseError::Invalid(BadInput::PhotoDeleted)
            }
            StoreError::Conflict(Conflict::CaseClosed) => CaseError::Invalid(BadInput::CaseClosed),
            StoreError::Conflict(Conflict::RegionMissing) => {
                CaseError::Invalid(BadInput::RegionMissing)
            }
            e => CaseError::Store(e),
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
                    format!("removal:{case_id} photo:{pid} files:{}", removed.join(",")),
                )
                .await?;
        }
    }
    Ok(())
}

/// Replaces a photo's files by a version with `region` blurred for good (oriented, no
/// metadata, full size). Returns the new size.
async fn blur_files(
    state: &AppState,
    public_id: &str,
    region: crate::types::Region,
) -> Result<(u32, u32), CaseError> {
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
        CaseError::Store(StoreError::Internal(e))
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

/// Closes the case as done once nothing blocks it.
pub async fn close(
    state: &AppState,
    actor: Actor,
    case_id: i64,
    note: &str,
) -> Result<(), CaseError> {
    let note = check_text(note)?;
    let b = state.store.case_bundle(actor.clone(), case_id).await?;
    if !b.case.status.is_open() {
        return Err(CaseError::Invalid(BadInput::CaseClosed));
    }
    if !blockers(&b.case, &b.items, &b.takedowns).is_empty() {
        return Err(CaseError::Invalid(BadInput::CaseBlocked));
    }
    state
        .store
        .close_case(actor, case_id, CaseStatus::Done, note)
        .await?;
    Ok(())
}

/// Refuses the case with a reason.
pub async fn refuse(
    state: &AppState,
    actor: Actor,
    case_id: i64,
    reason: &str,
) -> Result<(), CaseError> {
    let reason = check_text(reason)?;
    if reason.is_empty() {
        return Err(CaseError::Invalid(BadInput::ReasonMissing));
    }
    state
        .store
        .close_case(actor, case_id, CaseStatus::Refused, reason)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(Conflict::CaseClosed) => CaseError::Invalid(BadInput::CaseClosed),
            e => e.into(),
        })
}

/// Erases the person of an erasure case once every photo is decided and every takedown
/// done or explained; closes the case.
pub async fn erase(state: &AppState, actor: Actor, case_id: i64) -> Result<(), CaseError> {
    let b = state.store.case_bundle(actor.clone(), case_id).await?;
    if b.case.kind != RequestKind::Erasure {
        return Err(CaseError::Invalid(BadInput::NotErasure));
    }
    if !b.case.status.is_open() {
        return Err(CaseError::Invalid(BadInput::CaseClosed));
    }
    let blocking: Vec<_> = blockers(&b.case, &b.items, &b.takedowns)
        .into_iter()
        .filter(|x| *x != CaseBlocker::NotErased)
        .collect();
    if !blocking.is_empty() {
        return Err(CaseError::Invalid(BadInput::CaseBlocked));
    }
    state.store.erase_subject(actor, case_id).await?;
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
        assert!(!overdue(due, date!(2026 - 02 - 28), CaseStatus::Received));
        assert!(overdue(due, date!(2026 - 03 - 01), CaseStatus::InReview));
        assert_eq!(days_left(due, date!(2026 - 03 - 01)), -1);
        assert!(!overdue(due, date!(2026 - 03 - 01), CaseStatus::Done));
        assert!(!overdue(due, date!(2026 - 03 - 01), CaseStatus::Refused));
        // Leap year: 31 Jan 2028 is due 29 Feb, overdue on 1 March.
        let due = due_on(date!(2028 - 01 - 31));
        assert!(!overdue(due, date!(2028 - 02 - 29), CaseStatus::Received));
        assert!(overdue(due, date!(2028 - 03 - 01), CaseStatus::Received));
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
