//! The photo library (issue 5; requirements 11, 14, 16, 22, 23). Photographers see and
//! tag their own uploads (no names, no originals); organisers and admins every photo of
//! their events, with names, the organiser's tools and the export. Uploads, photo files
//! and the export download are plain axum routes in the server crate.

use crate::types::{ApiError, ExportStatus, PhotoDetail, PhotoFilter, PhotoLibrary, Region, TagBy};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err};
#[cfg(feature = "ssr")]
use crate::domain::photos::{self, PhotoAccess};
#[cfg(feature = "ssr")]
use crate::domain::store::PhotoRow;
#[cfg(feature = "ssr")]
use crate::domain::{Actor, AppState};
#[cfg(feature = "ssr")]
use crate::types::BadInput;
#[cfg(feature = "ssr")]
use crate::types::Role;

#[cfg(feature = "ssr")]
const PHOTO_USERS: &[Role] = &[Role::Admin, Role::Organiser, Role::Photographer];

/// A signed-in user and the photo they may use (404 when they may not see it).
#[cfg(feature = "ssr")]
struct PhotoCtx {
    actor: Actor,
    state: AppState,
    photo: PhotoRow,
    access: PhotoAccess,
}

#[cfg(feature = "ssr")]
async fn photo_ctx(photo_id: String, managers_only: bool) -> Result<PhotoCtx, ApiError> {
    let actor = guard::require_user(PHOTO_USERS).await?;
    let Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    if photo_id.len() > 64 {
        return Err(fail(ApiError::NotFound));
    }
    let state = guard::state()?;
    let photo = state
        .store
        .photo_by_public_id(photo_id)
        .await
        .map_err(store_err)?;
    let access = photos::access(&state.store, id, role, &photo)
        .await
        .map_err(store_err)?
        .ok_or_else(|| fail(ApiError::NotFound))?;
    if managers_only && access != PhotoAccess::Manager {
        return Err(fail(ApiError::Forbidden));
    }
    Ok(PhotoCtx {
        actor,
        state,
        photo,
        access,
    })
}

/// The photo page, read again after a change (audited as `photo.view`).
#[cfg(feature = "ssr")]
async fn view(ctx: PhotoCtx) -> Result<PhotoDetail, ApiError> {
    let store = &ctx.state.store;
    let (photo, tags) = store
        .photo_with_tags(ctx.actor, "photo.view", ctx.photo.id)
        .await
        .map_err(store_err)?;
    let event = store.event_by_id(photo.event_id).await.map_err(store_err)?;
    photos::detail(store, ctx.access, photo, tags, event.id)
        .await
        .map_err(store_err)
}

/// The library grid with counts and filters. Photographers get their own uploads.
#[server(endpoint = "photos/library", input = Json)]
pub async fn get_photo_library(
    event_id: String,
    filter: PhotoFilter,
) -> Result<PhotoLibrary, ApiError> {
    let actor = guard::require_user(PHOTO_USERS).await?;
    let Actor::User { id, role } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let state = guard::state()?;
    let manager = role.manages_events();
    // Photographers may upload at every event (as they scan at every event); organisers
    // at their own; admins at all.
    let as_role = if manager { role } else { Role::Admin };
    let (row, event) = state
        .store
        .event_for_user(id, as_role, event_id)
        .await
        .map_err(store_err)?;
    let rows = state
        .store
        .photo_library(actor, row, (!manager).then_some(id))
        .await
        .map_err(store_err)?;
    let (photos, counts) = photos::library_cards(rows, &filter);
    let photographers = if manager {
        state
            .store
            .event_photographers(row)
            .await
            .map_err(store_err)?
    } else {
        Vec::new()
    };
    Ok(PhotoLibrary {
        event,
        photos,
        counts,
        photographers,
        can_manage: manager,
        max_upload_bytes: state.max_photo_bytes,
    })
}

