//! The imported attendees' check-in codes, shown once, with a download.

use super::codes::{codes_csv, data_url};
use crate::components::data_table::DataTable;
use crate::i18n::*;
use crate::types::ImportOutcome;
use leptos::prelude::*;

#[component]
pub(super) fn CodesCard(o: ImportOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let n = o.imported.to_string();
    let href = data_url(&codes_csv(&o));
    view! {
        <section class="card" aria-labelledby="codes-title">
            <h2 id="codes-title">{t!(i18n, imp.done, n)}</h2>
            <p class="help">{t!(i18n, imp.codes_help)}</p>
            <a class="button primary" href=href download="checkin-codes.csv">{t!(i18n, imp.download)}</a>
            <DataTable heads=vec![
                t!(i18n, imp.col_line).into_any(),
                t!(i18n, att.col_name).into_any(),
                t!(i18n, kiosk.field_email).into_any(),
                t!(i18n, imp.col_code).into_any(),
            ]>
                        {o.codes
                            .into_iter()
                            .map(|c| view! {
                                <tr>
                                    <td>{c.line}</td>
                                    <td>{c.name}</td>
                                    <td>{c.email}</td>
                                    <td class="code">{c.code}</td>
                                </tr>
                            })
                            .collect_view()}
            </DataTable>
        </section>
    }
}
