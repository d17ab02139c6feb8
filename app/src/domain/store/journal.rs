//! The erasure journal's side of the store (issue 17 point 8; see `domain::journal`):
//! every journalled change writes its line inside its own transaction, before COMMIT,
//! and moves the database's mark (`journal_applied`, V16) to it; the re-application
//! after a restore carries entries out again by row id and moves the mark the same way.

use super::audit::append;
use super::requests::wipe_person;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::domain::journal::{Entry, Erasure, Journal};
use crate::types::{AttendeeId, EventId, PhotoId, PublicId, Region, RequestId};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// Whether a change is new (its line is written to the journal) or carries out journal
/// entry `Replay(seq)` again (its line is there already).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Journaled {
    New,
    Replay(u64),
}

/// The database's mark: every journal entry up to this number is in the database.
pub(super) fn applied(c: &Connection) -> StoreResult<u64> {
    let seq: i64 = c
        .query_row("SELECT seq FROM journal_applied WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(0);
    Ok(u64::try_from(seq).unwrap_or(0))
}

/// Moves the mark up to `seq` (never down).
fn raise_mark(c: &Connection, seq: u64) -> StoreResult<()> {
    let seq = i64::try_from(seq).map_err(|e| StoreError::Internal(e.to_string()))?;
    c.execute(
        "INSERT INTO journal_applied (id, seq) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET seq = max(seq, ?1)",
        [seq],
    )?;
    Ok(())
}

fn journal_err(e: crate::domain::journal::JournalError) -> StoreError {
    StoreError::Internal(e.to_string())
}

/// Writes `what` as the journal's next line (fsynced) and moves the mark to it. Call
/// inside the transaction that makes the change, after its SQL: if the line cannot be
/// written the transaction rolls back and nothing is erased. Without a journal (the
/// in-memory test stores) only the mark moves.
pub(super) fn record(
    tx: &Transaction,
    journal: Option<&Journal>,
    what: Erasure,
) -> StoreResult<u64> {
    let mark = applied(tx)?;
    let seq = match journal {
        Some(j) => j.last_seq().map_err(journal_err)?.max(mark) + 1,
        None => mark + 1,
    };
    if let Some(j) = journal {
        j.append(&Entry {
            seq,
            at: now_rfc3339(),
            what,
        })
        .map_err(journal_err)?;
    }
    raise_mark(tx, seq)?;
    Ok(seq)
}

/// [`record`] for a new change; for a re-application only the mark moves.
pub(super) fn note(
    tx: &Transaction,
    journal: Option<&Journal>,
    how: Journaled,
    what: Erasure,
) -> StoreResult<()> {
    match how {
        Journaled::New => record(tx, journal, what).map(|_| ()),
        Journaled::Replay(seq) => raise_mark(tx, seq),
    }
}

/// `journal:{seq}`, the end of the subject of every audit row a re-application writes.
fn replayed(seq: u64) -> String {
    format!("journal:{seq}")
}

impl Store {
    /// The database's mark (see [`applied`]).
    pub async fn journal_applied(&self) -> StoreResult<u64> {
        self.with_conn(|c| applied(c)).await
    }

    /// The journal's entries newer than the database's mark, in order: what a restore
    /// left to carry out again. Read while holding the write lock, so no journalled
    /// change of this database is half-way meanwhile.
    pub async fn journal_pending(&self) -> StoreResult<Vec<Entry>> {
        let Some(journal) = self.journal.clone() else {
            return Ok(Vec::new());
        };
        self.tx(move |tx| {
            let mark = applied(tx)?;
            Ok(journal
                .read()
                .map_err(journal_err)?
                .into_iter()
                .filter(|e| e.seq > mark)
                .collect())
        })
        .await
    }

    /// Moves the mark to `seq`: entry `seq` had nothing left to do in this database.
    pub async fn mark_journal_applied(&self, seq: u64) -> StoreResult<()> {
        self.tx(move |tx| raise_mark(tx, seq)).await
    }

    /// Journal entry `seq` again: the person is erased as `erase_subject` erases them
    /// (an erased or unknown row is fine), and their request, if this database has it
    /// still open, is closed as done. Returns the photos they were tagged in, whose
    /// originals the caller rewrites without metadata.
    pub async fn reapply_erasure(
        &self,
        seq: u64,
        attendee: AttendeeId,
        request: RequestId,
    ) -> StoreResult<Vec<PublicId>> {
        let photos = self
            .tx(move |tx| {
                let exists: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM attendees WHERE id = ?1)",
                    [attendee],
                    |r| r.get(0),
                )?;
                if !exists {
                    raise_mark(tx, seq)?;
                    return Ok(Vec::new());
                }
                let lead = format!("attendee:{attendee} {}", replayed(seq));
                let photos = wipe_person(tx, &Actor::System, attendee, &lead, &lead)?;
                let closed = tx.execute(
                    "UPDATE requests SET status = 'done', closed_at = ?3
                     WHERE id = ?1 AND attendee_id = ?2 AND status IN ('received', 'in_review')",
                    params![request, attendee, now_rfc3339()],
                )?;
                if closed > 0 {
                    append(
                        tx,
                        &Actor::System,
                        "removal.status",
                        &format!("removal:{request} status:done {}", replayed(seq)),
                    )?;
                }
                raise_mark(tx, seq)?;
                Ok(photos)
            })
            .await?;
        self.checkpoint_truncate().await?;
        Ok(photos)
    }

    /// Journal entry `seq` again: the photo's row goes (tags and publications with it).
    /// Returns its public id for the caller to remove the files, `None` when the row is
    /// gone already.
    pub async fn reapply_photo_delete(
        &self,
        seq: u64,
        photo: PhotoId,
    ) -> StoreResult<Option<(PublicId, EventId)>> {
        self.tx(move |tx| {
            let found: Option<(PublicId, EventId)> = tx
                .query_row(
                    "SELECT public_id, event_id FROM photos WHERE id = ?1",
                    [photo],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((public_id, _)) = &found {
                tx.execute("DELETE FROM photos WHERE id = ?1", [photo])?;
                append(
                    tx,
                    &Actor::System,
                    "photo.delete",
                    &format!("photo:{public_id} {}", replayed(seq)),
                )?;
            }
            raise_mark(tx, seq)?;
            Ok(found)
        })
        .await
    }

    /// For a blur to carry out again: the photo's public id and event, and whether the
    /// person's tag is marked blurred already (then its files are the blurred ones).
    /// `None` when the photo is gone.
    pub async fn blur_target(
        &self,
        photo: PhotoId,
        attendee: AttendeeId,
    ) -> StoreResult<Option<(PublicId, EventId, bool)>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT p.public_id, p.event_id, EXISTS (SELECT 1 FROM photo_tags t
                     WHERE t.photo_id = p.id AND t.attendee_id = ?2 AND t.blurred_at IS NOT NULL)
                 FROM photos p WHERE p.id = ?1",
                params![photo, attendee],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
        })
        .await
    }

    /// Journal entry `seq` again, after the caller blurred the files: the photo's new
    /// size and format, and the person's tag (if any) marked blurred with `region`.
    pub async fn reapply_blur(
        &self,
        seq: u64,
        photo: PhotoId,
        attendee: AttendeeId,
        region: Region,
        (width, height): (u32, u32),
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let public_id: Option<String> = tx
                .query_row("SELECT public_id FROM photos WHERE id = ?1", [photo], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(public_id) = public_id {
                tx.execute(
                    "UPDATE photos SET format = 'jpeg', orientation = 1, width = ?2, height = ?3
                     WHERE id = ?1",
                    params![photo, width, height],
                )?;
                tx.execute(
                    "UPDATE photo_tags SET region_x = ?3, region_y = ?4, region_w = ?5,
                         region_h = ?6, blurred_at = coalesce(blurred_at, ?7)
                     WHERE photo_id = ?1 AND attendee_id = ?2",
                    params![
                        photo,
                        attendee,
                        region.x,
                        region.y,
                        region.w,
                        region.h,
                        now_rfc3339()
                    ],
                )?;
                append(
                    tx,
                    &Actor::System,
                    "photo.file.replace",
                    &format!(
                        "photo:{public_id} attendee:{attendee} files:original,preview,thumb blurred {}",
                        replayed(seq)
                    ),
                )?;
            }
            raise_mark(tx, seq)?;
            Ok(())
        })
        .await
    }

    /// Whether the event's row exists (a purge to carry out again needs it).
    pub async fn event_exists(&self, event: EventId) -> StoreResult<bool> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?1)",
                [event],
                |r| r.get(0),
            )?)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mark follows every journalled change and only ever rises; without a journal
    /// file it still counts.
    #[tokio::test]
    async fn the_mark_rises_with_each_entry_and_never_falls() {
        let store = Store::open_in_memory().await.unwrap();
        assert_eq!(store.journal_applied().await.unwrap(), 0);
        store.mark_journal_applied(5).await.unwrap();
        store.mark_journal_applied(3).await.unwrap();
        assert_eq!(store.journal_applied().await.unwrap(), 5);
        let seq = store
            .tx(|tx| {
                record(
                    tx,
                    None,
                    Erasure::PhotoDelete {
                        photo: PhotoId::from(1),
                    },
                )
            })
            .await
            .unwrap();
        assert_eq!(seq, 6);

        // With a journal whose file is ahead of the mark (a restored database), the next
        // number follows the file, never reusing one.
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("e.jsonl"));
        journal
            .append(&Entry {
                seq: 9,
                at: "2026-01-01T00:00:00Z".into(),
                what: Erasure::PhotoDelete {
                    photo: PhotoId::from(2),
                },
            })
            .unwrap();
        let store = store.with_journal(journal.clone());
        assert_eq!(
            store
                .journal_pending()
                .await
                .unwrap()
                .iter()
                .map(|e| e.seq)
                .collect::<Vec<_>>(),
            vec![9]
        );
        let seq = store
            .tx(move |tx| {
                record(
                    tx,
                    Some(&journal),
                    Erasure::PhotoDelete {
                        photo: PhotoId::from(3),
                    },
                )
            })
            .await
            .unwrap();
        assert_eq!(seq, 10);
        assert_eq!(store.journal_applied().await.unwrap(), 10);
        assert!(store.journal_pending().await.unwrap().is_empty());
    }
}
