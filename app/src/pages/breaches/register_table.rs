//! The register's table: when each breach was discovered, its events, types, risk, its
//! clocks counting down, and whether it is closed, each linking to the breach.

use crate::components::breach_clock::{use_now, BreachClock};
use crate::components::breach_words::{kind_in, risk_in};
use crate::components::data_table::DataTable;
use crate::i18n::*;
use crate::types::BreachList;
use leptos::prelude::*;

#[component]
pub(super) fn RegisterTable(list: BreachList) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now(list.now_unix);
    view! {
        <DataTable
            class="breaches"
            heads=vec![
                t!(i18n, breaches.col_discovered).into_any(),
                t!(i18n, breaches.col_events).into_any(),
                t!(i18n, breaches.col_kinds).into_any(),
                t!(i18n, breaches.col_risk).into_any(),
                t!(i18n, breaches.col_clocks).into_any(),
                t!(i18n, breaches.col_status).into_any(),
            ]
        >
            {list
                .rows
                .into_iter()
                .map(|b| {
                    let href = format!("/dashboard/breaches/{}", b.id);
                    let at = b.discovered.clone();
                    let kinds = b.kinds.clone();
                    let risk = b.risk;
                    let closed = b.closed;
                    let clocks = if b.clocks.is_empty() {
                        view! { <span>{t!(i18n, breaches.no_clocks)}</span> }.into_any()
                    } else {
                        view! {
                            <ul class="breach-clocks">
                                {b.clocks.into_iter().map(|c| view! { <li><BreachClock clock=c now/></li> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    };
                    view! {
                        <tr>
                            <td><a href=href>{t!(i18n, breaches.open_link, at = at.clone())}</a></td>
                            <td>{b.events.join(", ")}</td>
                            <td>{move || kinds.iter().map(|k| kind_in(i18n.get_locale(), *k)).collect::<Vec<_>>().join("; ")}</td>
                            <td>{move || risk_in(i18n.get_locale(), risk)}</td>
                            <td>{clocks}</td>
                            <td>{move || if closed { t_string!(i18n, breaches.closed).to_string() } else { t_string!(i18n, breaches.open).to_string() }}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}
