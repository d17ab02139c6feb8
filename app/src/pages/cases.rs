//! Data-subject requests on the organiser's side (issue 6; requirements 15, 16, 17, 19):
//! the event's requests with their deadlines, opening one on someone's behalf, and one
//! request: the decision on each photo (delete, blur the person, keep with a reason),
//! suggested photos, the takedown checklist, what still blocks closing, erasure, the
//! closing message and the request's own audit trail. The server audits every view and
//! change.

use crate::api::attendees::list_attendees;
use crate::api::cases::{
    close_case, decide_photo, erase_person, get_case, list_cases, refuse_case, review_case,
    tag_suggestion, update_takedown, OpenCase,
};
use crate::components::auth::RequireManager;
use crate::components::camera::QrCamera;
use crate::components::draw::{region_style, DrawSurface};
use crate::components::errors::ErrorText;
use crate::components::files::copy_text;
use crate::i18n::*;
use crate::pages::attendees::{full_name, ConsentTag};
use crate::pages::photos::short_time;
use crate::types::{
    ApiError, AttendeeFilter, AttendeeRow, CaseBlocker, CaseRow, CaseStatus, CaseSubject, CaseView,
    DecisionInput, NewCase, PhotoDecision, Region, RequestKind,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::future::Future;

type I18n = leptos_i18n::I18nContext<Locale>;

// ---------------------------------------------------------------- words

pub fn kind_words(i18n: I18n, k: RequestKind) -> String {
    match k {
        RequestKind::Removal => t_string!(i18n, cases.kind_removal).to_string(),
        RequestKind::Erasure => t_string!(i18n, cases.kind_erasure).to_string(),
        RequestKind::Objection => t_string!(i18n, cases.kind_objection).to_string(),
        RequestKind::Restriction => t_string!(i18n, cases.kind_restriction).to_string(),
    }
}

pub fn status_words(i18n: I18n, s: CaseStatus) -> String {
    match s {
        CaseStatus::Received => t_string!(i18n, cases.st_received).to_string(),
        CaseStatus::InReview => t_string!(i18n, cases.st_in_review).to_string(),
        CaseStatus::Done => t_string!(i18n, cases.st_done).to_string(),
        CaseStatus::Refused => t_string!(i18n, cases.st_refused).to_string(),
    }
}

/// The person's name, or "Attendee #12" when there is none (not collected, or erased).
fn person_words(i18n: I18n, person: &str, attendee_id: i64) -> String {
    if person.trim().is_empty() {
        t_string!(i18n, cases.unnamed, id = attendee_id).to_string()
    } else {
        person.to_string()
    }
}

fn photo_label(i18n: I18n, n: i64) -> String {
    t_string!(i18n, cases.photo_label, n = n).to_string()
}

fn decision_words(i18n: I18n, d: Option<PhotoDecision>) -> String {
    match d {
        None => t_string!(i18n, cases.undecided).to_string(),
        Some(PhotoDecision::Delete) => t_string!(i18n, cases.did_delete).to_string(),
        Some(PhotoDecision::Blur) => t_string!(i18n, cases.did_blur).to_string(),
        Some(PhotoDecision::Keep) => t_string!(i18n, cases.did_keep).to_string(),
    }
}

fn blocker_words(i18n: I18n, b: CaseBlocker) -> String {
    match b {
        CaseBlocker::UndecidedPhotos => t_string!(i18n, cases.bl_undecided).to_string(),
        CaseBlocker::OpenTakedowns => t_string!(i18n, cases.bl_takedowns).to_string(),
        CaseBlocker::NotErased => t_string!(i18n, cases.bl_not_erased).to_string(),
    }
}

fn channel_words(i18n: I18n, c: &str) -> String {
    match c {
        "self_service" => t_string!(i18n, cases.ch_self).to_string(),
        "organiser" => t_string!(i18n, cases.ch_organiser).to_string(),
        other => other.replace('_', " "),
    }
}

/// Where a photo was published (the ledger's channel codes).
fn place_words(i18n: I18n, c: &str) -> String {
    match c {
        "website" => t_string!(i18n, ph.ch_website).to_string(),
        "social" => t_string!(i18n, ph.ch_social).to_string(),
        "press" => t_string!(i18n, ph.ch_press).to_string(),
        "print" => t_string!(i18n, ph.ch_print).to_string(),
        other => other.to_string(),
    }
}

fn lang_words(i18n: I18n, l: &str) -> String {
    match l {
        "lv" => t_string!(i18n, lang.lv).to_string(),
        "en" => t_string!(i18n, lang.en).to_string(),
        other => other.to_string(),
    }
}

/// Whether `n` takes the singular ("1 day", "21 diena") in the current language.
fn singular(locale: Locale, n: i64) -> bool {
    match locale {
        Locale::en => n == 1,
        Locale::lv => n % 10 == 1 && n % 100 != 11,
    }
}

/// `2026-11-23T10:00:00Z` → `2026-11-23`.
fn date_of(t: &str) -> String {
    t.get(..10).unwrap_or(t).to_string()
}

/// Only web addresses become links (never `javascript:` or the like).
fn is_web_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

#[component]
fn WarnIcon() -> impl IntoView {
    view! {
        <svg class="case-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 3 L22 20 H2 Z" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round"/>
            <path d="M12 9 v5 M12 16.5 v1" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>
        </svg>
    }
}

#[component]
fn DoneIcon() -> impl IntoView {
    view! {
        <svg class="case-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 13 l4 4 l10 -11" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round"/>
        </svg>
    }
}

/// "12 days left", "Due today", "Overdue – 3 days past the due date" (the word and an
/// icon, never colour alone), or "Closed".
#[component]
fn Countdown(days_left: Option<i64>, overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let locale = i18n.get_locale();
        match days_left {
            None => Some(t_string!(i18n, cases.closed).to_string()),
            Some(d) if d < 0 => {
                let n = -d;
                Some(if singular(locale, n) {
                    t_string!(i18n, cases.overdue_sg, n = n).to_string()
                } else {
                    t_string!(i18n, cases.overdue_pl, n = n).to_string()
                })
            }
            Some(0) if overdue => None,
            Some(0) => Some(t_string!(i18n, cases.due_today).to_string()),
            Some(d) => Some(if singular(locale, d) {
                t_string!(i18n, cases.left_sg, n = d).to_string()
            } else {
                t_string!(i18n, cases.left_pl, n = d).to_string()
            }),
        }
    };
    let class = match days_left {
        _ if overdue => "countdown overdue",
        None => "countdown closed",
        Some(d) if d <= 3 => "countdown soon",
        Some(_) => "countdown",
    };
    view! {
        <span class=class>
            {overdue.then(|| view! { <WarnIcon/> <strong>{t!(i18n, cases.overdue)}</strong> })}
            {move || {
                text()
                    .map(|t| {
                        let sep = if overdue { " – " } else { "" };
                        format!("{sep}{t}")
                    })
            }}
        </span>
    }
}

