//! The photo library (issue 5; requirements 11, 14, 16, 22, 23).

use super::{AttendeeId, Consent, EventSummary, PublicId};
use serde::{Deserialize, Serialize};

/// Whether a photo may be published, computed from its tags and the people's current
/// consent (never stored by hand).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhotoState {
    /// Not tagged and not marked "no identifiable people", or someone has not chosen yet.
    NeedsReview,
    /// Reviewed, and everyone in it is green with no removal request pending.
    Publishable,
    /// Someone in it is red, but the organiser chose "publish blurred" and every red
    /// person has a region: publishable with those regions blurred.
    PublishableBlurred,
    /// Someone in it is red or has a removal request pending.
    Blocked,
}

impl PhotoState {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoState::NeedsReview => "needs_review",
            PhotoState::Publishable => "publishable",
            PhotoState::PublishableBlurred => "publishable_blurred",
            PhotoState::Blocked => "blocked",
        }
    }

    pub fn may_publish(self) -> bool {
        matches!(
            self,
            PhotoState::Publishable | PhotoState::PublishableBlurred
        )
    }
}

/// Why a photo has its state. `tag` is the person's number on the photo (1-based, in
/// tag order); `name` is given to organisers only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum GateReason {
    /// No one tagged and not marked "no identifiable people".
    NotReviewed,
    /// Reviewed as showing no identifiable people.
    NoPeople,
    /// Everyone tagged is green.
    AllGreen { people: usize },
    /// This person's current choice is red (no photos).
    Red {
        tag: usize,
        name: Option<String>,
        has_region: bool,
    },
    /// This person asked for their photos to be removed; the request is open.
    RemovalPending { tag: usize, name: Option<String> },
    /// This person has not chosen yet (pre-registered, not checked in).
    NoChoiceYet { tag: usize, name: Option<String> },
    /// The red people's regions are blurred on export.
    Blurred { people: usize },
    /// Nothing else stands in the way, but no organiser has reviewed the photo since its
    /// people last changed (issue 14, point 1).
    AwaitingReview,
    /// Kept by an organiser on an erasure: held for good, naming no one (issue 14, point 3).
    Held,
}

/// A rectangle on the photo, relative to the oriented image: every value 0-1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Region {
    /// Inside the image and not degenerate (at least 1% each way).
    pub fn is_valid(&self) -> bool {
        let ok = |v: f32| v.is_finite() && (0.0..=1.0).contains(&v);
        ok(self.x)
            && ok(self.y)
            && ok(self.w)
            && ok(self.h)
            && self.w >= 0.01
            && self.h >= 0.01
            && self.x + self.w <= 1.0001
            && self.y + self.h <= 1.0001
    }
}

/// Library filters (issue 5, item 3). Empty = no filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhotoFilter {
    /// `untagged`, `needs_review`, `publishable` (blurred included) or `blocked`.
    pub state: String,
    /// A photographer's user id.
    pub photographer: Option<i64>,
    /// Capture time bounds, `YYYY-MM-DDTHH:MM` (UTC, as the browser's datetime field).
    pub from: String,
    pub to: String,
}

/// One thumbnail in the library grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoCard {
    pub id: PublicId,
    pub state: PhotoState,
    pub taken_at: Option<String>,
    pub photographer: String,
    pub tags: usize,
    pub width: u32,
    pub height: u32,
}

/// Someone who uploaded photos to the event, with their camera clock offset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photographer {
    pub id: i64,
    pub email: String,
    /// Camera time minus true time, seconds.
    pub offset_seconds: i64,
}

/// Photos in each state, over the whole event (or the photographer's own photos).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoCounts {
    pub total: usize,
    pub untagged: usize,
    pub needs_review: usize,
    pub publishable: usize,
    pub blocked: usize,
}

/// The library page: the photos that match the filter (newest capture first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoLibrary {
    pub event: EventSummary,
    pub photos: Vec<PhotoCard>,
    pub counts: PhotoCounts,
    pub photographers: Vec<Photographer>,
    /// Organisers and admins see every photo and the organiser tools; photographers
    /// their own uploads.
    pub can_manage: bool,
    /// Largest accepted upload, bytes.
    pub max_upload_bytes: u64,
}

/// A person tagged in a photo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoTag {
    pub id: i64,
    /// 1-based, in tag order.
    pub number: usize,
    /// Organisers only.
    pub name: Option<String>,
    pub consent: Option<Consent>,
    pub removal_pending: bool,
    pub region: Option<Region>,
    /// `suggestion`, `badge` or `search`.
    pub source: String,
    /// This viewer may remove the tag, and draw, move or clear its region (issue 14).
    pub can_remove: bool,
    pub can_edit_region: bool,
}

/// A badge the photographer scanned near the photo's capture time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSuggestion {
    pub scan_id: i64,
    /// Organisers only.
    pub name: Option<String>,
    pub consent: Option<Consent>,
    /// Scan time minus corrected capture time, seconds (negative: scanned before).
    pub delta_seconds: i64,
    pub scanned_at: String,
}

/// Where a photo was published (issue 5, item 8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub id: i64,
    /// `website`, `social`, `press` or `print`.
    pub channel: String,
    pub url: String,
    pub published_on: String,
    pub recorded_at: String,
}

/// The photo page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoDetail {
    pub id: PublicId,
    pub event_id: PublicId,
    pub width: u32,
    pub height: u32,
    pub taken_at: Option<String>,
    pub uploaded_at: String,
    pub photographer: String,
    pub photographer_id: i64,
    /// Organiser only.
    pub original_name: Option<String>,
    pub camera_time: Option<String>,
    pub camera_serial: Option<String>,
    pub state: PhotoState,
    pub reasons: Vec<GateReason>,
    pub no_people: bool,
    pub publish_blurred: bool,
    /// Blocked only by red people who all have regions: "publish blurred" is possible.
    pub can_blur: bool,
    /// Who reviewed it (an organiser or admin) and when, since its people last changed.
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    /// This viewer may mark it reviewed now (an organiser, no request open).
    pub can_review: bool,
    /// Someone was tagged in it: "no identifiable people" cannot be set.
    pub no_people_locked: bool,
    pub tags: Vec<PhotoTag>,
    pub suggestions: Vec<TagSuggestion>,
    pub publications: Vec<Publication>,
    pub can_manage: bool,
    /// The photographer's clock offset applied to suggestions, seconds.
    pub clock_offset_seconds: i64,
}

/// How a person is added to a photo (issue 5, item 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum TagBy {
    /// A scan from the suggestions.
    Scan { scan_id: i64 },
    /// A badge code scanned or typed (the token or the badge URL).
    Badge { code: String },
    /// An attendee found by the organiser's search.
    Attendee { attendee_id: AttendeeId },
}

/// An export ZIP being built or ready.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportStatus {
    pub job: String,
    pub total: usize,
    pub done: usize,
    pub ready: bool,
    pub failed: bool,
    /// Ready, but a consent, tag, region, review or request of the event changed since it
    /// was built: it will not be served (issue 14, point 2).
    pub stale: bool,
}
