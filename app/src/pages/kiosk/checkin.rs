//! Check-in of a pre-registered attendee by their check-in code (or e-mail address).

use super::parts::{back, msg};
use super::state::{FlowState, Step};
use crate::api::kiosk::CheckinFind;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::validate::looks_like_email;
use leptos::prelude::*;

#[component]
pub(super) fn CheckinStep(flow: FlowState) -> AnyView {
    let FlowState {
        i18n,
        event,
        draft,
        find,
        ..
    } = flow;
    let by_email = event.with_value(|e| e.allow_email_lookup);
    view! {
        <h1>{t!(i18n, kiosk.checkin_title)}</h1>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            let (code, email) =
                draft.with_untracked(|d| (d.checkin_code.clone(), d.checkin_email.clone()));
            if !email.trim().is_empty() && !looks_like_email(email.trim()) {
                find.clear();
                flow.say(t_string!(i18n, kiosk.email_invalid).to_string());
                return;
            }
            draft.update(|d| d.message = None);
            find.dispatch(CheckinFind { code, email });
        }>
            <div class="field">
                <label for="checkin-code">{t!(i18n, kiosk.checkin_code)}</label>
                <input
                    id="checkin-code"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    prop:value=move || draft.with(|d| d.checkin_code.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.checkin_code = v);
                    }
                />
                <p class="help">{t!(i18n, kiosk.checkin_code_help)}</p>
            </div>
            {by_email.then(|| view! {
                <div class="field">
                    <label for="checkin-email">{t!(i18n, kiosk.checkin_email)}</label>
                    <input
                        id="checkin-email"
                        type="email"
                        autocomplete="off"
                        prop:value=move || draft.with(|d| d.checkin_email.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.checkin_email = v);
                        }
                    />
                </div>
            })}
            {msg(flow)}
            {move || find.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            <div class="actions">
                {back(flow, Step::Welcome)}
                <button type="submit" class="primary" disabled=move || find.pending().get()>
                    {t!(i18n, kiosk.checkin_find)}
                </button>
            </div>
        </form>
    }
    .into_any()
}
