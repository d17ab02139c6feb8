//! `/dashboard/breaches/{id}`: loads the breach (a read of the people it lists, audited),
//! then its page.

use super::breach_detail::BreachDetail;
use crate::api::breaches::get_breach;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::PublicId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BreachPage() -> impl IntoView {
    view! {
        <RequireManager>
            <BreachPanel/>
        </RequireManager>
    }
}

#[component]
fn BreachPanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| PublicId::from_route(params.read().get("id")));
    let data = Resource::new(move || id.get(), get_breach);
    view! {
        <main id="main" class="page">
            <a href="/dashboard/breaches">{t!(i18n, breaches.back)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, breaches.page_loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |v| view! { <BreachDetail initial=v/> }))}
            </Transition>
        </main>
    }
}
