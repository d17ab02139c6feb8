//! The not-found screen: the router's fallback, and what a public page shows for an
//! unknown id (the privacy page). Answers 404 when it renders before the response starts.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <main id="main" class="page narrow">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.text)}</p>
            <a class="button primary" href="/">{t!(i18n, not_found.back)}</a>
        </main>
    }
}
