//! The breach register's words in a given language (issue 17): the pages show them in
//! the reader's language, the drafted notifications in the language chosen for them.

use crate::components::person_fields::field_label_in;
use crate::i18n::*;
use crate::types::{BreachKind, BreachRisk, DataCategory, Field, NotifiedTo};

pub fn kind_in(l: Locale, k: BreachKind) -> String {
    match k {
        BreachKind::Confidentiality => td_string!(l, breaches.kind_confidentiality),
        BreachKind::Integrity => td_string!(l, breaches.kind_integrity),
        BreachKind::Availability => td_string!(l, breaches.kind_availability),
    }
    .to_string()
}

pub fn risk_in(l: Locale, r: BreachRisk) -> String {
    match r {
        BreachRisk::Unlikely => td_string!(l, breaches.risk_unlikely),
        BreachRisk::Likely => td_string!(l, breaches.risk_likely),
        BreachRisk::High => td_string!(l, breaches.risk_high),
    }
    .to_string()
}

/// What a risk obliges, in a sentence.
pub fn risk_help_in(l: Locale, r: BreachRisk) -> String {
    match r {
        BreachRisk::Unlikely => td_string!(l, breaches.risk_unlikely_help),
        BreachRisk::Likely => td_string!(l, breaches.risk_likely_help),
        BreachRisk::High => td_string!(l, breaches.risk_high_help),
    }
    .to_string()
}

pub fn category_in(l: Locale, c: DataCategory) -> String {
    use DataCategory as C;
    let field = |f: Field| field_label_in(l, f);
    match c {
        C::FirstName => field(Field::FirstName),
        C::LastName => field(Field::LastName),
        C::Organisation => field(Field::Organisation),
        C::RoleTitle => field(Field::RoleTitle),
        C::Email => field(Field::Email),
        C::Phone => field(Field::Phone),
        C::MinorStatus => td_string!(l, breaches.cat_minor_status).to_string(),
        C::ConsentDecisions => td_string!(l, breaches.cat_consent).to_string(),
        C::Signatures => td_string!(l, breaches.cat_signatures).to_string(),
        C::Photos => td_string!(l, breaches.cat_photos).to_string(),
        C::PrivateCodes => td_string!(l, breaches.cat_private_codes).to_string(),
        C::BadgeTokens => td_string!(l, breaches.cat_badge_tokens).to_string(),
    }
}

pub fn to_in(l: Locale, to: NotifiedTo) -> String {
    match to {
        NotifiedTo::Inspectorate => td_string!(l, breaches.to_inspectorate),
        NotifiedTo::People => td_string!(l, breaches.to_people),
    }
    .to_string()
}

/// `3 h 05 min` from seconds (rounded down to the minute; never negative).
pub fn hours_minutes_in(l: Locale, seconds: i64) -> String {
    let s = seconds.max(0);
    let h = s / 3600;
    let m = format!("{:02}", (s % 3600) / 60);
    td_string!(l, breaches.hours_minutes, h = h, m = m).to_string()
}
