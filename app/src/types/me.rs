//! The self-service page (`/me`): the attendee's own data by private code, a copy of
//! it, and their requests (issue 6; requirement 17).

use super::{Consent, ConsentRecord, Field, Lang, NoticeText, RequestKind, RequestStatus};
use serde::{Deserialize, Serialize};

/// One of the attendee's own fields, as the event collects it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyField {
    pub field: Field,
    pub value: String,
    pub required: bool,
}

/// A photo the attendee is tagged in, shown to them only while their consent is green.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPhoto {
    pub id: String,
    /// `data:image/jpeg;base64,…`: the thumbnail itself, so no photo address is needed.
    pub thumb: String,
}

/// One of the attendee's requests, as they see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRequest {
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub received_at: String,
    /// `YYYY-MM-DD`: received + one month (GDPR Art. 12(3)).
    pub due_on: String,
}

/// What the self-service page shows after the private code (requirement 17).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyData {
    pub event_name: String,
    /// Only the fields the event collects.
    pub fields: Vec<MyField>,
    pub is_minor: bool,
    pub registered_at: String,
    pub checked_in_at: Option<String>,
    pub consent: Option<Consent>,
    /// Oldest first, each with the notice text shown.
    pub history: Vec<ConsentRecord>,
    /// The current notice in each language the event offers, the default language
    /// first: shown before a switch, whose version the switch sends (issue 14 point 4).
    pub notices: Vec<NoticeText>,
    /// How many photos they are tagged in (deleted ones are gone).
    pub photo_count: usize,
    /// Thumbnails, only while consent is green.
    pub photos: Vec<MyPhoto>,
    pub requests: Vec<MyRequest>,
}

/// A copy of a person's data (access and portability): all of it as JSON, the tabular
/// parts (fields, consent history, photos, requests) as CSV.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataExport {
    /// A file name without extension and without personal data, e.g. `lanyard-data-2026-11-23`.
    pub file_stem: String,
    pub json: String,
    pub csv: String,
}

/// A request from the self-service page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRequestInput {
    pub kind: RequestKind,
    /// For a removal: the photo ids chosen; empty means every photo.
    #[serde(default)]
    pub photos: Vec<String>,
    #[serde(default)]
    pub message: String,
    /// The requester's language (`lv` or `en`, Latvian when left out): the closing
    /// message is written in it. Anything else is refused with 400.
    #[serde(default)]
    pub lang: Lang,
}
