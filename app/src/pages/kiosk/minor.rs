//! "Are you under 18?"

use super::parts::back;
use super::state::{FlowState, Step};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn MinorStep(flow: FlowState) -> AnyView {
    let FlowState { i18n, is_minor, .. } = flow;
    let go = move |s: Step| flow.go(s);
    view! {
        <h1 id="minor-q">{t!(i18n, kiosk.minor_title)}</h1>
        <div class="choices" role="radiogroup" aria-labelledby="minor-q">
            <button type="button" role="radio" class="choice" aria-checked=move || (is_minor.get() == Some(true)).to_string() on:click=move |_| is_minor.set(Some(true))>
                {t!(i18n, kiosk.minor_yes)}
            </button>
            <button type="button" role="radio" class="choice" aria-checked=move || (is_minor.get() == Some(false)).to_string() on:click=move |_| is_minor.set(Some(false))>
                {t!(i18n, kiosk.minor_no)}
            </button>
        </div>
        <div class="actions">
            {back(flow, Step::Notice)}
            <button type="button" class="primary" disabled=move || is_minor.get().is_none() on:click=move |_| go(Step::Choice)>
                {t!(i18n, kiosk.next)}
            </button>
        </div>
    }
    .into_any()
}
