//! The table of the event's requests with their deadlines, each linking to its request.

use super::countdown::Countdown;
use super::words::{channel_short, date_of, kind_words, person_words, status_words};
use crate::components::data_table::DataTable;
use crate::i18n::*;
use crate::types::RequestRow;
use leptos::prelude::*;

#[component]
pub(super) fn RequestTable(rows: Vec<RequestRow>, event_id: crate::types::PublicId) -> AnyView {
    let i18n = use_i18n();
    let base = format!("/dashboard/events/{event_id}/requests");
    view! {
        <DataTable
            class="requests"
            heads=vec![
                t!(i18n, requests.col_person).into_any(),
                t!(i18n, requests.col_kind).into_any(),
                t!(i18n, requests.col_status).into_any(),
                t!(i18n, requests.col_channel).into_any(),
                t!(i18n, requests.col_received).into_any(),
                t!(i18n, requests.col_due).into_any(),
                t!(i18n, requests.col_left).into_any(),
                t!(i18n, requests.col_open).into_any(),
            ]
        >
                    {rows
                        .into_iter()
                        .map(|c| {
                            let href = format!("{base}/{}", c.id);
                            let (kind, status) = (c.kind, c.status);
                            let (person, attendee_id) = (c.person.clone(), c.attendee_id);
                            let received = date_of(&c.received_at);
                            let received2 = received.clone();
                            let link = move || {
                                t_string!(
                                    i18n,
                                    requests.open_link,
                                    who = person_words(i18n, &person, attendee_id),
                                    kind = kind_words(i18n, kind).to_lowercase(),
                                    date = received2.clone()
                                )
                                    .to_string()
                            };
                            let person = c.person.clone();
                            let channel = c.channel.clone();
                            view! {
                                <tr class:request-overdue=c.overdue>
                                    <td>{move || person_words(i18n, &person, attendee_id)}</td>
                                    <td>{move || kind_words(i18n, kind)}</td>
                                    <td>{move || status_words(i18n, status)}</td>
                                    <td>{move || channel_short(i18n, &channel)}</td>
                                    <td>{received}</td>
                                    <td>{c.due_on.clone()}</td>
                                    <td><Countdown days_left=c.days_left overdue=c.overdue/></td>
                                    <td><a class="request-link" href=href>{link}</a></td>
                                </tr>
                            }
                        })
                        .collect_view()}
        </DataTable>
    }
    .into_any()
}
