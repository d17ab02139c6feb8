//! `/me`: a minor's guardian for a switch to green: their name, their confirmation and a
//! drawn signature, as at the kiosk.

use crate::components::signature::SignaturePad;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn GuardianFields(
    guardian_name: RwSignal<String>,
    guardian_confirmed: RwSignal<bool>,
    signature: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="guardian">
            <legend>{t!(i18n, kiosk.guardian_title)}</legend>
            <p class="help">{t!(i18n, me.guardian_help)}</p>
            <div class="field">
                <label for="me-guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
                <input
                    id="me-guardian-name"
                    autocomplete="off"
                    prop:value=move || guardian_name.get()
                    on:input=move |ev| guardian_name.set(event_target_value(&ev))
                />
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || guardian_confirmed.get()
                    on:change=move |ev| guardian_confirmed.set(event_target_checked(&ev))
                />
                <span>{t!(i18n, kiosk.guardian_confirm)}</span>
            </label>
            <SignaturePad signature/>
        </fieldset>
    }
}
