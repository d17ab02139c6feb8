//! How long an event's data is kept, and its purge (issue 15; requirement 18). The
//! clock starts on the event's last day; each period in [`Periods`] counts days after
//! it. What each stage deletes is [`policy`]; the purge runs at start-up and then
//! hourly ([`spawn`]), or at once when the organiser asks ([`purge_now`]).

pub mod policy;

use super::photos::{self, Marks};
use super::requests::iso;
use super::store::{Clock, PurgeReport, Stages};
use super::{Actor, AppState, Store, StoreError};
use crate::types::{BadInput, EventId, Periods, PhotoState, RetentionInfo};
use std::time::Duration;
use time::Date;

/// A banner on the event page from this many days before the attendee data goes.
pub const WARN_DAYS: i64 = 30;

/// The first day on which each stage may run: a period of `d` days keeps the data for
/// `d` whole days after the last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub photos: Date,
    pub attendees: Date,
    /// `None` without an archive.
    pub archive: Option<Date>,
}

pub(crate) fn parse_day(s: &str) -> Option<Date> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.get(..10)?, &fmt).ok()
}

fn after(end: Date, days: u32) -> Date {
    end.saturating_add(time::Duration::days(i64::from(days) + 1))
}

pub fn due(end: Date, p: Periods) -> Due {
    Due {
        photos: after(end, p.photo_days),
        attendees: after(end, p.attendee_days),
        archive: (p.archive_days > 0).then(|| after(end, p.archive_days)),
    }
}

/// The clock's end day and due days; `None` for an unreadable end day (never purged
/// by guesswork; the CLI's dry run shows it).
pub fn due_of(clock: &Clock) -> Option<(Date, Due)> {
    let end = parse_day(&clock.end)?;
    Some((end, due(end, clock.settings.periods())))
}

/// The stages due on `today` that have not run.
pub fn stages_due(clock: &Clock, today: Date) -> Stages {
    let Some((_, d)) = due_of(clock) else {
        return Stages::default();
    };
    Stages {
        photos: clock.photos_purged_at.is_none() && today >= d.photos,
        attendees: clock.purged_at.is_none() && today >= d.attendees,
        archive: clock.archive_purged_at.is_none() && d.archive.is_some_and(|a| today >= a),
    }
}

/// What the event page and the dashboard show about the event's data lifecycle.
pub fn info(clock: &Clock, today: Date) -> RetentionInfo {
    let periods = clock.settings.periods();
    let (end, d) = due_of(clock).map_or((None, None), |(e, d)| (Some(e), Some(d)));
    let days_left = d.map(|d| (d.attendees - today).whole_days());
    RetentionInfo {
        end: end.map(iso),
        periods,
        attendees_deleted_on: d.map(|d| iso(d.attendees)),
        photos_deleted_on: d.map(|d| iso(d.photos)),
        archive_deleted_on: d.and_then(|d| d.archive.map(iso)),
        days_left,
        warn: clock.purged_at.is_none() && days_left.is_some_and(|n| n <= WARN_DAYS),
        purged_at: clock.purged_at.clone(),
        photos_purged_at: clock.photos_purged_at.clone(),
        counts: None,
    }
}

/// Issue 15 point 2: a period may be shortened at any time, never lengthened past what
/// a notice promised people whose data the event holds.
pub fn check_not_lengthened(promised: Option<Periods>, new: Periods) -> Result<(), BadInput> {
    let Some(p) = promised else { return Ok(()) };
    for (now, was) in [
        (new.attendee_days, p.attendee_days),
        (new.photo_days, p.photo_days),
        (new.archive_days, p.archive_days),
    ] {
        if now > was {
            return Err(BadInput::PeriodLengthened { promised_days: was });
        }
    }
    Ok(())
}

/// Fit for the internal archive: reviewed by an organiser, not held, and showing only
/// green people (no one red, even blurred) or no one identifiable.
pub fn archivable(row: &super::store::PhotoRow, tags: &[super::store::TagRow]) -> bool {
    let g = photos::gate(Marks::of(row), tags, false);
    g.state == PhotoState::Publishable
        && tags
            .iter()
            .all(|t| t.consent == Some(crate::types::Consent::Green) && !t.blurred)
}

/// Runs `stages` for one event: the originals of photos going into the archive are
/// rewritten without metadata first, then one transaction, then the files of deleted
/// photos and the event's built exports go, then the WAL is emptied.
async fn purge(
    state: &AppState,
    actor: Actor,
    clock: &Clock,
    stages: Stages,
    why: &'static str,
) -> Result<PurgeReport, StoreError> {
    let archive_on = clock.settings.periods().archive_days > 0 && !stages.archive;
    let mut archive = Vec::new();
    let mut to_strip = Vec::new();
    if archive_on && (stages.photos || stages.attendees) {
        for (row, tags, archived) in state.store.photos_for_retention(clock.event_id).await? {
            if archived || archivable(&row, &tags) {
                if !archived {
                    archive.push(row.id);
                }
                if stages.attendees {
                    to_strip.push(row.public_id.clone());
                }
            }
        }
    }
    let subject = format!("event:{}", clock.event_id);
    photos::strip_originals(state, actor.clone(), &to_strip, &subject).await?;
    let report = state
        .store
        .purge_event(actor, clock.event_id, stages, archive, why)
        .await?;
    let files = state.photos.clone();
    let gone = report.photos_deleted.clone();
    let exports = state.exports.clone();
    let event = clock.event_id;
    tokio::task::spawn_blocking(move || {
        for p in &gone {
            files.remove(p.as_str());
        }
        exports.forget_event(event);
    })
    .await
    .map_err(|e| StoreError::Internal(e.to_string()))?;
    checkpoint(&state.store).await?;
    Ok(report)
}

