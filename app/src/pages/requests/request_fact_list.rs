//! One request's facts as a list: kind, status, channel, dates, identity check, message,
//! language, the person, and how it ended.

use super::countdown::Countdown;
use super::ctx::Ctx;
use super::done_icon::DoneIcon;
use super::words::{channel_words, kind_words, lang_words, person_words, status_words};
use crate::components::consent_tag::ConsentTag;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::RequestStatus;
use leptos::prelude::*;

#[component]
pub(super) fn RequestFactList(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let v = ctx.view;
    let attendee_href = move || {
        v.with(|v| {
            format!(
                "/dashboard/events/{}/attendees/{}",
                v.event_id, v.attendee_id
            )
        })
    };
    view! {
        <dl class="facts request-facts">
            <dt>{t!(i18n, requests.f_kind)}</dt>
            <dd>{move || kind_words(i18n, v.with(|v| v.kind))}</dd>
            <dt>{t!(i18n, requests.f_status)}</dt>
            <dd class="request-status">
                {move || {
                    let s = v.with(|v| v.status);
                    view! {
                        {(s == RequestStatus::Done).then(|| view! { <DoneIcon/> })}
                        <strong>{status_words(i18n, s)}</strong>
                    }
                }}
            </dd>
            <dt>{t!(i18n, requests.f_channel)}</dt>
            <dd>{move || v.with(|v| channel_words(i18n, &v.channel))}</dd>
            <dt>{t!(i18n, requests.f_received)}</dt>
            <dd>{move || v.with(|v| short_time(&v.received_at))}</dd>
            <dt>{t!(i18n, requests.f_due)}</dt>
            <dd class="request-due">
                {move || {
                    v.with(|v| {
                        view! {
                            <span>{v.due_on.clone()}</span>
                            " · "
                            <Countdown days_left=v.days_left overdue=v.overdue/>
                        }
                    })
                }}
            </dd>
            <dt>{t!(i18n, requests.f_identity)}</dt>
            <dd class="pre">{move || v.with(|v| v.identity_check.clone())}</dd>
            <dt>{t!(i18n, requests.f_message)}</dt>
            <dd class="pre">
                {move || {
                    v.with(|v| {
                        if v.message.trim().is_empty() {
                            t_string!(i18n, requests.no_message).to_string()
                        } else {
                            v.message.clone()
                        }
                    })
                }}
            </dd>
            <dt>{t!(i18n, requests.f_lang)}</dt>
            <dd>{move || v.with(|v| lang_words(i18n, &v.lang))}</dd>
            <dt>{t!(i18n, requests.f_person)}</dt>
            <dd class="request-person">
                <span>{move || v.with(|v| person_words(i18n, &v.person, v.attendee_id))}</span>
                " "
                {move || view! { <ConsentTag consent=v.with(|v| v.consent)/> }}
                <Show
                    when=move || v.with(|v| !v.erased)
                    fallback=move || view! { <p class="request-erased"><strong>{t!(i18n, requests.erased_note)}</strong></p> }
                >
                    " "
                    <a href=attendee_href>{t!(i18n, requests.see_attendee)}</a>
                </Show>
            </dd>
            {move || {
                v.with(|v| {
                    v.closed_at
                        .clone()
                        .map(|at| view! { <dt>{t!(i18n, requests.f_closed)}</dt><dd>{short_time(&at)}</dd> })
                })
            }}
            {move || {
                v.with(|v| {
                    let refused = v.status == RequestStatus::Refused;
                    (!v.outcome_note.trim().is_empty())
                        .then(|| {
                            let label = if refused {
                                t_string!(i18n, requests.f_refused_why).to_string()
                            } else {
                                t_string!(i18n, requests.f_note).to_string()
                            };
                            view! { <dt>{label}</dt><dd class="pre">{v.outcome_note.clone()}</dd> }
                        })
                })
            }}
        </dl>
    }
}
