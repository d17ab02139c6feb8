//! One request's takedown checklist: every place a covered photo was published.

use super::ctx::Ctx;
use super::takedown_item::TakedownItem;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Takedowns(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let ids = move || {
        ctx.view
            .with(|v| v.takedowns.iter().map(|t| t.id).collect::<Vec<_>>())
    };
    view! {
        <section class="card" aria-labelledby="request-td-title">
            <h2 id="request-td-title">{t!(i18n, requests.td_title)}</h2>
            <p class="help">{t!(i18n, requests.td_help)}</p>
            <Show when=move || ctx.view.with(|v| v.takedowns.is_empty())>
                <p class="empty">{t!(i18n, requests.td_none)}</p>
            </Show>
            <ul class="takedowns">
                <For each=ids key=|id| *id children=move |id| view! { <TakedownItem ctx id/> }/>
            </ul>
        </section>
    }
    .into_any()
}
