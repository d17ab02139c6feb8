//! The retention purge's SQL (issue 15; requirement 18). What is wiped or deleted is
//! generated from `domain::retention::policy::TABLES`, never listed a second time here.

use super::audit::append;
use super::journal::Journaled;
use super::photos::{photos_with_tags, PhotoRow, TagRow};
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::domain::journal::Erasure;
use crate::domain::retention::policy::{Wipe, TABLES};
use crate::types::{EventId, EventSettings, KeptCounts, PhotoId, PublicId};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// An event as the retention clock sees it.
#[derive(Clone, Debug)]
pub struct Clock {
    pub event_id: EventId,
    pub public_id: PublicId,
    pub name: String,
    /// The event's last day (`YYYY-MM-DD`); for events created before it was required,
    /// the last registration day, else the day the event was created.
    pub end: String,
    pub settings: EventSettings,
    pub purged_at: Option<String>,
    pub photos_purged_at: Option<String>,
    pub archive_purged_at: Option<String>,
}

/// Which stages of the purge to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stages {
    /// Photos that are not archived.
    pub photos: bool,
    /// Attendee data, as the policy's personal columns say.
    pub attendees: bool,
    /// The archived photos.
    pub archive: bool,
}

impl Stages {
    pub fn any(self) -> bool {
        self.photos || self.attendees || self.archive
    }

    fn words(self) -> String {
        let mut w = Vec::new();
        if self.photos {
            w.push("photos");
        }
        if self.attendees {
            w.push("attendees");
        }
        if self.archive {
            w.push("archive");
        }
        w.join(",")
    }
}

/// What a purge did.
#[derive(Clone, Debug, Default)]
pub struct PurgeReport {
    pub stages: Stages,
    /// Attendee records whose personal data was wiped.
    pub attendees: usize,
    /// Photos deleted: their files go after the commit.
    pub photos_deleted: Vec<PublicId>,
    pub photos_archived: usize,
    pub counts: KeptCounts,
}

/// Per stage, the earliest day (`YYYY-MM-DD`) by which the data of someone the event
/// holds must be gone, as their notices said ([`Store::promised_by`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromisedBy {
    pub attendees: String,
    pub photos: String,
    /// `None` when anyone was told there is no archive.
    pub archive: Option<String>,
}

/// Rows of an event the purge would touch (the dry run's figures).
#[derive(Clone, Copy, Debug, Default)]
pub struct PurgePreview {
    pub attendees: i64,
    pub scans: i64,
    pub signatures: i64,
    pub tags: i64,
    /// Photos not archived.
    pub photos: i64,
    pub archived: i64,
}

/// The day the retention clock of the event `e` counts from (see [`Clock::end`]).
macro_rules! clock_end {
    () => {
        "coalesce(e.ends_on,
                 (SELECT max(substr(x.registered_at, 1, 10)) FROM attendees x WHERE x.event_id = e.id),
                 substr(e.created_at, 1, 10))"
    };
}
pub(super) const CLOCK_END: &str = clock_end!();

const CLOCK: &str = concat!(
    "SELECT e.id, e.public_id, e.name, ",
    clock_end!(),
    ", e.settings, e.purged_at, e.photos_purged_at, e.archive_purged_at FROM events e"
);

fn clock(r: &rusqlite::Row) -> rusqlite::Result<(Clock, String)> {
    let settings: String = r.get(4)?;
    Ok((
        Clock {
            event_id: r.get(0)?,
            public_id: r.get(1)?,
            name: r.get(2)?,
            end: r.get(3)?,
            settings: EventSettings::default(),
            purged_at: r.get(5)?,
            photos_purged_at: r.get(6)?,
            archive_purged_at: r.get(7)?,
        },
        settings,
    ))
}

fn with_settings((mut c, json): (Clock, String)) -> StoreResult<Clock> {
    c.settings = serde_json::from_str(&json)
        .map_err(|e| StoreError::Internal(format!("settings of event {}: {e}", c.event_id)))?;
    Ok(c)
}

