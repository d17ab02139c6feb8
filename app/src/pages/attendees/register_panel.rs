//! Loads the event's field rules for registering on an attendee's behalf.

use super::common::event_param;
use super::register_form::RegisterForm;
use crate::api::settings::get_event_settings;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn RegisterPanel() -> impl IntoView {
    let i18n = use_i18n();
    let event_id = event_param();
    let settings = Resource::new(move || event_id.get(), get_event_settings);
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}/attendees", event_id.get())>{t!(i18n, att.back_list)}</a>
            <h1>{t!(i18n, att.register_title)}</h1>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, att.loading)}</p> }>
                {move || settings.get().map(|r| loaded(r, |v| view! { <RegisterForm rules=v.settings.fields event_id=event_id.get_untracked() notices=v.notices/> }))}
            </Transition>
        </main>
    }
}
