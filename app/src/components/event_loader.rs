//! The event named by the route's `:id`, loaded for a manager's page (the event page and
//! its edit page share it): a loading line, then the page, or the error in words.

use crate::api::attendees::get_event_stats;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::EventOverview;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Loads the route's event once and shows it with `show`.
#[component]
pub fn EventLoader(show: fn(EventOverview) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = Resource::new(
        move || crate::types::PublicId::from_route(params.read().get("id")),
        get_event_stats,
    );
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, ev.loading)}</p> }>
            {move || data.get().map(|r| loaded(r, show))}
        </Transition>
    }
}
