//! The start-up sweep (issue 18 point 7): a photo's files are written before its row
//! (ingest) and deleted after it (erasure, retention, the journal), so a crash leaves at
//! most files without a row. Those are photos of people nobody can see or erase any
//! more: removed before the server serves. A row whose files are missing cannot come
//! from a crash; it is counted and logged for the operator (restore from a backup), not
//! deleted, so the organiser's tags and the audit trail stay.

use super::{PhotoFiles, Rendition};
use crate::domain::AppState;
use std::collections::HashSet;

/// What the sweep found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Files without a photo row, removed.
    pub files_removed: usize,
    /// Photo rows with one of their three files missing (left as they are).
    pub rows_missing_files: usize,
}

/// Matches the photo files to the rows and removes files without a row. Logs the two
/// counts (no ids, names or paths). Run before serving: an ingest running at the same
/// time has files and no row yet.
pub async fn sweep_orphans(state: &AppState) -> Result<Swept, crate::domain::StoreError> {
    let ids = state.store.photo_public_ids().await?;
    let files = state.photos.clone();
    let swept = tokio::task::spawn_blocking(move || sweep_files(&files, &ids))
        .await
        .unwrap_or_default();
    if swept.files_removed > 0 {
        tracing::warn!(
            files_removed = swept.files_removed,
            "start-up sweep removed photo files without a row (left by a crash)"
        );
    } else {
        tracing::info!(files_removed = 0, "start-up sweep: no orphan photo files");
    }
    if swept.rows_missing_files > 0 {
        tracing::error!(
            rows = swept.rows_missing_files,
            "photos whose files are missing: restore the photos from a backup"
        );
    }
    Ok(swept)
}

/// The file sweep itself, over `ids` (every photo row's public id).
pub fn sweep_files(files: &PhotoFiles, ids: &HashSet<String>) -> Swept {
    let mut swept = Swept::default();
    for (dir, suffix) in [("originals", ""), ("thumbs", ".jpg"), ("previews", ".jpg")] {
        let Ok(entries) = std::fs::read_dir(files.root().join(dir)) else {
            continue;
        };
        let mut removed_here = false;
        for e in entries.flatten() {
            let path = e.path();
            if !path.is_file() {
                continue;
            }
            let name = e.file_name();
            let owner = name
                .to_str()
                .and_then(|n| n.strip_suffix(suffix))
                .filter(|id| ids.contains(*id));
            if owner.is_none() {
                match std::fs::remove_file(&path) {
                    Ok(()) => {
                        swept.files_removed += 1;
                        removed_here = true;
                    }
                    Err(err) => {
                        tracing::error!(error = %err, "removing an orphan photo file failed")
                    }
                }
            }
        }
        if removed_here {
            if let Ok(d) = std::fs::File::open(files.root().join(dir)) {
                let _ = d.sync_all();
            }
        }
    }
    swept.rows_missing_files = ids
        .iter()
        .filter(|id| {
            [Rendition::Original, Rendition::Thumb, Rendition::Preview]
                .iter()
                .any(|w| !files.path(id, *w).is_file())
        })
        .count();
    swept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_photo(files: &PhotoFiles, id: &str) {
        for w in [Rendition::Original, Rendition::Thumb, Rendition::Preview] {
            std::fs::write(files.path(id, w), b"jpeg").unwrap();
        }
    }

    /// Files without a row go (all three renditions, and any stray name), files with a
    /// row stay, and a row with a missing file is counted, not touched.
    #[test]
    fn files_without_a_row_are_removed_and_rows_without_files_counted() {
        let dir = tempfile::tempdir().unwrap();
        let files = PhotoFiles::new(dir.path());
        files.ensure_dirs().unwrap();
        write_photo(&files, "kept");
        write_photo(&files, "orphan");
        write_photo(&files, "thumbless");
        std::fs::remove_file(files.path("thumbless", Rendition::Thumb)).unwrap();
        std::fs::write(files.root().join("previews/stray.png"), b"x").unwrap();
        std::fs::write(files.root().join("tmp/half.part"), b"x").unwrap();
        let ids: HashSet<String> = ["kept", "thumbless", "gone"]
            .map(String::from)
            .into_iter()
            .collect();

        let swept = sweep_files(&files, &ids);
        assert_eq!(
            swept,
            Swept {
                files_removed: 4,
                rows_missing_files: 2,
            },
            "orphan's three files and the stray; thumbless and gone lack files"
        );
        for w in [Rendition::Original, Rendition::Thumb, Rendition::Preview] {
            assert!(files.path("kept", w).exists());
            assert!(!files.path("orphan", w).exists());
        }
        assert!(files.path("thumbless", Rendition::Original).exists());
        assert!(
            files.root().join("tmp/half.part").exists(),
            "tmp/ is clear_temp's"
        );
        assert_eq!(sweep_files(&files, &ids).files_removed, 0, "idempotent");
    }

    /// The start-up path: over an empty store every photo file is an orphan.
    #[tokio::test]
    async fn the_start_up_sweep_reads_the_rows_from_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::domain::Store::open_in_memory().await.unwrap();
        let state = AppState::new(store).with_photos_dir(dir.path()).unwrap();
        write_photo(&state.photos, "nobody");
        let swept = sweep_orphans(&state).await.unwrap();
        assert_eq!(swept.files_removed, 3);
        assert_eq!(swept.rows_missing_files, 0);
        assert!(!state.photos.path("nobody", Rendition::Original).exists());
    }
}
