//! A copy of one attendee's data (JSON or CSV) for an access request, and opening a
//! request on their behalf.

use crate::api::requests::export_attendee;
use crate::components::errors::ErrorText;
use crate::components::files::download_text;
use crate::i18n::*;
use crate::types::{ApiError, AttendeeDetail};
use leptos::prelude::*;

#[component]
pub(super) fn DetailExport(
    detail: RwSignal<AttendeeDetail>,
    event_id: crate::types::PublicId,
) -> impl IntoView {
    let i18n = use_i18n();
    let ev_for_export = StoredValue::new(event_id);
    let exporting = RwSignal::new(false);
    // The file name offered, or why there is none.
    let exported: RwSignal<Option<Result<String, ApiError>>> = RwSignal::new(None);
    let export = move |csv: bool| {
        exporting.set(true);
        exported.set(None);
        let (event, attendee) = (ev_for_export.get_value(), detail.with_untracked(|d| d.id));
        leptos::task::spawn_local(async move {
            let result = export_attendee(event, attendee).await.map(|x| {
                let (name, mime, body) = if csv {
                    (
                        format!("{}.csv", x.file_stem),
                        "text/csv;charset=utf-8",
                        x.csv,
                    )
                } else {
                    (format!("{}.json", x.file_stem), "application/json", x.json)
                };
                download_text(&name, mime, &body);
                name
            });
            exporting.set(false);
            exported.set(Some(result));
        });
    };
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{t!(i18n, att.export_title)}</h2>
            <p class="help">{t!(i18n, att.export_help)}</p>
            <div class="actions">
                <button type="button" class="secondary" disabled=move || exporting.get() on:click=move |_| export(false)>
                    {t!(i18n, att.export_json)}
                </button>
                <button type="button" class="secondary" disabled=move || exporting.get() on:click=move |_| export(true)>
                    {t!(i18n, att.export_csv)}
                </button>
                <a
                    class="button secondary"
                    href=move || format!("/dashboard/events/{}/requests?attendee={}", ev_for_export.get_value(), detail.with(|d| d.id))
                >
                    {t!(i18n, att.open_request)}
                </a>
                // Who saw or changed this person's data (issue 16 point 5).
                <a
                    class="button secondary"
                    href=move || format!("/dashboard/audit?event={}&person={}", ev_for_export.get_value(), detail.with(|d| d.id))
                >
                    {t!(i18n, audit.for_person)}
                </a>
            </div>
            <Show when=move || exporting.get()>
                <p class="loading" role="status">{t!(i18n, att.export_working)}</p>
            </Show>
            {move || {
                exported
                    .get()
                    .map(|r| match r {
                        Ok(file) => view! { <p class="ok" role="status">{t_string!(i18n, att.export_done, file = file).to_string()}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </section>
    }
}
