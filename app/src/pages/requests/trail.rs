//! One request's own audit trail.

use super::ctx::Ctx;
use crate::components::audit_table::AuditTable;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Trail(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="request-trail-title">
            <h2 id="request-trail-title">{t!(i18n, requests.trail_title)}</h2>
            {move || {
                let rows = ctx.view.with(|v| v.trail.clone());
                if rows.is_empty() {
                    return view! { <p class="empty">{t!(i18n, requests.trail_none)}</p> }.into_any();
                }
                view! { <AuditTable rows class="request-trail"/> }.into_any()
            }}
        </section>
    }
    .into_any()
}