/// Empties the WAL into the database file (secure_delete zeroed the old cells there),
/// retrying while readers keep the checkpoint from completing.
pub async fn checkpoint(store: &Store) -> Result<(), StoreError> {
    for attempt in 0..200u64 {
        if store.checkpoint_truncate().await? {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50 + attempt.min(20) * 25)).await;
    }
    Err(StoreError::Internal(
        "the WAL checkpoint did not complete; the next purge run tries again".into(),
    ))
}

/// Purges every stage that is due on `today`, one event at a time.
pub async fn purge_due(
    state: &AppState,
    today: Date,
) -> Result<Vec<(EventId, PurgeReport)>, StoreError> {
    let mut done = Vec::new();
    for clock in state.store.retention_clocks().await? {
        let stages = stages_due(&clock, today);
        if stages.any() {
            let report = purge(state, Actor::System, &clock, stages, "retention").await?;
            tracing::info!(event = %clock.event_id, stages = ?report.stages, "retention purge");
            done.push((clock.event_id, report));
        }
    }
    Ok(done)
}

/// "Delete this event's personal data now": the photo and attendee stages at once
/// (photos fit for an archive the event has stay there until its end).
pub async fn purge_now(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
) -> Result<PurgeReport, StoreError> {
    let clock = state.store.retention_clock(event_id).await?;
    let stages = Stages {
        photos: clock.photos_purged_at.is_none(),
        attendees: clock.purged_at.is_none(),
        archive: false,
    };
    purge(state, actor, &clock, stages, "organiser").await
}

/// [`purge_now`], then the event's lifecycle as its page shows it.
pub async fn delete_now(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
) -> Result<RetentionInfo, StoreError> {
    purge_now(state, actor, event_id).await?;
    event_info(state, event_id).await
}

/// The event's lifecycle for its page, with the counts it kept once purged.
pub async fn event_info(state: &AppState, event_id: EventId) -> Result<RetentionInfo, StoreError> {
    let clock = state.store.retention_clock(event_id).await?;
    let mut i = info(&clock, super::requests::today());
    i.counts = state.store.kept_counts(event_id).await?;
    Ok(i)
}

/// One event in `lanyard admin purge --dry-run`.
pub struct PlanLine {
    pub clock: Clock,
    pub due: Option<Due>,
    /// The stages that would run today.
    pub stages: Stages,
    pub rows: super::store::PurgePreview,
}

/// What would go today, and when the rest goes; audited as `retention.plan` (the
/// figures name no one, but the listing is an administrator's look at every event).
pub async fn plan(store: &Store, actor: Actor, today: Date) -> Result<Vec<PlanLine>, StoreError> {
    let mut lines = Vec::new();
    for clock in store.retention_clocks().await? {
        lines.push(PlanLine {
            due: due_of(&clock).map(|(_, d)| d),
            stages: stages_due(&clock, today),
            rows: store.purge_preview(clock.event_id).await?,
            clock,
        });
    }
    store
        .audit(actor, "retention.plan", "instance".into())
        .await?;
    Ok(lines)
}

/// The dry run as text: one block per event, what goes when, and what would go now.
pub fn plan_text(lines: &[PlanLine], today: Date) -> String {
    use std::fmt::Write;
    let mut out = format!("Retention plan on {} (nothing was deleted)\n", iso(today));
    for l in lines {
        let c = &l.clock;
        let p = c.settings.periods();
        let _ = writeln!(
            out,
            "\nevent {} \"{}\" last day {}",
            c.public_id, c.name, c.end
        );
        let Some(d) = l.due else {
            let _ = writeln!(out, "  the last day cannot be read: nothing is purged");
            continue;
        };
        let state = |done: &Option<String>, now: bool| match (done, now) {
            (Some(at), _) => format!("done {at}"),
            (None, true) => "DUE NOW: would go in this run".to_string(),
            (None, false) => "waiting".to_string(),
        };
        let _ = writeln!(
            out,
            "  photos ({} days): {} photos not archived, deleted on {} [{}]",
            p.photo_days,
            l.rows.photos,
            iso(d.photos),
            state(&c.photos_purged_at, l.stages.photos)
        );
        let _ = writeln!(
            out,
            "  attendee data ({} days): {} attendees, {} scans, {} signatures, {} photo tags, wiped on {} [{}]",
            p.attendee_days,
            l.rows.attendees,
            l.rows.scans,
            l.rows.signatures,
            l.rows.tags,
            iso(d.attendees),
            state(&c.purged_at, l.stages.attendees)
        );
        match d.archive {
            Some(a) => {
                let _ = writeln!(
                    out,
                    "  archive ({} days): {} archived photos, deleted on {} [{}]",
                    p.archive_days,
                    l.rows.archived,
                    iso(a),
                    state(&c.archive_purged_at, l.stages.archive)
                );
            }
            None => {
                let _ = writeln!(out, "  archive: none");
            }
        }
    }
    out
}

/// At start-up and then hourly: purge whatever is due.
pub fn spawn(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = purge_due(&state, super::requests::today()).await {
                tracing::error!(error = %e, "retention purge failed; retrying in an hour");
            }
        }
    });
}

#[cfg(test)]
mod tests;
