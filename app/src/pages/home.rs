use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page">
            <h1>{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
            <div class="cards">
                <section class="card">
                    <h2>{t!(i18n, home.kiosk_title)}</h2>
                    <p>{t!(i18n, home.kiosk_text)}</p>
                    <a class="button primary" href="/kiosk">{t!(i18n, nav.kiosk)}</a>
                </section>
                <section class="card">
                    <h2>{t!(i18n, home.organiser_title)}</h2>
                    <p>{t!(i18n, home.organiser_text)}</p>
                    <a class="button primary" href="/dashboard">{t!(i18n, nav.events)}</a>
                </section>
                <section class="card">
                    <h2>{t!(i18n, home.me_title)}</h2>
                    <p>{t!(i18n, home.me_text)}</p>
                    <a class="button primary" href="/me">{t!(i18n, home.me_link)}</a>
                </section>
            </div>
        </main>
    }
}
