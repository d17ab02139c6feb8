//! Editing an event (issue 16 point 4; requirements 12, 18, 19): its name, days, venue
//! and default language, and archiving it. One component per file under
//! `event_edit/`: the form (`edit_form`) and the archive card (`archive_card`).

mod archive_card;
mod edit_form;

use crate::components::auth::RequireManager;
use crate::components::event_loader::EventLoader;
use crate::i18n::*;
use crate::types::EventOverview;
use archive_card::ArchiveCard;
use edit_form::EditForm;
use leptos::prelude::*;

#[component]
pub fn EventEditPage() -> impl IntoView {
    view! {
        <RequireManager>
            <EditPanel/>
        </RequireManager>
    }
}

#[component]
fn EditPanel() -> impl IntoView {
    view! {
        <main id="main" class="page">
            <EventLoader show=|o| view! { <Editor o/> }.into_any()/>
        </main>
    }
}

/// The form and the archive card share the event as it now stands.
#[component]
fn Editor(o: EventOverview) -> impl IntoView {
    let i18n = use_i18n();
    let event = RwSignal::new(o.event);
    let back = format!("/dashboard/events/{}", event.get_untracked().id);
    view! {
        <a href=back>{t!(i18n, edit.back)}</a>
        <h1>{move || { let event = event.get().name; t_string!(i18n, edit.title, event).to_string() }}</h1>
        <p class="lead">{t!(i18n, edit.lead)}</p>
        <EditForm event/>
        <ArchiveCard event/>
    }
}
