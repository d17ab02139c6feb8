//! The photo library (issue 5; requirements 11, 14, 16, 22, 23). Photographers see and
//! tag their own uploads (no names, no originals); organisers and admins every photo of
//! their events, with names, the organiser's tools and the export. Uploads, photo files
//! and the export download are plain axum routes in the server crate.

use crate::types::PublicId;
use crate::types::{ApiError, ExportStatus, PhotoDetail, PhotoFilter, PhotoLibrary, Region, TagBy};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, AnyUser, Roles};
#[cfg(feature = "ssr")]
use crate::domain::photos::{self, PhotoAction};

/// The photo page after `action`, for a user who may see the photo (404 otherwise; 403
/// when `managers_only` and they are its photographer).
#[cfg(feature = "ssr")]
async fn act(
    photo_id: &PublicId,
    managers_only: bool,
    action: PhotoAction,
) -> Result<PhotoDetail, ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    let state = guard::state()?;
    let hand = photos::find(&state, actor, photo_id, managers_only).await?;
    Ok(photos::act(&state, hand, action).await?)
}

/// The library grid with counts and filters. Photographers get their own uploads.
#[server(endpoint = "photos/library", input = Json)]
pub async fn get_photo_library(
    event_id: PublicId,
    filter: PhotoFilter,
) -> Result<PhotoLibrary, ApiError> {
    let actor = guard::require_user(AnyUser::ROLES).await?;
    Ok(photos::library(&guard::state()?, actor, event_id, &filter).await?)
}

/// The photo page: preview, tags and regions, state and reason, suggestions, ledger.
#[server(endpoint = "photos/detail", input = Json)]
pub async fn get_photo(photo_id: PublicId) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, false, PhotoAction::View).await
}

/// Adds a person: a scan-time suggestion, a badge code, or (organisers) an attendee
/// found by search. Audited as `photo.tag`.
#[server(endpoint = "photos/tag", input = Json)]
pub async fn tag_person(
    photo_id: PublicId,
    by: TagBy,
    region: Option<Region>,
) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, false, PhotoAction::Tag { by, region }).await
}

/// Removes a person from a photo. Audited.
#[server(endpoint = "photos/untag", input = Json)]
pub async fn untag_person(photo_id: PublicId, tag_id: i64) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, false, PhotoAction::Untag { tag_id }).await
}

/// Sets (or with `None` clears) the rectangle a tagged person occupies. Audited.
#[server(endpoint = "photos/region", input = Json)]
pub async fn set_region(
    photo_id: PublicId,
    tag_id: i64,
    region: Option<Region>,
) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, false, PhotoAction::SetRegion { tag_id, region }).await
}

/// Marks the photo as showing no identifiable people, or clears the mark. Audited.
#[server(endpoint = "photos/no-people", input = Json)]
pub async fn set_no_people(photo_id: PublicId, value: bool) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, false, PhotoAction::NoPeople(value)).await
}

/// The organiser's review: marks the photo reviewed now (or withdraws the review).
/// Organisers and admins of the event only; refused while a request of someone in the
/// photo is open. Any later change of its people undoes it. Audited as `photo.review`.
#[server(endpoint = "photos/review", input = Json)]
pub async fn review_photo(photo_id: PublicId, value: bool) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, true, PhotoAction::Review(value)).await
}

/// The organiser's "publish blurred" choice; only offered when every red person in the
/// photo has a region. Audited.
#[server(endpoint = "photos/blur", input = Json)]
pub async fn set_publish_blurred(photo_id: PublicId, value: bool) -> Result<PhotoDetail, ApiError> {
    act(&photo_id, true, PhotoAction::PublishBlurred(value)).await
}

/// Records where the photo was published (website, social, press, print). Audited.
#[server(endpoint = "photos/publication", input = Json)]
pub async fn add_publication(
    photo_id: PublicId,
    channel: String,
    url: String,
    published_on: String,
) -> Result<PhotoDetail, ApiError> {
    let action = PhotoAction::Publication {
        channel,
        url,
        published_on,
    };
    act(&photo_id, true, action).await
}

/// Sets a photographer's camera clock offset at the event (camera minus true time,
/// at most a day either way). Organisers only. Audited.
#[server(endpoint = "photos/clock", input = Json)]
pub async fn set_clock_offset(
    event_id: PublicId,
    user_id: i64,
    offset_seconds: i64,
) -> Result<(), ApiError> {
    let m = guard::managed_event(event_id).await?;
    let (st, row) = (&m.state, m.row);
    Ok(photos::set_clock_offset(st, m.actor, row, user_id, offset_seconds).await?)
}

/// Starts building the export ZIP (longest side `max_side` px). Organisers only.
#[server(endpoint = "photos/export", input = Json)]
pub async fn start_export(event_id: PublicId, max_side: u32) -> Result<ExportStatus, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::photo_export::start(&m.state, m.actor, m.row, max_side).await?)
}

/// How far the export has got; `ready` means `/media/exports/{job}.zip` can be fetched,
/// unless `stale` says the event changed since it was built.
#[server(endpoint = "photos/export-status", input = Json)]
pub async fn get_export_status(job: String) -> Result<ExportStatus, ApiError> {
    let actor = guard::require_user(guard::MANAGERS).await?;
    let status = crate::domain::photo_export::status(&guard::state()?, actor, &job).await?;
    status.ok_or_else(|| fail(ApiError::NotFound))
}
