//! Words shared by the photo page's parts: who a tag is, a consent, a publication reason.

use crate::i18n::*;
use crate::types::{Consent, GateReason};

/// "Anna Bērziņa" for organisers, "Person 2" for photographers.
pub(super) fn who(
    i18n: leptos_i18n::I18nContext<Locale>,
    name: &Option<String>,
    n: usize,
) -> String {
    name.clone()
        .unwrap_or_else(|| t_string!(i18n, ph.person, n = n.to_string()).to_string())
}

pub(super) fn consent_words(i18n: leptos_i18n::I18nContext<Locale>, c: Option<Consent>) -> String {
    match c {
        Some(Consent::Green) => t_string!(i18n, ev.green).to_string(),
        Some(Consent::Red) => t_string!(i18n, ev.red).to_string(),
        None => t_string!(i18n, att.consent_none).to_string(),
    }
}

pub(super) fn reason_text(i18n: leptos_i18n::I18nContext<Locale>, r: &GateReason) -> String {
    match r {
        GateReason::NotReviewed => t_string!(i18n, ph.r_not_reviewed).to_string(),
        GateReason::NoPeople => t_string!(i18n, ph.r_no_people).to_string(),
        GateReason::AllGreen { people } => {
            t_string!(i18n, ph.r_all_green, n = people.to_string()).to_string()
        }
        GateReason::Red { tag, name, .. } => {
            t_string!(i18n, ph.r_red, who = who(i18n, name, *tag)).to_string()
        }
        GateReason::RemovalPending { tag, name } => {
            t_string!(i18n, ph.r_removal, who = who(i18n, name, *tag)).to_string()
        }
        GateReason::NoChoiceYet { tag, name } => {
            t_string!(i18n, ph.r_no_choice, who = who(i18n, name, *tag)).to_string()
        }
        GateReason::Blurred { people } => {
            t_string!(i18n, ph.r_blurred, n = people.to_string()).to_string()
        }
        GateReason::AwaitingReview => t_string!(i18n, ph.r_awaiting_review).to_string(),
        GateReason::Held => t_string!(i18n, ph.r_held).to_string(),
    }
}
