//! After "Ask for my photos to be removed": what happens next, the organiser's
//! deadline and how to follow the request, then "Done" (the kiosk forgets the person).

use super::state::FlowState;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn RemovalAskedStep(flow: FlowState) -> impl IntoView {
    let FlowState { i18n, removal, .. } = flow;
    move || match removal.value().get() {
        Some(Ok(asked)) => {
            let date = asked.due_on.clone();
            view! {
                <h1>{t!(i18n, kiosk.removal_done)}</h1>
                <div class="removal-asked" role="status">
                    <p>{t!(i18n, kiosk.removal_next)}</p>
                    <p><strong>{move || t_string!(i18n, kiosk.removal_due, date = date.clone()).to_string()}</strong></p>
                    <p>{t!(i18n, kiosk.removal_follow)}</p>
                </div>
                <div class="actions">
                    <button type="button" class="primary big" on:click=move |_| flow.forget()>
                        {t!(i18n, kiosk.done)}
                    </button>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}
