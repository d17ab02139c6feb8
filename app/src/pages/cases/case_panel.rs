//! One request's page body: the link back to the list and the request once loaded.

use super::case_screen::CaseScreen;
use super::event_param;
use crate::api::cases::get_case;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub(super) fn CasePanel() -> AnyView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = event_param();
    let data = Resource::new(
        move || params.read().get("case").unwrap_or_default(),
        get_case,
    );
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/requests", event_id.get())>{t!(i18n, cases.back_list)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, cases.loading_case)}</p> }>
                {move || data.get().map(|r| loaded(r, |v| view! { <CaseScreen initial=v/> }))}
            </Transition>
        </main>
    }
    .into_any()
}
