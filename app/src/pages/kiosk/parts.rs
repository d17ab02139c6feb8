//! Markup shared by the kiosk steps: the "Back" button, the step's message, and "Print
//! again" / "Done" under a printed badge.

use super::state::{FlowState, Step};
use crate::i18n::*;
use leptos::prelude::*;

/// "Print again" and "Done" under a printed badge.
pub(super) fn done_actions(flow: FlowState) -> impl IntoView {
    let i18n = flow.i18n;
    let forget = move || flow.forget();
    view! {
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>
                {t!(i18n, kiosk.print_again)}
            </button>
            <button type="button" class="primary big" on:click=move |_| forget()>
                {t!(i18n, kiosk.done)}
            </button>
        </div>
    }
}

/// The step's message (a missing field, an invalid address), if any.
pub(super) fn msg(flow: FlowState) -> impl IntoView {
    let draft = flow.draft;
    let message = Memo::new(move |_| draft.with(|d| d.message.clone()));
    move || {
        message
            .get()
            .map(|m| view! { <p class="error" role="alert">{m}</p> })
    }
}

/// "Back" to the step `s`.
pub(super) fn back(flow: FlowState, s: Step) -> impl IntoView {
    let i18n = flow.i18n;
    let go = move |s: Step| flow.go(s);
    view! {
        <button type="button" class="secondary" on:click=move |_| go(s)>
            {t!(i18n, kiosk.back)}
        </button>
    }
}
