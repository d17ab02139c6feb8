//! The welcome screen: register, check in with a code, or change one's photo choice.

use super::state::{FlowState, Step};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn WelcomeStep(flow: FlowState) -> AnyView {
    let FlowState {
        i18n,
        event,
        find,
        check,
        withdraw,
        ..
    } = flow;
    let go = move |s: Step| flow.go(s);
    view! {
        <h1>{move || { let event = event.with_value(|e| e.event_name.clone()); t_string!(i18n, kiosk.paired_title, event).to_string() }}</h1>
        <button type="button" class="primary big" on:click=move |_| go(Step::Notice)>
            {t!(i18n, kiosk.start)}
        </button>
        <button type="button" class="secondary big" on:click=move |_| { find.clear(); go(Step::Checkin); }>
            {t!(i18n, kiosk.checkin_start)}
        </button>
        <button type="button" class="secondary big" on:click=move |_| { check.clear(); withdraw.clear(); go(Step::Withdraw); }>
            {t!(i18n, kiosk.withdraw_start)}
        </button>
    }
    .into_any()
}
