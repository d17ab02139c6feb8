//! The categories of data a breach concerns: the registration fields the chosen events
//! collect, then what every event holds (consent decisions, signatures, photos, codes).
//! Asked of the server each time the chosen events change.

use super::toggle;
use crate::api::breaches::breach_categories;
use crate::components::breach_words::category_in;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{DataCategory, PublicId};
use leptos::prelude::*;

#[component]
pub(super) fn CategoryChoice(
    events: RwSignal<Vec<PublicId>>,
    chosen: RwSignal<Vec<DataCategory>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let offered = Action::new(|events: &Vec<PublicId>| breach_categories(events.clone()));
    Effect::new(move |_| {
        let e = events.get();
        if !e.is_empty() {
            offered.dispatch(e);
        }
    });
    // Drop a chosen category the events no longer offer.
    Effect::new(move |_| {
        if let Some(Ok(list)) = offered.value().get() {
            chosen.update(|c| c.retain(|x| list.contains(x)));
        }
    });
    let option = move |c: DataCategory| {
        let id = format!("breach-cat-{}", c.as_str());
        view! {
            <label class="check" for=id.clone()>
                <input
                    id=id.clone()
                    type="checkbox"
                    prop:checked=move || chosen.with(|x| x.contains(&c))
                    on:change=move |e| toggle(chosen, c, event_target_checked(&e))
                />
                <span>{move || category_in(i18n.get_locale(), c)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="breach-choices">
            <legend>{t!(i18n, breaches.categories)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span></legend>
            {move || {
                if events.with(Vec::is_empty) {
                    return view! { <p class="help">{t!(i18n, breaches.categories_hint)}</p> }.into_any();
                }
                match offered.value().get() {
                    Some(Ok(list)) => list.into_iter().map(option).collect_view().into_any(),
                    Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
                    None => view! { <p class="loading" role="status">{t!(i18n, breaches.searching)}</p> }.into_any(),
                }
            }}
        </fieldset>
    }
}
