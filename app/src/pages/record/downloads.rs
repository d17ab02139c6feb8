//! Print the record, or download the same record as JSON or CSV (each download is a
//! fresh, audited export in the page's language).

use super::{page_lang, Which};
use crate::api::record::{event_record_export, instance_record_export};
use crate::components::errors::ErrorText;
use crate::components::files::{save_export, ExportFormat as Format};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Downloads(which: Which) -> impl IntoView {
    let i18n = use_i18n();
    let export = Action::new(move |format: &Format| {
        let format = *format;
        let which = which.clone();
        let lang = page_lang(i18n.get_locale_untracked());
        async move {
            let e = match which {
                Which::Event(id) => event_record_export(id, lang).await,
                Which::Instance => instance_record_export(lang).await,
            };
            e.map(|e| (format, e))
        }
    });
    // The file saved, or `Err` when the browser would not save it.
    let started = RwSignal::new(None::<Result<String, ()>>);
    Effect::new(move |_| {
        if let Some(Ok((format, e))) = export.value().get() {
            started.set(Some(save_export(format, &e).ok_or(())));
        }
    });
    let start = move |format: Format| {
        started.set(None);
        export.dispatch(format);
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let _ = window().print();
        }
    };
    view! {
        <div class="record-actions no-print" role="group" aria-label=move || t_string!(i18n, ropa.actions)>
            <button type="button" class="primary" on:click=print>{t!(i18n, ropa.print)}</button>
            <button type="button" class="secondary" disabled=move || export.pending().get() on:click=move |_| start(Format::Json)>
                {t!(i18n, ropa.download_json)}
            </button>
            <button type="button" class="secondary" disabled=move || export.pending().get() on:click=move |_| start(Format::Csv)>
                {t!(i18n, ropa.download_csv)}
            </button>
        </div>
        <div class="no-print">
            {move || export.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, ropa.downloading)}</p> })}
            {move || export.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || started.get().map(|r| match r {
                Ok(file) => view! { <p class="ok" role="status">{t!(i18n, ropa.downloaded, file)}</p> }.into_any(),
                Err(()) => view! { <p class="error" role="alert">{t!(i18n, ropa.download_failed)}</p> }.into_any(),
            })}
        </div>
    }
}
