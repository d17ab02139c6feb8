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
        message,
        find,
        checkin_code,
        checkin_email,
        ..
    } = flow;
    let by_email = event.with_value(|e| e.allow_email_lookup);
    view! {
        <h1>{t!(i18n, kiosk.checkin_title)}</h1>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            let email = checkin_email.get_untracked();
            if !email.trim().is_empty() && !looks_like_email(email.trim()) {
                find.clear();
                message.set(Some(t_string!(i18n, kiosk.email_invalid).to_string()));
                return;
            }
            message.set(None);
            find.dispatch(CheckinFind { code: checkin_code.get_untracked(), email });
        }>
            <div class="field">
                <label for="checkin-code">{t!(i18n, kiosk.checkin_code)}</label>
                <input
                    id="checkin-code"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    prop:value=move || checkin_code.get()
                    on:input=move |ev| checkin_code.set(event_target_value(&ev))
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
                        prop:value=move || checkin_email.get()
                        on:input=move |ev| checkin_email.set(event_target_value(&ev))
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
