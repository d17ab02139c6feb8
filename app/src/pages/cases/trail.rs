//! One request's own audit trail.

use super::ctx::Ctx;
use crate::components::time::short_time;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Trail(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="case-trail-title">
            <h2 id="case-trail-title">{t!(i18n, cases.trail_title)}</h2>
            {move || {
                let rows = ctx.view.with(|v| v.trail.clone());
                if rows.is_empty() {
                    return view! { <p class="empty">{t!(i18n, cases.trail_none)}</p> }.into_any();
                }
                view! {
                    <div class="table-wrap">
                        <table class="case-trail">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, audit.at)}</th>
                                    <th scope="col">{t!(i18n, audit.actor)}</th>
                                    <th scope="col">{t!(i18n, audit.action)}</th>
                                    <th scope="col">{t!(i18n, audit.subject)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| view! {
                                        <tr>
                                            <td>{short_time(&r.at)}</td>
                                            <td>{r.actor}</td>
                                            <td>{r.action}</td>
                                            <td>{r.subject}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
    .into_any()
}
