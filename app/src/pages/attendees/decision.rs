//! The consent decision form shared by "change consent" and "register on behalf", and
//! what of it the server keeps.

use crate::components::badge::ConsentIcon;
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::types::{Consent, ConsentInput};
use leptos::prelude::*;

/// Choice buttons plus, for a minor choosing green, the guardian's name, confirmation
/// and signature. Shared by "change consent" and "register on behalf".
#[component]
pub(super) fn DecisionFields(
    input: RwSignal<ConsentInput>,
    is_minor: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let signature = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let sig = signature.get();
        input.update(|i| i.signature_data_url = sig);
    });
    let choice = move || input.with(|i| i.choice);
    let pick = move |c: Consent| input.update(|i| i.choice = Some(c));
    view! {
        <div class="choices photo-choices" role="radiogroup" aria-labelledby="decision-q">
            <span id="decision-q" class="label">{t!(i18n, kiosk.choice_title)}</span>
            <button type="button" role="radio" class="choice photo green" aria-checked=move || (choice() == Some(Consent::Green)).to_string() on:click=move |_| pick(Consent::Green)>
                <ConsentIcon consent=Consent::Green/>
                <span>{t!(i18n, kiosk.choice_green)}</span>
            </button>
            <button type="button" role="radio" class="choice photo red" aria-checked=move || (choice() == Some(Consent::Red)).to_string() on:click=move |_| pick(Consent::Red)>
                <ConsentIcon consent=Consent::Red/>
                <span>{t!(i18n, kiosk.choice_red)}</span>
            </button>
        </div>
        <Show when=move || is_minor.get() && choice() == Some(Consent::Green)>
            <fieldset class="guardian">
                <legend>{t!(i18n, kiosk.guardian_title)}</legend>
                <div class="field">
                    <label for="org-guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
                    <input
                        id="org-guardian-name"
                        autocomplete="off"
                        prop:value=move || input.with(|i| i.guardian_name.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            input.update(|i| i.guardian_name = v);
                        }
                    />
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || input.with(|i| i.guardian_confirmed)
                        on:change=move |ev| {
                            let v = event_target_checked(&ev);
                            input.update(|i| i.guardian_confirmed = v);
                        }
                    />
                    <span>{t!(i18n, kiosk.guardian_confirm)}</span>
                </label>
                <SignaturePad signature/>
            </fieldset>
        </Show>
    }
}

/// What the server keeps: guardian data only for a minor's green choice.
pub(super) fn decision_for(input: &ConsentInput, is_minor: bool) -> ConsentInput {
    if is_minor && input.choice == Some(Consent::Green) {
        input.clone()
    } else {
        ConsentInput {
            choice: input.choice,
            ..Default::default()
        }
    }
}
