//! One request's page body: the link back to the list and the request once loaded.

use super::event_param;
use super::request_screen::RequestScreen;
use crate::api::requests::get_request;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub(super) fn RequestPanel() -> AnyView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = event_param();
    let data = Resource::new(
        move || crate::types::PublicId::from_route(params.read().get("request")),
        get_request,
    );
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/requests", event_id.get())>{t!(i18n, requests.back_list)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, requests.loading_request)}</p> }>
                {move || data.get().map(|r| loaded(r, |v| view! { <RequestScreen initial=v/> }))}
            </Transition>
        </main>
    }
    .into_any()
}
