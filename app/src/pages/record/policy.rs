//! What the purge deletes and what it keeps, table by table, from the retention policy.

use crate::i18n::*;
use crate::types::RecordTable;
use leptos::prelude::*;

fn code_list(columns: Vec<String>) -> impl IntoView {
    let n = columns.len();
    columns
        .into_iter()
        .enumerate()
        .map(|(i, c)| view! { <code>{c}</code> {(i + 1 < n).then_some(", ")} })
        .collect_view()
}

#[component]
pub(super) fn Policy(tables: Vec<RecordTable>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="record-policy">
            <h2 id="record-policy">{t!(i18n, ropa.h_policy)}</h2>
            <p class="help">{t!(i18n, ropa.policy_help)}</p>
            <div class="table-wrap">
                <table class="record-policy" aria-labelledby="record-policy">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, ropa.col_table)}</th>
                            <th scope="col">{t!(i18n, ropa.col_deleted)}</th>
                            <th scope="col">{t!(i18n, ropa.col_kept)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {tables.into_iter().map(|t| {
                            let deleted = if t.rows_deleted {
                                view! { <p>{t!(i18n, ropa.rows_deleted)} " " {code_list(t.columns)}</p> }.into_any()
                            } else if t.wiped.is_empty() {
                                view! { <p>{t!(i18n, ropa.nothing_wiped)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {t.wiped.into_iter().map(|c| view! {
                                            <li><code>{c.column}</code> ": " {c.how} " – " {c.reason}</li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        <code>{t.table}</code>
                                        <span class="record-about">{t.about}</span>
                                        {(!t.of_event).then(|| view! { <span class="record-about">{t!(i18n, ropa.not_event_data)}</span> })}
                                    </th>
                                    <td>{deleted}</td>
                                    <td>
                                        {t.kept.into_iter().map(|k| view! {
                                            <p>{k.label} ": " {code_list(k.columns)}</p>
                                        }).collect_view()}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
