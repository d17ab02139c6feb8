//! What a signed-in user does with a photo, as one call each (issue 13): find it among
//! the photos they may see (the one access check, also used by the plain `/media/*`
//! routes), act on it, and get the photo page back freshly read.

use super::rules::{may_change, PeopleChange};
use super::{access, detail, gate, library_cards, Marks, PhotoAccess};
use crate::domain::consent::RegisterError;
use crate::domain::store::{Actor, PhotoRow, StoreError};
use crate::domain::AppState;
use crate::types::EventId;
use crate::types::{BadInput, PhotoDetail, PhotoFilter, PhotoLibrary, PublicId, Region, TagBy};
use crate::types::{PublicationChannel, WebUrl};

/// A photo the user may work with, and how much they may do.
pub struct PhotoInHand {
    pub actor: Actor,
    pub photo: PhotoRow,
    pub access: PhotoAccess,
}

/// The photo behind a public id if this user may see it: 404 when it does not exist or
/// is not theirs to see (one answer, so ids cannot be probed), 403 when `managers_only`
/// and they are its photographer.
pub async fn find(
    state: &AppState,
    actor: Actor,
    photo_id: &PublicId,
    managers_only: bool,
) -> Result<PhotoInHand, RegisterError> {
    let Actor::User { id, role } = actor else {
        return Err(RegisterError::Forbidden);
    };
    let photo = state.store.photo_by_public_id(photo_id.clone()).await?;
    let access = access(&state.store, id, role, &photo, state.now.today())
        .await?
        .ok_or(StoreError::NotFound)?;
    if managers_only && access != PhotoAccess::Manager {
        return Err(RegisterError::Forbidden);
    }
    Ok(PhotoInHand {
        actor,
        photo,
        access,
    })
}

/// One thing a user does to a photo.
pub enum PhotoAction {
    /// Look at it (audited as `photo.view`).
    View,
    /// Add a person: a scan-time suggestion, a badge code, or (organisers) an attendee
    /// found by search, optionally with the rectangle they occupy.
    Tag {
        by: TagBy,
        region: Option<Region>,
    },
    Untag {
        tag_id: i64,
    },
    /// Set (or with `None` clear) the rectangle a tagged person occupies.
    SetRegion {
        tag_id: i64,
        region: Option<Region>,
    },
    /// The photo shows no identifiable people (or clear the mark).
    NoPeople(bool),
    /// The organiser's "publish blurred"; only when every red person has a region.
    PublishBlurred(bool),
    /// The organiser's review (or withdrawing it): the photo may be published only
    /// once an organiser reviewed it after its people last changed.
    Review(bool),
    /// Where the photo was published: channel, address (http/https; required except for
    /// press and print) and date.
    Publication {
        channel: String,
        url: String,
        published_on: String,
    },
}

/// Carries out `action` and returns the photo page.
pub async fn act(
    state: &AppState,
    hand: PhotoInHand,
    action: PhotoAction,
) -> Result<PhotoDetail, RegisterError> {
    let store = &state.store;
    let (a, photo) = (hand.actor.clone(), hand.photo.id);
    // An archived event's photos are read-only (issue 16 point 4).
    if !matches!(action, PhotoAction::View) {
        crate::domain::events::open_by_id(store, hand.photo.event_id).await?;
    }
    if let Some(change) = people_change(&action) {
        let Actor::User { id: user, .. } = hand.actor else {
            return Err(RegisterError::Forbidden);
        };
        let facts = store.tag_facts(photo).await?;
        may_change(hand.access, user, &hand.photo, &facts, change)?;
    }
    match action {
        PhotoAction::View => {}
        PhotoAction::Tag { by, region } => tag(state, &hand, by, region).await?,
        PhotoAction::Untag { tag_id } => store.remove_tag(a, photo, tag_id).await?,
        PhotoAction::SetRegion { tag_id, region } => {
            if region.is_some_and(|r| !r.is_valid()) {
                return Err(BadInput::RegionInvalid.into());
            }
            store.set_tag_region(a, photo, tag_id, region).await?
        }
        PhotoAction::NoPeople(value) => store.set_no_people(a, photo, value).await?,
        PhotoAction::Review(value) => store.set_reviewed(a, photo, value).await?,
        PhotoAction::PublishBlurred(value) => {
            if value {
                let (_, tags) = store
                    .photo_with_tags(a.clone(), "photo.view", photo)
                    .await?;
                let marks = Marks {
                    publish_blurred: false,
                    ..Marks::of(&hand.photo)
                };
                if !gate(marks, &tags, false).can_blur {
                    return Err(BadInput::BlurNeedsRegions.into());
                }
            }
            store.set_publish_blurred(a, photo, value).await?
        }
        PhotoAction::Publication {
            channel,
            url,
            published_on,
        } => {
            let channel = PublicationChannel::parse(&channel).ok_or(BadInput::ChannelInvalid)?;
            let url = url.trim();
            let url = match url.is_empty() {
                true => String::new(),
                false => WebUrl::parse(url)
                    .ok_or(BadInput::UrlInvalid)?
                    .into_string(),
            };
            if channel.needs_url() && url.is_empty() {
                return Err(BadInput::UrlMissing.into());
            }
            let day = published_on.trim();
            let format = time::macros::format_description!("[year]-[month]-[day]");
            if time::Date::parse(day, &format).is_err() {
                return Err(BadInput::DateInvalid.into());
            }
            let day = day.to_string();
            store
                .add_publication(a, photo, channel.as_str(), url, day)
                .await?
        }
    }
    let (row, tags) = store
        .photo_with_tags(hand.actor, "photo.view", photo)
        .await?;
    let event = store.event_by_id(row.event_id).await?;
    Ok(detail(store, hand.access, row, tags, event.id).await?)
}

