//! Words shared by several pages: a person's name, a photo's state, an account's role
//! and status.

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

/// The words for an account's role.
pub fn role_words(i18n: leptos_i18n::I18nContext<Locale>, r: crate::types::Role) -> String {
    use crate::types::Role;
    match r {
        Role::Admin => t_string!(i18n, accounts.role_admin).to_string(),
        Role::Organiser => t_string!(i18n, accounts.role_organiser).to_string(),
        Role::Photographer => t_string!(i18n, accounts.role_photographer).to_string(),
    }
}

/// The words for an account's status.
pub fn status_words(
    i18n: leptos_i18n::I18nContext<Locale>,
    s: crate::types::AccountStatus,
) -> String {
    use crate::types::AccountStatus;
    match s {
        AccountStatus::Active => t_string!(i18n, accounts.status_active).to_string(),
        AccountStatus::Invited => t_string!(i18n, accounts.status_invited).to_string(),
        AccountStatus::Disabled => t_string!(i18n, accounts.status_disabled).to_string(),
    }
}
