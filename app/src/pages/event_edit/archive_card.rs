//! Archiving the event, or taking it out of the archive (issue 16 point 4): what an
//! archived event still allows is said before the button.

use crate::api::events::ArchiveEvent;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::EventSummary;
use leptos::prelude::*;

#[component]
pub(super) fn ArchiveCard(event: RwSignal<EventSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let archive = ServerAction::<ArchiveEvent>::new();
    Effect::new(move |_| {
        if let Some(Ok(e)) = archive.value().get() {
            event.set(e);
        }
    });
    let archived = move || event.with(|e| e.archived_at.is_some());
    view! {
        <section class="card" aria-labelledby="archive-title">
            <h2 id="archive-title">{t!(i18n, edit.archive_title)}</h2>
            <Show
                when=archived
                fallback=move || view! { <p>{t!(i18n, edit.archive_text)}</p> }
            >
                <p class="tag archived">{t!(i18n, events.archived_tag)}</p>
                <p>{t!(i18n, edit.archived_text)}</p>
            </Show>
            <button
                type="button"
                class="secondary"
                disabled=move || archive.pending().get()
                on:click=move |_| {
                    archive.dispatch(ArchiveEvent { event_id: event.get_untracked().id, archived: !archived() });
                }
            >
                {move || if archived() { t_string!(i18n, edit.unarchive).to_string() } else { t_string!(i18n, edit.archive).to_string() }}
            </button>
            {move || {
                archive.value()
                    .get()
                    .map(|r| match r {
                        Ok(e) if e.archived_at.is_some() => view! { <p class="ok" role="status">{t!(i18n, edit.archived_done)}</p> }.into_any(),
                        Ok(_) => view! { <p class="ok" role="status">{t!(i18n, edit.unarchived_done)}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </section>
    }
}
