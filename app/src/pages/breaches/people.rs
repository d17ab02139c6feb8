//! The people the breach lists as affected, grouped by nothing but named as their event
//! collected, with the download of their contact details (point 3).

use super::breach_detail::Ctx;
use super::contacts_button::ContactsButton;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn People(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let v = ctx.view;
    view! {
        <section class="card" aria-labelledby="breach-people-title">
            <h2 id="breach-people-title">{move || t_string!(i18n, breaches.h_people, n = v.with(|v| v.people.len())).to_string()}</h2>
            {move || {
                let people = v.with(|v| v.people.clone());
                if people.is_empty() {
                    view! { <p class="empty">{t!(i18n, breaches.people_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain breach-people-list">
                            {people
                                .into_iter()
                                .map(|p| {
                                    let label = p.label.clone();
                                    view! {
                                        <li>{move || if label.is_empty() { t_string!(i18n, breaches.unnamed).to_string() } else { label.clone() }}</li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <ContactsButton ctx/>
                    }
                        .into_any()
                }
            }}
            <p class="help">{t!(i18n, breaches.people_erased_note)}</p>
        </section>
    }
}
