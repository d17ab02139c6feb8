//! The event's attendees with search and filters.

use super::attendee_table::AttendeeTable;
use super::common::event_param;
use super::list_filters::ListFilters;
use crate::api::attendees::list_attendees;
use crate::components::errors::ErrorText;
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
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, att.back_event)}</a>
            <h1>{t!(i18n, att.title)}</h1>
            <p>
                <a class="button secondary" href=move || format!("/dashboard/events/{}/attendees/new", event_id.get())>
                    {t!(i18n, ev.register)}
                </a>
            </p>
            <ListFilters draft applied/>
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
                                let base = format!("/dashboard/events/{}/attendees", event_id.get_untracked());
                                view! { <AttendeeTable l base/> }.into_any()
                            }
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}
