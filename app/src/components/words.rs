//! Words shared by several pages: a person's name, a photo's state.

use crate::i18n::*;
use crate::types::{PersonFields, PhotoState};

/// First and last name, or "(no name collected)" when neither was.
pub fn full_name(i18n: leptos_i18n::I18nContext<Locale>, p: &PersonFields) -> String {
    let n = [p.first_name.as_deref(), p.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if n.trim().is_empty() {
        t_string!(i18n, att.no_name).to_string()
    } else {
        n
    }
}

/// The words for a photo's publication state.
pub fn state_words(i18n: leptos_i18n::I18nContext<Locale>, s: PhotoState) -> String {
    match s {
        PhotoState::NeedsReview => t_string!(i18n, ph.s_needs_review).to_string(),
        PhotoState::Publishable => t_string!(i18n, ph.s_publishable).to_string(),
        PhotoState::PublishableBlurred => t_string!(i18n, ph.s_publishable_blurred).to_string(),
        PhotoState::Blocked => t_string!(i18n, ph.s_blocked).to_string(),
    }
}
