//! Wire types: plain serde structs that cross between browser and server.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Organiser,
    Photographer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Organiser => "organiser",
            Role::Photographer => "photographer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "organiser" => Some(Role::Organiser),
            "photographer" => Some(Role::Photographer),
            _ => None,
        }
    }

    /// May manage events, attendees and the audit log.
    pub fn manages_events(self) -> bool {
        matches!(self, Role::Admin | Role::Organiser)
    }
}

/// Who the current browser is signed in as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Me {
    User {
        email: String,
        role: Role,
    },
    Kiosk {
        event_id: String,
        event_name: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    /// Random public id, used in URLs instead of the row id.
    pub id: String,
    pub name: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub venue: String,
    pub default_lang: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvent {
    pub name: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub venue: String,
    pub default_lang: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCode {
    pub code: String,
    pub event_name: String,
    pub expires_in_secs: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub principal_kind: String,
    pub action: String,
    pub subject: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub rows: Vec<AuditRow>,
    pub total: i64,
    /// `Ok(rows verified)` or `Err(description of the first break)`.
    pub chain: Result<u64, String>,
}

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
            ApiError::BadInput(_) => S::BAD_REQUEST,
            ApiError::Server | ApiError::Network => S::INTERNAL_SERVER_ERROR,
        }
    }
}

/// What is wrong with a request: a closed list, so every case has a sentence in both
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
    SignatureInvalid,
    /// The event has no notice text in any of its languages.
    NoticeMissing,
    /// The notice version sent belongs to another event.
    NoticeWrongEvent,
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

    // ---- Accounts ----
    EmailAlreadyRegistered,

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

    // ---- Self-service and data-subject cases ----
    CodeMissing,
    CodeWrong,
    FieldNotCollected,
    PhotoUnknown,
    RequestOpen,
    RecordErased,
    IdentityCheckMissing,
    BadgeUnknown,
    MessageTooLong,
    CaseClosed,
    CaseBlocked,
    ReasonMissing,
    RegionMissing,
    NotErasure,
    PhotoDeleted,
    DecisionFinal,
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
    /// The export ZIP is not ready, expired, or someone else's.
    ExportNotFound,
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
            UploadError::UploadMalformed => BadInput::UploadMalformed.into(),
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

// ---- Issue 3: event settings, attendees and consent (requirements 1-9, 12, 13) ----

/// The registration fields an organiser can switch on (requirement 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FirstName,
    LastName,
    Organisation,
    RoleTitle,
    Email,
    Phone,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::FirstName,
        Field::LastName,
        Field::Organisation,
        Field::RoleTitle,
        Field::Email,
        Field::Phone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Organisation => "organisation",
            Field::RoleTitle => "role_title",
            Field::Email => "email",
            Field::Phone => "phone",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FieldRule {
    pub enabled: bool,
    pub required: bool,
}

/// Which fields exist and which are required. All off = a count-only event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FieldRules {
    pub first_name: FieldRule,
    pub last_name: FieldRule,
    pub organisation: FieldRule,
    pub role_title: FieldRule,
    pub email: FieldRule,
    pub phone: FieldRule,
}

impl FieldRules {
    pub fn get(&self, f: Field) -> FieldRule {
        match f {
            Field::FirstName => self.first_name,
            Field::LastName => self.last_name,
            Field::Organisation => self.organisation,
            Field::RoleTitle => self.role_title,
            Field::Email => self.email,
            Field::Phone => self.phone,
        }
    }

    pub fn get_mut(&mut self, f: Field) -> &mut FieldRule {
        match f {
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Organisation => &mut self.organisation,
            Field::RoleTitle => &mut self.role_title,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
        }
    }