fn event_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

// ---------------------------------------------------------------- the list

#[component]
pub fn CasesPage() -> impl IntoView {
    view! {
        <RequireManager>
            <CasesPanel/>
        </RequireManager>
    }
}

#[component]
fn CasesPanel() -> AnyView {
    let i18n = use_i18n();
    let event_id = event_param();
    let list = Resource::new(move || event_id.get(), list_cases);
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, cases.back_event)}</a>
            <h1>{t!(i18n, cases.title)}</h1>
            <p class="lead">{t!(i18n, cases.intro)}</p>
            <section class="card" aria-labelledby="cases-list-title">
                <h2 id="cases-list-title">{t!(i18n, cases.list_title)}</h2>
                <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, cases.loading)}</p> }>
                    {move || {
                        list.get()
                            .map(|r| match r {
                                Ok(rows) if rows.is_empty() => {
                                    view! { <p class="empty">{t!(i18n, cases.none_yet)}</p> }.into_any()
                                }
                                Ok(rows) => view! { <CaseTable rows event_id=event_id.get_untracked()/> }.into_any(),
                                Err(e) => view! { <ErrorText error=e/> }.into_any(),
                            })
                    }}
                </Transition>
            </section>
            <OpenCaseForm event_id/>
        </main>
    }
    .into_any()
}

