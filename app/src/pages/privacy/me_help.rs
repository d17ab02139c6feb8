//! How an attendee uses `/me` with the private code the kiosk showed them.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn MeHelp(me_url: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="privacy-me-title">
            <h2 id="privacy-me-title">{t!(i18n, privacy.me_title)}</h2>
            <p>{t!(i18n, privacy.me_text)}</p>
            <p>
                <a class="button primary" href="/me">{t!(i18n, privacy.me_link)}</a>
                " "
                <span class="url-text">{me_url}</span>
            </p>
            <p class="help">{t!(i18n, privacy.me_no_code)}</p>
        </section>
    }
}
