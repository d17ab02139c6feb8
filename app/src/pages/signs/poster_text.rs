//! One language's text on the entrance poster: what happens, what for and on which
//! legal basis, who is responsible and how to reach them, what the badges mean and
//! where to read more.

use crate::i18n::*;
use crate::types::PrivacyInfo;
use leptos::prelude::*;

#[component]
pub(super) fn PosterText(info: PrivacyInfo, locale: Locale, primary: bool) -> impl IntoView {
    let not_set = td_string!(locale, notice.not_set).to_string();
    let or_not_set = |v: &str| {
        if v.trim().is_empty() {
            not_set.clone()
        } else {
            v.trim().to_string()
        }
    };
    let purposes = if info.purposes.is_empty() {
        vec![(not_set.clone(), not_set.clone())]
    } else {
        info.purposes
            .iter()
            .map(|p| (or_not_set(&p.purpose), or_not_set(&p.legal_basis)))
            .collect()
    };
    let facts = purposes
        .into_iter()
        .map(|(purpose, basis)| {
            view! {
                <dt>{td_string!(locale, signs.purpose).to_string()}</dt>
                <dd>{purpose}</dd>
                <dt>{td_string!(locale, signs.basis).to_string()}</dt>
                <dd>{basis}</dd>
            }
        })
        .collect_view();
    let controller = [info.controller_name.trim(), info.controller_address.trim()]
        .into_iter()
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut contacts: Vec<String> = Vec::new();
    if !info.controller_email.is_empty() {
        contacts.push(info.controller_email.clone());
    }
    if !info.dpo_contact.is_empty() {
        contacts
            .push(td_string!(locale, signs.dpo, contact = info.dpo_contact.as_str()).to_string());
    }
    let contacts = if contacts.is_empty() {
        not_set.clone()
    } else {
        contacts.join(" · ")
    };
    let class = if primary {
        "sign-lang sign-primary"
    } else {
        "sign-lang sign-secondary"
    };
    let heading = td_string!(locale, signs.heading).to_string();
    view! {
        <section class=class lang=locale.as_str()>
            {if primary {
                view! { <h3 class="sign-title">{heading}</h3> }.into_any()
            } else {
                view! { <p class="sign-title">{heading}</p> }.into_any()
            }}
            {primary.then(|| view! { <p class="sign-event">{info.event.name.clone()}</p> })}
            <dl class="sign-facts">
                {facts}
                <dt>{td_string!(locale, signs.controller).to_string()}</dt>
                <dd>{or_not_set(&controller)}</dd>
                <dt>{td_string!(locale, signs.contacts).to_string()}</dt>
                <dd>{contacts}</dd>
            </dl>
            <p class="sign-choose">{td_string!(locale, signs.choose_badge).to_string()}</p>
            <p class="sign-more">{td_string!(locale, signs.more, url = info.url.as_str()).to_string()}</p>
        </section>
    }
}
