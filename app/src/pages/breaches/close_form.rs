//! Close the breach (point 4): when a notification owed is not recorded, the page says
//! which, and closing needs a written reason.

use super::breach_detail::{Area, Ctx};
use crate::api::breaches::close_breach;
use crate::components::breach_words::to_in;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn CloseForm(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = ctx.id();
        ctx.run(Area::Close, close_breach(id, reason.get_untracked()));
    };
    view! {
        <section class="card" aria-labelledby="breach-close-title">
            <h2 id="breach-close-title">{t!(i18n, breaches.h_close)}</h2>
            <p class="help">{t!(i18n, breaches.close_help)}</p>
            {move || {
                let missing = ctx.view.with(|v| v.missing.clone());
                (!missing.is_empty()).then(|| {
                    let l = i18n.get_locale();
                    let list = missing.iter().map(|t| to_in(l, *t)).collect::<Vec<_>>().join(", ");
                    view! { <p class="warning">{td_string!(l, breaches.close_missing, list = list.as_str()).to_string()}</p> }
                })
            }}
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="close-reason">{t!(i18n, breaches.close_reason)}</label>
                    <textarea id="close-reason" rows="2" prop:value=move || reason.get() on:input=move |e| reason.set(event_target_value(&e))></textarea>
                </div>
                {ctx.outcome_of(Area::Close, move || ().into_any())}
                <button type="submit" class="secondary" disabled=move || ctx.running.get().is_some()>{t!(i18n, breaches.close_save)}</button>
            </form>
        </section>
    }
}
