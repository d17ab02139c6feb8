//! `/dashboard/events/{id}/record`: one event's record of processing.

use super::record_view::RecordView;
use super::{page_lang, Which};
use crate::api::record::event_record;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::PublicId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EventRecordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event = move || PublicId::from_route(params.read().get("id"));
    // A new language is a new record (the server writes its texts), and a new view.
    let data = Resource::new(
        move || (event(), page_lang(i18n.get_locale())),
        |(event_id, lang)| event_record(event_id, lang),
    );
    view! {
        <RequireManager>
            <main id="main" class="page record-page">
                <a class="no-print" href=move || format!("/dashboard/events/{}", event())>
                    {t!(i18n, ropa.back_event)}
                </a>
                <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, ropa.loading)}</p> }>
                    {move || data.get().map(|r| loaded(r, |record| view! { <RecordView record which=Which::Event(event())/> }))}
                </Transition>
            </main>
        </RequireManager>
    }
}
