//! The log's filters: event, attendee, user, action and days. Sending the form puts the
//! filter in the address, so the page (and a link to it) shows the same rows.

use crate::api::events::list_events;
use crate::components::text_field::TextField;
use crate::i18n::*;
use crate::types::{AttendeeId, AuditFilter, EventWhen, PublicId};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn FilterForm(filter: Memo<AuditFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let f = filter.get_untracked();
    let event = RwSignal::new(f.event.map(|e| e.into_string()).unwrap_or_default());
    let person = RwSignal::new(f.person.map(|p| p.to_string()).unwrap_or_default());
    let user = RwSignal::new(f.user.map(|u| u.to_string()).unwrap_or_default());
    let action = RwSignal::new(f.action.unwrap_or_default());
    let from = RwSignal::new(f.from.unwrap_or_default());
    let to = RwSignal::new(f.to.unwrap_or_default());
    // Following the address (the attendee page's link, the browser's back button).
    Effect::new(move |_| {
        let f = filter.get();
        event.set(f.event.map(|e| e.into_string()).unwrap_or_default());
        person.set(f.person.map(|p| p.to_string()).unwrap_or_default());
        user.set(f.user.map(|u| u.to_string()).unwrap_or_default());
        action.set(f.action.unwrap_or_default());
        from.set(f.from.unwrap_or_default());
        to.set(f.to.unwrap_or_default());
    });
    let navigate = use_navigate();
    view! {
        <form
            class="settings audit-filter"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                let text = |s: RwSignal<String>| Some(s.get_untracked().trim().to_string()).filter(|v| !v.is_empty());
                let chosen = AuditFilter {
                    event: text(event).and_then(|e| PublicId::parse(&e)),
                    person: text(person).and_then(|p| AttendeeId::parse(&p)),
                    user: text(user).and_then(|u| crate::types::parse_user(&u)),
                    action: text(action),
                    from: text(from),
                    to: text(to),
                };
                let q = chosen.query();
                let href = if q.is_empty() { "/dashboard/audit".to_string() } else { format!("/dashboard/audit?{q}") };
                navigate(&href, Default::default());
            }
        >
            <fieldset>
                <legend>{t!(i18n, audit.filter_title)}</legend>
                <EventChoice event/>
                <WhoFields person user action/>
                <DayFields from to/>
                <button type="submit" class="primary">{t!(i18n, audit.filter_apply)}</button>
                " "
                <a class="button secondary" href="/dashboard/audit">{t!(i18n, audit.filter_clear)}</a>
            </fieldset>
        </form>
    }
    .into_any()
}

/// The event: one of the caller's (every one, archived too), or all.
#[component]
fn EventChoice(event: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let events = OnceResource::new(list_events(Some(EventWhen::All)));
    view! {
        <div class="field">
            <label for="af-event">{t!(i18n, audit.filter_event)}</label>
            <select id="af-event" prop:value=move || event.get() on:change=move |ev| event.set(event_target_value(&ev))>
                <option value="">{t!(i18n, audit.filter_event_any)}</option>
                <Suspense>
                    {move || events.get().map(|r| r.unwrap_or_default().into_iter().map(|e| {
                        let id = e.id.into_string();
                        let selected = id.clone();
                        view! { <option value=id selected=move || event.get() == selected>{e.name}</option> }
                    }).collect_view())}
                </Suspense>
            </select>
        </div>
    }
    .into_any()
}

/// The attendee, the user and the action, typed as the log shows them.
#[component]
fn WhoFields(
    person: RwSignal<String>,
    user: RwSignal<String>,
    action: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = |s: RwSignal<String>| Callback::new(move |v: String| s.set(v));
    view! {
        <div class="field-row">
            <TextField
                id="af-person"
                label=move || t!(i18n, audit.filter_person)
                value=Signal::derive(move || person.get())
                on_input=typed(person)
                help=move || t!(i18n, audit.filter_person_help)
            />
            <TextField
                id="af-user"
                label=move || t!(i18n, audit.filter_user)
                value=Signal::derive(move || user.get())
                on_input=typed(user)
                help=move || t!(i18n, audit.filter_user_help)
            />
        </div>
        <TextField
            id="af-action"
            label=move || t!(i18n, audit.filter_action)
            value=Signal::derive(move || action.get())
            on_input=typed(action)
            help=move || t!(i18n, audit.filter_action_help)
        />
    }
    .into_any()
}

/// The first and last day (UTC).
#[component]
fn DayFields(from: RwSignal<String>, to: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-row">
            <div class="field">
                <label for="af-from">{t!(i18n, audit.filter_from)}</label>
                <input id="af-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="af-to">{t!(i18n, audit.filter_to)}</label>
                <input id="af-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
            </div>
        </div>
    }
    .into_any()
}
