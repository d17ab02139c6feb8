//! Originals kept after their people's data must go (issue 14, point 5): erasure (and
//! the retention purge) rewrites each remaining original with nothing but its pixels,
//! since an upload is stored byte for byte and its EXIF/XMP may name the person.

use super::{write_atomic, Rendition};
use crate::domain::imaging;
use crate::domain::store::{Actor, StoreError};
use crate::domain::AppState;
use crate::types::PublicId;

/// Rewrites the original of each photo in `photos` without metadata (full size,
/// orientation applied, JPEG) and records the new size and format; the preview and
/// thumbnail already carry none. `why` starts each audit row's subject (such as
/// `removal:12`, so the row belongs to the request's event). A photo whose files are
/// gone meanwhile is skipped; any other failure stops with an error before the next one.
pub async fn strip_originals(
    state: &AppState,
    actor: Actor,
    photos: &[PublicId],
    why: &str,
) -> Result<(), StoreError> {
    for public_id in photos {
        let _permit = state
            .ingest_permits
            .acquire()
            .await
            .map_err(|e| StoreError::Internal(e.to_string()))?;
        let files = state.photos.clone();
        let pid = public_id.clone();
        let rewritten = tokio::task::spawn_blocking(move || -> Result<Option<_>, String> {
            let path = files.path(&pid, Rendition::Original);
            let original = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(e.to_string()),
            };
            let (jpeg, info) = imaging::strip_original(&original).map_err(|e| e.to_string())?;
            write_atomic(&files, &path, &jpeg).map_err(|e| e.to_string())?;
            Ok(Some((info.width, info.height, jpeg.len() as u64)))
        })
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?
        .map_err(|e| {
            tracing::error!(error = %e, "rewriting an original without metadata failed");
            StoreError::Internal(e)
        })?;
        if let Some((width, height, bytes)) = rewritten {
            state
                .store
                .original_rewritten(
                    actor.clone(),
                    public_id.clone(),
                    width,
                    height,
                    bytes,
                    format!("{why} photo:{public_id} files:original metadata_removed"),
                )
                .await?;
        }
    }
    Ok(())
}
