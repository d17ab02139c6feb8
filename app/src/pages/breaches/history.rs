//! The breach's history (point 4): every dated entry, who made it and what changed.

use super::breach_detail::Ctx;
use crate::components::data_table::DataTable;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn History(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="breach-history-title">
            <h2 id="breach-history-title">{t!(i18n, breaches.h_history)}</h2>
            {move || {
                let rows = ctx.view.with(|v| v.history.clone());
                view! {
                    <DataTable
                        class="breach-history"
                        heads=vec![
                            t!(i18n, breaches.col_at).into_any(),
                            t!(i18n, breaches.col_by).into_any(),
                            t!(i18n, breaches.col_change).into_any(),
                        ]
                    >
                        {rows
                            .into_iter()
                            .map(|h| view! { <tr><td>{h.at}</td><td>{h.by}</td><td>{h.change}</td></tr> })
                            .collect_view()}
                    </DataTable>
                }
            }}
        </section>
    }
}
