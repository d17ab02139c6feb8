//! The requests list page's body: the event's requests and the form to open one.

use super::event_param;
use super::open_request_form::OpenRequestForm;
use super::request_table::RequestTable;
use crate::api::requests::list_requests;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn RequestsPanel() -> AnyView {
    let i18n = use_i18n();
    let event_id = event_param();
    let list = Resource::new(move || event_id.get(), list_requests);
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, requests.back_event)}</a>
            <h1>{t!(i18n, requests.title)}</h1>
            <p class="lead">{t!(i18n, requests.intro)}</p>
            <section class="card" aria-labelledby="requests-list-title">
                <h2 id="requests-list-title">{t!(i18n, requests.list_title)}</h2>
                <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, requests.loading)}</p> }>
                    {move || {
                        list.get()
                            .map(|r| match r {
                                Ok(rows) if rows.is_empty() => {
                                    view! { <p class="empty">{t!(i18n, requests.none_yet)}</p> }.into_any()
                                }
                                Ok(rows) => view! { <RequestTable rows event_id=event_id.get_untracked()/> }.into_any(),
                                Err(e) => view! { <ErrorText error=e/> }.into_any(),
                            })
                    }}
                </Transition>
            </section>
            <OpenRequestForm event_id/>
        </main>
    }
    .into_any()
}
