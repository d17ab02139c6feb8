//! The retention policy (`retention::policy::TABLES`) in words for the record of
//! processing: what each table holds, in both languages, and the Latvian of the reasons
//! the policy gives for the personal columns it wipes (the policy states them in
//! English). The tests fail when the policy gains a table or a wiped column whose words
//! are missing here, so the record never shows a reason in the wrong language.

use crate::domain::retention::policy::{Class, Table, Wipe};
use crate::i18n::*;
use crate::types::KeptClass;

/// (table, what a row is in English, in Latvian).
const ABOUT: &[(&str, &str, &str)] = &[
    (
        "scans",
        "Badge scans: who was where, when",
        "Identifikatoru skenējumi: kurš kur bija un kad",
    ),
    (
        "photo_tags",
        "Who is in which photo, and where",
        "Kurš ir kurā fotogrāfijā un kur",
    ),
    (
        "consents",
        "Photo choices: the consent history",
        "Fotografēšanas izvēles: piekrišanu vēsture",
    ),
    (
        "signatures",
        "Guardians' drawn signatures",
        "Aizbildņu zīmētie paraksti",
    ),
    (
        "request_photos",
        "Decisions on the photos of a data-subject request",
        "Lēmumi par datu subjekta pieprasījuma fotogrāfijām",
    ),
    (
        "request_takedowns",
        "Takedowns of published photos for a request",
        "Publicētu fotogrāfiju noņemšana pēc pieprasījuma",
    ),
    (
        "requests",
        "Data-subject requests",
        "Datu subjektu pieprasījumi",
    ),
    (
        "breaches",
        "The breach register: each breach's id, who recorded it and when",
        "Pārkāpumu reģistrs: katra pārkāpuma identifikators, kas to reģistrēja un kad",
    ),
    (
        "breach_entries",
        "The breach register's history: the record after each dated change",
        "Pārkāpumu reģistra vēsture: ieraksts pēc katras datētas izmaiņas",
    ),
    (
        "breach_events",
        "The events a recorded breach touches",
        "Pasākumi, kurus skāris reģistrēts pārkāpums",
    ),
    (
        "breach_people",
        "People affected by a recorded breach (ids only; the register keeps the number)",
        "Personas, kuras skāris reģistrēts pārkāpums (tikai identifikatori; reģistrā paliek skaits)",
    ),
    (
        "attendee_corrections",
        "Fields corrected at the person's request: how they asked, the identity check, why",
        "Pēc personas lūguma laboti lauki: kā lūdza, identitātes pārbaude, kāpēc",
    ),
    (
        "attendees",
        "Attendees: the registration",
        "Dalībnieki: reģistrācija",
    ),
    ("photos", "Photos of the event", "Pasākuma fotogrāfijas"),
    (
        "publications",
        "Where photos were published",
        "Kur fotogrāfijas publicētas",
    ),
    (
        "event_counts",
        "Anonymous counts kept after the purge",
        "Anonīmie skaitļi, ko patur pēc dzēšanas",
    ),
    (
        "events",
        "Events and their settings",
        "Pasākumi un to iestatījumi",
    ),
    (
        "notice_versions",
        "Every notice text shown, for proof",
        "Katrs parādītais paziņojuma teksts, pierādījumam",
    ),
    (
        "kiosk_pairings",
        "One-time codes for pairing a tablet",
        "Vienreizēji planšetes savienošanas kodi",
    ),
    (
        "kiosk_devices",
        "Paired kiosk tablets",
        "Savienotās kioska planšetes",
    ),
    (
        "photographer_clocks",
        "Photographers' camera clock offsets",
        "Fotogrāfu kameru pulksteņu nobīdes",
    ),
    (
        "event_photographers",
        "Photographers added to events, with their days",
        "Pasākumiem pievienotie fotogrāfi un viņu dienas",
    ),
    (
        "invitations",
        "One-time invitation links of staff accounts (hashes)",
        "Darbinieku kontu vienreizējās uzaicinājuma saites (jaucējvērtības)",
    ),
    ("users", "Staff accounts", "Darbinieku konti"),
    (
        "sessions",
        "Sign-in sessions of staff and tablets",
        "Darbinieku un planšešu sesijas",
    ),
    (
        "journal_applied",
        "How far the erasure journal is carried out in the database (a number)",
        "Cik tālu dzēšanas žurnāls ir izpildīts datubāzē (skaitlis)",
    ),
    (
        "backup_runs",
        "Backup attempts: when, how big, whether they worked",
        "Rezerves kopiju mēģinājumi: kad, cik lieli, vai izdevās",
    ),
    (
        "audit_log",
        "The audit log: who did what, ids only",
        "Audita žurnāls: kurš ko darīja, tikai identifikatori",
    ),
    (
        "audit_verified",
        "How far the audit chain was verified",
        "Līdz kurai vietai audita ķēde pārbaudīta",
    ),
];

