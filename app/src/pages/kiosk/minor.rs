//! "Are you under 18?"

use super::parts::back;
use super::state::{FlowState, Step};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn MinorStep(flow: FlowState) -> AnyView {
    let FlowState { i18n, draft, .. } = flow;
    let go = move |s: Step| flow.go(s);
    let is_minor = Memo::new(move |_| draft.with(|d| d.is_minor));
    let set = move |v: bool| draft.update(|d| d.is_minor = Some(v));
    view! {
        <h1 id="minor-q">{t!(i18n, kiosk.minor_title)}</h1>
        <div class="choices" role="radiogroup" aria-labelledby="minor-q">
            <button type="button" role="radio" class="choice" aria-checked=move || (is_minor.get() == Some(true)).to_string() on:click=move |_| set(true)>
                {t!(i18n, kiosk.minor_yes)}
            </button>
            <button type="button" role="radio" class="choice" aria-checked=move || (is_minor.get() == Some(false)).to_string() on:click=move |_| set(false)>
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
