//! `/me`: downloading the attendee's data (JSON, CSV).

use super::state::Me;
use crate::api::me::me_export;
use crate::components::errors::ErrorText;
use crate::components::files::{save_export, ExportFormat as Format};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Export(me: Me) -> AnyView {
    let i18n = use_i18n();
    let export = Action::new(move |format: &Format| {
        let format = *format;
        let session = me.session.get_value();
        let code = me.code.get_untracked();
        async move { me_export(code).await.map(|e| (format, session, e)) }
    });
    // The file saved, or `Err` when the browser would not save it.
    let started = RwSignal::new(None::<Result<String, ()>>);
    Effect::new(move |_| {
        if let Some(Ok((format, session, e))) = export.value().get() {
            if me.session.try_get_value() != Some(session) {
                return;
            }
            started.set(Some(save_export(format, &e).ok_or(())));
        }
    });
    let start = move |format: Format| {
        started.set(None);
        export.dispatch(format);
    };
    view! {
        <div class="me-export">
            <p class="help">{t!(i18n, me.export_help)}</p>
            <div class="actions">
                <button type="button" class="primary" disabled=move || export.pending().get() on:click=move |_| start(Format::Json)>
                    {t!(i18n, me.export_json)}
                </button>
                <button type="button" class="primary" disabled=move || export.pending().get() on:click=move |_| start(Format::Csv)>
                    {t!(i18n, me.export_csv)}
                </button>
            </div>
            {move || export.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, me.exporting)}</p> })}
            {move || export.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || started.get().map(|r| match r {
                Ok(file) => view! { <p class="ok" role="status">{t!(i18n, me.exported, file)}</p> }.into_any(),
                Err(()) => view! { <p class="error" role="alert">{t!(i18n, me.export_failed)}</p> }.into_any(),
            })}
        </div>
    }
    .into_any()
}