/// The change to the photo's people that `action` makes, if any, for the rules.
fn people_change(action: &PhotoAction) -> Option<PeopleChange> {
    match action {
        PhotoAction::Untag { tag_id } => Some(PeopleChange::Untag { tag_id: *tag_id }),
        PhotoAction::SetRegion { tag_id, .. } => Some(PeopleChange::Region { tag_id: *tag_id }),
        PhotoAction::NoPeople(true) => Some(PeopleChange::MarkNoPeople),
        PhotoAction::Review(true) => Some(PeopleChange::Review),
        _ => None,
    }
}

/// Tags a person; a badge or scan that is not of this photo's event is refused in words.
async fn tag(
    state: &AppState,
    hand: &PhotoInHand,
    by: TagBy,
    region: Option<Region>,
) -> Result<(), RegisterError> {
    if region.is_some_and(|r| !r.is_valid()) {
        return Err(BadInput::RegionInvalid.into());
    }
    let store = &state.store;
    let event = hand.photo.event_id;
    let (attendee, source) = match by {
        TagBy::Scan { scan_id } => (
            store
                .scan_attendee(event, hand.photo.uploaded_by, scan_id)
                .await?,
            "suggestion",
        ),
        TagBy::Badge { code } => {
            let token =
                crate::types::BadgeToken::from_scan(&code).ok_or(BadInput::BadgeCodeInvalid)?;
            (
                store
                    .attendee_at_event_by_badge(event, token.into_string())
                    .await?,
                "badge",
            )
        }
        TagBy::Attendee { attendee_id } => {
            if hand.access != PhotoAccess::Manager {
                return Err(RegisterError::Forbidden);
            }
            (Some(attendee_id), "search")
        }
    };
    let attendee = attendee.ok_or(BadInput::BadgeNotAtEvent)?;
    let added = store
        .add_tag(hand.actor.clone(), hand.photo.id, attendee, source, region)
        .await;
    match added {
        Err(StoreError::NotFound) => Err(BadInput::BadgeNotAtEvent.into()),
        other => Ok(other?),
    }
}

/// The library grid with counts and filters. Photographers get their own uploads, at
/// the events they may reach today; organisers their events; admins all
/// ([`crate::domain::access::event_access`]).
pub async fn library(
    state: &AppState,
    actor: Actor,
    event_id: PublicId,
    filter: &PhotoFilter,
) -> Result<PhotoLibrary, StoreError> {
    use crate::domain::access::{event_access, EventRole};
    let Actor::User { id, .. } = actor else {
        return Err(StoreError::Conflict(crate::domain::Conflict::NotAUser));
    };
    let (row, event, role) =
        event_access(&state.store, &actor, event_id, state.now.today()).await?;
    let manager = role == EventRole::Manager;
    let rows = state
        .store
        .photo_library(actor, row, (!manager).then_some(id))
        .await?;
    let (photos, counts) = library_cards(rows, filter);
    let photographers = match manager {
        true => state.store.event_photographers(row).await?,
        false => Vec::new(),
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

/// Sets a photographer's camera clock offset at the event (camera minus true time, at
/// most a day either way). Audited.
pub async fn set_clock_offset(
    state: &AppState,
    actor: Actor,
    event_id: EventId,
    user_id: i64,
    offset_seconds: i64,
) -> Result<(), RegisterError> {
    if offset_seconds.abs() > 86_400 {
        return Err(BadInput::OffsetInvalid.into());
    }
    let store = &state.store;
    crate::domain::events::open_by_id(store, event_id).await?;
    Ok(store
        .set_clock_offset(actor, event_id, user_id, offset_seconds)
        .await?)
}