    pub fn enabled(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| self.get(*f).enabled)
            .collect()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    pub purpose: String,
    pub legal_basis: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BadgeStock {
    /// ID card, 86 × 54 mm.
    #[default]
    Cr80,
    /// A6, 105 × 148 mm.
    A6,
    /// Label roll, 62 × 100 mm.
    Label62x100,
    /// Label, 4 × 3 in.
    Label4x3in,
}

impl BadgeStock {
    pub const ALL: [BadgeStock; 4] = [
        BadgeStock::Cr80,
        BadgeStock::A6,
        BadgeStock::Label62x100,
        BadgeStock::Label4x3in,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BadgeStock::Cr80 => "cr80",
            BadgeStock::A6 => "a6",
            BadgeStock::Label62x100 => "label62x100",
            BadgeStock::Label4x3in => "label4x3in",
        }
    }

    pub fn parse(s: &str) -> Option<BadgeStock> {
        BadgeStock::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// CSS `@page` size.
    pub fn css_size(self) -> &'static str {
        match self {
            BadgeStock::Cr80 => "86mm 54mm",
            BadgeStock::A6 => "105mm 148mm",
            BadgeStock::Label62x100 => "62mm 100mm",
            BadgeStock::Label4x3in => "4in 3in",
        }
    }
}

/// Everything an organiser sets for an event beyond its name and dates (requirement 12).
/// The notice fields feed the layered notice shown before the form (requirement 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventSettings {
    pub languages: Vec<String>,
    pub controller_name: String,
    pub controller_address: String,
    pub controller_email: String,
    pub dpo_contact: String,
    pub purposes: Vec<Purpose>,
    pub recipients: String,
    pub third_country_transfer: bool,
    pub retention_days: u32,
    pub policy_url: String,
    pub fields: FieldRules,
    pub print_name: bool,
    pub badge_stock: BadgeStock,
    pub idle_timeout_secs: u32,
    /// Pre-registered attendees may find themselves at the kiosk by exact email.
    pub allow_email_lookup: bool,
}

impl Default for EventSettings {
    fn default() -> Self {
        EventSettings {
            languages: vec!["lv".into(), "en".into()],
            controller_name: String::new(),
            controller_address: String::new(),
            controller_email: String::new(),
            dpo_contact: String::new(),
            purposes: Vec::new(),
            recipients: String::new(),
            third_country_transfer: false,
            retention_days: 365,
            policy_url: String::new(),
            fields: FieldRules::default(),
            print_name: false,
            badge_stock: BadgeStock::Cr80,
            idle_timeout_secs: 60,
            allow_email_lookup: false,
        }
    }
}

/// The attendee's photo choice (requirement 3): green = photos OK, red = no photos.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Green,
    Red,
}

impl Consent {
    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Green => "green",
            Consent::Red => "red",
        }
    }

    pub fn parse(s: &str) -> Option<Consent> {
        match s {
            "green" => Some(Consent::Green),
            "red" => Some(Consent::Red),
            _ => None,
        }
    }
}

/// Where a consent decision was made (requirement 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Kiosk,
    Organiser,
    SelfService,
    BadgeScan,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Kiosk => "kiosk",
            Channel::Organiser => "organiser",
            Channel::SelfService => "self_service",
            Channel::BadgeScan => "badge_scan",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "kiosk" => Some(Channel::Kiosk),
            "organiser" => Some(Channel::Organiser),
            "self_service" => Some(Channel::SelfService),
            "badge_scan" => Some(Channel::BadgeScan),
            _ => None,
        }
    }
}

/// What an attendee typed: only the fields the event enabled are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organisation: Option<String>,
    pub role_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl PersonFields {
    pub fn get(&self, f: Field) -> Option<&str> {
        match f {
            Field::FirstName => self.first_name.as_deref(),
            Field::LastName => self.last_name.as_deref(),
            Field::Organisation => self.organisation.as_deref(),
            Field::RoleTitle => self.role_title.as_deref(),
            Field::Email => self.email.as_deref(),
            Field::Phone => self.phone.as_deref(),
        }
    }

    pub fn set(&mut self, f: Field, v: Option<String>) {
        let slot = match f {
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Organisation => &mut self.organisation,
            Field::RoleTitle => &mut self.role_title,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
        };
        *slot = v;
    }
}

/// A minor's guardian (requirement 6). `signature_png` is a data-free PNG of the drawn
/// signature, stored by reference.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guardian {
    pub name: String,
    pub confirmed: bool,
    pub signature_ref: Option<String>,
}

