//! The consent decision form shared by "change consent" and "register on behalf", and
//! what of it the server keeps.

use crate::components::badge::ConsentIcon;
use crate::components::notice_box::NoticeBox;
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::types::{ApiError, Consent, ConsentInput, NoticeText, PublicId};
use leptos::prelude::*;

/// The notice to show the attendee, then the choice buttons plus, for a minor choosing
/// green, the guardian's name, confirmation and signature. Shared by "change consent"
/// and "register on behalf". The decision sends the version of the notice shown
/// (issue 14 point 4).
#[component]
pub(super) fn DecisionFields(
    input: RwSignal<ConsentInput>,
    is_minor: Signal<bool>,
    /// The event's current notices (the default language first).
    notices: RwSignal<Vec<NoticeText>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = Signal::derive(move || {
        let lang = i18n.get_locale().as_str().to_string();
        notices.with(|n| NoticeText::pick(n, &lang).cloned())
    });
    // The decision names the notice on the screen, whichever it is now.
    Effect::new(move |_| {
        let version = shown.get().map(|n| n.version);
        input.update(|i| i.notice = version);
    });
    let signature = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let sig = signature.get();
        input.update(|i| i.signature_data_url = sig);
    });
    let choice = move || input.with(|i| i.choice);
    let pick = move |c: Consent| input.update(|i| i.choice = Some(c));
    view! {
        <NoticeBox
            notice=shown
            id="org-notice-title"
            title=Signal::derive(move || t_string!(i18n, att.notice_title).to_string())
            lead=Signal::derive(move || t_string!(i18n, att.notice_lead).to_string())
        />
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

/// What the server keeps: guardian data only for a minor's green choice; the notice
/// shown always.
pub(super) fn decision_for(input: &ConsentInput, is_minor: bool) -> ConsentInput {
    if is_minor && input.choice == Some(Consent::Green) {
        input.clone()
    } else {
        ConsentInput {
            choice: input.choice,
            notice: input.notice.clone(),
            ..Default::default()
        }
    }
}

/// Loads the event's current notices into `notices`: once when a form opens, and again
/// when the server answered 409 `notice_changed`, so the new notice shows (the error
/// says why) and everything typed stays.
pub(super) fn load_notices(event_id: PublicId, notices: RwSignal<Vec<NoticeText>>) {
    leptos::task::spawn_local(async move {
        if let Ok(view) = crate::api::settings::get_event_settings(event_id).await {
            notices.try_set(view.notices);
        }
    });
}

/// Whether an answer is the 409 that asks for the notice again.
pub(super) fn is_notice_changed<T>(answer: &Option<Result<T, ApiError>>) -> bool {
    matches!(answer, Some(Err(ApiError::NoticeChanged)))
}