/// The counts an event keeps (requirement 18: "leaving only anonymous counts").
fn count_now(c: &Connection, event_id: EventId) -> rusqlite::Result<KeptCounts> {
    c.query_row(
        "SELECT count(*),
                count(checked_in_at),
                coalesce(sum((SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1) = 'green'), 0),
                coalesce(sum((SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1) = 'red'), 0),
                coalesce(sum(is_minor), 0),
                (SELECT count(*) FROM photos WHERE event_id = ?1),
                (SELECT count(*) FROM requests r JOIN attendees x ON x.id = r.attendee_id WHERE x.event_id = ?1 AND r.kind = 'removal'),
                (SELECT count(*) FROM requests r JOIN attendees x ON x.id = r.attendee_id WHERE x.event_id = ?1 AND r.kind = 'erasure'),
                (SELECT count(*) FROM requests r JOIN attendees x ON x.id = r.attendee_id WHERE x.event_id = ?1 AND r.kind = 'objection'),
                (SELECT count(*) FROM requests r JOIN attendees x ON x.id = r.attendee_id WHERE x.event_id = ?1 AND r.kind = 'restriction')
         FROM attendees a WHERE a.event_id = ?1",
        [event_id],
        |r| {
            Ok(KeptCounts {
                registered: r.get(0)?,
                checked_in: r.get(1)?,
                green: r.get(2)?,
                red: r.get(3)?,
                minors: r.get(4)?,
                photos: r.get(5)?,
                requests_removal: r.get(6)?,
                requests_erasure: r.get(7)?,
                requests_objection: r.get(8)?,
                requests_restriction: r.get(9)?,
                counted_at: now_rfc3339(),
            })
        },
    )
}

fn kept(c: &Connection, event_id: EventId) -> rusqlite::Result<Option<KeptCounts>> {
    c.query_row(
        "SELECT registered, checked_in, green, red, minors, photos, requests_removal,
                requests_erasure, requests_objection, requests_restriction, counted_at
         FROM event_counts WHERE event_id = ?1",
        [event_id],
        |r| {
            Ok(KeptCounts {
                registered: r.get(0)?,
                checked_in: r.get(1)?,
                green: r.get(2)?,
                red: r.get(3)?,
                minors: r.get(4)?,
                photos: r.get(5)?,
                requests_removal: r.get(6)?,
                requests_erasure: r.get(7)?,
                requests_objection: r.get(8)?,
                requests_restriction: r.get(9)?,
                counted_at: r.get(10)?,
            })
        },
    )
    .optional()
}

/// Counts the event now and keeps them; the photo count of an earlier stage stays
/// (its photos are gone by now).
fn keep_counts(tx: &Transaction, event_id: EventId) -> rusqlite::Result<KeptCounts> {
    let mut now = count_now(tx, event_id)?;
    if let Some(before) = kept(tx, event_id)? {
        now.photos = now.photos.max(before.photos);
    }
    tx.execute(
        "INSERT INTO event_counts (event_id, registered, checked_in, green, red, minors, photos,
             requests_removal, requests_erasure, requests_objection, requests_restriction, counted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT(event_id) DO UPDATE SET registered = excluded.registered,
             checked_in = excluded.checked_in, green = excluded.green, red = excluded.red,
             minors = excluded.minors, photos = excluded.photos,
             requests_removal = excluded.requests_removal, requests_erasure = excluded.requests_erasure,
             requests_objection = excluded.requests_objection,
             requests_restriction = excluded.requests_restriction, counted_at = excluded.counted_at",
        params![
            event_id,
            now.registered,
            now.checked_in,
            now.green,
            now.red,
            now.minors,
            now.photos,
            now.requests_removal,
            now.requests_erasure,
            now.requests_objection,
            now.requests_restriction,
            now.counted_at
        ],
    )?;
    Ok(now)
}

/// The SQL value a wiped column gets.
fn wiped_value(w: Wipe) -> &'static str {
    match w {
        Wipe::Row | Wipe::Null => "NULL",
        Wipe::Empty => "''",
        Wipe::Zero => "0",
        Wipe::Token => "'purged-' || lower(hex(randomblob(16)))",
        Wipe::Erased => "'erased'",
    }
}

