//! Data-subject requests: kinds, status, per-photo decisions, takedowns and
//! the request page (issue 6; requirements 5, 15, 16, 17, 19).

use super::{AttendeeId, AuditRow, Consent, Lang, PublicId, Region};
use serde::{Deserialize, Serialize};

/// What a data subject asked for. Every kind is a request with the one-month deadline;
/// while it is open, every photo of the person is blocked from publishing and export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Remove photos (all, or the ones chosen).
    Removal,
    /// Erase the whole record ("right to be forgotten").
    Erasure,
    /// Object to processing.
    Objection,
    /// Restrict processing.
    Restriction,
}

impl RequestKind {
    pub const ALL: [RequestKind; 4] = [
        RequestKind::Removal,
        RequestKind::Erasure,
        RequestKind::Objection,
        RequestKind::Restriction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Removal => "removal",
            RequestKind::Erasure => "erasure",
            RequestKind::Objection => "objection",
            RequestKind::Restriction => "restriction",
        }
    }

    pub fn parse(s: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the request decides on the person's photos one by one.
    pub fn decides_photos(self) -> bool {
        matches!(self, RequestKind::Removal | RequestKind::Erasure)
    }
}

/// A request's status: received → in review → done or refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Received,
    InReview,
    Done,
    Refused,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Received => "received",
            RequestStatus::InReview => "in_review",
            RequestStatus::Done => "done",
            RequestStatus::Refused => "refused",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Received,
            RequestStatus::InReview,
            RequestStatus::Done,
            RequestStatus::Refused,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        matches!(self, RequestStatus::Received | RequestStatus::InReview)
    }
}

/// The organiser's decision on one photo of a removal request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhotoDecision {
    /// Original, thumbnail, preview and any export copy gone from disk and database.
    Delete,
    /// The person's region blurred for good: the blurred image replaces the original.
    Blur,
    /// Kept, with a written reason (e.g. public interest). Publishing still follows
    /// the person's consent.
    Keep,
}

impl PhotoDecision {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoDecision::Delete => "delete",
            PhotoDecision::Blur => "blur",
            PhotoDecision::Keep => "keep",
        }
    }

    pub fn parse(s: &str) -> Option<PhotoDecision> {
        [
            PhotoDecision::Delete,
            PhotoDecision::Blur,
            PhotoDecision::Keep,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// How the organiser identifies the person when opening a request on their behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", content = "value", rename_all = "snake_case")]
pub enum RequestSubject {
    /// A scanned or typed badge: the token or the `/b/{token}` address.
    Badge(String),
    /// An attendee found with the search (their row id).
    Attendee(AttendeeId),
}

/// A request opened by the organiser (a request by email, phone or letter).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequest {
    pub subject: RequestSubject,
    pub kind: RequestKind,
    #[serde(default)]
    pub message: String,
    /// How identity was checked (required), e.g. "replied from the registered email".
    pub identity_check: String,
    /// The requester's language, `lv` or `en` (anything else is refused with 400).
    pub lang: Lang,
}

/// A request in the event's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: PublicId,
    pub kind: RequestKind,
    pub status: RequestStatus,
    /// The person's name, or "" when the event collects no names (or they were erased).
    pub person: String,
    pub attendee_id: AttendeeId,
    /// Where it came from: `self_service`, `organiser` or `kiosk`.
    pub channel: String,
    pub received_at: String,
    pub due_on: String,
    /// Days until the due date (negative when overdue); `None` once closed.
    pub days_left: Option<i64>,
    pub overdue: bool,
}

/// Where a request came from, as stored in `requests.channel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestChannel {
    /// The attendee on `/me` with their private code.
    SelfService,
    /// An organiser on the person's behalf (email, phone, letter).
    Organiser,
    /// The attendee at a kiosk, after scanning their badge (issue 16 point 6).
    Kiosk,
}

impl RequestChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestChannel::SelfService => "self_service",
            RequestChannel::Organiser => "organiser",
            RequestChannel::Kiosk => "kiosk",
        }
    }
}

/// What the kiosk shows once a removal request is open: the organiser's deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskRemovalAsked {
    /// The day the organiser must answer by (`YYYY-MM-DD`).
    pub due_on: String,
}

/// A photo in a request and the decision on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestPhoto {
    /// The request's own row for the photo (decisions are made on it).
    pub item: i64,
    /// "Photo 1", "Photo 2" … within the request; stays after the photo is deleted.
    pub label: i64,
    /// The photo's id; `None` once deleted.
    pub photo_id: Option<String>,
    /// Chosen by the requester (false: tagged later or not in the chosen set).
    pub requested: bool,
    pub taken_at: Option<String>,
    /// The person's region in the photo, when one is marked.
    pub region: Option<Region>,
    pub decision: Option<PhotoDecision>,
    pub reason: String,
    pub decided_at: Option<String>,
    /// Places in the publication ledger.
    pub published: usize,
}

/// An untagged photo the person may be in: their badge was scanned by the photographer
/// around the time it was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSuggestion {
    pub photo_id: PublicId,
    pub taken_at: Option<String>,
    pub photographer: String,
    /// Seconds between the scan and the photo.
    pub seconds_apart: i64,
}

/// One place to take a photo down (requirement 16).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Takedown {
    pub id: i64,
    /// The request photo's label ("Photo 2").
    pub label: i64,
    pub channel: String,
    pub url: String,
    pub published_on: String,
    pub done_at: Option<String>,
    /// Why it could not be taken down (e.g. printed brochure), instead of done.
    pub note: String,
}

/// What still stops a request from closing, as codes the page words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestBlocker {
    /// A photo has no decision yet.
    UndecidedPhotos,
    /// A takedown is neither done nor explained.
    OpenTakedowns,
    /// An erasure request closes by erasing the record.
    NotErased,
}

/// The request page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    pub id: PublicId,
    pub event_id: PublicId,
    pub event_name: String,
    pub kind: RequestKind,
    pub status: RequestStatus,
    /// `self_service`, `organiser` or `kiosk`.
    pub channel: String,
    pub identity_check: String,
    pub message: String,
    pub lang: String,
    pub received_at: String,
    pub due_on: String,
    pub days_left: Option<i64>,
    pub overdue: bool,
    pub closed_at: Option<String>,
    /// Why it was refused, or the note given when closing.
    pub outcome_note: String,
    pub attendee_id: AttendeeId,
    pub person: String,
    pub consent: Option<Consent>,
    pub erased: bool,
    pub photos: Vec<RequestPhoto>,
    pub suggestions: Vec<RequestSuggestion>,
    pub takedowns: Vec<Takedown>,
    pub blockers: Vec<RequestBlocker>,
    /// A reply to copy, in the requester's language.
    pub closing_message: String,
    /// The request's own audit trail, oldest first.
    pub trail: Vec<AuditRow>,
}

/// A decision on one request photo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionInput {
    pub item: i64,
    pub decision: PhotoDecision,
    /// Required for keep.
    #[serde(default)]
    pub reason: String,
    /// Required for blur unless the person's tag already has a region.
    #[serde(default)]
    pub region: Option<Region>,
}
