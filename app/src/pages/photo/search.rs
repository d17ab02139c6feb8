//! Tagging by name, for organisers.

use super::words::consent_words;
use crate::api::attendees::list_attendees;
use crate::api::photos::TagPerson;
use crate::components::errors::ErrorText;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::{ApiError, AttendeeFilter, AttendeeRow, PhotoDetail, TagBy};
use leptos::prelude::*;

/// Organisers: find an attendee by name (the search is audited as a list read).
#[component]
pub(super) fn Search(detail: RwSignal<PhotoDetail>, tag: ServerAction<TagPerson>) -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let results: RwSignal<Option<Result<Vec<AttendeeRow>, ApiError>>> = RwSignal::new(None);
    let search = move || {
        let query = q.get_untracked();
        let event_id = detail.with_untracked(|d| d.event_id.clone());
        leptos::task::spawn_local(async move {
            let filter = AttendeeFilter {
                q: query,
                ..Default::default()
            };
            results.set(Some(list_attendees(event_id, filter).await.map(|l| l.rows)));
        });
    };
    view! {
        <section class="card" aria-labelledby="search-title">
            <form on:submit=move |ev| {
                ev.prevent_default();
                search();
            }>
                <label id="search-title" for="attendee-q">{t!(i18n, ph.q_label)}</label>
                <input
                    id="attendee-q"
                    type="search"
                    prop:value=move || q.get()
                    on:input=move |e| q.set(event_target_value(&e))
                />
                <button type="submit" class="secondary">{t!(i18n, ph.q_search)}</button>
            </form>
            {move || {
                results
                    .get()
                    .map(|r| match r {
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        Ok(rows) if rows.is_empty() => view! { <p class="empty">{t!(i18n, ph.q_none)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <ul class="suggestions">
                                {rows
                                    .into_iter()
                                    .map(|a| {
                                        let name = full_name(i18n, &a.fields);
                                        let attendee_id = a.id;
                                        view! {
                                            <li>
                                                <span class="tag-name">{name.clone()}</span>
                                                <span class="tag-consent">{consent_words(i18n, a.consent)}</span>
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    on:click=move |_| {
                                                        tag.dispatch(TagPerson {
                                                            photo_id: detail.with_untracked(|d| d.id.clone()),
                                                            by: TagBy::Attendee { attendee_id },
                                                            region: None,
                                                        });
                                                    }
                                                >
                                                    {t!(i18n, ph.q_add, who = name)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any(),
                    })
            }}
        </section>
    }
}
