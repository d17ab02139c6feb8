//! The new red badge after a withdrawal (it prints as the step opens).

use super::parts::done_actions;
use super::state::FlowState;
use crate::components::badge::BadgeView;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn WithdrawnStep(flow: FlowState) -> impl IntoView {
    let FlowState { i18n, withdraw, .. } = flow;
    move || match withdraw.value().get() {
        Some(Ok(badge)) => view! {
            <h1>{t!(i18n, kiosk.withdraw_done)}</h1>
            <div class="badge-print">
                <BadgeView badge/>
            </div>
            {done_actions(flow)}
        }
        .into_any(),
        _ => ().into_any(),
    }
}
