//! `/me`: the words shown for the attendee's consent, its history and their requests.

use super::state::I18n;
use crate::i18n::*;
use crate::types::{Channel, Consent, RequestKind, RequestStatus};

pub(super) fn consent_words(i18n: I18n, c: Option<Consent>) -> String {
    match c {
        Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
        Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
        None => t_string!(i18n, me.consent_none).to_string(),
    }
}

pub(super) fn channel_words(i18n: I18n, c: Channel) -> String {
    match c {
        Channel::Kiosk => t_string!(i18n, me.channel_kiosk).to_string(),
        Channel::Organiser => t_string!(i18n, me.channel_organiser).to_string(),
        Channel::SelfService => t_string!(i18n, me.channel_self).to_string(),
        Channel::BadgeScan => t_string!(i18n, me.channel_scan).to_string(),
    }
}

pub(super) fn kind_words(i18n: I18n, k: RequestKind) -> String {
    match k {
        RequestKind::Removal => t_string!(i18n, me.kind_removal).to_string(),
        RequestKind::Erasure => t_string!(i18n, me.kind_erasure).to_string(),
        RequestKind::Objection => t_string!(i18n, me.kind_objection).to_string(),
        RequestKind::Restriction => t_string!(i18n, me.kind_restriction).to_string(),
    }
}

pub(super) fn status_words(i18n: I18n, s: RequestStatus) -> String {
    match s {
        RequestStatus::Received => t_string!(i18n, me.status_received).to_string(),
        RequestStatus::InReview => t_string!(i18n, me.status_in_review).to_string(),
        RequestStatus::Done => t_string!(i18n, me.status_done).to_string(),
        RequestStatus::Refused => t_string!(i18n, me.status_refused).to_string(),
    }
}
