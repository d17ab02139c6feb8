//! Loads the attendee named in the address, with the way back to the list.

use super::common::event_param;
use super::detail::Detail;
use crate::api::attendees::get_attendee;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub(super) fn AttendeePanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = event_param();
    let attendee_id = Memo::new(move |_| {
        params
            .read()
            .get("aid")
            .and_then(|s| crate::types::AttendeeId::parse(&s))
    });
    let data = Resource::new(
        move || (event_id.get(), attendee_id.get()),
        |(e, a)| async move {
            match a {
                Some(a) => get_attendee(e, a).await,
                None => Err(crate::types::ApiError::NotFound),
            }
        },
    );
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/attendees", event_id.get())>{t!(i18n, att.back_list)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, att.loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |d| view! { <Detail initial=d event_id=event_id.get_untracked()/> }))}
            </Transition>
        </main>
    }
}
