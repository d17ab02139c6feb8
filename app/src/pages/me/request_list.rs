//! `/me`: the attendee's requests with their status and due date.

use super::state::Me;
use super::words::{kind_words, status_words};
use crate::components::time::short_time;
use crate::i18n::*;
use leptos::prelude::*;

/// The attendee's requests with their status and due date, as a list (it fits a phone).
#[component]
pub(super) fn RequestList(me: Me) -> AnyView {
    let i18n = use_i18n();
    let requests = me.memo(|d| d.requests.clone());
    let list = move || {
        let list = requests.get();
        if list.is_empty() {
            return view! { <p class="empty">{t!(i18n, me.requests_empty)}</p> }.into_any();
        }
        view! {
            <ol class="me-list me-requests">
                {list.into_iter().map(|r| view! {
                    <li class=format!("request-{}", r.status.as_str())>
                        <dl class="facts me-list-facts">
                            <dt>{t!(i18n, me.col_kind)}</dt>
                            <dd>{move || kind_words(i18n, r.kind)}</dd>
                            <dt>{t!(i18n, me.col_status)}</dt>
                            <dd>{move || status_words(i18n, r.status)}</dd>
                            <dt>{t!(i18n, me.col_received)}</dt>
                            <dd>{short_time(&r.received_at)}</dd>
                            <dt>{t!(i18n, me.col_due)}</dt>
                            <dd>{r.due_on.clone()}</dd>
                        </dl>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="me-requests-title">
            <h2 id="me-requests-title">{t!(i18n, me.requests_title)}</h2>
            {move || requests.with(|r| !r.is_empty()).then(|| view! { <p class="help">{t!(i18n, me.requests_help)}</p> })}
            {list}
        </section>
    }
    .into_any()
}
