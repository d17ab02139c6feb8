//! The event's attendees with search and filters.

use super::common::{event_param, yes_no};
use crate::api::attendees::list_attendees;
use crate::components::consent_tag::ConsentTag;
use crate::components::errors::ErrorText;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::AttendeeFilter;
use leptos::prelude::*;

#[component]
pub(super) fn AttendeeList() -> impl IntoView {
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
