//! The event's name, days, venue and default language. Saving renders the notice again:
//! a changed text (the name is in it) becomes a new notice version. The last day moves
//! the retention clock, so it cannot move later than people already registered were
//! promised (the server says how far it may go).

use crate::api::events::UpdateEvent;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{EventSummary, NewEvent};
use leptos::prelude::*;

#[component]
pub(super) fn EditForm(event: RwSignal<EventSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<UpdateEvent>::new();
    let e = event.get_untracked();
    let name = RwSignal::new(e.name.clone());
    let starts_on = RwSignal::new(e.starts_on.clone().unwrap_or_default());
    let ends_on = RwSignal::new(e.ends_on.clone().unwrap_or_default());
    let venue = RwSignal::new(e.venue.clone());
    let lang = RwSignal::new(e.default_lang.clone());
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            event.set(saved);
        }
    });
    let archived = move || event.with(|e| e.archived_at.is_some());
    let input = |s: RwSignal<String>| move |ev| s.set(event_target_value(&ev));
    view! {
        <form
            class="settings"
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(UpdateEvent {
                    event_id: event.get_untracked().id,
                    event: NewEvent {
                        name: name.get_untracked(),
                        starts_on: Some(starts_on.get_untracked()),
                        ends_on: Some(ends_on.get_untracked()),
                        venue: venue.get_untracked(),
                        default_lang: lang.get_untracked(),
                    },
                });
            }
        >
            <fieldset disabled=archived>
                <legend>{t!(i18n, edit.legend)}</legend>
                <Show when=archived>
                    <p class="help">{t!(i18n, edit.archived_help)}</p>
                </Show>
                <div class="field">
                    <label for="ed-name">{t!(i18n, events.name)}</label>
                    <input id="ed-name" required maxlength="200" prop:value=move || name.get() on:input=input(name)/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="ed-start">{t!(i18n, events.starts_on)}</label>
                        <input id="ed-start" type="date" prop:value=move || starts_on.get() on:input=input(starts_on)/>
                    </div>
                    <div class="field">
                        <label for="ed-end">{t!(i18n, events.ends_on)}</label>
                        <input
                            id="ed-end"
                            type="date"
                            required
                            aria-describedby="ed-end-help"
                            prop:value=move || ends_on.get()
                            on:input=input(ends_on)
                        />
                        <p id="ed-end-help" class="help">{t!(i18n, edit.end_help)}</p>
                    </div>
                </div>
                <div class="field">
                    <label for="ed-venue">{t!(i18n, events.venue)}</label>
                    <input id="ed-venue" maxlength="200" prop:value=move || venue.get() on:input=input(venue)/>
                </div>
                <div class="field">
                    <label for="ed-lang">{t!(i18n, events.default_lang)}</label>
                    <select id="ed-lang" prop:value=move || lang.get() on:change=input(lang)>
                        <option value="lv" selected=move || lang.get() == "lv">{t!(i18n, lang.lv)}</option>
                        <option value="en" selected=move || lang.get() == "en">{t!(i18n, lang.en)}</option>
                    </select>
                </div>
                {move || {
                    save.value()
                        .get()
                        .map(|r| match r {
                            Ok(_) => view! { <p class="ok" role="status">{t!(i18n, edit.saved)}</p> }.into_any(),
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
                <button type="submit" class="primary" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { t_string!(i18n, edit.saving).to_string() } else { t_string!(i18n, edit.save).to_string() }}
                </button>
            </fieldset>
        </form>
    }
}
