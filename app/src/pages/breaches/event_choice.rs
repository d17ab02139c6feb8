//! Which events a breach concerns: a check box per event the user manages.

use super::toggle;
use crate::i18n::*;
use crate::types::{EventSummary, PublicId};
use leptos::prelude::*;

#[component]
pub(super) fn EventChoice(
    events: Vec<EventSummary>,
    chosen: RwSignal<Vec<PublicId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = events.is_empty();
    view! {
        <fieldset class="breach-choices">
            <legend>{t!(i18n, breaches.events_legend)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span></legend>
            {empty.then(|| view! { <p class="empty">{t!(i18n, breaches.no_events)}</p> })}
            {events
                .into_iter()
                .map(|e| {
                    let id = format!("breach-event-{}", e.id);
                    let ev = e.id.clone();
                    let ev2 = e.id.clone();
                    view! {
                        <label class="check" for=id.clone()>
                            <input
                                id=id.clone()
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&ev))
                                on:change=move |e| toggle(chosen, ev2.clone(), event_target_checked(&e))
                            />
                            <span>{e.name.clone()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
