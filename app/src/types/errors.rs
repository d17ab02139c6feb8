//! Errors every server function can return: `ApiError`, the closed `BadInput`
//! list and the media routes' `UploadError` codes.

use super::Field;
use serde::{Deserialize, Serialize};

/// Errors every server function can return. The browser turns each into a sentence
/// from the locale files; none carries personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed for this account")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    RateLimited,
    #[error("wrong email or password")]
    WrongCredentials,
    /// 409: the notice version the page showed is no longer the current one for its
    /// event and language (issue 14 point 4). The page fetches the notice again, shows
    /// it, and the person confirms again.
    #[serde(rename = "notice_changed")]
    #[error("the notice changed")]
    NoticeChanged,
    /// What is wrong with the request, e.g. [`BadInput::NameMissing`].
    #[error("bad input: {0:?}")]
    BadInput(BadInput),
    #[error("server error")]
    Server,
    #[error("network error")]
    Network,
}

impl leptos::server_fn::error::FromServerFnError for ApiError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Request(_) => ApiError::Network,
            E::Args(_) | E::MissingArg(_) | E::Deserialization(_) => {
                ApiError::BadInput(BadInput::MalformedRequest)
            }
            _ => ApiError::Server,
        }
    }
}

#[cfg(feature = "ssr")]
impl ApiError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            ApiError::Unauthorized | ApiError::WrongCredentials => S::UNAUTHORIZED,
            ApiError::Forbidden => S::FORBIDDEN,
            ApiError::NotFound => S::NOT_FOUND,
            ApiError::RateLimited => S::TOO_MANY_REQUESTS,
            ApiError::BadInput(BadInput::ExportBusy) => S::TOO_MANY_REQUESTS,
            ApiError::NoticeChanged => S::CONFLICT,
            ApiError::BadInput(BadInput::EventArchived) => S::CONFLICT,
            // Refused like a bad input (a sentence of its own), but it is a rate limit.
            ApiError::BadInput(BadInput::ConsentChangesTooMany) => S::TOO_MANY_REQUESTS,
            ApiError::BadInput(_) => S::BAD_REQUEST,
            ApiError::Server | ApiError::Network => S::INTERNAL_SERVER_ERROR,
        }
    }
}

