//! The fields corrected at the person's request (issue 16 point 6): when, by whom, which
//! field, how the person asked, how their identity was checked and why. Values are not
//! shown: the data card has the current ones.

use super::detail_history::asked_words;
use crate::components::data_table::DataTable;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::AttendeeDetail;
use leptos::prelude::*;

#[component]
pub(super) fn DetailCorrections(detail: RwSignal<AttendeeDetail>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{t!(i18n, att.corrections_title)}</h2>
            <Show
                when=move || detail.with(|d| !d.corrections.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, att.corrections_empty)}</p> }
            >
                <DataTable
                    class="corrections"
                    heads=vec![
                        t!(i18n, att.col_time).into_any(),
                        t!(i18n, att.col_corrected_by).into_any(),
                        t!(i18n, att.col_field).into_any(),
                        t!(i18n, att.col_asked_by).into_any(),
                        t!(i18n, att.col_identity).into_any(),
                        t!(i18n, att.col_reason).into_any(),
                    ]
                >
                    {move || {
                        detail.with(|d| d.corrections.clone())
                            .into_iter()
                            .map(|c| {
                                let (field, asked) = (c.field, c.asked_by);
                                view! {
                                    <tr>
                                        <td>{c.at.clone()}</td>
                                        <td>{c.by.clone()}</td>
                                        <td>{move || field_label(i18n, field)}</td>
                                        <td>{move || asked_words(i18n, asked)}</td>
                                        <td>{c.identity_check.clone()}</td>
                                        <td>{c.reason.clone()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </DataTable>
            </Show>
        </section>
    }
}
