//! The choice to confirm, and the registration (the badge prints once it is done).

use super::parts::back;
use super::state::{FlowState, Step};
use crate::api::kiosk::KioskRegister;
use crate::components::badge::ConsentIcon;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{Consent, KioskRegistration};
use leptos::prelude::*;

#[component]
pub(super) fn ConfirmStep(flow: FlowState) -> impl IntoView {
    let FlowState {
        i18n,
        draft,
        register,
        ..
    } = flow;
    let submit = move || {
        let lang = i18n.get_locale_untracked().as_str().to_string();
        let registration = draft.with_untracked(|d| {
            let minor_green = d.minor_green();
            KioskRegistration {
                lang,
                notice: d.notice.clone(),
                fields: d.fields.clone(),
                is_minor: d.is_minor == Some(true),
                choice: d.choice,
                guardian_name: if minor_green {
                    d.guardian_name.clone()
                } else {
                    String::new()
                },
                guardian_confirmed: minor_green && d.guardian_confirmed,
                checkin: d.checkin.is_some(),
                signature_data_url: if minor_green {
                    d.signature.clone()
                } else {
                    None
                },
            }
        });
        register.dispatch(KioskRegister { registration });
    };
    let choice = Memo::new(move |_| draft.with(|d| d.choice));
    // Drawn again when the choice or the language changes.
    move || {
        let c = choice.get().unwrap_or(Consent::Red);
        view! {
            <h1>{t!(i18n, kiosk.confirm_title)}</h1>
            <p class=format!("summary {}", c.as_str())>
                {t!(i18n, kiosk.your_choice)} " "
                <ConsentIcon consent=c/>
                <strong>
                    {match c {
                        Consent::Green => t_string!(i18n, kiosk.choice_green).to_string(),
                        Consent::Red => t_string!(i18n, kiosk.choice_red).to_string(),
                    }}
                </strong>
            </p>
            {move || register.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            <div class="actions">
                {back(flow, Step::Choice)}
                <button type="button" class="primary" disabled=move || register.pending().get() on:click=move |_| submit()>
                    {move || if register.pending().get() { t_string!(i18n, kiosk.printing).to_string() } else { t_string!(i18n, kiosk.confirm).to_string() }}
                </button>
            </div>
        }
        .into_any()
    }
}
