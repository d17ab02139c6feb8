//! The photo choice: green or red.

use super::parts::back;
use super::state::{Draft, FlowState, Step};
use crate::components::badge::ConsentIcon;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

#[component]
pub(super) fn ChoiceStep(flow: FlowState) -> AnyView {
    let FlowState { i18n, draft, .. } = flow;
    let go = move |s: Step| flow.go(s);
    let choice = Memo::new(move |_| draft.with(|d| d.choice));
    let set = move |c: Consent| draft.update(|d| d.choice = Some(c));
    let after_choice = move || {
        if draft.with_untracked(Draft::minor_green) {
            Step::Guardian
        } else {
            Step::Confirm
        }
    };
    view! {
        <h1 id="choice-q">{t!(i18n, kiosk.choice_title)}</h1>
        <p class="lead">{t!(i18n, kiosk.choice_help)}</p>
        <div class="choices photo-choices" role="radiogroup" aria-labelledby="choice-q">
            <button type="button" role="radio" class="choice photo green" aria-checked=move || (choice.get() == Some(Consent::Green)).to_string() on:click=move |_| set(Consent::Green)>
                <ConsentIcon consent=Consent::Green/>
                <span>{t!(i18n, kiosk.choice_green)}</span>
            </button>
            <button type="button" role="radio" class="choice photo red" aria-checked=move || (choice.get() == Some(Consent::Red)).to_string() on:click=move |_| set(Consent::Red)>
                <ConsentIcon consent=Consent::Red/>
                <span>{t!(i18n, kiosk.choice_red)}</span>
            </button>
        </div>
        <div class="actions">
            {back(flow, Step::Minor)}
            <button type="button" class="primary" disabled=move || choice.get().is_none() on:click=move |_| go(after_choice())>
                {t!(i18n, kiosk.next)}
            </button>
        </div>
    }
    .into_any()
}