#[component]
fn CaseTable(rows: Vec<CaseRow>, event_id: String) -> AnyView {
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

// ---------------------------------------------------------------- opening a request

/// "Open a request on someone's behalf": the person by badge (typed, scanned with a
/// USB scanner that types, or with the camera) or by a name search; `?attendee=12`
/// (from the attendee page) chooses the attendee in advance.
#[component]
fn OpenCaseForm(event_id: Memo<String>) -> AnyView {
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

// ---------------------------------------------------------------- one request

#[component]
pub fn CasePage() -> impl IntoView {
    view! {
        <RequireManager>
            <CasePanel/>
        </RequireManager>
    }
}

#[component]
fn CasePanel() -> AnyView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = event_param();
    let data = Resource::new(
        move || params.read().get("case").unwrap_or_default(),
        get_case,
    );
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/requests", event_id.get())>{t!(i18n, cases.back_list)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, cases.loading_case)}</p> }>
                {move || {
                    data.get()
                        .map(|r| match r {
                            Ok(v) => view! { <CaseScreen initial=v/> }.into_any(),
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
    .into_any()
}

/// Which part of the page an action belongs to, so its outcome is shown next to it.
#[derive(Clone, Debug, PartialEq)]
enum Area {
    Header,
    Photo(i64),
    Suggestions,
    Takedown(i64),
    Close,
    Erase,
}

/// The request as it now is, and the one action under way or last finished. Every
/// action answers with the fresh `CaseView`, which replaces the shown one.
#[derive(Clone, Copy)]
struct Ctx {
    view: RwSignal<CaseView>,
    running: RwSignal<Option<Area>>,
    outcome: RwSignal<Option<(Area, Result<(), ApiError>)>>,
}

impl Ctx {
    fn case_id(self) -> String {
        self.view.with_untracked(|v| v.id.clone())
    }

    fn busy(self) -> bool {
        self.running.with(|r| r.is_some())
    }

    fn is_open(self) -> bool {
        self.view.with(|v| v.status.is_open())
    }

    fn run<F>(self, area: Area, call: F)
    where
        F: Future<Output = Result<CaseView, ApiError>> + 'static,
    {
        self.running.set(Some(area.clone()));
        self.outcome.set(None);
        leptos::task::spawn_local(async move {
            let result = call.await;
            self.running.set(None);
            match result {
                Ok(v) => {
                    self.view.set(v);
                    self.outcome.set(Some((area, Ok(()))));
                }
                Err(e) => self.outcome.set(Some((area, Err(e)))),
            }
        });
    }

    /// "Saving…", the error, or `done` after success, for the actions of `area`.
    fn outcome_at(
        self,
        area: Area,
        done: impl Fn() -> String + Send + Sync + 'static,
    ) -> impl IntoView {
        let i18n = use_i18n();
        let area2 = area.clone();
        view! {
            <Show when=move || self.running.with(|r| r.as_ref() == Some(&area2))>
                <p class="loading" role="status">{t!(i18n, cases.working)}</p>
            </Show>
            {move || {
                self.outcome
                    .get()
                    .filter(|(a, _)| *a == area)
                    .map(|(_, r)| match r {
                        Ok(()) => view! { <p class="ok" role="status">{done()}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        }
    }
}

#[component]
fn CaseScreen(initial: CaseView) -> AnyView {
    let i18n = use_i18n();
    let ctx = Ctx {
        view: RwSignal::new(initial),
        running: RwSignal::new(None),
        outcome: RwSignal::new(None),
    };
    let decides = move || ctx.view.with(|v| v.kind.decides_photos());
    view! {
        <h1>
            {move || {
                ctx.view
                    .with(|v| {
                        t_string!(
                            i18n,
                            cases.case_title,
                            kind = kind_words(i18n, v.kind),
                            who = person_words(i18n, &v.person, v.attendee_id)
                        )
                            .to_string()
                    })
            }}
        </h1>
        <p class="lead">{move || ctx.view.with(|v| v.event_name.clone())}</p>
        <CaseFacts ctx/>
        <Show when=decides>
            <CasePhotos ctx/>
            <Suggestions ctx/>
            <Takedowns ctx/>
        </Show>
        <Finish ctx/>
        <ClosingMessage ctx/>
        <Trail ctx/>
    }
    .into_any()
}

#[component]
fn CaseFacts(ctx: Ctx) -> AnyView {
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

// ---------------------------------------------------------------- photos

#[component]
fn CasePhotos(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let items = move || {
        ctx.view
            .with(|v| v.photos.iter().map(|p| p.item).collect::<Vec<_>>())
    };
    view! {
        <section class="card" aria-labelledby="case-photos-title">
            <h2 id="case-photos-title">{t!(i18n, cases.photos_title)}</h2>
            <p class="help">{t!(i18n, cases.photos_help)}</p>
            <Show when=move || ctx.view.with(|v| v.photos.is_empty())>
                <p class="empty">{t!(i18n, cases.photos_none)}</p>
            </Show>
            <ul class="case-photos">
                <For each=items key=|item| *item children=move |item| view! { <PhotoCard ctx item/> }/>
            </ul>
        </section>
    }
    .into_any()
}

#[derive(Clone, Copy, PartialEq)]
enum LocalProblem {
    Reason,
    Region,
}

#[component]
fn PhotoCard(ctx: Ctx, item: i64) -> AnyView {
    let i18n = use_i18n();
    let photo = Memo::new(move |_| {
        ctx.view
            .with(|v| v.photos.iter().find(|p| p.item == item).cloned())
    });
    let init = photo.get_untracked();
    let label = init.as_ref().map(|p| p.label).unwrap_or_default();
    let choice: RwSignal<Option<PhotoDecision>> =
        RwSignal::new(init.as_ref().and_then(|p| p.decision));
    let reason = RwSignal::new(init.as_ref().map(|p| p.reason.clone()).unwrap_or_default());
    // The region in percent, as typed or drawn; `touched` once the organiser changed it.
    let pct = |r: Option<Region>, f: fn(&Region) -> f32| {
        r.map(|r| format!("{:.1}", f(&r) * 100.0))
            .unwrap_or_default()
    };
    let existing = init.as_ref().and_then(|p| p.region);
    let rx = RwSignal::new(pct(existing, |r| r.x));
    let ry = RwSignal::new(pct(existing, |r| r.y));
    let rw = RwSignal::new(pct(existing, |r| r.w));
    let rh = RwSignal::new(pct(existing, |r| r.h));
    let touched = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let problem: RwSignal<Option<LocalProblem>> = RwSignal::new(None);

    let drawn = move || {
        let n = |s: RwSignal<String>| {
            s.with(|s| s.trim().replace(',', ".").parse::<f32>().ok())
                .map(|v| v / 100.0)
        };
        let r = Region {
            x: n(rx)?,
            y: n(ry)?,
            w: n(rw)?,
            h: n(rh)?,
        };
        r.is_valid().then_some(r)
    };
    let can_decide =
        move || ctx.is_open() && photo.with(|p| p.as_ref().is_some_and(|p| p.photo_id.is_some()));
    let photo_id = move || {
        photo
            .with_untracked(|p| p.as_ref().and_then(|p| p.photo_id.clone()))
            .unwrap_or_default()
    };
    let save = move |confirmed: bool| {
        let Some(d) = choice.get_untracked() else {
            return;
        };
        problem.set(None);
        let has_region = photo.with_untracked(|p| p.as_ref().is_some_and(|p| p.region.is_some()));
        let text = reason.get_untracked().trim().to_string();
        match d {
            PhotoDecision::Keep if text.is_empty() => {
                problem.set(Some(LocalProblem::Reason));
                return;
            }
            PhotoDecision::Blur if !has_region && drawn().is_none() => {
                problem.set(Some(LocalProblem::Region));
                return;
            }
            // Both are for good: the organiser confirms first (blur only the first time).
            PhotoDecision::Delete if !confirmed => {
                confirming.set(true);
                return;
            }
            PhotoDecision::Blur
                if !confirmed
                    && photo.with_untracked(|p| {
                        p.as_ref().and_then(|p| p.decision) != Some(PhotoDecision::Blur)
                    }) =>
            {
                confirming.set(true);
                return;
            }
            _ => {}
        }
        confirming.set(false);
        let region = if d == PhotoDecision::Blur && (touched.get_untracked() || !has_region) {
            drawn()
        } else {
            None
        };
        ctx.run(
            Area::Photo(item),
            decide_photo(
                ctx.case_id(),
                DecisionInput {
                    item,
                    decision: d,
                    reason: text,
                    region,
                },
            ),
        );
    };

    let n = label;
    let heading_id = format!("case-photo-{item}");
    let legend_id = format!("case-photo-{item}-decision");
    let reason_id = format!("case-photo-{item}-reason");
    let reason_help_id = format!("case-photo-{item}-reason-help");
    let option = move |d: PhotoDecision| {
        let id = format!("case-photo-{item}-{}", d.as_str());
        let words = move || match d {
            PhotoDecision::Delete => t_string!(i18n, cases.opt_delete).to_string(),
            PhotoDecision::Blur => t_string!(i18n, cases.opt_blur).to_string(),
            PhotoDecision::Keep => t_string!(i18n, cases.opt_keep).to_string(),
        };
        view! {
            <label class="check decision-option" for=id.clone()>
                <input
                    id=id.clone()
                    type="radio"
                    name=format!("case-photo-{item}-decision")
                    value=d.as_str()
                    prop:checked=move || choice.get() == Some(d)
                    on:change=move |_| {
                        choice.set(Some(d));
                        confirming.set(false);
                        problem.set(None);
                    }
                />
                <span>{words}</span>
            </label>
        }
    };

    view! {
        <li class="case-photo" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{move || photo_label(i18n, n)}</h3>
            <div class="case-photo-body">
                {move || {
                    match photo.with(|p| p.as_ref().and_then(|p| p.photo_id.clone())) {
                        Some(id) => {
                            view! {
                                <img
                                    class="case-thumb"
                                    src=format!("/media/photos/{id}/thumb.jpg")
                                    alt=move || t_string!(i18n, cases.thumb_alt, n = n).to_string()
                                    loading="lazy"
                                />
                            }
                                .into_any()
                        }
                        None => view! { <p class="case-deleted">{t!(i18n, cases.deleted)}</p> }.into_any(),
                    }
                }}
                <dl class="facts">
                    <dt>{t!(i18n, cases.taken)}</dt>
                    <dd>
                        {move || {
                            photo
                                .with(|p| p.as_ref().and_then(|p| p.taken_at.clone()))
                                .map(|t| short_time(&t))
                                .unwrap_or_else(|| t_string!(i18n, cases.no_time).to_string())
                        }}
                    </dd>
                    <dt>{t!(i18n, cases.requested)}</dt>
                    <dd>
                        {move || {
                            if photo.with(|p| p.as_ref().is_some_and(|p| p.requested)) {
                                t_string!(i18n, att.yes).to_string()
                            } else {
                                t_string!(i18n, att.no).to_string()
                            }
                        }}
                    </dd>
                    <dt>{t!(i18n, cases.published)}</dt>
                    <dd>{move || photo.with(|p| p.as_ref().map(|p| p.published).unwrap_or_default())}</dd>
                    <dt>{t!(i18n, cases.decision)}</dt>
                    <dd class="case-decision">
                        {move || {
                            photo
                                .with(|p| p.as_ref().map(|p| (p.decision, p.decided_at.clone())))
                                .map(|(d, at)| {
                                    view! {
                                        {d.is_some().then(|| view! { <DoneIcon/> })}
                                        <strong>{decision_words(i18n, d)}</strong>
                                        {at.map(|at| format!(" · {}", short_time(&at)))}
                                    }
                                })
                        }}
                    </dd>
                    {move || {
                        photo
                            .with(|p| p.as_ref().map(|p| p.reason.clone()))
                            .filter(|r| !r.trim().is_empty())
                            .map(|r| view! { <dt>{t!(i18n, cases.reason)}</dt><dd class="pre">{r}</dd> })
                    }}
                </dl>
            </div>
            <Show when=can_decide>
                <div class="case-decide">
                    <fieldset class="decision-options" role="radiogroup" aria-labelledby=legend_id.clone()>
                        <legend id=legend_id.clone()>{move || t_string!(i18n, cases.decide_group, n = n).to_string()}</legend>
                        {option(PhotoDecision::Delete)}
                        {option(PhotoDecision::Blur)}
                        {option(PhotoDecision::Keep)}
                    </fieldset>
                    <Show when=move || choice.get() == Some(PhotoDecision::Blur)>
                        <RegionPicker
                            n
                            item
                            photo_id=photo_id()
                            marked=photo.with_untracked(|p| p.as_ref().is_some_and(|p| p.region.is_some()))
                            rx
                            ry
                            rw
                            rh
                            touched
                        />
                    </Show>
                    <div class="field">
                        <label for=reason_id.clone()>
                            {move || t_string!(i18n, cases.reason_label, n = n).to_string()}
                            <Show when=move || choice.get() == Some(PhotoDecision::Keep)>
                                " " <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                            </Show>
                        </label>
                        <textarea
                            id=reason_id.clone()
                            rows="3"
                            aria-describedby=reason_help_id.clone()
                            aria-required=move || (choice.get() == Some(PhotoDecision::Keep)).to_string()
                            prop:value=move || reason.get()
                            on:input=move |e| reason.set(event_target_value(&e))
                        ></textarea>
                        <p id=reason_help_id.clone() class="help">{t!(i18n, cases.reason_help)}</p>
                    </div>
                    {move || {
                        problem
                            .get()
                            .map(|p| {
                                let text = match p {
                                    LocalProblem::Reason => t_string!(i18n, errors.err_reason_missing).to_string(),
                                    LocalProblem::Region => t_string!(i18n, errors.err_region_missing).to_string(),
                                };
                                view! { <p class="error" role="alert">{text}</p> }
                            })
                    }}
                    <Show
                        when=move || confirming.get()
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    class="primary"
                                    disabled=move || ctx.busy() || choice.get().is_none()
                                    on:click=move |_| save(false)
                                >
                                    {move || t_string!(i18n, cases.save_decision, n = n).to_string()}
                                </button>
                            }
                        }
                    >
                        <div class="confirm">
                            <p role="alert"><WarnIcon/> {move || if choice.get() == Some(PhotoDecision::Blur) {
                                t_string!(i18n, cases.confirm_blur, n = n).to_string()
                            } else {
                                t_string!(i18n, cases.confirm_delete, n = n).to_string()
                            }}</p>
                            <div class="actions">
                                <button type="button" class="danger-fill" disabled=move || ctx.busy() on:click=move |_| save(true)>
                                    {move || if choice.get() == Some(PhotoDecision::Blur) {
                                        t_string!(i18n, cases.confirm_blur_yes, n = n).to_string()
                                    } else {
                                        t_string!(i18n, cases.confirm_delete_yes, n = n).to_string()
                                    }}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    {t!(i18n, cases.cancel)}
                                </button>
                            </div>
                        </div>
                    </Show>
                </div>
            </Show>
            {ctx.outcome_at(Area::Photo(item), move || t_string!(i18n, cases.decision_saved, n = n).to_string())}
        </li>
    }
    .into_any()
}

/// Where the person is, for blurring: a box dragged over the preview (the approach of
/// the photo page's stage: pointer events on the drawing surface itself, captured, in
/// 0-1 of its size) or four numbers in percent for the keyboard.
#[component]
#[allow(clippy::too_many_arguments)]
fn RegionPicker(
    n: i64,
    item: i64,
    photo_id: String,
    marked: bool,
    rx: RwSignal<String>,
    ry: RwSignal<String>,
    rw: RwSignal<String>,
    rh: RwSignal<String>,
    touched: RwSignal<bool>,
) -> AnyView {
    let i18n = use_i18n();
    let live: RwSignal<Option<Region>> = RwSignal::new(None);
    let done = Callback::new(move |r: Region| {
        let f = |v: f32| format!("{:.1}", v * 100.0);
        rx.set(f(r.x));
        ry.set(f(r.y));
        rw.set(f(r.w));
        rh.set(f(r.h));
        touched.set(true);
    });
    let typed = move || {
        let p = |s: RwSignal<String>| {
            s.with(|s| s.trim().replace(',', ".").parse::<f32>().ok())
                .map(|v| v / 100.0)
        };
        Some(Region {
            x: p(rx)?,
            y: p(ry)?,
            w: p(rw)?,
            h: p(rh)?,
        })
        .filter(|r| r.w > 0.0 && r.h > 0.0)
    };
    let field = move |key: &'static str, which: RwSignal<String>| {
        let id = format!("case-photo-{item}-region-{key}");
        let text = move || match key {
            "x" => t_string!(i18n, ph.rx).to_string(),
            "y" => t_string!(i18n, ph.ry).to_string(),
            "w" => t_string!(i18n, ph.rw).to_string(),
            _ => t_string!(i18n, ph.rh).to_string(),
        };
        view! {
            <label for=id.clone()>
                {text}
                <span class="visually-hidden">{move || format!(" ({})", photo_label(i18n, n))}</span>
            </label>
            <input
                id=id.clone()
                type="number"
                min="0"
                max="100"
                step="0.1"
                inputmode="decimal"
                prop:value=move || which.get()
                on:input=move |e| {
                    which.set(event_target_value(&e));
                    touched.set(true);
                }
            />
        }
    };
    let help_id = format!("case-photo-{item}-region-help");
    view! {
        <fieldset class="case-region" aria-describedby=help_id.clone()>
            <legend>{move || t_string!(i18n, cases.region_title, n = n).to_string()}</legend>
            <p id=help_id.clone() class="help">
                {move || {
                    if marked {
                        t_string!(i18n, cases.region_marked).to_string()
                    } else {
                        t_string!(i18n, cases.region_help).to_string()
                    }
                }}
            </p>
            <div class="photo-stage drawing case-stage">
                <img
                    src=format!("/media/photos/{photo_id}/preview.jpg")
                    alt=move || t_string!(i18n, cases.preview_alt, n = n).to_string()
                />
                // The typed box; while dragging, the surface draws the live one.
                {move || {
                    (live.get().is_none())
                        .then(typed)
                        .flatten()
                        .map(|r| view! { <div class="region region-new" style=region_style(r) aria-hidden="true"></div> })
                }}
                <DrawSurface live=live on_done=done/>
            </div>
            <div class="region-fields">
                {field("x", rx)}
                {field("y", ry)}
                {field("w", rw)}
                {field("h", rh)}
            </div>
        </fieldset>
    }
    .into_any()
}

// ---------------------------------------------------------------- suggestions

#[component]
fn Suggestions(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="case-sugg-title">
            <h2 id="case-sugg-title">{t!(i18n, cases.sugg_title)}</h2>
            <p class="help">{t!(i18n, cases.sugg_help)}</p>
            {move || {
                let list = ctx.view.with(|v| v.suggestions.clone());
                if list.is_empty() {
                    return view! { <p class="empty">{t!(i18n, cases.sugg_none)}</p> }.into_any();
                }
                view! {
                    <ul class="case-suggestions">
                        {list
                            .into_iter()
                            .enumerate()
                            .map(|(i, s)| {
                                let n = i as i64 + 1;
                                let id = s.photo_id.clone();
                                let when = s
                                    .taken_at
                                    .as_deref()
                                    .map(short_time)
                                    .unwrap_or_else(|| t_string!(i18n, cases.no_time).to_string());
                                let apart = s.seconds_apart.abs();
                                view! {
                                    <li class="case-suggestion">
                                        <img
                                            class="case-thumb"
                                            src=format!("/media/photos/{}/thumb.jpg", s.photo_id)
                                            alt=move || t_string!(i18n, cases.sugg_alt, n = n).to_string()
                                            loading="lazy"
                                        />
                                        <div>
                                            <p><strong>{move || t_string!(i18n, cases.sugg_label, n = n).to_string()}</strong></p>
                                            <p>{when} " · " {s.photographer.clone()}</p>
                                            <p class="help">{move || t_string!(i18n, cases.sugg_apart, s = apart).to_string()}</p>
                                            <Show when=move || ctx.is_open()>
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    disabled=move || ctx.busy()
                                                    on:click={
                                                        let id = id.clone();
                                                        move |_| ctx.run(Area::Suggestions, tag_suggestion(ctx.case_id(), id.clone()))
                                                    }
                                                >
                                                    {move || t_string!(i18n, cases.sugg_add, n = n).to_string()}
                                                </button>
                                            </Show>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {ctx.outcome_at(Area::Suggestions, move || t_string!(i18n, cases.sugg_added).to_string())}
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------- takedowns

/// "Photo 2, Website" (with "#2" for a second place of the same photo and channel), to
/// name the takedown's controls.
fn takedown_name(i18n: I18n, v: &CaseView, id: i64) -> String {
    let Some(pos) = v.takedowns.iter().position(|t| t.id == id) else {
        return String::new();
    };
    let t = &v.takedowns[pos];
    let base = format!(
        "{}, {}",
        photo_label(i18n, t.label),
        place_words(i18n, &t.channel)
    );
    let same = |o: &crate::types::Takedown| o.label == t.label && o.channel == t.channel;
    let before = v.takedowns[..pos].iter().filter(|o| same(o)).count();
    if before == 0 {
        base
    } else {
        format!("{base} #{}", before + 1)
    }
}

#[component]
fn Takedowns(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let ids = move || {
        ctx.view
            .with(|v| v.takedowns.iter().map(|t| t.id).collect::<Vec<_>>())
    };
    view! {
        <section class="card" aria-labelledby="case-td-title">
            <h2 id="case-td-title">{t!(i18n, cases.td_title)}</h2>
            <p class="help">{t!(i18n, cases.td_help)}</p>
            <Show when=move || ctx.view.with(|v| v.takedowns.is_empty())>
                <p class="empty">{t!(i18n, cases.td_none)}</p>
            </Show>
            <ul class="takedowns">
                <For each=ids key=|id| *id children=move |id| view! { <TakedownItem ctx id/> }/>
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn TakedownItem(ctx: Ctx, id: i64) -> AnyView {
    let i18n = use_i18n();
    let td = Memo::new(move |_| {
        ctx.view
            .with(|v| v.takedowns.iter().find(|t| t.id == id).cloned())
    });
    let note = RwSignal::new(
        td.with_untracked(|t| t.as_ref().map(|t| t.note.clone()).unwrap_or_default()),
    );
    let note_missing = RwSignal::new(false);
    let what = move || ctx.view.with(|v| takedown_name(i18n, v, id));
    let done = move || td.with(|t| t.as_ref().is_some_and(|t| t.done_at.is_some()));
    let note_id = move || format!("case-td-{id}-note");
    let update = move |done: bool, text: String| {
        ctx.run(
            Area::Takedown(id),
            update_takedown(ctx.case_id(), id, done, text),
        );
    };
    view! {
        <li class="takedown">
            {move || {
                td.get()
                    .map(|t| {
                        let url = t.url.clone();
                        let link = if url.trim().is_empty() {
                            view! { <span class="help">{t!(i18n, cases.td_no_url)}</span> }.into_any()
                        } else if is_web_url(&url) {
                            view! { <a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a> }.into_any()
                        } else {
                            view! { <span>{url.clone()}</span> }.into_any()
                        };
                        let state = match (&t.done_at, t.note.trim().is_empty()) {
                            (Some(at), _) => view! {
                                <p class="td-state td-done"><DoneIcon/> {t_string!(i18n, cases.td_done, at = short_time(at)).to_string()}</p>
                            }
                                .into_any(),
                            (None, false) => view! {
                                <p class="td-state td-explained">{t_string!(i18n, cases.td_explained, note = t.note.clone()).to_string()}</p>
                            }
                                .into_any(),
                            (None, true) => view! {
                                <p class="td-state td-open"><WarnIcon/> {t!(i18n, cases.td_open)}</p>
                            }
                                .into_any(),
                        };
                        view! {
                            <dl class="facts">
                                <dt>{t!(i18n, ph.p_title)}</dt>
                                <dd><strong>{photo_label(i18n, t.label)}</strong></dd>
                                <dt>{t!(i18n, ph.pub_channel)}</dt>
                                <dd>{place_words(i18n, &t.channel)}</dd>
                                <dt>{t!(i18n, ph.pub_url)}</dt>
                                <dd class="td-url">{link}</dd>
                                <dt>{t!(i18n, cases.td_date)}</dt>
                                <dd>{t.published_on.clone()}</dd>
                                <dt>{t!(i18n, cases.td_state)}</dt>
                                <dd>{state}</dd>
                            </dl>
                        }
                    })
            }}
            <Show when=move || ctx.is_open()>
                <Show
                    when=done
                    fallback=move || {
                        view! {
                            <div class="actions">
                                <button type="button" class="primary" disabled=move || ctx.busy() on:click=move |_| update(true, String::new())>
                                    {move || t_string!(i18n, cases.td_mark, what = what()).to_string()}
                                </button>
                            </div>
                            <form
                                class="td-note"
                                on:submit=move |ev| {
                                    ev.prevent_default();
                                    let text = note.get_untracked().trim().to_string();
                                    if text.is_empty() {
                                        note_missing.set(true);
                                        return;
                                    }
                                    note_missing.set(false);
                                    update(false, text);
                                }
                            >
                                <div class="field">
                                    <label for=note_id()>{move || t_string!(i18n, cases.td_note_label, what = what()).to_string()}</label>
                                    <input
                                        id=note_id()
                                        type="text"
                                        prop:value=move || note.get()
                                        on:input=move |e| note.set(event_target_value(&e))
                                    />
                                </div>
                                <Show when=move || note_missing.get()>
                                    <p class="error" role="alert">{t!(i18n, errors.err_reason_missing)}</p>
                                </Show>
                                <button type="submit" class="secondary" disabled=move || ctx.busy()>
                                    {move || t_string!(i18n, cases.td_note_save, what = what()).to_string()}
                                </button>
                            </form>
                        }
                    }
                >
                    <button type="button" class="secondary" disabled=move || ctx.busy() on:click=move |_| update(false, String::new())>
                        {move || t_string!(i18n, cases.td_reopen, what = what()).to_string()}
                    </button>
                </Show>
            </Show>
            {ctx.outcome_at(Area::Takedown(id), move || t_string!(i18n, cases.saved).to_string())}
        </li>
    }
    .into_any()
}

// ---------------------------------------------------------------- finishing

#[component]
fn Finish(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let v = ctx.view;
    let note = RwSignal::new(String::new());
    let understand = RwSignal::new(false);
    let blocked = move || v.with(|v| !v.blockers.is_empty());
    let undecided = move || v.with(|v| v.blockers.contains(&CaseBlocker::UndecidedPhotos));
    let erasable = move || v.with(|v| v.kind == RequestKind::Erasure && !v.erased);
    view! {
        <section class="card" aria-labelledby="case-close-title">
            <h2 id="case-close-title">{t!(i18n, cases.close_title)}</h2>
            <Show
                when=move || ctx.is_open()
                fallback=move || {
                    view! {
                        <p class="case-closed">
                            <DoneIcon/>
                            {move || {
                                if v.with(|v| v.status == CaseStatus::Refused) {
                                    t_string!(i18n, cases.closed_refused).to_string()
                                } else {
                                    t_string!(i18n, cases.closed_done).to_string()
                                }
                            }}
                        </p>
                    }
                }
            >
                <Show
                    when=blocked
                    fallback=move || view! { <p class="ok">{t!(i18n, cases.bl_none)}</p> }
                >
                    <div id="case-blockers" class="case-blockers">
                        <p>{t!(i18n, cases.bl_intro)}</p>
                        <ul>
                            {move || {
                                v.with(|v| v.blockers.clone())
                                    .into_iter()
                                    .map(|b| view! { <li><WarnIcon/> {blocker_words(i18n, b)}</li> })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                </Show>
                <Show when=erasable>
                    <div class="case-erase">
                        <h3>{t!(i18n, cases.erase_title)}</h3>
                        <p>{t!(i18n, cases.erase_help)}</p>
                        <Show when=undecided>
                            <p class="help"><WarnIcon/> {t!(i18n, cases.erase_needs)}</p>
                        </Show>
                        <label class="check" for="case-erase-understand">
                            <input
                                id="case-erase-understand"
                                type="checkbox"
                                prop:checked=move || understand.get()
                                on:change=move |e| understand.set(event_target_checked(&e))
                            />
                            <span>{t!(i18n, cases.erase_understand)}</span>
                        </label>
                        <button
                            type="button"
                            class="danger-fill"
                            disabled=move || ctx.busy() || !understand.get() || undecided()
                            on:click=move |_| ctx.run(Area::Erase, erase_person(ctx.case_id()))
                        >
                            {t!(i18n, cases.erase)}
                        </button>
                        {ctx.outcome_at(Area::Erase, move || t_string!(i18n, cases.erased_note).to_string())}
                    </div>
                </Show>
                <form
                    class="case-close"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        ctx.run(Area::Close, close_case(ctx.case_id(), note.get_untracked().trim().to_string()));
                    }
                >
                    <div class="field">
                        <label for="case-close-note">{t!(i18n, cases.close_note)}</label>
                        <textarea
                            id="case-close-note"
                            rows="3"
                            prop:value=move || note.get()
                            on:input=move |e| note.set(event_target_value(&e))
                        ></textarea>
                    </div>
                    <button
                        type="submit"
                        class="primary"
                        disabled=move || ctx.busy() || blocked()
                        aria-describedby=move || if blocked() { Some("case-blockers") } else { None }
                    >
                        {t!(i18n, cases.close)}
                    </button>
                </form>
            </Show>
            {ctx.outcome_at(Area::Close, move || t_string!(i18n, cases.closed_done).to_string())}
        </section>
    }
    .into_any()
}

#[component]
fn ClosingMessage(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let area = NodeRef::<leptos::html::Textarea>::new();
    // None: not tried yet; Some(true) copied; Some(false) could not (the text is selected).
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let text = move || ctx.view.with(|v| v.closing_message.clone());
    Effect::new(move |_| {
        // A new message (after an action) was not copied yet.
        let _ = text();
        copied.set(None);
    });
    let copy = move || {
        let message = text();
        leptos::task::spawn_local(async move {
            let ok = copy_text(message).await;
            if !ok {
                if let Some(el) = area.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }
            copied.set(Some(ok));
        });
    };
    view! {
        <Show when=move || ctx.view.with(|v| !v.closing_message.trim().is_empty())>
            <section class="card" aria-labelledby="case-msg-title">
                <h2 id="case-msg-title">{t!(i18n, cases.msg_title)}</h2>
                <div class="field">
                    <label for="case-closing-message">
                        {move || {
                            let lang = ctx.view.with(|v| lang_words(i18n, &v.lang));
                            t_string!(i18n, cases.msg_label, lang = lang).to_string()
                        }}
                    </label>
                    <textarea
                        id="case-closing-message"
                        node_ref=area
                        readonly
                        rows="10"
                        aria-describedby="case-msg-help"
                        prop:value=text
                    ></textarea>
                    <p id="case-msg-help" class="help">{t!(i18n, cases.msg_help)}</p>
                </div>
                <button type="button" class="secondary" on:click=move |_| copy()>
                    {t!(i18n, cases.copy)}
                </button>
                {move || {
                    copied
                        .get()
                        .map(|ok| {
                            if ok {
                                view! { <p class="ok" role="status">{t!(i18n, cases.copied)}</p> }.into_any()
                            } else {
                                view! { <p class="error" role="alert">{t!(i18n, cases.copy_failed)}</p> }.into_any()
                            }
                        })
                }}
            </section>
        </Show>
    }
    .into_any()
}

#[component]
fn Trail(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="case-trail-title">
            <h2 id="case-trail-title">{t!(i18n, cases.trail_title)}</h2>
            {move || {
                let rows = ctx.view.with(|v| v.trail.clone());
                if rows.is_empty() {
                    return view! { <p class="empty">{t!(i18n, cases.trail_none)}</p> }.into_any();
                }
                view! {
                    <div class="table-wrap">
                        <table class="case-trail">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, audit.at)}</th>
                                    <th scope="col">{t!(i18n, audit.actor)}</th>
                                    <th scope="col">{t!(i18n, audit.action)}</th>
                                    <th scope="col">{t!(i18n, audit.subject)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| view! {
                                        <tr>
                                            <td>{short_time(&r.at)}</td>
                                            <td>{r.actor}</td>
                                            <td>{r.action}</td>
                                            <td>{r.subject}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latvian_and_english_singulars() {
        for n in [1, 21, 31, 101] {
            assert!(singular(Locale::lv, n), "{n}");
        }
        for n in [0, 2, 10, 11, 12, 111] {
            assert!(!singular(Locale::lv, n), "{n}");
        }
        assert!(singular(Locale::en, 1));
        assert!(!singular(Locale::en, 21));
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(is_web_url(" HTTP://x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(""));
    }

    #[test]
    fn dates_are_cut_to_the_day() {
        assert_eq!(date_of("2026-11-23T10:00:00Z"), "2026-11-23");
        assert_eq!(date_of("short"), "short");
    }
}
