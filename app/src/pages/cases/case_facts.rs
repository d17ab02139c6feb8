//! One request's facts (kind, status, deadline, identity check, the person), with
//! starting the review and refusing the request.

use super::countdown::Countdown;
use super::ctx::{Area, Ctx};
use super::done_icon::DoneIcon;
use super::words::{channel_words, kind_words, lang_words, person_words, status_words};
use crate::api::cases::{refuse_case, review_case};
use crate::components::consent_tag::ConsentTag;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::CaseStatus;
use leptos::prelude::*;

#[component]
pub(super) fn CaseFacts(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let refusing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let v = ctx.view;
    let attendee_href = move || {
        v.with(|v| {
            format!(
                "/dashboard/events/{}/attendees/{}",
                v.event_id, v.attendee_id
            )
        })
    };
    let refuse = move || {
        let r = reason.get_untracked().trim().to_string();
        if r.is_empty() {
            reason_missing.set(true);
            return;
        }
        reason_missing.set(false);
        ctx.run(Area::Header, refuse_case(ctx.case_id(), r));
    };
    Effect::new(move |_| {
        if v.with(|v| !v.status.is_open()) {
            refusing.set(false);
        }
    });
    view! {
        <section class="card" aria-labelledby="case-facts-title">
            <h2 id="case-facts-title">{t!(i18n, cases.facts_title)}</h2>
            <dl class="facts case-facts">
                <dt>{t!(i18n, cases.f_kind)}</dt>
                <dd>{move || kind_words(i18n, v.with(|v| v.kind))}</dd>
                <dt>{t!(i18n, cases.f_status)}</dt>
                <dd class="case-status">
                    {move || {
                        let s = v.with(|v| v.status);
                        view! {
                            {(s == CaseStatus::Done).then(|| view! { <DoneIcon/> })}
                            <strong>{status_words(i18n, s)}</strong>
                        }
                    }}
                </dd>
                <dt>{t!(i18n, cases.f_channel)}</dt>
                <dd>{move || v.with(|v| channel_words(i18n, &v.channel))}</dd>
                <dt>{t!(i18n, cases.f_received)}</dt>
                <dd>{move || v.with(|v| short_time(&v.received_at))}</dd>
                <dt>{t!(i18n, cases.f_due)}</dt>
                <dd class="case-due">
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
                <dt>{t!(i18n, cases.f_identity)}</dt>
                <dd class="pre">{move || v.with(|v| v.identity_check.clone())}</dd>
                <dt>{t!(i18n, cases.f_message)}</dt>
                <dd class="pre">
                    {move || {
                        v.with(|v| {
                            if v.message.trim().is_empty() {
                                t_string!(i18n, cases.no_message).to_string()
                            } else {
                                v.message.clone()
                            }
                        })
                    }}
                </dd>
                <dt>{t!(i18n, cases.f_lang)}</dt>
                <dd>{move || v.with(|v| lang_words(i18n, &v.lang))}</dd>
                <dt>{t!(i18n, cases.f_person)}</dt>
                <dd class="case-person">
                    <span>{move || v.with(|v| person_words(i18n, &v.person, v.attendee_id))}</span>
                    " "
                    {move || view! { <ConsentTag consent=v.with(|v| v.consent)/> }}
                    <Show
                        when=move || v.with(|v| !v.erased)
                        fallback=move || view! { <p class="case-erased"><strong>{t!(i18n, cases.erased_note)}</strong></p> }
                    >
                        " "
                        <a href=attendee_href>{t!(i18n, cases.see_attendee)}</a>
                    </Show>
                </dd>
                {move || {
                    v.with(|v| {
                        v.closed_at
                            .clone()
                            .map(|at| view! { <dt>{t!(i18n, cases.f_closed)}</dt><dd>{short_time(&at)}</dd> })
                    })
                }}
                {move || {
                    v.with(|v| {
                        let refused = v.status == CaseStatus::Refused;
                        (!v.outcome_note.trim().is_empty())
                            .then(|| {
                                let label = if refused {
                                    t_string!(i18n, cases.f_refused_why).to_string()
                                } else {
                                    t_string!(i18n, cases.f_note).to_string()
                                };
                                view! { <dt>{label}</dt><dd class="pre">{v.outcome_note.clone()}</dd> }
                            })
                    })
                }}
            </dl>
            <Show when=move || ctx.is_open()>
                <div class="actions">
                    <Show when=move || v.with(|v| v.status == CaseStatus::Received)>
                        <button
                            type="button"
                            class="primary"
                            disabled=move || ctx.busy()
                            on:click=move |_| ctx.run(Area::Header, review_case(ctx.case_id()))
                        >
                            {t!(i18n, cases.review)}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="secondary danger"
                        aria-expanded=move || refusing.get().to_string()
                        aria-controls="case-refuse"
                        on:click=move |_| refusing.update(|r| *r = !*r)
                    >
                        {t!(i18n, cases.refuse)}
                    </button>
                </div>
                <Show when=move || refusing.get()>
                    <form
                        id="case-refuse"
                        class="case-refuse"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            refuse();
                        }
                    >
                        <div class="field">
                            <label for="case-refuse-reason">
                                {t!(i18n, cases.refuse_reason)} " "
                                <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                            </label>
                            <textarea
                                id="case-refuse-reason"
                                rows="3"
                                aria-required="true"
                                aria-describedby="case-refuse-help"
                                prop:value=move || reason.get()
                                on:input=move |e| reason.set(event_target_value(&e))
                            ></textarea>
                            <p id="case-refuse-help" class="help">{t!(i18n, cases.refuse_help)}</p>
                        </div>
                        <Show when=move || reason_missing.get()>
                            <p class="error" role="alert">{t!(i18n, errors.err_reason_missing)}</p>
                        </Show>
                        <div class="actions">
                            <button type="submit" class="primary danger-fill" disabled=move || ctx.busy()>
                                {t!(i18n, cases.refuse_confirm)}
                            </button>
                            <button type="button" class="secondary" on:click=move |_| refusing.set(false)>
                                {t!(i18n, cases.cancel)}
                            </button>
                        </div>
                    </form>
                </Show>
            </Show>
            {ctx.outcome_at(Area::Header, move || t_string!(i18n, cases.saved).to_string())}
        </section>
    }
    .into_any()
}
