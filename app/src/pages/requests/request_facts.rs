//! One request's facts (kind, status, deadline, identity check, the person), with
//! starting the review and refusing the request.

use super::ctx::{Area, Ctx};
use super::request_actions::RequestActions;
use super::request_fact_list::RequestFactList;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn RequestFacts(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let refusing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let v = ctx.view;
    Effect::new(move |_| {
        if v.with(|v| !v.status.is_open()) {
            refusing.set(false);
        }
    });
    view! {
        <section class="card" aria-labelledby="request-facts-title">
            <h2 id="request-facts-title">{t!(i18n, requests.facts_title)}</h2>
            <RequestFactList ctx/>
            <Show when=move || ctx.is_open()>
                <RequestActions ctx refusing reason reason_missing/>
            </Show>
            {ctx.outcome_at(Area::Header, move || t_string!(i18n, requests.saved).to_string())}
        </section>
    }
    .into_any()
}
