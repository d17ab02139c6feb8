//! Carrying the journal out again (issue 17 point 8): after a restore the database is
//! as old as its backup, and every erasure made since is in the journal beside the data
//! dir. At start-up, before anything is served, each entry newer than the database's
//! mark is carried out again, by row id, idempotently: a row already erased or gone is
//! fine. Photo files are handled as the first time: originals of the person's photos
//! rewritten without metadata, deleted photos' files removed, blurs done again from the
//! original and the recorded rectangle (the same function as the first time).

use super::{Entry, Erasure};
use crate::domain::photos::{self, Rendition};
use crate::domain::requests::{blur_files, RequestError};
use crate::domain::store::{Journaled, Stages};
use crate::domain::{Actor, AppState, StoreError};
use crate::types::{EventId, PublicId};

/// Carries out every journal entry newer than the database's mark, in order, then
/// empties the WAL; returns how many there were. Logged with the count only.
pub async fn replay(state: &AppState) -> Result<usize, StoreError> {
    let pending = state.store.journal_pending().await?;
    if pending.is_empty() {
        return Ok(0);
    }
    for entry in &pending {
        apply(state, entry).await?;
    }
    crate::domain::retention::checkpoint(&state.store).await?;
    tracing::info!(
        "re-applied {} erasure journal entries newer than the restored database",
        pending.len()
    );
    Ok(pending.len())
}

async fn apply(state: &AppState, entry: &Entry) -> Result<(), StoreError> {
    let seq = entry.seq;
    match &entry.what {
        Erasure::Attendee { attendee, request } => {
            // As `requests::erase`: the originals first, then the rows.
            let why = format!("attendee:{attendee} journal:{seq}");
            let tagged = state.store.tagged_photos_of(*attendee).await?;
            photos::strip_originals(state, Actor::System, &tagged, &why).await?;
            let cleared = state
                .store
                .reapply_erasure(seq, *attendee, *request)
                .await?;
            let late: Vec<_> = cleared
                .into_iter()
                .filter(|p| !tagged.contains(p))
                .collect();
            photos::strip_originals(state, Actor::System, &late, &why).await?;
        }
        Erasure::PhotoDelete { photo } => {
            if let Some((public_id, event)) = state.store.reapply_photo_delete(seq, *photo).await? {
                remove_files(state, vec![public_id], event).await?;
            }
        }
        Erasure::PhotoBlur {
            photo,
            attendee,
            region,
        } => match state.store.blur_target(*photo, *attendee).await? {
            Some((public_id, event, false))
                if state
                    .photos
                    .path(public_id.as_str(), Rendition::Original)
                    .exists() =>
            {
                let size = blur_files(state, public_id.as_str(), *region)
                    .await
                    .map_err(|e| match e {
                        RequestError::Store(e) => e,
                        other => StoreError::Internal(other.to_string()),
                    })?;
                state
                    .store
                    .reapply_blur(seq, *photo, *attendee, *region, size)
                    .await?;
                forget_exports(state, event).await?;
            }
            // Gone, blurred already, or without an original to show anyone.
            _ => state.store.mark_journal_applied(seq).await?,
        },
        Erasure::Purge {
            event,
            photos: photo_stage,
            attendees,
            archive,
            archived,
        } => {
            if !state.store.event_exists(*event).await? {
                return state.store.mark_journal_applied(seq).await;
            }
            let stages = Stages {
                photos: *photo_stage,
                attendees: *attendees,
                archive: *archive,
            };
            // As the purge: at the attendee stage the archive's originals lose their
            // metadata first.
            if *attendees && !*archive {
                let keep: Vec<PublicId> = state
                    .store
                    .photos_for_retention(*event)
                    .await?
                    .into_iter()
                    .filter(|(row, _, is_archived)| *is_archived || archived.contains(&row.id))
                    .map(|(row, _, _)| row.public_id)
                    .collect();
                let why = format!("event:{event} journal:{seq}");
                photos::strip_originals(state, Actor::System, &keep, &why).await?;
            }
            let report = state
                .store
                .purge_event_journaled(
                    Actor::System,
                    *event,
                    stages,
                    archived.clone(),
                    "journal",
                    Journaled::Replay(seq),
                )
                .await?;
            remove_files(state, report.photos_deleted, *event).await?;
        }
    }
    Ok(())
}

/// Removes deleted photos' files and the event's built exports.
async fn remove_files(
    state: &AppState,
    gone: Vec<PublicId>,
    event: EventId,
) -> Result<(), StoreError> {
    let st = state.clone();
    tokio::task::spawn_blocking(move || {
        for p in &gone {
            st.photos.remove(p.as_str());
        }
        st.exports.forget_event(event);
    })
    .await
    .map_err(|e| StoreError::Internal(e.to_string()))
}

async fn forget_exports(state: &AppState, event: EventId) -> Result<(), StoreError> {
    remove_files(state, Vec::new(), event).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::Journal;
    use crate::domain::store::test_support::{
        english_notice, kiosk_attendee, kiosk_consent, register, store_with_event,
    };
    use crate::types::{Consent, PersonFields, PhotoId, RequestId};

    /// Point 8: entries newer than the database's mark are carried out once, by id;
    /// one naming a row the database lacks only moves the mark; a second start-up has
    /// nothing left to do.
    #[tokio::test]
    async fn newer_entries_are_carried_out_once_and_unknown_rows_are_fine() {
        let dir = tempfile::tempdir().unwrap();
        let (store, ev, actor) = store_with_event().await;
        let notice = english_notice(&store, &actor, ev).await;
        let person = PersonFields {
            first_name: Some("Zuzanna".into()),
            email: Some("zuzanna@example.lv".into()),
            ..Default::default()
        };
        let a = register(
            &store,
            &actor,
            kiosk_attendee(ev, "tok-1", person),
            kiosk_consent(Consent::Green, notice),
        )
        .await;
        let journal = Journal::new(dir.path().join("data.erasures.jsonl"));
        for (seq, what) in [
            (
                1,
                Erasure::Attendee {
                    attendee: a,
                    request: RequestId::from(77),
                },
            ),
            (
                2,
                Erasure::PhotoDelete {
                    photo: PhotoId::from(404),
                },
            ),
        ] {
            journal
                .append(&Entry {
                    seq,
                    at: "2026-05-14T10:00:00Z".into(),
                    what,
                })
                .unwrap();
        }
        let mut state = AppState::new(store.with_journal(journal));
        state.photos = crate::domain::photos::PhotoFiles::new(dir.path().join("photos"));
        assert_eq!(
            state
                .store
                .subject_fields(a)
                .await
                .unwrap()
                .first_name
                .as_deref(),
            Some("Zuzanna")
        );
        assert_eq!(replay(&state).await.unwrap(), 2);
        let fields = state.store.subject_fields(a).await.unwrap();
        assert_eq!((fields.first_name, fields.email), (None, None));
        assert_eq!(state.store.journal_applied().await.unwrap(), 2);
        assert_eq!(
            replay(&state).await.unwrap(),
            0,
            "nothing left the second time"
        );
    }
}
