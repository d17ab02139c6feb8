//! The import: the event, the file, the proposed mapping and the codes.

use super::codes_card::CodesCard;
use super::mapping_card::MappingCard;
use crate::api::attendees::{get_event_stats, ImportAttendees, PreviewImport};
use crate::components::errors::ErrorText;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::ColumnMapping;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_params_map;

#[component]
pub(super) fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = Memo::new(move |_| crate::types::PublicId::from_route(params.read().get("id")));
    let csv = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let too_large = RwSignal::new(false);
    let preview = ServerAction::<PreviewImport>::new();
    let import = ServerAction::<ImportAttendees>::new();
    let mapping = RwSignal::new(ColumnMapping::default());
    // The event's name for the heading; an event that is not this organiser's is "not found".
    let event = Resource::new(move || event_id.get(), get_event_stats);

    Effect::new(move |_| {
        if let Some(Ok(p)) = preview.value().get() {
            mapping.set(p.mapping);
        }
    });

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        preview.clear();
        import.clear();
        too_large.set(false);
        csv.set(None);
        // The server refuses more; say so before uploading.
        if file.size() > 2.0 * 1024.0 * 1024.0 {
            too_large.set(true);
            return;
        }
        reading.set(true);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            reading.set(false);
            if let Some(text) = text {
                csv.set(Some(text.clone()));
                preview.dispatch(PreviewImport {
                    event_id: event_id.get_untracked(),
                    csv: text,
                });
            }
        });
    };

    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, att.back_event)}</a>
            <h1>{t!(i18n, imp.title)}</h1>
            <Transition fallback=|| ()>
                {move || event.get().map(|r| loaded(r, |o| view! { <p class="lead">{o.event.name}</p> }))}
            </Transition>
            <p class="help">{t!(i18n, imp.help)}</p>
            <div class="field">
                <label for="imp-file">{t!(i18n, imp.file)}</label>
                <input id="imp-file" type="file" accept=".csv,text/csv" on:change=on_file/>
            </div>
            {move || too_large.get().then(|| view! { <ErrorText error=crate::types::ApiError::BadInput(crate::types::BadInput::ImportTooLarge)/> })}
            {move || (reading.get() || preview.pending().get()).then(|| view! { <p class="loading" role="status">{t!(i18n, imp.reading)}</p> })}
            {move || {
                preview.value()
                    .get()
                    .map(|r| match r {
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        Ok(p) => view! { <MappingCard p event_id csv mapping import/> }.into_any(),
                    })
            }}
            {move || {
                import.value()
                    .get()
                    .map(|r| match r {
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        Ok(o) => view! { <CodesCard o/> }.into_any(),
                    })
            }}
        </main>
    }
}
