//! Check-in of a pre-registered attendee by their check-in code (or e-mail address).

use super::parts::{back, msg};
use super::state::{FlowState, Step};
use crate::api::kiosk::CheckinFind;
use crate::components::errors::ErrorText;
use crate::components::text_field::{FieldKind, TextField};
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
            <TextField
                id="checkin-code"
                kind=FieldKind::Code
                label=move || t!(i18n, kiosk.checkin_code)
                help=move || t!(i18n, kiosk.checkin_code_help)
                value=Signal::derive(move || draft.with(|d| d.checkin_code.clone()))
                on_input=move |v: String| draft.update(|d| d.checkin_code = v)
            />
            {by_email.then(|| view! {
                <TextField
                    id="checkin-email"
                    kind=FieldKind::Email
                    label=move || t!(i18n, kiosk.checkin_email)
                    value=Signal::derive(move || draft.with(|d| d.checkin_email.clone()))
                    on_input=move |v: String| draft.update(|d| d.checkin_email = v)
                />
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
