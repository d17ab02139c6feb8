//! A consent value shown as a tag (the attendee pages, requests and the self-service
//! page).

use crate::components::badge::ConsentIcon;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

fn consent_words(i18n: leptos_i18n::I18nContext<Locale>, c: Option<Consent>) -> String {
    match c {
        Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
        Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
        None => t_string!(i18n, att.consent_none).to_string(),
    }
}

/// A consent value with its icon and words (never colour alone).
#[component]
pub fn ConsentTag(consent: Option<Consent>) -> impl IntoView {
    let i18n = use_i18n();
    let class = match consent {
        Some(c) => format!("consent-tag {}", c.as_str()),
        None => "consent-tag none".to_string(),
    };
    view! {
        <span class=class>
            {consent.map(|c| view! { <ConsentIcon consent=c/> })}
            {move || consent_words(i18n, consent)}
        </span>
    }
}
