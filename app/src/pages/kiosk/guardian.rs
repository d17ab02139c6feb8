//! A minor's green choice: the guardian's name, confirmation and signature.

use super::parts::{back, msg};
use super::state::{FlowState, Step};
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

#[component]
pub(super) fn GuardianStep(flow: FlowState) -> AnyView {
    let FlowState {
        i18n,
        choice,
        guardian_name,
        guardian_confirmed,
        signature,
        message,
        ..
    } = flow;
    let go = move |s: Step| flow.go(s);
    let check_guardian = move || {
        let ok = !guardian_name.get_untracked().trim().is_empty()
            && guardian_confirmed.get_untracked()
            && signature.get_untracked().is_some();
        if ok {
            go(Step::Confirm);
        } else {
            message.set(Some(t_string!(i18n, kiosk.guardian_missing).to_string()));
        }
    };
    view! {
        <h1>{t!(i18n, kiosk.guardian_title)}</h1>
        <p class="lead">{t!(i18n, kiosk.guardian_help)}</p>
        <div class="field">
            <label for="guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
            <input id="guardian-name" autocomplete="off" prop:value=move || guardian_name.get() on:input=move |ev| guardian_name.set(event_target_value(&ev))/>
        </div>
        <label class="check">
            <input type="checkbox" prop:checked=move || guardian_confirmed.get() on:change=move |ev| guardian_confirmed.set(event_target_checked(&ev))/>
            <span>{t!(i18n, kiosk.guardian_confirm)}</span>
        </label>
        <SignaturePad signature/>
        {msg(flow)}
        <div class="actions">
            {back(flow, Step::Choice)}
            <button type="button" class="secondary" on:click=move |_| { choice.set(Some(Consent::Red)); go(Step::Confirm); }>
                {t!(i18n, kiosk.choose_red_instead)}
            </button>
            <button type="button" class="primary" on:click=move |_| check_guardian()>
                {t!(i18n, kiosk.next)}
            </button>
        </div>
    }
    .into_any()
}
