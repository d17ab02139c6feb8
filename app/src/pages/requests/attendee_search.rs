//! The open-request form's name search: the event's attendees matching the words, each
//! with a button that chooses them.

use crate::api::attendees::list_attendees;
use crate::components::consent_tag::ConsentTag;
use crate::components::errors::ErrorText;
use crate::components::text_field::{FieldKind, TextField};
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::{ApiError, AttendeeFilter, AttendeeRow};
use leptos::prelude::*;

/// Choosing an attendee clears the typed badge and the "choose a person" problem.
#[component]
pub(super) fn AttendeeSearch(
    event_id: Memo<crate::types::PublicId>,
    badge: RwSignal<String>,
    picked: RwSignal<Option<(crate::types::AttendeeId, Option<String>)>>,
    problem: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let results: RwSignal<Option<Result<Vec<AttendeeRow>, ApiError>>> = RwSignal::new(None);
    let searching = RwSignal::new(false);
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

    view! {
        <form
            class="request-search"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                search();
            }
        >
            <TextField
                id="open-q"
                kind=FieldKind::Search
                label=move || t!(i18n, requests.search_label)
                value=q
                on_input=move |v: String| q.set(v)
            />
            <button type="submit" class="secondary" disabled=move || searching.get()>
                {t!(i18n, requests.search_button)}
            </button>
        </form>
        {move || {
            results
                .get()
                .map(|r| match r {
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    Ok(rows) if rows.is_empty() => {
                        view! { <p class="empty" role="status">{t!(i18n, requests.search_none)}</p> }.into_any()
                    }
                    Ok(rows) => {
                        view! {
                            <ul class="suggestions request-results">
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
                                        let label = t_string!(i18n, requests.choose, who = name.clone()).to_string();
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
    }
}
