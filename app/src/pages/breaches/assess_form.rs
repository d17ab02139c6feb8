//! A new assessment (point 4): the numbers, consequences, measures and the risk with its
//! reason, filled with the record's current values. Saving adds a dated entry naming
//! the fields that changed.

use super::breach_detail::{Area, Ctx};
use super::note::Note;
use super::risk_choice::RiskChoice;
use crate::api::breaches::assess_breach;
use crate::components::required_note::RequiredNote;
use crate::i18n::*;
use crate::types::BreachAssessment;
use leptos::prelude::*;

#[component]
pub(super) fn AssessForm(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let r = ctx.view.with_untracked(|v| v.record.clone());
    let people = RwSignal::new(r.approx_people.to_string());
    let records = RwSignal::new(r.approx_records.to_string());
    let consequences = RwSignal::new(r.consequences);
    let taken = RwSignal::new(r.measures_taken);
    let planned = RwSignal::new(r.measures_planned);
    let risk = RwSignal::new(Some(r.risk));
    let reason = RwSignal::new(r.risk_reason);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(risk) = risk.get_untracked() else {
            return;
        };
        let a = BreachAssessment {
            approx_people: people.get_untracked().trim().parse().unwrap_or(0),
            approx_records: records.get_untracked().trim().parse().unwrap_or(0),
            consequences: consequences.get_untracked(),
            measures_taken: taken.get_untracked(),
            measures_planned: planned.get_untracked(),
            risk,
            risk_reason: reason.get_untracked(),
        };
        let id = ctx.id();
        ctx.run(Area::Assess, assess_breach(id, a));
    };
    view! {
        <section class="card" aria-labelledby="breach-assess-title">
            <h2 id="breach-assess-title">{t!(i18n, breaches.h_assess)}</h2>
            <form on:submit=submit novalidate>
                <div class="field-row">
                    <div class="field">
                        <label for="assess-people">{t!(i18n, breaches.approx_people)}</label>
                        <input id="assess-people" type="number" min="0" inputmode="numeric" prop:value=move || people.get() on:input=move |e| people.set(event_target_value(&e))/>
                    </div>
                    <div class="field">
                        <label for="assess-records">{t!(i18n, breaches.approx_records)}</label>
                        <input id="assess-records" type="number" min="0" inputmode="numeric" prop:value=move || records.get() on:input=move |e| records.set(event_target_value(&e))/>
                    </div>
                </div>
                <Note id="assess-consequences" label=move || t!(i18n, breaches.consequences) value=consequences/>
                <Note id="assess-taken" label=move || t!(i18n, breaches.measures_taken) value=taken/>
                <Note id="assess-planned" label=move || t!(i18n, breaches.measures_planned) value=planned/>
                <RiskChoice prefix="assess" risk/>
                <RequiredNote id="assess-reason" label=move || t!(i18n, breaches.risk_reason) value=reason/>
                {ctx.outcome_of(Area::Assess, move || view! { <p class="ok" role="status">{t!(i18n, breaches.assess_saved)}</p> }.into_any())}
                <button type="submit" class="secondary" disabled=move || ctx.running.get().is_some()>{t!(i18n, breaches.assess_save)}</button>
            </form>
        </section>
    }
}