/// What is wrong with a request: a closed list, so every request has a sentence in both
/// languages (`components::errors` matches it exhaustively; issue 12 point 5). On the wire
/// a unit variant is its snake_case name (`{"BadInput":"choice_missing"}`), a variant
/// with data a one-key object (`{"BadInput":{"field_required":"first_name"}}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BadInput {
    /// The request's arguments did not decode.
    MalformedRequest,

    // ---- Sign-in ----
    CredentialsMissing,

    // ---- Events and their settings ----
    NameMissing,
    /// A name, venue or settings text over its length limit.
    TooLong,
    /// A date that is not `YYYY-MM-DD` (an event's days, a publication date).
    DateInvalid,
    DatesWrong,
    /// The event's language is neither Latvian nor English.
    LangInvalid,
    LanguagesMissing,
    RetentionInvalid,
    IdleTimeoutInvalid,
    PolicyUrlInvalid,
    RequiredFieldOff,
    /// A new event without its last day (the retention clock starts there; issue 15).
    EndDateMissing,
    /// Photos kept for 1 to 3650 days, and not longer than the attendee data.
    PhotoRetentionInvalid,
    /// An archive period that is not longer than the photo period or over 3650 days.
    ArchiveInvalid,
    ArchivePurposeMissing,
    /// A period longer than a notice promised to people whose data is already held.
    PeriodLengthened {
        promised_days: u32,
    },
    /// The last day moved later than the notices allow for people already registered
    /// (issue 16 point 4): `latest` is the latest last day that keeps the promise.
    EndMovedTooLate {
        latest: String,
    },
    /// The event is archived: it is read-only until un-archived (answered with 409).
    EventArchived,

    // ---- The audit log's filters ----
    /// An action filter that is not letters, dots and underscores (at most 64).
    AuditActionInvalid,
    /// A date range whose first day is after its last.
    AuditRangeWrong,

    // ---- Kiosk pairing, registration, check-in and withdrawal ----
    PairingCodeInvalid,
    /// A required field left empty.
    FieldRequired(Field),
    /// A field over 200 characters.
    FieldTooLong(Field),
    /// A field that does not look like what it is (an email, a phone number).
    FieldInvalid(Field),
    ChoiceMissing,
    GuardianRequired,
    /// A guardian's name over 200 characters.
    GuardianNameTooLong,
    /// Not a PNG image, or one that does not decode.
    SignatureInvalid,
    /// A signature image over 200 KB.
    SignatureTooBig,
    /// A signature image over 2000 × 1000 pixels.
    SignatureTooLargePixels,
    /// The event has no notice text in any of its languages.
    NoticeMissing,
    /// The notice version sent belongs to another event.
    NoticeWrongEvent,
    /// A decision without the notice version the page showed.
    NoticeVersionMissing,
    /// A notice version that does not exist, or whose text hash is not the one sent.
    NoticeUnknown,
    /// Too many consent changes for one attendee within the hour (answered with 429:
    /// consent rows can never be deleted, so they are limited).
    ConsentChangesTooMany,
    CheckinMissing,
    /// Look-up by email was tried where the event does not allow it.
    CheckinEmailOff,
    CheckinNotFound,
    CheckinUsed,
    CheckinExpired,
    WithdrawUnknownBadge,
    WithdrawNoChoice,
    WithdrawAlreadyRed,
    /// The attendee has no consent decision yet, so there is no badge.
    NoConsentYet,

    // ---- Accounts (issue 16) ----
    EmailAlreadyRegistered,
    /// A new password shorter than 12 characters.
    PasswordTooShort,
    /// A new password on the lists attackers try first, or easy to guess (zxcvbn).
    PasswordCommon,
    /// The current password, asked before a change, is not right.
    PasswordWrong,
    /// The last active admin cannot be disabled, demoted or reset from the browser.
    LastAdmin,
    /// An invitation link that is unknown, used, expired or of a disabled account.
    InvitationInvalid,
    /// Only photographers' accounts are added to an event as photographers.
    NotAPhotographer,

    // ---- CSV import ----
    ImportEmpty,
    ImportTooLarge,
    ImportNoColumns,
    ImportNoRows,
    ImportTooManyRows,
    ImportCountOnly,
    ImportMappingInvalid,
    ImportMappingEmpty,
    ImportCellCount,
    ImportUnreadable,
    /// One line of the file (1-based, the header is line 1) and what is wrong with it.
    ImportLine {
        line: u32,
        problem: Box<BadInput>,
    },

    // ---- Badge scans ----
    ScansTooMany,
    ScanIdInvalid,

    // ---- Photos ----
    RegionInvalid,
    BadgeCodeInvalid,
    BadgeNotAtEvent,
    BlurNeedsRegions,
    /// A publication channel other than website, social, press or print.
    ChannelInvalid,
    UrlInvalid,
    UrlMissing,
    OffsetInvalid,
    /// An export size outside the allowed longest sides.
    SizeInvalid,
    /// The upload route's codes (see [`UploadError`]).
    PhotoEmpty,
    PhotoNotImage,
    PhotoTooLargePixels,
    PhotoCorrupt,
    PhotoTooBig,
    UploadMalformed,
    UploadNoFile,

    // ---- Self-service and data-subject requests ----
    CodeMissing,
    CodeWrong,
    FieldNotCollected,
    PhotoUnknown,
    RequestOpen,
    RecordErased,
    IdentityCheckMissing,
    BadgeUnknown,
    MessageTooLong,
    RequestClosed,
    RequestBlocked,
    ReasonMissing,
    RegionMissing,
    NotErasure,
    PhotoDeleted,
    DecisionFinal,

    // ---- The publish gate holds (issue 14) ----
    /// A request of someone in the photo is open: its people are frozen.
    PhotoHeldByRequest,
    /// A photographer removing a tag that is not theirs, or after a review.
    UntagNotAllowed,
    /// A photographer moving or clearing a red person's region; any blurred region.
    RegionLocked,
    /// "No identifiable people" on a photo someone was tagged in.
    NoPeopleAfterTags,
    /// An export is already being built by this organiser, or two on the server.
    ExportBusy,
    /// The export was built before a change of the event: deleted, build it again.
    ExportStale,
    /// A tablet's last day set before today (issue 16 point 3).
    TabletUntilPast,
    /// A correction on a person's request without what they asked for or why (issue 16
    /// point 6).
    CorrectionReasonMissing,

    // ---- The breach register (issue 17) ----
    /// A time that is not a date and time.
    BreachTimeInvalid,
    /// A time in the hour the clocks skip in spring (Riga time).
    BreachTimeSkipped,
    /// A time in the hour that happens twice in autumn (Riga time).
    BreachTimeAmbiguous,
    /// A time in the future.
    BreachTimeFuture,
    /// A notification before the breach was discovered.
    BreachNotifiedBeforeDiscovery,
    BreachKindMissing,
    BreachDescriptionMissing,
    BreachDiscovererMissing,
    BreachEventMissing,
    BreachCategoryMissing,
    BreachRiskMissing,
    BreachRiskReasonMissing,
    /// How a notification was made is missing.
    BreachHowMissing,
    /// A notification after its due time without the reason for the delay.
    BreachDelayReasonMissing,
    /// Closing while a due notification is missing, without a written reason.
    BreachCloseReasonMissing,
    /// The breach is closed: its record no longer changes.
    BreachClosed,
    /// Someone changed the breach since the page was loaded.
    BreachChanged,

    // ---- Sign-in limits (issue 18) ----
    /// An email address over 254 characters at sign-in: refused before any work.
    EmailTooLong,
}

