//! The risk to people (seed 002 §5.2) as three radio buttons, each saying what it
//! obliges: unlikely (the register only), likely (the inspectorate in 72 hours), high
//! (also the people affected in 12 hours).

use crate::components::breach_words::{risk_help_in, risk_in};
use crate::i18n::*;
use crate::types::BreachRisk;
use leptos::prelude::*;

#[component]
pub(super) fn RiskChoice(
    /// Radio names and ids start with it (two forms on one page).
    prefix: &'static str,
    risk: RwSignal<Option<BreachRisk>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |r: BreachRisk| {
        let id = format!(
            "{prefix}-risk-{}",
            match r {
                BreachRisk::Unlikely => "unlikely",
                BreachRisk::Likely => "likely",
                BreachRisk::High => "high",
            }
        );
        view! {
            <label class="check" for=id.clone()>
                <input
                    id=id.clone()
                    type="radio"
                    name=format!("{prefix}-risk")
                    prop:checked=move || risk.get() == Some(r)
                    on:change=move |_| risk.set(Some(r))
                />
                <span>
                    <strong>{move || risk_in(i18n.get_locale(), r)}</strong>
                    " – " {move || risk_help_in(i18n.get_locale(), r)}
                </span>
            </label>
        }
    };
    view! {
        <fieldset class="breach-choices">
            <legend>{t!(i18n, breaches.risk)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span></legend>
            {[BreachRisk::Unlikely, BreachRisk::Likely, BreachRisk::High].into_iter().map(option).collect_view()}
        </fieldset>
    }
}