/// The photo page: preview, tags and regions, state and reason, suggestions, ledger.
#[server(endpoint = "photos/detail", input = Json)]
pub async fn get_photo(photo_id: String) -> Result<PhotoDetail, ApiError> {
    view(photo_ctx(photo_id, false).await?).await
}

/// Adds a person: a scan-time suggestion, a badge code, or (organisers) an attendee
/// found by search. Audited as `photo.tag`.
#[server(endpoint = "photos/tag", input = Json)]
pub async fn tag_person(
    photo_id: String,
    by: TagBy,
    region: Option<Region>,
) -> Result<PhotoDetail, ApiError> {
    let ctx = photo_ctx(photo_id, false).await?;
    if region.is_some_and(|r| !r.is_valid()) {
        return Err(fail(ApiError::BadInput(BadInput::RegionInvalid)));
    }
    let store = &ctx.state.store;
    let event = ctx.photo.event_id;
    let (attendee, source) = match by {
        TagBy::Scan { scan_id } => (
            store
                .scan_attendee(event, ctx.photo.uploaded_by, scan_id)
                .await
                .map_err(store_err)?,
            "suggestion",
        ),
        TagBy::Badge { code } => {
            let token = crate::types::token_from_scan(&code)
                .ok_or_else(|| fail(ApiError::BadInput(BadInput::BadgeCodeInvalid)))?;
            (
                store
                    .attendee_at_event_by_badge(event, token)
                    .await
                    .map_err(store_err)?,
                "badge",
            )
        }
        TagBy::Attendee { attendee_id } => {
            if ctx.access != PhotoAccess::Manager {
                return Err(fail(ApiError::Forbidden));
            }
            (Some(attendee_id), "search")
        }
    };
    let attendee = attendee.ok_or_else(|| fail(ApiError::BadInput(BadInput::BadgeNotAtEvent)))?;
    store
        .add_tag(ctx.actor.clone(), ctx.photo.id, attendee, source, region)
        .await
        .map_err(|e| match e {
            crate::domain::StoreError::NotFound => {
                fail(ApiError::BadInput(BadInput::BadgeNotAtEvent))
            }
            e => store_err(e),
        })?;
    view(ctx).await
}

/// Removes a person from a photo. Audited.
#[server(endpoint = "photos/untag", input = Json)]
pub async fn untag_person(photo_id: String, tag_id: i64) -> Result<PhotoDetail, ApiError> {
    let ctx = photo_ctx(photo_id, false).await?;
    ctx.state
        .store
        .remove_tag(ctx.actor.clone(), ctx.photo.id, tag_id)
        .await
        .map_err(store_err)?;
    view(ctx).await
}

/// Sets (or with `None` clears) the rectangle a tagged person occupies. Audited.
#[server(endpoint = "photos/region", input = Json)]
pub async fn set_region(
    photo_id: String,
    tag_id: i64,
    region: Option<Region>,
) -> Result<PhotoDetail, ApiError> {
    let ctx = photo_ctx(photo_id, false).await?;
    if region.is_some_and(|r| !r.is_valid()) {
        return Err(fail(ApiError::BadInput(BadInput::RegionInvalid)));
    }
    ctx.state
        .store
        .set_tag_region(ctx.actor.clone(), ctx.photo.id, tag_id, region)
        .await
        .map_err(store_err)?;
    view(ctx).await
}

/// Marks the photo as showing no identifiable people, or clears the mark. Audited.
#[server(endpoint = "photos/no-people", input = Json)]
pub async fn set_no_people(photo_id: String, value: bool) -> Result<PhotoDetail, ApiError> {
    let ctx = photo_ctx(photo_id, false).await?;
    ctx.state
        .store
        .set_no_people(ctx.actor.clone(), ctx.photo.id, value)
        .await
        .map_err(store_err)?;
    view(ctx).await
}

