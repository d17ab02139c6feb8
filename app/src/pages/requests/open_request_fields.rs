//! The open-request form's request: its kind, the person's message, how their identity
//! was checked and the language of the answer.

use super::words::kind_words;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

#[component]
pub(super) fn OpenRequestFields(
    kind: RwSignal<RequestKind>,
    message: RwSignal<String>,
    identity: RwSignal<String>,
    lang: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind_option = move |k: RequestKind| {
        let id = format!("open-kind-{}", k.as_str());
        view! {
            <label class="check" for=id.clone()>
                <input
                    id=id.clone()
                    type="radio"
                    name="open-kind"
                    value=k.as_str()
                    prop:checked=move || kind.get() == k
                    on:change=move |_| kind.set(k)
                />
                <span>{move || kind_words(i18n, k)}</span>
            </label>
        }
    };

    view! {
        <fieldset class="request-kinds">
            <legend>{t!(i18n, requests.kind_title)}</legend>
            {RequestKind::ALL.into_iter().map(kind_option).collect_view()}
        </fieldset>
        <div class="field">
            <label for="open-message">{t!(i18n, requests.message_label)}</label>
            <textarea
                id="open-message"
                rows="4"
                prop:value=move || message.get()
                on:input=move |e| message.set(event_target_value(&e))
            ></textarea>
        </div>
        <div class="field">
            <label for="open-identity">
                {t!(i18n, requests.identity_label)} " "
                <span class="req">{t!(i18n, kiosk.required_mark)}</span>
            </label>
            <textarea
                id="open-identity"
                rows="3"
                aria-required="true"
                aria-describedby="open-identity-help"
                prop:value=move || identity.get()
                on:input=move |e| identity.set(event_target_value(&e))
            ></textarea>
            <p id="open-identity-help" class="help">{t!(i18n, requests.identity_help)}</p>
        </div>
        <div class="field">
            <label for="open-lang">{t!(i18n, requests.lang_label)}</label>
            <select
                id="open-lang"
                aria-describedby="open-lang-help"
                prop:value=move || lang.get()
                on:change=move |e| lang.set(event_target_value(&e))
            >
                <option value="lv" lang="lv">{t!(i18n, lang.lv)}</option>
                <option value="en" lang="en">{t!(i18n, lang.en)}</option>
            </select>
            <p id="open-lang-help" class="help">{t!(i18n, requests.lang_help)}</p>
        </div>
    }
}
