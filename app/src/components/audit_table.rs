//! Rows of the audit log: the whole log on `/dashboard/audit` and one request's own
//! trail on its page (requirement 22: who did what, when, to which record).

use super::data_table::DataTable;
use crate::i18n::*;
use crate::types::AuditRow;
use leptos::prelude::*;

/// `full` adds the principal's kind and the event's name and shows full timestamps (the
/// log page); without it, minute-resolution times (a request's trail).
#[component]
pub fn AuditTable(
    rows: Vec<AuditRow>,
    #[prop(default = "")] class: &'static str,
    #[prop(optional)] full: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut heads = vec![
        t!(i18n, audit.at).into_any(),
        t!(i18n, audit.actor).into_any(),
    ];
    if full {
        heads.push(t!(i18n, audit.kind).into_any());
    }
    heads.push(t!(i18n, audit.action).into_any());
    heads.push(t!(i18n, audit.subject).into_any());
    if full {
        heads.push(t!(i18n, audit.event_col).into_any());
    }
    view! {
        <DataTable class=class heads>
            {rows
                .into_iter()
                .map(|r| {
                    let at = if full { r.at } else { super::time::short_time(&r.at) };
                    view! {
                        <tr>
                            <td>{at}</td>
                            <td>{r.actor}</td>
                            {full.then(|| view! { <td>{r.principal_kind}</td> })}
                            <td>{r.action}</td>
                            <td>{r.subject}</td>
                            {full.then(|| view! { <td>{r.event_name.clone().unwrap_or_default()}</td> })}
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
}
