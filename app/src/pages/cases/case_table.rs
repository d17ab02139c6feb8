//! The table of the event's requests with their deadlines, each linking to its request.

use super::countdown::Countdown;
use super::words::{date_of, kind_words, person_words, status_words};
use crate::i18n::*;
use crate::types::CaseRow;
use leptos::prelude::*;

#[component]
pub(super) fn CaseTable(rows: Vec<CaseRow>, event_id: String) -> AnyView {
    let i18n = use_i18n();
    let base = format!("/dashboard/events/{event_id}/requests");
    view! {
        <div class="table-wrap">
            <table class="cases">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, cases.col_person)}</th>
                        <th scope="col">{t!(i18n, cases.col_kind)}</th>
                        <th scope="col">{t!(i18n, cases.col_status)}</th>
                        <th scope="col">{t!(i18n, cases.col_received)}</th>
                        <th scope="col">{t!(i18n, cases.col_due)}</th>
                        <th scope="col">{t!(i18n, cases.col_left)}</th>
                        <th scope="col">{t!(i18n, cases.col_open)}</th>
                    </tr>
                </thead>
                <tbody>
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
                                    cases.open_link,
                                    who = person_words(i18n, &person, attendee_id),
                                    kind = kind_words(i18n, kind).to_lowercase(),
                                    date = received2.clone()
                                )
                                    .to_string()
                            };
                            let person = c.person.clone();
                            view! {
                                <tr class:case-overdue=c.overdue>
                                    <td>{move || person_words(i18n, &person, attendee_id)}</td>
                                    <td>{move || kind_words(i18n, kind)}</td>
                                    <td>{move || status_words(i18n, status)}</td>
                                    <td>{received}</td>
                                    <td>{c.due_on.clone()}</td>
                                    <td><Countdown days_left=c.days_left overdue=c.overdue/></td>
                                    <td><a class="case-link" href=href>{link}</a></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
