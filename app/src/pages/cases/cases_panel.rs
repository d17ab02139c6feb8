//! The requests list page's body: the event's requests and the form to open one.

use super::case_table::CaseTable;
use super::event_param;
use super::open_case_form::OpenCaseForm;
use crate::api::cases::list_cases;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn CasesPanel() -> AnyView {
    let i18n = use_i18n();
    let event_id = event_param();
    let list = Resource::new(move || event_id.get(), list_cases);
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", event_id.get())>{t!(i18n, cases.back_event)}</a>
            <h1>{t!(i18n, cases.title)}</h1>
            <p class="lead">{t!(i18n, cases.intro)}</p>
            <section class="card" aria-labelledby="cases-list-title">
                <h2 id="cases-list-title">{t!(i18n, cases.list_title)}</h2>
                <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, cases.loading)}</p> }>
                    {move || {
                        list.get()
                            .map(|r| match r {
                                Ok(rows) if rows.is_empty() => {
                                    view! { <p class="empty">{t!(i18n, cases.none_yet)}</p> }.into_any()
                                }
                                Ok(rows) => view! { <CaseTable rows event_id=event_id.get_untracked()/> }.into_any(),
                                Err(e) => view! { <ErrorText error=e/> }.into_any(),
                            })
                    }}
                </Transition>
            </section>
            <OpenCaseForm event_id/>
        </main>
    }
    .into_any()
}
