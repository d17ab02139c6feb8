//! The people ticked so far, over every search and event: how many, and each with its
//! box still ticked, so one chosen by mistake is taken off here.

use super::people_picker::Chosen;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn ChosenPeople(people: RwSignal<Vec<Chosen>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="breach-choices chosen-people">
            <legend>{move || t_string!(i18n, breaches.chosen, n = people.with(Vec::len)).to_string()}</legend>
            <ul class="plain">
                {move || {
                    people
                        .get()
                        .into_iter()
                        .map(|(who, label)| {
                            let id = format!("breach-chosen-{}", who.get());
                            view! {
                                <li>
                                    <label class="check" for=id.clone()>
                                        <input
                                            id=id.clone()
                                            type="checkbox"
                                            checked=true
                                            on:change=move |_| people.update(|p| p.retain(|(a, _)| *a != who))
                                        />
                                        <span>{label}</span>
                                    </label>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </fieldset>
    }
}
