//! The requests list's form to open a request on someone's behalf.

use super::words::{kind_words, person_words};
use crate::api::attendees::list_attendees;
use crate::api::cases::OpenCase;
use crate::components::camera::QrCamera;
use crate::components::consent_tag::ConsentTag;
use crate::components::errors::ErrorText;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::{ApiError, AttendeeFilter, AttendeeRow, CaseSubject, NewCase, RequestKind};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// "Open a request on someone's behalf": the person by badge (typed, scanned with a
/// USB scanner that types, or with the camera) or by a name search; `?attendee=12`
/// (from the attendee page) chooses the attendee in advance.
#[component]
pub(super) fn OpenCaseForm(event_id: Memo<String>) -> AnyView {
    let i18n = use_i18n();
    let query = use_query_map();
    let preset = query
        .read_untracked()
        .get("attendee")
        .and_then(|s| s.parse::<i64>().ok());
    let badge = RwSignal::new(String::new());
    // The attendee chosen from the search (row id, name when known).
    let picked: RwSignal<Option<(i64, Option<String>)>> =
        RwSignal::new(preset.map(|id| (id, None)));
    let camera = RwSignal::new(false);
    let q = RwSignal::new(String::new());
    let results: RwSignal<Option<Result<Vec<AttendeeRow>, ApiError>>> = RwSignal::new(None);
    let searching = RwSignal::new(false);
    let kind = RwSignal::new(RequestKind::Removal);
    let message = RwSignal::new(String::new());
    let identity = RwSignal::new(String::new());
    let lang = RwSignal::new(i18n.get_locale_untracked().as_str().to_string());
    // A problem found before sending: `person` or `identity`.
    let problem: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let open = ServerAction::<OpenCase>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = open.value().get() {
            navigate(
                &format!(
                    "/dashboard/events/{}/requests/{id}",
                    event_id.get_untracked()
                ),
                Default::default(),
            );
        }
    });

    let subject = move || {
        picked
            .get()
            .map(|(id, _)| CaseSubject::Attendee(id))
            .or_else(|| {
                let b = badge.get().trim().to_string();
                (!b.is_empty()).then_some(CaseSubject::Badge(b))
            })
    };
    let search = move || {
        let filter = AttendeeFilter {
            q: q.get_untracked(),
            ..Default::default()
        };
        let event = event_id.get_untracked();
        searching.set(true);
        leptos::task::spawn_local(async move {
            let r = list_attendees(event, filter).await.map(|l| l.rows);
            searching.set(false);
            results.set(Some(r));
        });
    };
    let submit = move || {
        problem.set(None);
        let Some(subject) = subject() else {
            problem.set(Some("person"));
            return;
        };
        if identity.get_untracked().trim().is_empty() {
            problem.set(Some("identity"));
            return;
        }
        open.dispatch(OpenCase {
            event_id: event_id.get_untracked(),
            case: NewCase {
                subject,
                kind: kind.get_untracked(),
                message: message.get_untracked().trim().to_string(),
                identity_check: identity.get_untracked().trim().to_string(),
                lang: lang.get_untracked(),
            },
        });
    };
    let kind_option = move |k: RequestKind| {
        let id = format!("open-kind-{}", k.as_str());
        view! {
            <label class="check" for=id.clone()>
                <input
                    id=id.clone()
                    type="radio"
                    name="open-kind"
                    value=k.as_str()
                    prop:checked=move || kind.get() == k
                    on:change=move |_| kind.set(k)
                />
                <span>{move || kind_words(i18n, k)}</span>
            </label>
        }
    };

    view! {
        <section class="card open-case" aria-labelledby="open-case-title">
            <h2 id="open-case-title">{t!(i18n, cases.open_title)}</h2>
            <p class="help">{t!(i18n, cases.open_help)}</p>
            <fieldset class="case-who">
                <legend>{t!(i18n, cases.who_title)}</legend>
                <form
                    class="case-badge"
                    on:submit=move |ev| {
                        ev.prevent_default();
                    }
                >
                    <div class="field">
                        <label for="open-badge">{t!(i18n, cases.badge_label)}</label>
                        <input
                            id="open-badge"
                            type="text"
                            autocomplete="off"
                            autocapitalize="off"
                            spellcheck="false"
                            prop:value=move || badge.get()
                            on:input=move |e| {
                                badge.set(event_target_value(&e));
                                picked.set(None);
                            }
                        />
                    </div>
                    <button type="button" class="secondary" on:click=move |_| camera.update(|c| *c = !*c)>
                        {move || if camera.get() {
                            t_string!(i18n, cases.scan_stop).to_string()
                        } else {
                            t_string!(i18n, cases.scan_start).to_string()
                        }}
                    </button>
                </form>
                <Show when=move || camera.get()>
                    <QrCamera
                        on_decode=Callback::new(move |t: String| {
                            camera.set(false);
                            badge.set(t);
                            picked.set(None);
                        })
                        active=Signal::derive(move || camera.get())
                    />
                </Show>
                <form
                    class="case-search"
                    role="search"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        search();
                    }
                >
                    <div class="field">
                        <label for="open-q">{t!(i18n, cases.search_label)}</label>
                        <input
                            id="open-q"
                            type="search"
                            autocomplete="off"
                            prop:value=move || q.get()
                            on:input=move |e| q.set(event_target_value(&e))
                        />
                    </div>
                    <button type="submit" class="secondary" disabled=move || searching.get()>
                        {t!(i18n, cases.search_button)}
                    </button>
                </form>
                {move || {
                    results
                        .get()
                        .map(|r| match r {
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                            Ok(rows) if rows.is_empty() => {
                                view! { <p class="empty" role="status">{t!(i18n, cases.search_none)}</p> }.into_any()
                            }
                            Ok(rows) => {
                                view! {
                                    <ul class="suggestions case-results">
                                        {rows
                                            .into_iter()
                                            .map(|a| {
                                                let name = full_name(i18n, &a.fields);
                                                let extra = [a.fields.organisation.clone(), a.fields.email.clone()]
                                                    .into_iter()
                                                    .flatten()
                                                    .collect::<Vec<_>>()
                                                    .join(" · ");
                                                let id = a.id;
                                                let chosen_name = name.clone();
                                                let label = t_string!(i18n, cases.choose, who = name.clone()).to_string();
                                                view! {
                                                    <li>
                                                        <span class="tag-name">{name}</span>
                                                        <span class="help">{extra}</span>
                                                        <ConsentTag consent=a.consent/>
                                                        <button
                                                            type="button"
                                                            class="secondary"
                                                            aria-pressed=move || picked.with(|p| p.as_ref().is_some_and(|(i, _)| *i == id)).to_string()
                                                            on:click=move |_| {
                                                                picked.set(Some((id, Some(chosen_name.clone()))));
                                                                badge.set(String::new());
                                                                problem.set(None);
                                                            }
                                                        >
                                                            {label}
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        })
                }}
                <p class="case-chosen" role="status">
                    {move || match (picked.get(), badge.with(|b| !b.trim().is_empty())) {
                        (Some((id, name)), _) => {
                            let who = name.unwrap_or_else(|| person_words(i18n, "", id));
                            t_string!(i18n, cases.chosen_attendee, who = who).to_string()
                        }
                        (None, true) => t_string!(i18n, cases.chosen_badge).to_string(),
                        (None, false) => t_string!(i18n, cases.chosen_none).to_string(),
                    }}
                </p>
                <Show when=move || picked.with(|p| p.is_some())>
                    <button type="button" class="secondary" on:click=move |_| picked.set(None)>
                        {t!(i18n, cases.choose_other)}
                    </button>
                </Show>
            </fieldset>

            <form
                class="case-open-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <fieldset class="case-kinds">
                    <legend>{t!(i18n, cases.kind_title)}</legend>
                    {RequestKind::ALL.into_iter().map(kind_option).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="open-message">{t!(i18n, cases.message_label)}</label>
                    <textarea
                        id="open-message"
                        rows="4"
                        prop:value=move || message.get()
                        on:input=move |e| message.set(event_target_value(&e))
                    ></textarea>
                </div>
                <div class="field">
                    <label for="open-identity">
                        {t!(i18n, cases.identity_label)} " "
                        <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                    </label>
                    <textarea
                        id="open-identity"
                        rows="3"
                        aria-required="true"
                        aria-describedby="open-identity-help"
                        prop:value=move || identity.get()
                        on:input=move |e| identity.set(event_target_value(&e))
                    ></textarea>
                    <p id="open-identity-help" class="help">{t!(i18n, cases.identity_help)}</p>
                </div>
                <div class="field">
                    <label for="open-lang">{t!(i18n, cases.lang_label)}</label>
                    <select
                        id="open-lang"
                        aria-describedby="open-lang-help"
                        prop:value=move || lang.get()
                        on:change=move |e| lang.set(event_target_value(&e))
                    >
                        <option value="lv" lang="lv">{t!(i18n, lang.lv)}</option>
                        <option value="en" lang="en">{t!(i18n, lang.en)}</option>
                    </select>
                    <p id="open-lang-help" class="help">{t!(i18n, cases.lang_help)}</p>
                </div>
                {move || {
                    problem
                        .get()
                        .map(|p| {
                            let text = if p == "person" {
                                t_string!(i18n, cases.need_person).to_string()
                            } else {
                                t_string!(i18n, errors.err_identity_check).to_string()
                            };
                            view! { <p class="error" role="alert">{text}</p> }
                        })
                }}
                {move || open.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                <Show when=move || open.pending().get()>
                    <p class="loading" role="status">{t!(i18n, cases.opening)}</p>
                </Show>
                <button type="submit" class="primary" disabled=move || open.pending().get()>
                    {t!(i18n, cases.open_submit)}
                </button>
            </form>
        </section>
    }
    .into_any()
}
