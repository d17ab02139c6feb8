//! A request form's message to the organiser.

use super::request_forms::RequestForms;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

/// The longest message a request may carry (the server checks it too).
const MESSAGE_MAX: usize = 2000;

#[component]
pub(super) fn MessageField(
    forms: RequestForms,
    kind: RequestKind,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let msg = forms.message_of(kind);
    let label = move || match kind {
        RequestKind::Removal => t_string!(i18n, me.removal_message).to_string(),
        RequestKind::Erasure => t_string!(i18n, me.erasure_message).to_string(),
        RequestKind::Objection => t_string!(i18n, me.objection_message).to_string(),
        RequestKind::Restriction => t_string!(i18n, me.restriction_message).to_string(),
    };
    let help = format!("{id}-help");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea
                id=id
                rows="3"
                maxlength=MESSAGE_MAX.to_string()
                aria-describedby=help.clone()
                prop:value=move || msg.get()
                on:input=move |ev| msg.set(event_target_value(&ev))
            ></textarea>
            <p id=help class="help">{t!(i18n, me.message_help)}</p>
        </div>
    }
}