/// The organiser's "publish blurred" choice; only offered when every red person in the
/// photo has a region. Audited.
#[server(endpoint = "photos/blur", input = Json)]
pub async fn set_publish_blurred(photo_id: String, value: bool) -> Result<PhotoDetail, ApiError> {
    let ctx = photo_ctx(photo_id, true).await?;
    if value {
        let (_, tags) = ctx
            .state
            .store
            .photo_with_tags(ctx.actor.clone(), "photo.view", ctx.photo.id)
            .await
            .map_err(store_err)?;
        if !photos::gate(ctx.photo.no_people, false, &tags, false).can_blur {
            return Err(fail(ApiError::BadInput(BadInput::BlurNeedsRegions)));
        }
    }
    ctx.state
        .store
        .set_publish_blurred(ctx.actor.clone(), ctx.photo.id, value)
        .await
        .map_err(store_err)?;
    view(ctx).await
}

/// Records where the photo was published (website, social, press, print). Audited.
#[server(endpoint = "photos/publication", input = Json)]
pub async fn add_publication(
    photo_id: String,
    channel: String,
    url: String,
    published_on: String,
) -> Result<PhotoDetail, ApiError> {
    let ctx = photo_ctx(photo_id, true).await?;
    let channel: &'static str = match channel.as_str() {
        "website" => "website",
        "social" => "social",
        "press" => "press",
        "print" => "print",
        _ => return Err(fail(ApiError::BadInput(BadInput::ChannelInvalid))),
    };
    let url = url.trim().to_string();
    if url.len() > 2000 || (!url.is_empty() && !url.starts_with("http")) {
        return Err(fail(ApiError::BadInput(BadInput::UrlInvalid)));
    }
    if channel != "print" && channel != "press" && url.is_empty() {
        return Err(fail(ApiError::BadInput(BadInput::UrlMissing)));
    }
    let date_ok = time::Date::parse(
        published_on.trim(),
        &time::macros::format_description!("[year]-[month]-[day]"),
    )
    .is_ok();
    if !date_ok {
        return Err(fail(ApiError::BadInput(BadInput::DateInvalid)));
    }
    ctx.state
        .store
        .add_publication(
            ctx.actor.clone(),
            ctx.photo.id,
            channel,
            url,
            published_on.trim().to_string(),
        )
        .await
        .map_err(store_err)?;
    view(ctx).await
}

/// Sets a photographer's camera clock offset at the event (camera minus true time,
/// at most a day either way). Organisers only. Audited.
#[server(endpoint = "photos/clock", input = Json)]
pub async fn set_clock_offset(
    event_id: String,
    user_id: i64,
    offset_seconds: i64,
) -> Result<(), ApiError> {
    let m = guard::managed_event(event_id).await?;
    if offset_seconds.abs() > 86_400 {
        return Err(fail(ApiError::BadInput(BadInput::OffsetInvalid)));
    }
    m.state
        .store
        .set_clock_offset(m.actor, m.row, user_id, offset_seconds)
        .await
        .map_err(store_err)
}

/// Starts building the export ZIP (longest side `max_side` px). Organisers only.
#[server(endpoint = "photos/export", input = Json)]
pub async fn start_export(event_id: String, max_side: u32) -> Result<ExportStatus, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let Actor::User { id, .. } = m.actor else {
        return Err(fail(ApiError::Forbidden));
    };
    if !(crate::domain::photo_export::MIN_SIDE..=crate::domain::photo_export::MAX_SIDE)
        .contains(&max_side)
    {
        return Err(fail(ApiError::BadInput(BadInput::SizeInvalid)));
    }
    crate::domain::photo_export::start(&m.state, m.actor.clone(), id, m.row, max_side)
        .await
        .map_err(store_err)
}

/// How far the export has got; `ready` means `/photos/exports/{job}.zip` can be fetched.
#[server(endpoint = "photos/export-status", input = Json)]
pub async fn get_export_status(job: String) -> Result<ExportStatus, ApiError> {
    let actor = guard::require_user(super::guard::MANAGERS).await?;
    let Actor::User { id, .. } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    guard::state()?
        .exports
        .status(&job, id)
        .ok_or_else(|| fail(ApiError::NotFound))
}
