//! The people affected at one chosen event: "everyone registered at this event", or
//! attendees found by a search and ticked one by one. The search is the attendee list's
//! own (audited as a read of the event's list).

use super::toggle;
use crate::api::attendees::list_attendees;
use crate::components::errors::ErrorText;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::{AttendeeFilter, AttendeeId, EventSummary, PublicId};
use leptos::prelude::*;

/// A chosen person: their id and how the form shows them.
pub(super) type Chosen = (AttendeeId, String);

#[component]
pub(super) fn PeoplePicker(
    event: EventSummary,
    everyone: RwSignal<Vec<PublicId>>,
    people: RwSignal<Vec<Chosen>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ev = event.id.clone();
    let q = RwSignal::new(String::new());
    let search = Action::new(move |(ev, q): &(PublicId, String)| {
        let filter = AttendeeFilter {
            q: q.clone(),
            ..Default::default()
        };
        list_attendees(ev.clone(), filter)
    });
    let all_id = format!("breach-everyone-{}", event.id);
    let q_id = format!("breach-q-{}", event.id);
    let (ev_all, ev_all2, ev_search) = (ev.clone(), ev.clone(), ev.clone());
    let is_all = move || everyone.with(|e| e.contains(&ev_all));
    let name = event.name.clone();
    view! {
        <fieldset class="breach-choices breach-people">
            <legend>{t!(i18n, breaches.people_legend, event = name.clone())}</legend>
            <label class="check" for=all_id.clone()>
                <input
                    id=all_id.clone()
                    type="checkbox"
                    prop:checked=is_all.clone()
                    on:change=move |e| toggle(everyone, ev_all2.clone(), event_target_checked(&e))
                />
                <span>{t!(i18n, breaches.everyone_at)}</span>
            </label>
            <div class="field search-row" class:hidden=is_all.clone()>
                <label for=q_id.clone()>{t!(i18n, breaches.search_people)}</label>
                <input
                    id=q_id.clone()
                    type="search"
                    autocomplete="off"
                    prop:value=move || q.get()
                    on:input=move |e| q.set(event_target_value(&e))
                    on:keydown={
                        let ev = ev_search.clone();
                        move |e| {
                            if e.key() == "Enter" {
                                e.prevent_default();
                                search.dispatch((ev.clone(), q.get_untracked()));
                            }
                        }
                    }
                />
                <button
                    type="button"
                    class="secondary"
                    on:click={
                        let ev = ev_search.clone();
                        move |_| {
                            search.dispatch((ev.clone(), q.get_untracked()));
                        }
                    }
                >
                    {t!(i18n, breaches.search)}
                </button>
            </div>
            {move || search.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, breaches.searching)}</p> })}
            {move || match search.value().get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
                Some(Ok(list)) if list.rows.iter().all(|r| r.erased) => {
                    view! { <p class="empty" role="status">{t!(i18n, breaches.no_match)}</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <ul class="plain">
                        {list
                            .rows
                            .into_iter()
                            .filter(|r| !r.erased)
                            .map(|r| {
                                let id = format!("breach-person-{}", r.id.get());
                                let who = r.id;
                                let label = {
                                    let n = full_name(i18n, &r.fields);
                                    let extra = r.fields.organisation.clone().or(r.fields.email.clone()).unwrap_or_default();
                                    if extra.is_empty() { n } else { format!("{n} ({extra})") }
                                };
                                let label2 = label.clone();
                                view! {
                                    <li>
                                        <label class="check" for=id.clone()>
                                            <input
                                                id=id.clone()
                                                type="checkbox"
                                                prop:checked=move || people.with(|p| p.iter().any(|(a, _)| *a == who))
                                                on:change=move |e| {
                                                    let on = event_target_checked(&e);
                                                    people.update(|p| {
                                                        p.retain(|(a, _)| *a != who);
                                                        if on {
                                                            p.push((who, label2.clone()));
                                                        }
                                                    });
                                                }
                                            />
                                            <span>{label}</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any(),
            }}
        </fieldset>
    }
}
