//! The organiser's home: their events (current and upcoming, or past, or archived:
//! issue 16 point 4), a form for a new one, kiosk pairing.

use crate::api::events::{list_events, CreateEvent};
use crate::api::kiosk::CreatePairingCode;
use crate::components::auth::RequireManager;
use crate::components::breach_banner::BreachBanner;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{EventSummary, EventWhen};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <RequireManager>
            <EventsPanel/>
        </RequireManager>
    }
}

#[component]
fn EventsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateEvent>::new();
    let query = use_query_map();
    let show = Memo::new(move |_| EventWhen::from_query(query.read().get("show").as_deref()));
    let events = Resource::new(
        move || (create.version().get(), show.get()),
        |(_, show)| list_events(Some(show)),
    );
    let creating = create.pending();
    view! {
        <main id="main" class="page">
            <h1>{t!(i18n, events.title)}</h1>
            <BreachBanner/>
            <p><a class="button secondary" href="/dashboard/record">{t!(i18n, ropa.link_all)}</a></p>
            <crate::components::backup_status::BackupStatusCard/>
            <EventFilter show/>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, events.loading)}</p> }>
                {move || {
                    events
                        .get()
                        .map(|r| match r {
                            Ok(list) if list.is_empty() && show.get() == EventWhen::Active => {
                                view! { <p class="empty">{t!(i18n, events.empty)}</p> }.into_any()
                            }
                            Ok(list) if list.is_empty() => {
                                view! { <p class="empty">{t!(i18n, events.filter_empty)}</p> }.into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <ul class="event-list">
                                        {list.into_iter().map(|e| view! { <EventCard event=e/> }).collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
            <section class="card">
                <h2>{t!(i18n, events.new_title)}</h2>
                <ActionForm action=create>
                    <div class="field">
                        <label for="ev-name">{t!(i18n, events.name)}</label>
                        <input id="ev-name" name="name" required maxlength="200"/>
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="ev-start">{t!(i18n, events.starts_on)}</label>
                            <input id="ev-start" name="starts_on" type="date"/>
                        </div>
                        <div class="field">
                            <label for="ev-end">{t!(i18n, events.ends_on)}</label>
                            <input id="ev-end" name="ends_on" type="date" required/>
                        </div>
                    </div>
                    <div class="field">
                        <label for="ev-venue">{t!(i18n, events.venue)}</label>
                        <input id="ev-venue" name="venue" maxlength="200"/>
                    </div>
                    <div class="field">
                        <label for="ev-lang">{t!(i18n, events.default_lang)}</label>
                        <select id="ev-lang" name="default_lang">
                            <option value="lv">{t!(i18n, lang.lv)}</option>
                            <option value="en">{t!(i18n, lang.en)}</option>
                        </select>
                    </div>
                    <button type="submit" class="primary" disabled=move || creating.get()>
                        {move || {
                            if creating.get() {
                                t_string!(i18n, events.creating).to_string()
                            } else {
                                t_string!(i18n, events.create).to_string()
                            }
                        }}
                    </button>
                </ActionForm>
                {move || {
                    create
                        .value()
                        .get()
                        .map(|r| match r {
                            Ok(_) => view! { <p class="ok" role="status">{t!(i18n, events.created)}</p> }.into_any(),
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </section>
        </main>
    }
}

/// Which events the list shows: links (with `aria-current` on the one shown), so the
/// choice is in the address, works before the page's script runs and reads as a list
/// of places to a screen reader.
#[component]
fn EventFilter(show: Memo<EventWhen>) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |w: EventWhen| match w {
        EventWhen::Active => t_string!(i18n, events.show_active).to_string(),
        EventWhen::Current => t_string!(i18n, events.show_current).to_string(),
        EventWhen::Upcoming => t_string!(i18n, events.show_upcoming).to_string(),
        EventWhen::Past => t_string!(i18n, events.show_past).to_string(),
        EventWhen::Archived => t_string!(i18n, events.show_archived).to_string(),
        EventWhen::All => t_string!(i18n, events.show_all).to_string(),
    };
    let links = EventWhen::ALL
        .into_iter()
        .map(|w| {
            let href = match w {
                EventWhen::Active => "/dashboard".to_string(),
                other => format!("/dashboard?show={}", other.as_str()),
            };
            view! {
                <li>
                    <a
                        class="button"
                        class:primary=move || show.get() == w
                        class:secondary=move || show.get() != w
                        href=href
                        aria-current=move || (show.get() == w).then_some("page")
                    >
                        {move || label(w)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="choice-links" aria-label=move || t_string!(i18n, events.show_label)>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
fn EventCard(event: EventSummary) -> impl IntoView {
    let i18n = use_i18n();
    let pair = ServerAction::<CreatePairingCode>::new();
    let dates = match (&event.starts_on, &event.ends_on) {
        (Some(a), Some(b)) if a != b => Some(format!("{a} – {b}")),
        (Some(a), _) => Some(a.clone()),
        (None, Some(b)) => Some(b.clone()),
        (None, None) => None,
    };
    let venue = Some(event.venue.clone()).filter(|v| !v.is_empty());
    let event_id = event.id.clone();
    let archived = event.archived_at.is_some();
    view! {
        <li class="card event">
            <h2>
                <a href=format!("/dashboard/events/{}", event.id)>{event.name.clone()}</a>
            </h2>
            {archived.then(|| view! { <p class="tag archived">{t!(i18n, events.archived_tag)}</p> })}
            <p class="meta">
                {match dates {
                    Some(d) => d.into_any(),
                    None => t!(i18n, events.dates_none).into_any(),
                }}
                " · "
                {match venue {
                    Some(v) => v.into_any(),
                    None => t!(i18n, events.venue_none).into_any(),
                }}
            </p>
            {event.data_deleted_on.clone().map(|date| {
                let purged = event.data_purged;
                view! {
                    <p class="meta retention">
                        {move || {
                            let date = date.clone();
                            if purged {
                                t_string!(i18n, retention.list_purged, date).to_string()
                            } else {
                                t_string!(i18n, retention.list_deleted_on, date).to_string()
                            }
                        }}
                    </p>
                }
            })}
            <a class="button secondary" href=format!("/dashboard/events/{}/settings", event.id)>
                {t!(i18n, settings.link)}
            </a>
            " "
            <a class="button secondary" href=format!("/dashboard/events/{}/edit", event.id)>
                {t!(i18n, events.edit_link)}
            </a>
            " "
            {(!archived).then(|| view! {
            <button
                type="button"
                class="secondary"
                disabled=move || pair.pending().get()
                on:click=move |_| {
                    pair.dispatch(CreatePairingCode { event_id: event_id.clone(), label: None });
                }
            >
                {move || {
                    if pair.pending().get() {
                        t_string!(i18n, events.pairing).to_string()
                    } else {
                        t_string!(i18n, events.pair).to_string()
                    }
                }}
            </button>
            {move || {
                pair.value()
                    .get()
                    .map(|r| match r {
                        Ok(p) => {
                            let event = p.event_name.clone();
                            view! {
                                <div class="pairing" role="status">
                                    <p>{t!(i18n, events.pair_code, event)}</p>
                                    <p class="code">{p.code}</p>
                                    <p class="help">{t!(i18n, events.pair_help)}</p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
            })}
        </li>
    }
}