/// One row of an attendee's consent history, with the notice text they were shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub id: i64,
    pub choice: Consent,
    pub at: String,
    pub channel: Channel,
    pub channel_ref: String,
    pub notice_version_id: i64,
    pub notice_sha256: String,
    pub notice_text: String,
    pub guardian_name: Option<String>,
    pub guardian_confirmed: bool,
    pub signature_ref: Option<String>,
}

/// One language's current notice, with the version the kiosk will record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeText {
    pub version_id: i64,
    pub lang: String,
    pub text: String,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSettingsView {
    pub event: EventSummary,
    pub settings: EventSettings,
    pub notices: Vec<NoticeText>,
}

/// What a paired kiosk needs to run registration. No attendee data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskEvent {
    pub event_name: String,
    pub languages: Vec<String>,
    pub default_lang: String,
    pub fields: FieldRules,
    pub notices: Vec<NoticeText>,
    pub idle_timeout_secs: u32,
    pub policy_url: String,
    /// QR of the full policy URL, when one is set.
    pub policy_qr_svg: Option<String>,
    pub badge_stock: BadgeStock,
    /// Pre-registered attendees may find themselves by exact email.
    pub allow_email_lookup: bool,
}

/// What the attendee entered at the kiosk.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskRegistration {
    /// The language whose notice was shown.
    pub lang: String,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub choice: Option<Consent>,
    pub guardian_name: String,
    pub guardian_confirmed: bool,
    /// `data:image/png;base64,…` from the signature pad.
    pub signature_data_url: Option<String>,
    /// A pre-registered attendee found with `kiosk/checkin/find` in this kiosk session:
    /// their stored fields are kept and `fields` is ignored.
    #[serde(default)]
    pub checkin: bool,
}

/// A badge ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    pub consent: Consent,
    pub event_name: String,
    /// Only when the event collects names and prints them.
    pub name: Option<String>,
    /// QR of `{public URL}/b/{badge token}`.
    pub qr_svg: String,
    pub stock: BadgeStock,
    /// The event's language; the badge also carries English.
    pub lang: String,
}

/// The kiosk's answer to a registration: the badge and the private code, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub badge: Badge,
    pub private_code: String,
    pub private_code_qr_svg: String,
}

/// Organiser attendee list filters (issue 3, item 7). Empty = no filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttendeeFilter {
    /// Matches names, organisation and email (case-insensitive substring).
    pub q: String,
    /// `green`, `red` or `none` (pre-registered, not chosen yet).
    pub consent: String,
    /// `yes` or `no`.
    pub checked_in: String,
    /// `yes` or `no`.
    pub minor: String,
}

/// One line of the organiser's attendee list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeRow {
    pub id: i64,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub checked_in: bool,
    pub consent: Option<Consent>,
    /// `kiosk`, `organiser` or `import`.
    pub source: String,
}

/// The list with the total before the display limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeList {
    pub rows: Vec<AttendeeRow>,
    pub total: i64,
}

/// One attendee with their whole consent history (requirement 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeDetail {
    pub id: i64,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub source: String,
    pub registered_at: String,
    pub checked_in_at: Option<String>,
    pub consent: Option<Consent>,
    pub history: Vec<ConsentRecord>,
    /// `/b/{badge token}`: the badge's own address (its QR), for the PNG link.
    pub badge_path: String,
}

/// A consent decision the organiser records at the attendee's request, or the first
/// one when registering on their behalf.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentInput {
    pub choice: Option<Consent>,
    pub guardian_name: String,
    pub guardian_confirmed: bool,
    /// `data:image/png;base64,…` from the signature pad.
    pub signature_data_url: Option<String>,
}

/// Registration by the organiser on the attendee's behalf.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganiserRegistration {
    pub fields: PersonFields,
    pub is_minor: bool,
    pub consent: ConsentInput,
}

