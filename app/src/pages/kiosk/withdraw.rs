//! "Change my photo choice": the attendee scans or types their badge code; a green
//! badge can become red here, and either colour can ask for their photos to be removed
//! (issue 16 point 6).

use super::parts::back;
use super::state::{FlowState, Step};
use crate::api::kiosk::{KioskRemoval, Withdraw, WithdrawCheck};
use crate::components::badge::ConsentIcon;
use crate::components::camera::QrCamera;
use crate::components::errors::ErrorText;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

#[component]
pub(super) fn WithdrawStep(flow: FlowState) -> AnyView {
    let FlowState {
        i18n,
        draft,
        step,
        check,
        withdraw,
        removal,
        ..
    } = flow;
    let withdraw_code = move || draft.with_untracked(|d| d.withdraw_code.clone());
    let lookup = move |code: String| {
        draft.update(|d| d.withdraw_code = code.clone());
        withdraw.clear();
        removal.clear();
        check.dispatch(WithdrawCheck { code });
    };
    view! {
        <h1>{t!(i18n, kiosk.withdraw_title)}</h1>
        <p class="lead">{t!(i18n, kiosk.withdraw_help)}</p>
        <QrCamera
            on_decode=Callback::new(move |t: String| lookup(t))
            active=Signal::derive(move || step.get() == Step::Withdraw && check.value().get().is_none())
        />
        <form on:submit=move |ev| { ev.prevent_default(); lookup(withdraw_code()); }>
            <TextField
                id="withdraw-code"
                kind=FieldKind::Badge
                label=move || t!(i18n, kiosk.withdraw_code)
                value=Signal::derive(move || draft.with(|d| d.withdraw_code.clone()))
                on_input=move |v: String| draft.update(|d| d.withdraw_code = v)
            />
            <button type="submit" class="primary" disabled=move || check.pending().get()>{t!(i18n, kiosk.withdraw_check)}</button>
        </form>
        {move || check.value().get().map(|r| match r {
            Ok(Consent::Green) => view! {
                <div class="summary green" role="status">
                    <ConsentIcon consent=Consent::Green/>
                    <strong>{t!(i18n, kiosk.withdraw_is_green)}</strong>
                </div>
                {move || withdraw.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                <button
                    type="button"
                    class="primary big"
                    disabled=move || withdraw.pending().get()
                    on:click=move |_| {
                        withdraw.dispatch(Withdraw {
                            code: withdraw_code(),
                            lang: i18n.get_locale_untracked().as_str().to_string(),
                        });
                    }
                >
                    {t!(i18n, kiosk.withdraw_confirm)}
                </button>
            }.into_any(),
            Ok(Consent::Red) => view! {
                <div class="summary red" role="status">
                    <ConsentIcon consent=Consent::Red/>
                    <strong>{t!(i18n, kiosk.withdraw_is_red)}</strong>
                </div>
                <p class="help">{t!(i18n, kiosk.withdraw_to_green)}</p>
            }.into_any(),
            Err(e) => view! { <ErrorText error=e/> }.into_any(),
        })}
        {move || check.value().get().is_some_and(|r| r.is_ok()).then(|| view! {
            <div class="removal-ask">
                <p class="help">{t!(i18n, kiosk.removal_help)}</p>
                {move || removal.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                <button
                    type="button"
                    class="secondary big"
                    disabled=move || removal.pending().get()
                    on:click=move |_| {
                        removal.dispatch(KioskRemoval {
                            code: withdraw_code(),
                            lang: i18n.get_locale_untracked().as_str().to_string(),
                        });
                    }
                >
                    {t!(i18n, kiosk.removal_ask)}
                </button>
            </div>
        })}
        <div class="actions">
            {back(flow, Step::Welcome)}
        </div>
    }
    .into_any()
}