/// The attendee-data stage, generated from the policy: rows of tables whose every
/// column is personal are deleted; elsewhere the personal columns are wiped.
fn purge_attendee_data(tx: &Transaction, event_id: EventId) -> rusqlite::Result<usize> {
    let attendees: i64 = tx.query_row(
        "SELECT count(*) FROM attendees WHERE event_id = ?1",
        [event_id],
        |r| r.get(0),
    )?;
    for t in TABLES {
        let Some(scope) = t.of_event else { continue };
        if t.deletes_rows() {
            tx.execute(&format!("DELETE FROM {} WHERE {scope}", t.name), [event_id])?;
            continue;
        }
        let sets: Vec<String> = t
            .wiped()
            .map(|(col, w)| format!("{col} = {}", wiped_value(w)))
            .collect();
        if !sets.is_empty() {
            tx.execute(
                &format!("UPDATE {} SET {} WHERE {scope}", t.name, sets.join(", ")),
                [event_id],
            )?;
        }
    }
    Ok(usize::try_from(attendees).unwrap_or(0))
}

/// Deletes photo rows (tags and publications go with them; request decisions keep their
/// label with no photo) and returns their public ids.
fn delete_photos(tx: &Transaction, ids: &[(PhotoId, PublicId)]) -> rusqlite::Result<()> {
    let mut del = tx.prepare("DELETE FROM photos WHERE id = ?1")?;
    for (id, _) in ids {
        del.execute([id])?;
    }
    Ok(())
}

impl Store {
    /// Every event's retention clock.
    pub async fn retention_clocks(&self) -> StoreResult<Vec<Clock>> {
        self.with_conn(|c| {
            let rows = c
                .prepare(&format!("{CLOCK} ORDER BY e.id"))?
                .query_map([], clock)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(with_settings).collect()
        })
        .await
    }

    pub async fn retention_clock(&self, event_id: EventId) -> StoreResult<Clock> {
        self.with_conn(move |c| {
            let row = c
                .query_row(&format!("{CLOCK} WHERE e.id = ?1"), [event_id], clock)
                .optional()?
                .ok_or(StoreError::NotFound)?;
            with_settings(row)
        })
        .await
    }

