//! One page of the attendee list: how many are shown, and a row per attendee linking to
//! their page.

use super::common::yes_no;
use crate::components::consent_tag::ConsentTag;
use crate::components::data_table::DataTable;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::AttendeeList;
use leptos::prelude::*;

/// `base` is the attendees' address, `/dashboard/events/{id}/attendees`.
#[component]
pub(super) fn AttendeeTable(l: AttendeeList, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = l.rows.len().to_string();
    let total = l.total.to_string();
    view! {
        <p role="status">{t!(i18n, att.showing, shown, total)}</p>
        <DataTable
            class="attendees"
            heads=vec![
                t!(i18n, att.col_name).into_any(),
                t!(i18n, kiosk.field_organisation).into_any(),
                t!(i18n, kiosk.field_email).into_any(),
                t!(i18n, att.col_consent).into_any(),
                t!(i18n, att.col_checked_in).into_any(),
                t!(i18n, att.col_minor).into_any(),
            ]
        >
                    {l.rows
                        .into_iter()
                        .map(|a| {
                            let href = format!("{base}/{}", a.id);
                            let name = if a.erased {
                                t_string!(i18n, att.erased_row).to_string()
                            } else {
                                full_name(i18n, &a.fields)
                            };
                            view! {
                                <tr class:erased=a.erased>
                                    <td><a href=href>{name}</a></td>
                                    <td>{a.fields.organisation.clone().unwrap_or_default()}</td>
                                    <td>{a.fields.email.clone().unwrap_or_default()}</td>
                                    <td><ConsentTag consent=a.consent/></td>
                                    <td>{yes_no(i18n, a.checked_in)}</td>
                                    <td>{yes_no(i18n, a.is_minor)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
        </DataTable>
    }
}