impl From<BadInput> for ApiError {
    fn from(b: BadInput) -> Self {
        ApiError::BadInput(b)
    }
}

/// The `error` code of a refused photo upload: `POST /media/photos`
/// (`server/src/photos.rs`) answers `{"error": code, "message": …}`, and the uploader
/// words the code through [`ApiError`] (the English `message` is never shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadError {
    Unauthorized,
    Forbidden,
    /// No such photo (or not one this account may see).
    NotFound,
    EventNotFound,
    /// The address names a photo or event with something that cannot be an id (400,
    /// refused before any look-up).
    NotAnId,
    /// The export ZIP is not ready, expired, or someone else's.
    ExportNotFound,
    /// The event is archived: nothing can be uploaded to it (409; issue 16 point 4).
    EventArchived,
    /// The event changed after the export was built: it was deleted (410).
    ExportStale,
    UploadMalformed,
    UploadNoFile,
    PhotoTooBig,
    PhotoEmpty,
    PhotoNotImage,
    PhotoTooLargePixels,
    PhotoCorrupt,
    /// Processing failed on the server (not the file's fault).
    PhotoInternal,
    Server,
}

impl From<UploadError> for ApiError {
    fn from(e: UploadError) -> Self {
        match e {
            UploadError::Unauthorized => ApiError::Unauthorized,
            UploadError::Forbidden => ApiError::Forbidden,
            UploadError::NotFound | UploadError::EventNotFound | UploadError::ExportNotFound => {
                ApiError::NotFound
            }
            UploadError::ExportStale => BadInput::ExportStale.into(),
            UploadError::EventArchived => BadInput::EventArchived.into(),
            UploadError::UploadMalformed => BadInput::UploadMalformed.into(),
            UploadError::NotAnId => BadInput::MalformedRequest.into(),
            UploadError::UploadNoFile => BadInput::UploadNoFile.into(),
            UploadError::PhotoTooBig => BadInput::PhotoTooBig.into(),
            UploadError::PhotoEmpty => BadInput::PhotoEmpty.into(),
            UploadError::PhotoNotImage => BadInput::PhotoNotImage.into(),
            UploadError::PhotoTooLargePixels => BadInput::PhotoTooLargePixels.into(),
            UploadError::PhotoCorrupt => BadInput::PhotoCorrupt.into(),
            UploadError::PhotoInternal | UploadError::Server => ApiError::Server,
        }
    }
}