/// Which CSV column (by index) fills which field. `full_name` is split at the last
/// space when there are no separate name columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnMapping {
    pub first_name: Option<usize>,
    pub last_name: Option<usize>,
    pub full_name: Option<usize>,
    pub organisation: Option<usize>,
    pub role_title: Option<usize>,
    pub email: Option<usize>,
    pub phone: Option<usize>,
}

/// What the importer read from a CSV before anything is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// `pretix`, `indico`, `hievents` or `generic`.
    pub format: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// Data rows (without the header).
    pub rows: usize,
}

/// One imported attendee's check-in code, shown once for the organiser to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedCode {
    /// The line in the CSV file (the header is line 1).
    pub line: usize,
    pub name: String,
    pub email: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub imported: usize,
    pub codes: Vec<ImportedCode>,
}

/// A pre-registered attendee found at the kiosk: their own name and nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinFound {
    pub name: Option<String>,
}

/// Registration counts for the event page (requirement 13); no personal data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventStats {
    pub registered: i64,
    pub checked_in: i64,
    pub green: i64,
    pub red: i64,
    pub minors: i64,
}

/// The event page: the event and its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventOverview {
    pub event: EventSummary,
    pub stats: EventStats,
}

/// One badge scan as the scanner sends it (issue 4). `client_scan_id` is random per
/// scan, so a queued scan uploaded twice is stored once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScanIn {
    pub client_scan_id: String,
    pub token: String,
    /// The scanning device's clock, RFC 3339.
    pub device_time: Option<String>,
    /// The verdict the device showed; `None` = unknown badge.
    pub shown: Option<Consent>,
}

/// The server's answer per scan: stored, and the badge's current consent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanAck {
    pub client_scan_id: String,
    pub consent: Option<Consent>,
}

/// An event's badge tokens and colours for scanning offline; nothing else.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanCache {
    pub event_id: String,
    pub entries: Vec<(String, Consent)>,
}

/// A photographer's own recent scan: colour and time only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyScan {
    pub at: String,
    pub consent: Option<Consent>,
}

/// A scan in the organiser's event scan log, with the attendee's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventScan {
    pub received_at: String,
    pub device_time: Option<String>,
    pub scanned_by: String,
    pub name: Option<String>,
    pub shown: Option<Consent>,
}

/// The badge token in what a scanner read: a badge URL (`…/b/{token}`, optionally with
/// `/badge.png`, a query or a fragment) or the bare token. `None` when it is neither.
pub fn token_from_scan(input: &str) -> Option<String> {
    let s = input.trim();
    let s = s.split(['?', '#']).next().unwrap_or("");
    let tail = match s.rfind("/b/") {
        Some(i) => &s[i + 3..],
        None if !s.contains('/') => s,
        None => return None,
    };
    let token = tail.split('/').next().unwrap_or("");
    let ok = token.len() == 22
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| token.to_string())
}

#[cfg(test)]
mod scan_tests {
    use super::token_from_scan;

    #[test]
    fn tokens_come_from_urls_or_bare_codes() {
        let t = "AbCdEfGhIjKlMnOpQrStUv";
        assert_eq!(token_from_scan(t).as_deref(), Some(t));
        assert_eq!(
            token_from_scan(&format!(" https://x.example/b/{t}\n")).as_deref(),
            Some(t)
        );
        assert_eq!(
            token_from_scan(&format!("http://127.0.0.1:3000/b/{t}/badge.png?x=1")).as_deref(),
            Some(t)
        );
        assert_eq!(token_from_scan("short"), None);
        assert_eq!(
            token_from_scan("https://x.example/other/AbCdEfGhIjKlMnOpQrStUv"),
            None
        );
        assert_eq!(token_from_scan("AbCdEfGhIjKlMnOpQrSt!v"), None);
    }
}

/// What the badge page `/b/{token}` shows: the colour, in a language the event offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgePage {
    pub consent: Consent,
    pub languages: Vec<String>,
    pub default_lang: String,
}

// ---- Issue 5: the photo library (requirements 11, 14, 16, 22, 23) ----

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
    pub id: String,
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
    pub id: String,
    pub event_id: String,
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
    Attendee { attendee_id: i64 },
}

