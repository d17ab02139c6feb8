//! `/dashboard/breaches/new`: the events the user manages are loaded, then the form.

use super::new_form::NewForm;
use crate::api::events::list_events;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::EventWhen;
use leptos::prelude::*;

#[component]
pub fn BreachNewPage() -> impl IntoView {
    view! {
        <RequireManager>
            <NewPanel/>
        </RequireManager>
    }
}

#[component]
fn NewPanel() -> impl IntoView {
    let i18n = use_i18n();
    let events = Resource::new(|| (), |_| list_events(Some(EventWhen::All)));
    view! {
        <main id="main" class="page">
            <a href="/dashboard/breaches">{t!(i18n, breaches.back)}</a>
            <h1>{t!(i18n, breaches.new_title)}</h1>
            <p class="lead">{t!(i18n, breaches.new_lead)}</p>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, breaches.loading)}</p> }>
                {move || events.get().map(|r| loaded(r, |list| view! { <NewForm events=list/> }))}
            </Transition>
        </main>
    }
}
