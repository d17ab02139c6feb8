//! The objection or the restriction form: its help, a message and a button.

use super::disclosure::Disclosure;
use super::message_field::MessageField;
use super::request_feedback::RequestFeedback;
use super::request_forms::RequestForms;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

#[component]
pub(super) fn PlainRequest(
    forms: RequestForms,
    kind: RequestKind,
    id: &'static str,
    message_id: &'static str,
    title: Signal<String>,
    help: AnyView,
    submit_label: AnyView,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            <Disclosure id title>
                <p>{help}</p>
                <form method="post" on:submit=move |ev| { ev.prevent_default(); forms.submit(i18n, kind); }>
                    <MessageField forms kind id=message_id/>
                    <button type="submit" class="primary" disabled=move || forms.busy()>{submit_label}</button>
                    <RequestFeedback forms kind/>
                </form>
            </Disclosure>
        </li>
    }
}