    /// What the event's notices promised the people whose data it still holds (their
    /// consent rows record the notice shown and, issue 16, the last day it counted
    /// from): per stage the earliest day by which anyone's data must be gone; `None`
    /// when it holds none. A decision recorded before the last day could move (or at an
    /// event without one) counts from the event's clock as it stands.
    pub async fn promised_by(&self, event_id: EventId) -> StoreResult<Option<PromisedBy>> {
        self.with_conn(move |c| {
            let row: (Option<String>, Option<String>, Option<u32>, Option<String>) = c.query_row(
                &format!(
                    "SELECT min(date(coalesce(c.clock_end, {CLOCK_END}), '+' || n.attendee_days || ' days')),
                            min(date(coalesce(c.clock_end, {CLOCK_END}), '+' || n.photo_days || ' days')),
                            min(n.archive_days),
                            min(date(coalesce(c.clock_end, {CLOCK_END}), '+' || n.archive_days || ' days'))
                     FROM consents c JOIN attendees a ON a.id = c.attendee_id
                     JOIN notice_versions n ON n.id = c.notice_version_id
                     JOIN events e ON e.id = a.event_id
                     WHERE a.event_id = ?1 AND e.purged_at IS NULL"
                ),
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            Ok(match row {
                (Some(attendees), Some(photos), Some(archive_days), Some(archive)) => {
                    Some(PromisedBy {
                        attendees,
                        photos,
                        archive: (archive_days > 0).then_some(archive),
                    })
                }
                _ => None,
            })
        })
        .await
    }

    /// The anonymous counts kept after a purge, if one ran.
    pub async fn kept_counts(&self, event_id: EventId) -> StoreResult<Option<KeptCounts>> {
        self.with_conn(move |c| Ok(kept(c, event_id)?)).await
    }

    /// The event's photos with their tags, as the purge judges them for the archive.
    pub async fn photos_for_retention(
        &self,
        event_id: EventId,
    ) -> StoreResult<Vec<(PhotoRow, Vec<TagRow>, bool)>> {
        self.with_conn(move |c| {
            let rows = photos_with_tags(c, event_id, None, None)?;
            let mut archived =
                c.prepare("SELECT archived_at IS NOT NULL FROM photos WHERE id = ?1")?;
            rows.into_iter()
                .map(|(p, t)| {
                    let a: bool = archived.query_row([p.id], |r| r.get(0))?;
                    Ok((p, t, a))
                })
                .collect()
        })
        .await
    }

    /// Runs `stages` of the purge for one event in one transaction (issue 15 point 3),
    /// with one audit row giving the counts. `archive` are the photos the domain judged
    /// fit for the internal archive; at the photo stage they are kept and marked, every
    /// other photo of the event is deleted. The attendee stage also deletes any photo
    /// not archived, so no photo outlives the tags that protect red badges.
    pub async fn purge_event(
        &self,
        actor: Actor,
        event_id: EventId,
        stages: Stages,
        archive: Vec<PhotoId>,
        why: &'static str,
    ) -> StoreResult<PurgeReport> {
        self.purge_event_journaled(actor, event_id, stages, archive, why, Journaled::New)
            .await
    }

    /// [`Self::purge_event`], recorded in the erasure journal as a new entry, or (issue
    /// 17 point 8) the re-application of journal entry `Replay(seq)` after a restore.
    pub async fn purge_event_journaled(
        &self,
        actor: Actor,
        event_id: EventId,
        stages: Stages,
        archive: Vec<PhotoId>,
        why: &'static str,
        how: Journaled,
    ) -> StoreResult<PurgeReport> {
        let journal = self.journal.clone();
        let report = self
            .tx(move |tx| {
                let entry = Erasure::Purge {
                    event: event_id,
                    photos: stages.photos,
                    attendees: stages.attendees,
                    archive: stages.archive,
                    archived: archive.clone(),
                };
                let counts = keep_counts(tx, event_id)?;
                let mut report = PurgeReport {
                    stages,
                    counts,
                    ..Default::default()
                };
                let now = now_rfc3339();
                let photos_where = |cond: &str| -> rusqlite::Result<Vec<(PhotoId, PublicId)>> {
                    tx.prepare(&format!(
                        "SELECT id, public_id FROM photos WHERE event_id = ?1 AND {cond}"
                    ))?
                    .query_map([event_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
                };
                if stages.photos || stages.attendees {
                    let mut mark = tx.prepare(
                        "UPDATE photos SET archived_at = ?2 WHERE id = ?1 AND archived_at IS NULL",
                    )?;
                    for id in &archive {
                        report.photos_archived += mark.execute(params![id, now])?;
                    }
                    let gone = photos_where("archived_at IS NULL")?;
                    delete_photos(tx, &gone)?;
                    report.photos_deleted.extend(gone.into_iter().map(|(_, p)| p));
                    tx.execute(
                        "UPDATE events SET photos_purged_at = coalesce(photos_purged_at, ?2) WHERE id = ?1",
                        params![event_id, now],
                    )?;
                }
                if stages.attendees {
                    report.attendees = purge_attendee_data(tx, event_id)?;
                    tx.execute(
                        "UPDATE events SET purged_at = ?2 WHERE id = ?1",
                        params![event_id, now],
                    )?;
                }
                if stages.archive {
                    let gone = photos_where("1")?;
                    delete_photos(tx, &gone)?;
                    report.photos_deleted.extend(gone.into_iter().map(|(_, p)| p));
                    tx.execute(
                        "UPDATE events SET archive_purged_at = ?2 WHERE id = ?1",
                        params![event_id, now],
                    )?;
                }
                let c = &report.counts;
                append(
                    tx,
                    &actor,
                    "event.purge",
                    &format!(
                        "event:{event_id} why:{why} stages:{} attendees:{} photos_deleted:{} photos_archived:{} \
                         counts:registered={},checked_in={},green={},red={},minors={},photos={},\
                         removal={},erasure={},objection={},restriction={}",
                        stages.words(),
                        report.attendees,
                        report.photos_deleted.len(),
                        report.photos_archived,
                        c.registered,
                        c.checked_in,
                        c.green,
                        c.red,
                        c.minors,
                        c.photos,
                        c.requests_removal,
                        c.requests_erasure,
                        c.requests_objection,
                        c.requests_restriction
                    ),
                )?;
                super::journal::note(tx, journal.as_deref(), how, entry)?;
                Ok(report)
            })
            .await?;
        Ok(report)
    }

    /// How many rows each stage would touch now, for the dry run.
    pub async fn purge_preview(&self, event_id: EventId) -> StoreResult<PurgePreview> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM attendees WHERE event_id = ?1),
                        (SELECT count(*) FROM scans WHERE event_id = ?1),
                        (SELECT count(*) FROM signatures s JOIN attendees a ON a.id = s.attendee_id WHERE a.event_id = ?1),
                        (SELECT count(*) FROM photo_tags t JOIN photos p ON p.id = t.photo_id WHERE p.event_id = ?1),
                        (SELECT count(*) FROM photos WHERE event_id = ?1 AND archived_at IS NULL),
                        (SELECT count(*) FROM photos WHERE event_id = ?1 AND archived_at IS NOT NULL)",
                [event_id],
                |r| {
                    Ok(PurgePreview {
                        attendees: r.get(0)?,
                        scans: r.get(1)?,
                        signatures: r.get(2)?,
                        tags: r.get(3)?,
                        photos: r.get(4)?,
                        archived: r.get(5)?,
                    })
                },
            )?)
        })
        .await
    }

    /// One `PRAGMA wal_checkpoint(TRUNCATE)`: `true` when it completed (no reader or
    /// writer kept it from copying every frame and emptying the WAL).
    pub async fn checkpoint_truncate(&self) -> StoreResult<bool> {
        self.with_conn(|c| {
            let (busy, log, done): (i64, i64, i64) =
                c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            Ok(busy == 0 && (log == -1 || log == done))
        })
        .await
    }
}

