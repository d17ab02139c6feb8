//! Words and formats shared by the request screens: kinds, statuses, channels, places,
//! languages, day counts, dates and which addresses may become links.

use super::I18n;
use crate::i18n::*;
use crate::types::AttendeeId;
use crate::types::{PhotoDecision, RequestBlocker, RequestKind, RequestStatus};

pub fn kind_words(i18n: I18n, k: RequestKind) -> String {
    match k {
        RequestKind::Removal => t_string!(i18n, requests.kind_removal).to_string(),
        RequestKind::Erasure => t_string!(i18n, requests.kind_erasure).to_string(),
        RequestKind::Objection => t_string!(i18n, requests.kind_objection).to_string(),
        RequestKind::Restriction => t_string!(i18n, requests.kind_restriction).to_string(),
    }
}

pub fn status_words(i18n: I18n, s: RequestStatus) -> String {
    match s {
        RequestStatus::Received => t_string!(i18n, requests.st_received).to_string(),
        RequestStatus::InReview => t_string!(i18n, requests.st_in_review).to_string(),
        RequestStatus::Done => t_string!(i18n, requests.st_done).to_string(),
        RequestStatus::Refused => t_string!(i18n, requests.st_refused).to_string(),
    }
}

/// The person's name, or "Attendee #12" when there is none (not collected, or erased).
pub(super) fn person_words(i18n: I18n, person: &str, attendee_id: AttendeeId) -> String {
    if person.trim().is_empty() {
        t_string!(i18n, requests.unnamed, id = attendee_id).to_string()
    } else {
        person.to_string()
    }
}

pub(super) fn photo_label(i18n: I18n, n: i64) -> String {
    t_string!(i18n, requests.photo_label, n = n).to_string()
}

pub(super) fn decision_words(i18n: I18n, d: Option<PhotoDecision>) -> String {
    match d {
        None => t_string!(i18n, requests.undecided).to_string(),
        Some(PhotoDecision::Delete) => t_string!(i18n, requests.did_delete).to_string(),
        Some(PhotoDecision::Blur) => t_string!(i18n, requests.did_blur).to_string(),
        Some(PhotoDecision::Keep) => t_string!(i18n, requests.did_keep).to_string(),
    }
}

pub(super) fn blocker_words(i18n: I18n, b: RequestBlocker) -> String {
    match b {
        RequestBlocker::UndecidedPhotos => t_string!(i18n, requests.bl_undecided).to_string(),
        RequestBlocker::OpenTakedowns => t_string!(i18n, requests.bl_takedowns).to_string(),
        RequestBlocker::NotErased => t_string!(i18n, requests.bl_not_erased).to_string(),
    }
}

pub(super) fn channel_words(i18n: I18n, c: &str) -> String {
    match c {
        "self_service" => t_string!(i18n, requests.ch_self).to_string(),
        "organiser" => t_string!(i18n, requests.ch_organiser).to_string(),
        "kiosk" => t_string!(i18n, requests.ch_kiosk).to_string(),
        other => other.replace('_', " "),
    }
}

/// The channel in one word, for the list's column ("Kiosk").
pub(super) fn channel_short(i18n: I18n, c: &str) -> String {
    match c {
        "self_service" => t_string!(i18n, requests.chs_self).to_string(),
        "organiser" => t_string!(i18n, requests.chs_organiser).to_string(),
        "kiosk" => t_string!(i18n, requests.chs_kiosk).to_string(),
        other => other.replace('_', " "),
    }
}

/// Where a photo was published (the ledger's channel codes).
pub(super) fn place_words(i18n: I18n, c: &str) -> String {
    match c {
        "website" => t_string!(i18n, ph.ch_website).to_string(),
        "social" => t_string!(i18n, ph.ch_social).to_string(),
        "press" => t_string!(i18n, ph.ch_press).to_string(),
        "print" => t_string!(i18n, ph.ch_print).to_string(),
        other => other.to_string(),
    }
}

pub(super) fn lang_words(i18n: I18n, l: &str) -> String {
    match l {
        "lv" => t_string!(i18n, lang.lv).to_string(),
        "en" => t_string!(i18n, lang.en).to_string(),
        other => other.to_string(),
    }
}

/// Whether `n` takes the singular ("1 day", "21 diena") in the current language.
pub(super) fn singular(locale: Locale, n: i64) -> bool {
    match locale {
        Locale::en => n == 1,
        Locale::lv => n % 10 == 1 && n % 100 != 11,
    }
}

/// `2026-11-23T10:00:00Z` → `2026-11-23`.
pub(super) fn date_of(t: &str) -> String {
    t.get(..10).unwrap_or(t).to_string()
}

/// Only web addresses become links (never `javascript:` or the like).
pub(super) fn is_web_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latvian_and_english_singulars() {
        for n in [1, 21, 31, 101] {
            assert!(singular(Locale::lv, n), "{n}");
        }
        for n in [0, 2, 10, 11, 12, 111] {
            assert!(!singular(Locale::lv, n), "{n}");
        }
        assert!(singular(Locale::en, 1));
        assert!(!singular(Locale::en, 21));
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(is_web_url(" HTTP://x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(""));
    }

    #[test]
    fn dates_are_cut_to_the_day() {
        assert_eq!(date_of("2026-11-23T10:00:00Z"), "2026-11-23");
        assert_eq!(date_of("short"), "short");
    }
}