/// The policy's English reasons for wiped columns, in Latvian.
const REASONS_LV: &[(&str, &str)] = &[
    (
        "which device or person recorded it",
        "kura ierīce vai persona to ierakstīja",
    ),
    ("a minor's guardian", "nepilngadīgā aizbildnis"),
    ("the guardian's confirmation", "aizbildņa apstiprinājums"),
    (
        "the guardian's drawn signature",
        "aizbildņa zīmētais paraksts",
    ),
    (
        "the organiser's free text about the person",
        "organizatora brīvais teksts par personu",
    ),
    (
        "the address of a photo of the person",
        "personas fotogrāfijas adrese",
    ),
    ("free text", "brīvs teksts"),
    ("the person's own words", "personas pašas vārdi"),
    (
        "how the person's identity was checked",
        "kā tika pārbaudīta personas identitāte",
    ),
    ("the organiser's free text", "organizatora brīvais teksts"),
    (
        "the badge QR: replaced so no printed badge resolves",
        "identifikatora QR kods: aizstāj, lai neviens izdrukāts identifikators vairs nedarbotos",
    ),
    (
        "the private self-service code",
        "privātais pašapkalpošanās kods",
    ),
    (
        "the pre-registration check-in code",
        "iepriekšējās reģistrācijas ierašanās kods",
    ),
    ("registration field", "reģistrācijas lauks"),
    (
        "the uploaded file's name, which may name a person",
        "augšupielādētā faila nosaukums, kurā var būt personas vārds",
    ),
];

fn is_lv(l: Locale) -> bool {
    l == Locale::lv
}

/// What a row of `table` is; the table's name when this list lacks it (a test fails).
pub fn about(table: &str, l: Locale) -> String {
    ABOUT
        .iter()
        .find(|(t, _, _)| *t == table)
        .map_or(table, |(_, en, lv)| if is_lv(l) { lv } else { en })
        .to_string()
}

/// A wiped column's reason; the policy's English when no Latvian is known (a test fails).
pub fn reason(en: &'static str, l: Locale) -> String {
    if !is_lv(l) {
        return en.to_string();
    }
    REASONS_LV
        .iter()
        .find(|(e, _)| *e == en)
        .map_or(en, |(_, lv)| lv)
        .to_string()
}

/// How a kept row's personal column is wiped, in words.
pub fn how(w: Wipe, l: Locale) -> String {
    match w {
        Wipe::Row => td_string!(l, ropa.wipe_row).to_string(),
        Wipe::Null | Wipe::Empty => td_string!(l, ropa.wipe_empty).to_string(),
        Wipe::Zero => td_string!(l, ropa.wipe_zero).to_string(),
        Wipe::Token => td_string!(l, ropa.wipe_token).to_string(),
        Wipe::Erased => td_string!(l, ropa.wipe_erased).to_string(),
    }
}

/// What happens to a class of columns the attendee-data purge does not wipe.
pub fn kept_label(c: KeptClass, l: Locale) -> String {
    match c {
        KeptClass::Photo => td_string!(l, ropa.kept_photo).to_string(),
        KeptClass::Reduced => td_string!(l, ropa.kept_reduced).to_string(),
        KeptClass::Counts => td_string!(l, ropa.kept_counts).to_string(),
        KeptClass::Operational => td_string!(l, ropa.kept_operational).to_string(),
        KeptClass::Audit => td_string!(l, ropa.kept_audit).to_string(),
    }
}

/// The kept class of a policy class; `None` for personal columns.
pub fn kept_class(c: Class) -> Option<KeptClass> {
    match c {
        Class::Personal(_) => None,
        Class::Photo => Some(KeptClass::Photo),
        Class::Reduced => Some(KeptClass::Reduced),
        Class::Counts => Some(KeptClass::Counts),
        Class::Operational => Some(KeptClass::Operational),
        Class::Audit => Some(KeptClass::Audit),
    }
}

/// The personal columns the purge wipes in rows it keeps, with the policy's reasons.
pub fn wiped_reasons(t: &Table) -> impl Iterator<Item = &'static str> + '_ {
    t.columns.iter().filter_map(|(_, c, why)| match c {
        Class::Personal(w) if *w != Wipe::Row => Some(*why),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::retention::policy::TABLES;

    #[test]
    fn every_table_of_the_policy_is_described_in_both_languages() {
        for t in TABLES {
            assert!(
                ABOUT.iter().any(|(name, _, _)| *name == t.name),
                "table {} has no description for the record of processing",
                t.name
            );
        }
        for (name, en, lv) in ABOUT {
            assert!(
                TABLES.iter().any(|t| t.name == *name),
                "{name} is described but not in the policy"
            );
            assert!(!en.is_empty() && !lv.is_empty() && en != lv, "{name}");
        }
    }

    #[test]
    fn every_wiped_columns_reason_has_its_latvian() {
        for t in TABLES {
            for why in wiped_reasons(t) {
                assert!(
                    REASONS_LV.iter().any(|(en, _)| *en == why),
                    "{}: the reason {why:?} has no Latvian in the record of processing",
                    t.name
                );
                assert_ne!(reason(why, Locale::lv), why);
            }
        }
    }
}
