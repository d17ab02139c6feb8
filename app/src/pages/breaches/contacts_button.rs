//! "Download their contact details (CSV)": the names, email and phone the events
//! collected of the people listed, formula-safe; the download is audited.

use super::breach_detail::Ctx;
use crate::api::breaches::download_breach_contacts;
use crate::components::errors::ErrorText;
use crate::components::files::download_text;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn ContactsButton(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let fetch = Action::new(|id: &crate::types::PublicId| download_breach_contacts(id.clone()));
    let saved = RwSignal::new(None::<Result<(String, usize), ()>>);
    Effect::new(move |_| {
        if let Some(Ok(f)) = fetch.value().get() {
            let ok = download_text(&f.file_name, "text/csv;charset=utf-8", &f.csv);
            saved.set(Some(if ok {
                Ok((f.file_name.clone(), f.rows))
            } else {
                Err(())
            }));
        }
    });
    view! {
        <p>
            <button
                type="button"
                class="secondary"
                disabled=move || fetch.pending().get()
                on:click=move |_| {
                    saved.set(None);
                    fetch.dispatch(ctx.id());
                }
            >
                {t!(i18n, breaches.contacts)}
            </button>
        </p>
        {move || fetch.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
        {move || saved.get().map(|r| match r {
            Ok((file, n)) => view! { <p class="ok" role="status">{t!(i18n, breaches.contacts_saved, file, n)}</p> }.into_any(),
            Err(()) => view! { <p class="error" role="alert">{t!(i18n, breaches.export_failed)}</p> }.into_any(),
        })}
    }
}
