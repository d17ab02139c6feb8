//! Organiser attendee pages (issue 3, item 7): the list with search and filters, one
//! attendee with the consent history and notice versions, consent changes on request,
//! badge reprints, a copy of one attendee's data (JSON or CSV) for an access request,
//! and registration on the attendee's behalf. The server audits every list, view, export
//! and change.

use crate::api::attendees::{
    get_attendee, list_attendees, AttendeeBadge, ChangeConsent, RegisterAttendee,
};
use crate::api::cases::export_attendee;
use crate::api::settings::get_event_settings;
use crate::components::auth::RequireManager;
use crate::components::badge::{BadgeView, ConsentIcon};
use crate::components::errors::ErrorText;
use crate::components::files::download_text;
use crate::components::person_fields::{field_label, PersonFieldInputs};
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::types::{
    ApiError, AttendeeDetail, AttendeeFilter, Channel, Consent, ConsentInput, Field, FieldRules,
    OrganiserRegistration, PersonFields,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn event_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

fn consent_words(i18n: leptos_i18n::I18nContext<Locale>, c: Option<Consent>) -> String {
    match c {
        Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
        Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
        None => t_string!(i18n, att.consent_none).to_string(),
    }
}

fn yes_no(i18n: leptos_i18n::I18nContext<Locale>, b: bool) -> String {
    if b {
        t_string!(i18n, att.yes).to_string()
    } else {
        t_string!(i18n, att.no).to_string()
    }
}

pub fn full_name(i18n: leptos_i18n::I18nContext<Locale>, p: &PersonFields) -> String {
    let n = [p.first_name.as_deref(), p.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if n.trim().is_empty() {
        t_string!(i18n, att.no_name).to_string()
    } else {
        n
    }
}

/// A consent value with its icon and words (never colour alone).
#[component]
pub fn ConsentTag(consent: Option<Consent>) -> impl IntoView {
    let i18n = use_i18n();
    let class = match consent {
        Some(c) => format!("consent-tag {}", c.as_str()),
        None => "consent-tag none".to_string(),
    };
    view! {
        <span class=class>
            {consent.map(|c| view! { <ConsentIcon consent=c/> })}
            {move || consent_words(i18n, consent)}
        </span>
    }
}

// ---------------------------------------------------------------- list

#[component]
pub fn AttendeesPage() -> impl IntoView {
    view! {
        <RequireManager>
            <AttendeeList/>
        </RequireManager>
    }
}

#[component]
fn AttendeeList() -> impl IntoView {
    let i18n = use_i18n();
    let event_id = event_param();
    // The form's fields; the list follows `applied`, set on "Search".
    let draft = RwSignal::new(AttendeeFilter::default());
    let applied = RwSignal::new(AttendeeFilter::default());
    let list = Resource::new(
        move || (event_id.get(), applied.get()),
        |(id, filter)| list_attendees(id, filter),
    );
    let select = move |id: &'static str,
                       label: String,
                       get: fn(&AttendeeFilter) -> String,
                       set: fn(&mut AttendeeFilter, String),
                       options: Vec<(&'static str, String)>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select
                    id=id
                    prop:value=move || draft.with(get)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|f| set(f, v));
                    }
                >
                    {options
                        .into_iter()
                        .map(|(v, l)| view! { <option value=v>{l}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let all = move || t_string!(i18n, att.filter_all).to_string();
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, att.back_event)}</a>
            <h1>{t!(i18n, att.title)}</h1>
            <p>
                <a class="button secondary" href=move || format!("/dashboard/events/{}/attendees/new", event_id.get())>
                    {t!(i18n, ev.register)}
                </a>
            </p>
            <form
                class="filters"
                role="search"
                on:submit=move |ev| {
                    ev.prevent_default();
                    applied.set(draft.get_untracked());
                }
            >
                <div class="field">
                    <label for="att-q">{t!(i18n, att.search)}</label>
                    <input
                        id="att-q"
                        type="search"
                        autocomplete="off"
                        prop:value=move || draft.with(|f| f.q.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|f| f.q = v);
                        }
                    />
                </div>
                {select(
                    "att-consent",
                    t_string!(i18n, att.filter_consent).to_string(),
                    |f| f.consent.clone(),
                    |f, v| f.consent = v,
                    vec![
                        ("", all()),
                        ("green", t_string!(i18n, kiosk.choice_green).to_string()),
                        ("red", t_string!(i18n, kiosk.choice_red).to_string()),
                        ("none", t_string!(i18n, att.consent_none).to_string()),
                    ],
                )}
                {select(
                    "att-checked",
                    t_string!(i18n, att.filter_checked_in).to_string(),
                    |f| f.checked_in.clone(),
                    |f, v| f.checked_in = v,
                    vec![("", all()), ("yes", yes_no(i18n, true)), ("no", yes_no(i18n, false))],
                )}
                {select(
                    "att-minor",
                    t_string!(i18n, att.filter_minor).to_string(),
                    |f| f.minor.clone(),
                    |f, v| f.minor = v,
                    vec![("", all()), ("yes", yes_no(i18n, true)), ("no", yes_no(i18n, false))],
                )}
                <button type="submit" class="primary">{t!(i18n, att.apply)}</button>
            </form>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, att.loading)}</p> }>
                {move || {
                    list.get()
                        .map(|r| match r {
                            Ok(l) if l.total == 0 => {
                                let filtered = applied.with(|f| f != &AttendeeFilter::default());
                                view! {
                                    <p class="empty" role="status">
                                        {if filtered {
                                            t_string!(i18n, att.none_match).to_string()
                                        } else {
                                            t_string!(i18n, att.none_yet).to_string()
                                        }}
                                    </p>
                                }
                                    .into_any()
                            }
                            Ok(l) => {
                                let shown = l.rows.len().to_string();
                                let total = l.total.to_string();
                                let base = format!("/dashboard/events/{}/attendees", event_id.get_untracked());
                                view! {
                                    <p role="status">{t!(i18n, att.showing, shown, total)}</p>
                                    <div class="table-wrap">
                                        <table class="attendees">
                                            <thead>
                                                <tr>
                                                    <th scope="col">{t!(i18n, att.col_name)}</th>
                                                    <th scope="col">{t!(i18n, kiosk.field_organisation)}</th>
                                                    <th scope="col">{t!(i18n, kiosk.field_email)}</th>
                                                    <th scope="col">{t!(i18n, att.col_consent)}</th>
                                                    <th scope="col">{t!(i18n, att.col_checked_in)}</th>
                                                    <th scope="col">{t!(i18n, att.col_minor)}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {l.rows
                                                    .into_iter()
                                                    .map(|a| {
                                                        let href = format!("{base}/{}", a.id);
                                                        let name = full_name(i18n, &a.fields);
                                                        view! {
                                                            <tr>
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
                                            </tbody>
                                        </table>
                                    </div>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}

// ---------------------------------------------------------------- decision form

/// Choice buttons plus, for a minor choosing green, the guardian's name, confirmation
/// and signature. Shared by "change consent" and "register on behalf".
#[component]
fn DecisionFields(input: RwSignal<ConsentInput>, is_minor: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let signature = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let sig = signature.get();
        input.update(|i| i.signature_data_url = sig);
    });
    let choice = move || input.with(|i| i.choice);
    let pick = move |c: Consent| input.update(|i| i.choice = Some(c));
    view! {
        <div class="choices photo-choices" role="radiogroup" aria-labelledby="decision-q">
            <span id="decision-q" class="label">{t!(i18n, kiosk.choice_title)}</span>
            <button type="button" role="radio" class="choice photo green" aria-checked=move || (choice() == Some(Consent::Green)).to_string() on:click=move |_| pick(Consent::Green)>
                <ConsentIcon consent=Consent::Green/>
                <span>{t!(i18n, kiosk.choice_green)}</span>
            </button>
            <button type="button" role="radio" class="choice photo red" aria-checked=move || (choice() == Some(Consent::Red)).to_string() on:click=move |_| pick(Consent::Red)>
                <ConsentIcon consent=Consent::Red/>
                <span>{t!(i18n, kiosk.choice_red)}</span>
            </button>
        </div>
        <Show when=move || is_minor.get() && choice() == Some(Consent::Green)>
            <fieldset class="guardian">
                <legend>{t!(i18n, kiosk.guardian_title)}</legend>
                <div class="field">
                    <label for="org-guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
                    <input
                        id="org-guardian-name"
                        autocomplete="off"
                        prop:value=move || input.with(|i| i.guardian_name.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            input.update(|i| i.guardian_name = v);
                        }
                    />
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || input.with(|i| i.guardian_confirmed)
                        on:change=move |ev| {
                            let v = event_target_checked(&ev);
                            input.update(|i| i.guardian_confirmed = v);
                        }
                    />
                    <span>{t!(i18n, kiosk.guardian_confirm)}</span>
                </label>
                <SignaturePad signature/>
            </fieldset>
        </Show>
    }
}

/// What the server keeps: guardian data only for a minor's green choice.
fn decision_for(input: &ConsentInput, is_minor: bool) -> ConsentInput {
    if is_minor && input.choice == Some(Consent::Green) {
        input.clone()
    } else {
        ConsentInput {
            choice: input.choice,
            ..Default::default()
        }
    }
}

// ---------------------------------------------------------------- detail

#[component]
pub fn AttendeePage() -> impl IntoView {
    view! {
        <RequireManager>
            <AttendeePanel/>
        </RequireManager>
    }
}

#[component]
fn AttendeePanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = event_param();
    let attendee_id = Memo::new(move |_| {
        params
            .read()
            .get("aid")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let data = Resource::new(
        move || (event_id.get(), attendee_id.get()),
        |(e, a)| get_attendee(e, a),
    );
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/attendees", event_id.get())>{t!(i18n, att.back_list)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, att.loading)}</p> }>
                {move || {
                    data.get()
                        .map(|r| match r {
                            Ok(d) => view! { <Detail initial=d event_id=event_id.get_untracked()/> }.into_any(),
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}

fn channel_words(i18n: leptos_i18n::I18nContext<Locale>, c: Channel) -> String {
    match c {
        Channel::Kiosk => t_string!(i18n, att.channel_kiosk).to_string(),
        Channel::Organiser => t_string!(i18n, att.channel_organiser).to_string(),
        Channel::SelfService => t_string!(i18n, att.channel_self).to_string(),
        Channel::BadgeScan => t_string!(i18n, att.channel_scan).to_string(),
    }
}

#[component]
fn Detail(initial: AttendeeDetail, event_id: String) -> impl IntoView {
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

// ---------------------------------------------------------------- register on behalf

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! {
        <RequireManager>
            <RegisterPanel/>
        </RequireManager>
    }
}

#[component]
fn RegisterPanel() -> impl IntoView {
    let i18n = use_i18n();
    let event_id = event_param();
    let settings = Resource::new(move || event_id.get(), get_event_settings);
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/attendees", event_id.get())>{t!(i18n, att.back_list)}</a>
            <h1>{t!(i18n, att.register_title)}</h1>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, att.loading)}</p> }>
                {move || {
                    settings.get()
                        .map(|r| match r {
                            Ok(v) => view! { <RegisterForm rules=v.settings.fields event_id=event_id.get_untracked()/> }.into_any(),
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}

#[component]
fn RegisterForm(rules: FieldRules, event_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let register = ServerAction::<RegisterAttendee>::new();
    let fields = RwSignal::new(PersonFields::default());
    let minor = RwSignal::new(false);
    let input = RwSignal::new(ConsentInput::default());
    let rules = StoredValue::new(rules);
    let ev = StoredValue::new(event_id);
    let again = move || {
        fields.set(PersonFields::default());
        minor.set(false);
        input.set(ConsentInput::default());
        register.clear();
    };
    view! {
        <Show
            when=move || matches!(register.value().get(), Some(Ok(_)))
            fallback=move || {
                view! {
                    <form
                        class="card"
                        on:submit=move |e| {
                            e.prevent_default();
                            register.dispatch(RegisterAttendee {
                                event_id: ev.get_value(),
                                registration: OrganiserRegistration {
                                    fields: fields.get_untracked(),
                                    is_minor: minor.get_untracked(),
                                    consent: decision_for(&input.get_untracked(), minor.get_untracked()),
                                },
                            });
                        }
                    >
                        {move || {
                            let enabled = rules.with_value(|r| r.enabled());
                            if enabled.is_empty() {
                                view! { <p class="help">{t!(i18n, att.count_only)}</p> }.into_any()
                            } else {
                                view! { <PersonFieldInputs rules=rules.get_value() fields id_prefix="reg"/> }.into_any()
                            }
                        }}
                        <label class="check">
                            <input type="checkbox" prop:checked=move || minor.get() on:change=move |e| minor.set(event_target_checked(&e))/>
                            <span>{t!(i18n, att.is_minor)}</span>
                        </label>
                        <DecisionFields input is_minor=Signal::derive(move || minor.get())/>
                        {move || register.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                        <button type="submit" class="primary" disabled=move || register.pending().get() || input.with(|i| i.choice.is_none())>
                            {move || if register.pending().get() { t_string!(i18n, kiosk.printing).to_string() } else { t_string!(i18n, att.register_submit).to_string() }}
                        </button>
                    </form>
                }
            }
        >
            {move || {
                register.value()
                    .get()
                    .and_then(|r| r.ok())
                    .map(|reg| {
                        view! {
                            <p class="ok" role="status">{t!(i18n, att.registered_ok)}</p>
                            <div class="badge-print">
                                <BadgeView badge=reg.badge.clone()/>
                            </div>
                            <section class="private-code" aria-labelledby="code-title">
                                <h2 id="code-title">{t!(i18n, kiosk.code_title)}</h2>
                                <div class="code-qr" inner_html=reg.private_code_qr_svg.clone()></div>
                                <p class="code">{reg.private_code.clone()}</p>
                                <p class="help">{t!(i18n, att.code_hand_over)}</p>
                            </section>
                            <div class="actions">
                                <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>
                                    {t!(i18n, kiosk.print_again)}
                                </button>
                                <button type="button" class="primary" on:click=move |_| again()>
                                    {t!(i18n, att.register_another)}
                                </button>
                            </div>
                        }
                    })
            }}
        </Show>
    }
}
