//! Download the whole register the user may see, as CSV or JSON (point 4). Each
//! download is a fresh export, audited by the server.

use crate::api::breaches::export_breaches;
use crate::components::errors::ErrorText;
use crate::components::files::{save_export, ExportFormat as Format};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn ExportButtons() -> impl IntoView {
    let i18n = use_i18n();
    let export = Action::new(move |format: &Format| {
        let format = *format;
        async move { export_breaches().await.map(|e| (format, e)) }
    });
    let saved = RwSignal::new(None::<Result<String, ()>>);
    Effect::new(move |_| {
        if let Some(Ok((format, e))) = export.value().get() {
            saved.set(Some(save_export(format, &e).ok_or(())));
        }
    });
    let start = move |f: Format| {
        saved.set(None);
        export.dispatch(f);
    };
    view! {
        <div class="record-actions" role="group">
            <button type="button" class="secondary" disabled=move || export.pending().get() on:click=move |_| start(Format::Csv)>
                {t!(i18n, breaches.export_csv)}
            </button>
            <button type="button" class="secondary" disabled=move || export.pending().get() on:click=move |_| start(Format::Json)>
                {t!(i18n, breaches.export_json)}
            </button>
        </div>
        {move || export.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, breaches.exporting)}</p> })}
        {move || export.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
        {move || saved.get().map(|r| match r {
            Ok(file) => view! { <p class="ok" role="status">{t!(i18n, breaches.exported, file)}</p> }.into_any(),
            Err(()) => view! { <p class="error" role="alert">{t!(i18n, breaches.export_failed)}</p> }.into_any(),
        })}
    }
}
