//! "Download these rows (CSV)": the rows the filter selects, as the server writes them
//! (formula-safe, UTF-8, a header row). The download is an audit row of its own.

use crate::api::audit::ExportAudit;
use crate::components::errors::ErrorText;
use crate::components::files::download_text;
use crate::i18n::*;
use crate::types::AuditFilter;
use leptos::prelude::*;

#[component]
pub(super) fn ExportButton(filter: Memo<AuditFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let export = ServerAction::<ExportAudit>::new();
    // Whether the browser took the file, per finished export.
    let handed = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        if let Some(Ok(file)) = export.value().get() {
            handed.set(Some(download_text(
                &file.file_name,
                "text/csv;charset=utf-8",
                &file.csv,
            )));
        }
    });
    view! {
        <p>
            <button
                type="button"
                class="secondary"
                disabled=move || export.pending().get()
                on:click=move |_| {
                    handed.set(None);
                    export.dispatch(ExportAudit { filter: Some(filter.get_untracked()) });
                }
            >
                {move || if export.pending().get() { t_string!(i18n, audit.exporting).to_string() } else { t_string!(i18n, audit.export).to_string() }}
            </button>
        </p>
        {move || match (export.value().get(), handed.get()) {
            (Some(Ok(file)), Some(true)) => {
                let count = file.rows;
                Some(view! { <p class="ok" role="status">{t!(i18n, audit.exported, count)}</p> }.into_any())
            }
            (Some(Ok(_)), Some(false)) => Some(view! { <p class="error" role="alert">{t!(i18n, audit.export_failed)}</p> }.into_any()),
            (Some(Err(e)), _) => Some(view! { <ErrorText error=e/> }.into_any()),
            _ => None,
        }}
    }
    .into_any()
}
