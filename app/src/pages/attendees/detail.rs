//! One attendee: their data, badge reprints, a copy of their data, a consent change on
//! request, and the consent history with the notice versions shown.

use super::common::yes_no;
use super::decision::{decision_for, DecisionFields};
use crate::api::attendees::{AttendeeBadge, ChangeConsent};
use crate::api::cases::export_attendee;
use crate::components::badge::BadgeView;
use crate::components::consent_tag::ConsentTag;
use crate::components::errors::ErrorText;
use crate::components::files::download_text;
use crate::components::person_fields::field_label;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::{ApiError, AttendeeDetail, Channel, ConsentInput, Field};
use leptos::prelude::*;

pub(super) fn channel_words(i18n: leptos_i18n::I18nContext<Locale>, c: Channel) -> String {
    match c {
        Channel::Kiosk => t_string!(i18n, att.channel_kiosk).to_string(),
        Channel::Organiser => t_string!(i18n, att.channel_organiser).to_string(),
        Channel::SelfService => t_string!(i18n, att.channel_self).to_string(),
        Channel::BadgeScan => t_string!(i18n, att.channel_scan).to_string(),
    }
}

#[component]
pub(super) fn Detail(initial: AttendeeDetail, event_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let detail = RwSignal::new(initial);
    let change = ServerAction::<ChangeConsent>::new();
    let reprint = ServerAction::<AttendeeBadge>::new();
    let input = RwSignal::new(ConsentInput::default());
    let is_minor = Signal::derive(move || detail.with(|d| d.is_minor));
    let ev_for_change = event_id.clone();
    let ev_for_badge = event_id.clone();
    let ev_for_export = StoredValue::new(event_id.clone());
    let exporting = RwSignal::new(false);
    // The file name offered, or why there is none.
    let exported: RwSignal<Option<Result<String, ApiError>>> = RwSignal::new(None);
    let export = move |csv: bool| {
        exporting.set(true);
        exported.set(None);
        let (event, attendee) = (ev_for_export.get_value(), detail.with_untracked(|d| d.id));
        leptos::task::spawn_local(async move {
            let result = export_attendee(event, attendee).await.map(|x| {
                let (name, mime, body) = if csv {
                    (
                        format!("{}.csv", x.file_stem),
                        "text/csv;charset=utf-8",
                        x.csv,
                    )
                } else {
                    (format!("{}.json", x.file_stem), "application/json", x.json)
                };
                download_text(&name, mime, &body);
                name
            });
            exporting.set(false);
            exported.set(Some(result));
        });
    };
    let saved = RwSignal::new(false);

    Effect::new(move |_| {
        if let Some(Ok(d)) = change.value().get() {
            detail.set(d);
            input.set(ConsentInput::default());
            saved.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = reprint.value().get() {
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    });

    let fields = move || {
        detail.with(|d| {
            Field::ALL
                .into_iter()
                .filter_map(|f| d.fields.get(f).map(|v| (f, v.to_string())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>{move || detail.with(|d| full_name(i18n, &d.fields))}</h1>
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">{t!(i18n, att.data_title)}</h2>
            <dl class="facts">
                {move || {
                    fields()
                        .into_iter()
                        .map(|(f, v)| view! { <dt>{field_label(i18n, f)}</dt><dd>{v}</dd> })
                        .collect_view()
                }}
                <dt>{t!(i18n, att.col_minor)}</dt>
                <dd>{move || yes_no(i18n, detail.with(|d| d.is_minor))}</dd>
                <dt>{t!(i18n, att.registered_at)}</dt>
                <dd>{move || detail.with(|d| d.registered_at.clone())}</dd>
                <dt>{t!(i18n, att.col_checked_in)}</dt>
                <dd>
                    {move || {
                        detail.with(|d| match &d.checked_in_at {
                            Some(at) => at.clone(),
                            None => yes_no(i18n, false),
                        })
                    }}
                </dd>
                <dt>{t!(i18n, att.col_consent)}</dt>
                <dd>{move || view! { <ConsentTag consent=detail.with(|d| d.consent)/> }}</dd>
            </dl>
        </section>

        <section class="card" aria-labelledby="badge-title">
            <h2 id="badge-title">{t!(i18n, att.badge_title)}</h2>
            <button
                type="button"
                class="secondary"
                disabled=move || reprint.pending().get() || detail.with(|d| d.consent.is_none())
                on:click=move |_| {
                    reprint.dispatch(AttendeeBadge {
                        event_id: ev_for_badge.clone(),
                        attendee_id: detail.with_untracked(|d| d.id),
                    });
                }
            >
                {t!(i18n, att.reprint)}
            </button>
            " "
            <Show when=move || detail.with(|d| d.consent.is_some())>
                <a class="button secondary" href=move || format!("{}/badge.png", detail.with(|d| d.badge_path.clone())) target="_blank">
                    {t!(i18n, att.badge_png)}
                </a>
            </Show>
            {move || {
                reprint.value()
                    .get()
                    .map(|r| match r {
                        Ok(b) => view! { <div class="badge-print"><BadgeView badge=b/></div> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </section>

        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{t!(i18n, att.export_title)}</h2>
            <p class="help">{t!(i18n, att.export_help)}</p>
            <div class="actions">
                <button type="button" class="secondary" disabled=move || exporting.get() on:click=move |_| export(false)>
                    {t!(i18n, att.export_json)}
                </button>
                <button type="button" class="secondary" disabled=move || exporting.get() on:click=move |_| export(true)>
                    {t!(i18n, att.export_csv)}
                </button>
                <a
                    class="button secondary"
                    href=move || format!("/dashboard/events/{}/requests?attendee={}", ev_for_export.get_value(), detail.with(|d| d.id))
                >
                    {t!(i18n, att.open_request)}
                </a>
            </div>
            <Show when=move || exporting.get()>
                <p class="loading" role="status">{t!(i18n, att.export_working)}</p>
            </Show>
            {move || {
                exported
                    .get()
                    .map(|r| match r {
                        Ok(file) => view! { <p class="ok" role="status">{t_string!(i18n, att.export_done, file = file).to_string()}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </section>

        <section class="card" aria-labelledby="change-title">
            <h2 id="change-title">{t!(i18n, att.change_title)}</h2>
            <p class="help">{t!(i18n, att.change_help)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                saved.set(false);
                change.dispatch(ChangeConsent {
                    event_id: ev_for_change.clone(),
                    attendee_id: detail.with_untracked(|d| d.id),
                    consent: decision_for(&input.get_untracked(), is_minor.get_untracked()),
                });
            }>
                <DecisionFields input is_minor/>
                {move || change.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                {move || saved.get().then(|| view! { <p class="ok" role="status">{t!(i18n, att.change_saved)}</p> })}
                <button type="submit" class="primary" disabled=move || change.pending().get() || input.with(|i| i.choice.is_none())>
                    {t!(i18n, att.change_save)}
                </button>
            </form>
        </section>

        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, att.history_title)}</h2>
            <div class="table-wrap">
                <table class="history">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, att.col_time)}</th>
                            <th scope="col">{t!(i18n, att.col_consent)}</th>
                            <th scope="col">{t!(i18n, att.col_channel)}</th>
                            <th scope="col">{t!(i18n, att.col_guardian)}</th>
                            <th scope="col">{t!(i18n, att.col_notice)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            detail.with(|d| d.history.clone())
                                .into_iter()
                                .map(|h| {
                                    let version = h.notice_version_id.to_string();
                                    let sha = h.notice_sha256.clone();
                                    let guardian = h.guardian_name.clone().map(|g| {
                                        let sig = h.signature_ref.clone().unwrap_or_default();
                                        format!("{g} ({sig})")
                                    });
                                    view! {
                                        <tr>
                                            <td>{h.at.clone()}</td>
                                            <td><ConsentTag consent=Some(h.choice)/></td>
                                            <td>{channel_words(i18n, h.channel)} " (" {h.channel_ref.clone()} ")"</td>
                                            <td>{guardian.unwrap_or_default()}</td>
                                            <td>
                                                <details>
                                                    <summary>{t!(i18n, att.notice_version, version)}</summary>
                                                    <div class="notice">
                                                        {h.notice_text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                                    </div>
                                                </details>
                                                // The whole hash: the proof of which text was shown.
                                                <p class="sha">{t!(i18n, att.notice_sha)} " " <code>{sha}</code></p>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || detail.with(|d| d.history.is_empty()).then(|| view! { <p class="empty">{t!(i18n, att.history_empty)}</p> })}
        </section>
    }
}
