//! `/e/{event}/privacy`: an event's public privacy page (issue 15 point 5; requirements
//! 2 and 18). No sign-in and nothing personal: the full notice in the event's languages,
//! what the badge colours mean, who is responsible and how to reach them, the purposes,
//! how long the data is kept (and until which day), and how to use `/me` with the
//! private code. An unknown event is the not-found screen with status 404.
//!
//! One component per file under `privacy/`: the page (`privacy_view`), its sections
//! (`contacts`, `purposes`, `periods`, `me_help`, `notices`).

mod contacts;
mod me_help;
mod notices;
mod periods;
mod privacy_view;
mod purposes;

use crate::api::privacy::privacy_page;
use crate::components::errors::ErrorText;
use crate::components::not_found::NotFound;
use crate::i18n::*;
use crate::types::{ApiError, PublicId};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use privacy_view::PrivacyView;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // Blocking: the server waits for it before the response starts, so an unknown event
    // answers 404 and the page's text is in the first bytes.
    let data = Resource::new_blocking(
        move || PublicId::from_route(params.read().get("event")),
        privacy_page,
    );
    view! {
        <Suspense fallback=move || {
            view! {
                <main id="main" class="page">
                    <p class="loading" role="status">{t!(i18n, privacy.loading)}</p>
                </main>
            }
        }>
            {move || {
                data.get()
                    .map(|r| match r {
                        Ok(info) => view! { <PrivacyView info/> }.into_any(),
                        Err(ApiError::NotFound) => view! { <NotFound/> }.into_any(),
                        Err(error) => {
                            view! {
                                <main id="main" class="page">
                                    <ErrorText error/>
                                </main>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
