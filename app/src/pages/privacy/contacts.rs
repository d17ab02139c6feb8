//! Who is responsible for the event's data and how to reach them.

use crate::i18n::*;
use crate::types::PrivacyInfo;
use leptos::prelude::*;

#[component]
pub(super) fn Contacts(info: PrivacyInfo) -> impl IntoView {
    let i18n = use_i18n();
    let value = move |v: String| {
        move || {
            if v.is_empty() {
                t_string!(i18n, notice.not_set).to_string()
            } else {
                v.clone()
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="privacy-contacts-title">
            <h2 id="privacy-contacts-title">{t!(i18n, privacy.contacts_title)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, privacy.controller)}</dt>
                <dd>{value(info.controller_name.clone())}</dd>
                <dt>{t!(i18n, privacy.address)}</dt>
                <dd>{value(info.controller_address.clone())}</dd>
                <dt>{t!(i18n, privacy.email)}</dt>
                <dd>{value(info.controller_email.clone())}</dd>
                <dt>{t!(i18n, privacy.dpo)}</dt>
                <dd>{value(info.dpo_contact.clone())}</dd>
            </dl>
        </section>
    }
}
