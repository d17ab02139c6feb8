//! The form that records a breach (point 1): when it was discovered and by whom, its
//! types, what happened, the events and the people affected, the categories of data,
//! the numbers, consequences, measures and the risk with its reason. Recorded, it opens
//! the breach's page, where its clocks run.

use super::category_choice::CategoryChoice;
use super::chosen_people::ChosenPeople;
use super::event_choice::EventChoice;
use super::note::Note;
use super::people_picker::{Chosen, PeoplePicker};
use super::risk_choice::RiskChoice;
use crate::api::breaches::record_breach;
use crate::components::breach_words::kind_in;
use crate::components::errors::ErrorText;
use crate::components::required_note::RequiredNote;
use crate::i18n::*;
use crate::types::{BreachInput, BreachKind, BreachRisk, DataCategory, EventSummary, PublicId};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const KINDS: [BreachKind; 3] = [
    BreachKind::Confidentiality,
    BreachKind::Integrity,
    BreachKind::Availability,
];

/// A typed count, or empty for "count for me".
fn count(s: &str) -> Option<u32> {
    s.trim().parse().ok()
}

#[component]
pub(super) fn NewForm(events: Vec<EventSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let discovered_at = RwSignal::new(String::new());
    let discovered_by = RwSignal::new(String::new());
    let kinds = RwSignal::new(Vec::<BreachKind>::new());
    let what = RwSignal::new(String::new());
    let chosen_events = RwSignal::new(Vec::<PublicId>::new());
    let categories = RwSignal::new(Vec::<DataCategory>::new());
    let everyone = RwSignal::new(Vec::<PublicId>::new());
    let people = RwSignal::new(Vec::<Chosen>::new());
    let approx_people = RwSignal::new(String::new());
    let approx_records = RwSignal::new(String::new());
    let consequences = RwSignal::new(String::new());
    let taken = RwSignal::new(String::new());
    let planned = RwSignal::new(String::new());
    let risk = RwSignal::new(None::<BreachRisk>);
    let risk_reason = RwSignal::new(String::new());
    let save = Action::new(|b: &BreachInput| record_breach(b.clone()));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = save.value().get() {
            navigate(&format!("/dashboard/breaches/{id}"), Default::default());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let events = chosen_events.get_untracked();
        // Only the people and "everyone" of events still chosen.
        let everyone_at: Vec<PublicId> = everyone
            .get_untracked()
            .into_iter()
            .filter(|e| events.contains(e))
            .collect();
        save.dispatch(BreachInput {
            discovered_at: discovered_at.get_untracked(),
            discovered_by: discovered_by.get_untracked(),
            kinds: kinds.get_untracked(),
            what_happened: what.get_untracked(),
            events,
            categories: categories.get_untracked(),
            everyone_at,
            people: people.get_untracked().into_iter().map(|(a, _)| a).collect(),
            approx_people: count(&approx_people.get_untracked()),
            approx_records: count(&approx_records.get_untracked()),
            consequences: consequences.get_untracked(),
            measures_taken: taken.get_untracked(),
            measures_planned: planned.get_untracked(),
            risk: risk.get_untracked(),
            risk_reason: risk_reason.get_untracked(),
        });
    };
    let kind_option = move |k: BreachKind| {
        let id = format!(
            "breach-kind-{}",
            KINDS.iter().position(|x| *x == k).unwrap_or(0)
        );
        view! {
            <label class="check" for=id.clone()>
                <input
                    id=id.clone()
                    type="checkbox"
                    prop:checked=move || kinds.with(|x| x.contains(&k))
                    on:change=move |e| super::toggle(kinds, k, event_target_checked(&e))
                />
                <span>{move || kind_in(i18n.get_locale(), k)}</span>
            </label>
        }
    };
    let all_events = events.clone();
    view! {
        <form class="card breach-form" on:submit=submit novalidate>
            <div class="field">
                <label for="breach-at">
                    {t!(i18n, breaches.discovered_at)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                </label>
                <input
                    id="breach-at"
                    type="datetime-local"
                    aria-required="true"
                    prop:value=move || discovered_at.get()
                    on:input=move |e| discovered_at.set(event_target_value(&e))
                />
            </div>
            <div class="field">
                <label for="breach-by">
                    {t!(i18n, breaches.discovered_by)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                </label>
                <input
                    id="breach-by"
                    type="text"
                    aria-required="true"
                    prop:value=move || discovered_by.get()
                    on:input=move |e| discovered_by.set(event_target_value(&e))
                />
            </div>
            <fieldset class="breach-choices">
                <legend>{t!(i18n, breaches.kinds)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span></legend>
                {KINDS.into_iter().map(kind_option).collect_view()}
            </fieldset>
            <RequiredNote id="breach-what" label=move || t!(i18n, breaches.what_happened) value=what/>
            <EventChoice events chosen=chosen_events/>
            {move || {
                let chosen = chosen_events.get();
                all_events
                    .iter()
                    .filter(|e| chosen.contains(&e.id))
                    .cloned()
                    .map(|e| view! { <PeoplePicker event=e everyone people/> })
                    .collect_view()
            }}
            <ChosenPeople people/>
            <CategoryChoice events=chosen_events chosen=categories/>
            <div class="field-row">
                <div class="field">
                    <label for="breach-people">{t!(i18n, breaches.approx_people)}</label>
                    <input
                        id="breach-people"
                        type="number"
                        min="0"
                        inputmode="numeric"
                        aria-describedby="breach-people-help"
                        prop:value=move || approx_people.get()
                        on:input=move |e| approx_people.set(event_target_value(&e))
                    />
                    <p class="help" id="breach-people-help">{t!(i18n, breaches.approx_people_help)}</p>
                </div>
                <div class="field">
                    <label for="breach-records">{t!(i18n, breaches.approx_records)}</label>
                    <input
                        id="breach-records"
                        type="number"
                        min="0"
                        inputmode="numeric"
                        aria-describedby="breach-people-help"
                        prop:value=move || approx_records.get()
                        on:input=move |e| approx_records.set(event_target_value(&e))
                    />
                </div>
            </div>
            <Note id="breach-consequences" label=move || t!(i18n, breaches.consequences) value=consequences/>
            <Note id="breach-taken" label=move || t!(i18n, breaches.measures_taken) value=taken/>
            <Note id="breach-planned" label=move || t!(i18n, breaches.measures_planned) value=planned/>
            <RiskChoice prefix="breach" risk/>
            <RequiredNote id="breach-risk-reason" label=move || t!(i18n, breaches.risk_reason) value=risk_reason/>
            {move || save.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            <button type="submit" class="primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t_string!(i18n, breaches.saving).to_string() } else { t_string!(i18n, breaches.save).to_string() }}
            </button>
        </form>
    }
}