#[cfg(test)]
impl Store {
    /// Every consent's `clock_end` (issue 16 point 4), in id order. Tests only.
    pub(crate) async fn clock_ends_for_tests(&self) -> Vec<Option<String>> {
        self.with_conn(|c| {
            let mut q = c.prepare("SELECT clock_end FROM consents ORDER BY id")?;
            let rows = q
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
        .unwrap()
    }

    /// Runs one statement with the triggers in place, as a bug in the app would: the
    /// rows changed, or the database's refusal. Tests only.
    pub(crate) async fn execute_for_tests(&self, sql: &'static str) -> Result<usize, String> {
        self.with_conn(move |c| Ok(c.execute(sql, []).map_err(|e| e.to_string())))
            .await
            .unwrap()
    }

    /// Sets an event's last day. Tests only.
    pub(crate) async fn set_event_end_for_tests(&self, event_id: EventId, end: &str) {
        let end = end.to_string();
        self.with_conn(move |c| {
            c.execute(
                "UPDATE events SET ends_on = ?2 WHERE id = ?1",
                params![event_id, end],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    }

    /// Every personal value of the event the policy says a purge removes and that is
    /// still there, as `table.column` (or `table` for rows): empty after a purge that
    /// applied exactly the policy. Tests only.
    pub(crate) async fn purge_leftovers(&self, event_id: EventId) -> StoreResult<Vec<String>> {
        self.with_conn(move |c| {
            let mut left = Vec::new();
            for t in TABLES {
                let Some(scope) = t.of_event else { continue };
                if t.deletes_rows() {
                    let n: i64 = c.query_row(
                        &format!("SELECT count(*) FROM {} WHERE {scope}", t.name),
                        [event_id],
                        |r| r.get(0),
                    )?;
                    if n > 0 {
                        left.push(format!("{} ({n} rows)", t.name));
                    }
                    continue;
                }
                for (col, w) in t.wiped() {
                    let wiped = match w {
                        Wipe::Token => format!("{col} LIKE 'purged-%'"),
                        Wipe::Row | Wipe::Null => format!("{col} IS NULL"),
                        other => format!("{col} IS {}", wiped_value(other)),
                    };
                    let n: i64 = c.query_row(
                        &format!(
                            "SELECT count(*) FROM {} WHERE ({scope}) AND NOT ({wiped})",
                            t.name
                        ),
                        [event_id],
                        |r| r.get(0),
                    )?;
                    if n > 0 {
                        left.push(format!("{}.{col} ({n})", t.name));
                    }
                }
            }
            Ok(left)
        })
        .await
    }
}