/// An export ZIP being built or ready.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportStatus {
    pub job: String,
    pub total: usize,
    pub done: usize,
    pub ready: bool,
    pub failed: bool,
}

// ---- Issue 6: data-subject rights and removal cases (requirements 5, 15, 16, 17, 19) ----

/// What a data subject asked for. Every kind is a case with the one-month deadline;
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

    /// Whether the case decides on the person's photos one by one.
    pub fn decides_photos(self) -> bool {
        matches!(self, RequestKind::Removal | RequestKind::Erasure)
    }
}

/// A case's status: received → in review → done or refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Received,
    InReview,
    Done,
    Refused,
}

impl CaseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Received => "received",
            CaseStatus::InReview => "in_review",
            CaseStatus::Done => "done",
            CaseStatus::Refused => "refused",
        }
    }

    pub fn parse(s: &str) -> Option<CaseStatus> {
        [
            CaseStatus::Received,
            CaseStatus::InReview,
            CaseStatus::Done,
            CaseStatus::Refused,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        matches!(self, CaseStatus::Received | CaseStatus::InReview)
    }
}

/// The organiser's decision on one photo of a removal case.
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
    pub status: CaseStatus,
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
    /// The requester's language (`lv` or `en`): the closing message is written in it.
    #[serde(default)]
    pub lang: String,
}

/// How the organiser identifies the person when opening a case on their behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", content = "value", rename_all = "snake_case")]
pub enum CaseSubject {
    /// A scanned or typed badge: the token or the `/b/{token}` address.
    Badge(String),
    /// An attendee found with the search (their row id).
    Attendee(i64),
}

/// A case opened by the organiser (a request by email, phone or letter).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCase {
    pub subject: CaseSubject,
    pub kind: RequestKind,
    #[serde(default)]
    pub message: String,
    /// How identity was checked (required), e.g. "replied from the registered email".
    pub identity_check: String,
    /// The requester's language, `lv` or `en`.
    pub lang: String,
}

/// A case in the event's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: String,
    pub kind: RequestKind,
    pub status: CaseStatus,
    /// The person's name, or "" when the event collects no names (or they were erased).
    pub person: String,
    pub attendee_id: i64,
    pub received_at: String,
    pub due_on: String,
    /// Days until the due date (negative when overdue); `None` once closed.
    pub days_left: Option<i64>,
    pub overdue: bool,
}

/// A photo in a case and the decision on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasePhoto {
    /// The case's own row for the photo (decisions are made on it).
    pub item: i64,
    /// "Photo 1", "Photo 2" … within the case; stays after the photo is deleted.
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
pub struct CaseSuggestion {
    pub photo_id: String,
    pub taken_at: Option<String>,
    pub photographer: String,
    /// Seconds between the scan and the photo.
    pub seconds_apart: i64,
}

/// One place to take a photo down (requirement 16).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Takedown {
    pub id: i64,
    /// The case photo's label ("Photo 2").
    pub label: i64,
    pub channel: String,
    pub url: String,
    pub published_on: String,
    pub done_at: Option<String>,
    /// Why it could not be taken down (e.g. printed brochure), instead of done.
    pub note: String,
}

/// What still stops a case from closing, as codes the page words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseBlocker {
    /// A photo has no decision yet.
    UndecidedPhotos,
    /// A takedown is neither done nor explained.
    OpenTakedowns,
    /// An erasure case closes by erasing the record.
    NotErased,
}

/// The case page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: String,
    pub event_id: String,
    pub event_name: String,
    pub kind: RequestKind,
    pub status: CaseStatus,
    /// `self_service` or `organiser`.
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
    pub attendee_id: i64,
    pub person: String,
    pub consent: Option<Consent>,
    pub erased: bool,
    pub photos: Vec<CasePhoto>,
    pub suggestions: Vec<CaseSuggestion>,
    pub takedowns: Vec<Takedown>,
    pub blockers: Vec<CaseBlocker>,
    /// A reply to copy, in the requester's language.
    pub closing_message: String,
    /// The case's own audit trail, oldest first.
    pub trail: Vec<AuditRow>,
}

/// A decision on one case photo.
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
