//! A minor's green choice: the guardian's name, confirmation and signature.

use super::parts::{back, msg};
use super::state::{FlowState, Step};
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

#[component]
pub(super) fn GuardianStep(flow: FlowState) -> AnyView {
    let FlowState { i18n, draft, .. } = flow;
    let go = move |s: Step| flow.go(s);
    let check_guardian = move || {
        let ok = draft.with_untracked(|d| {
            !d.guardian_name.trim().is_empty() && d.guardian_confirmed && d.signature.is_some()
        });
        if ok {
            go(Step::Confirm);
        } else {
            flow.say(t_string!(i18n, kiosk.guardian_missing).to_string());
        }
    };
    let signature = SignalSetter::map(move |s| draft.update(|d| d.signature = s));
    view! {
        <h1>{t!(i18n, kiosk.guardian_title)}</h1>
        <p class="lead">{t!(i18n, kiosk.guardian_help)}</p>
        <div class="field">
            <label for="guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
            <input
                id="guardian-name"
                autocomplete="off"
                prop:value=move || draft.with(|d| d.guardian_name.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|d| d.guardian_name = v);
                }
            />
        </div>
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || draft.with(|d| d.guardian_confirmed)
                on:change=move |ev| {
                    let v = event_target_checked(&ev);
                    draft.update(|d| d.guardian_confirmed = v);
                }
            />
            <span>{t!(i18n, kiosk.guardian_confirm)}</span>
        </label>
        <SignaturePad signature/>
        {msg(flow)}
        <div class="actions">
            {back(flow, Step::Choice)}
            <button type="button" class="secondary" on:click=move |_| { draft.update(|d| d.choice = Some(Consent::Red)); go(Step::Confirm); }>
                {t!(i18n, kiosk.choose_red_instead)}
            </button>
            <button type="button" class="primary" on:click=move |_| check_guardian()>
                {t!(i18n, kiosk.next)}
            </button>
        </div>
    }
    .into_any()
}
