//! Event settings: registration fields, purposes, badge stock and the notice
//! texts (issue 3; requirements 1, 2, 12).

use super::EventSummary;
use serde::{Deserialize, Serialize};

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

    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == s)
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
    /// Attendee data is kept this many days after the event's last day (issue 15;
    /// requirement 18): see [`EventSettings::periods`].
    pub retention_days: u32,
    /// Photos are kept this many days after the event's last day (at most
    /// `retention_days`: the tags that protect red badges go with the attendee data).
    pub photo_retention_days: u32,
    /// 0: no archive. Otherwise reviewed photos in which everyone shown is green are kept
    /// this many days after the event's last day, for `archive_purpose`, with access
    /// restricted to the event's organisers (seed 000 allows an internal archive).
    pub archive_days: u32,
    pub archive_purpose: String,
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
            photo_retention_days: 365,
            archive_days: 0,
            archive_purpose: String::new(),
            policy_url: String::new(),
            fields: FieldRules::default(),
            print_name: false,
            badge_stock: BadgeStock::Cr80,
            idle_timeout_secs: 60,
            allow_email_lookup: false,
        }
    }
}

/// How long an event's data is kept, in days after the event's last day (issue 15;
/// requirement 18). One value for everything that states or applies a period: the
/// notice, the privacy page, the signs, the record of processing and the purge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periods {
    /// Registration data, consent details, scans, tags, request texts.
    pub attendee_days: u32,
    /// Photo files and rows that are not archived.
    pub photo_days: u32,
    /// 0: no archive; otherwise reviewed photos of green people are kept this long.
    pub archive_days: u32,
}

impl EventSettings {
    /// The periods these settings apply. Settings saved before photos had a period of
    /// their own read as "photos as long as the attendee data", never longer.
    pub fn periods(&self) -> Periods {
        Periods {
            attendee_days: self.retention_days,
            photo_days: self.photo_retention_days.min(self.retention_days),
            archive_days: self.archive_days,
        }
    }
}

/// One language's current notice. A page that shows `text` sends `version` back with
/// the decision, and the server records exactly that version or answers 409
/// `notice_changed` (issue 14 point 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeText {
    pub version: NoticeRef,
    pub lang: String,
    pub text: String,
}

impl NoticeText {
    /// The notice a page shows in `lang`: that language's when there is one, otherwise
    /// the first (the server lists the event's default language first).
    pub fn pick<'a>(notices: &'a [NoticeText], lang: &str) -> Option<&'a NoticeText> {
        notices.iter().find(|n| n.lang == lang).or(notices.first())
    }
}

/// The notice version a page showed: its id and the SHA-256 of its text, both checked
/// when the request is parsed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NoticeRef {
    pub id: super::NoticeVersionId,
    pub sha256: super::Sha256Hex,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSettingsView {
    pub event: EventSummary,
    pub settings: EventSettings,
    pub notices: Vec<NoticeText>,
}
