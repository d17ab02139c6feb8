//! `/me`: the photo choice, switching it either way (a minor's guardian signs for green),
//! and its history.

use super::consent_history::ConsentHistory;
use super::disclosure::Disclosure;
use super::guardian_fields::GuardianFields;
use super::state::Me;
use super::words::consent_words;
use crate::api::me::{me_consent, me_open};
use crate::components::consent_tag::ConsentTag;
use crate::components::errors::ErrorText;
use crate::components::notice_box::NoticeBox;
use crate::i18n::*;
use crate::types::{ApiError, Consent, ConsentInput, NoticeText};
use leptos::prelude::*;

#[component]
pub(super) fn ConsentSection(me: Me) -> AnyView {
    let i18n = use_i18n();
    let state = Memo::new(move |_| me.with(|d| (d.consent, d.is_minor)));
    let history = me.memo(|d| d.history.clone());
    let guardian_name = RwSignal::new(String::new());
    let guardian_confirmed = RwSignal::new(false);
    let signature = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    // The notice shown above the switch, in the page's language: the switch sends its
    // version, and the server records exactly that one (issue 14 point 4).
    let notices = me.memo(|d| d.notices.clone());
    let shown = Signal::derive(move || {
        let lang = i18n.get_locale().as_str().to_string();
        notices.with(|n| NoticeText::pick(n, &lang).cloned())
    });
    let switch = me.action(move |code, choice: Consent| {
        let minor = me.with(|d| d.is_minor).unwrap_or(false);
        let guardian = if minor && choice == Consent::Green {
            ConsentInput {
                choice: Some(choice),
                notice: None,
                guardian_name: guardian_name.get_untracked().trim().to_string(),
                guardian_confirmed: guardian_confirmed.get_untracked(),
                signature_data_url: signature.get_untracked(),
            }
        } else {
            ConsentInput {
                choice: Some(choice),
                ..Default::default()
            }
        };
        let notice = shown.get_untracked().map(|n| n.version);
        me_consent(code, choice, guardian, notice)
    });
    // The notice changed since the page opened (409): fetch the page again, so the new
    // notice shows; the error says why, and what was typed stays.
    let reload = me.action(move |code, _: ()| me_open(code));
    Effect::new(move |_| {
        if let Some(Err(ApiError::NoticeChanged)) = switch.value().get() {
            reload.dispatch(());
        }
    });
    // The guardian's details are not kept after they were sent.
    Effect::new(move |_| {
        if let Some(Ok(_)) = switch.value().get() {
            guardian_name.set(String::new());
            guardian_confirmed.set(false);
            signature.set(None);
        }
    });
    let to = move |choice: Consent| {
        problem.set(None);
        let minor = me.with(|d| d.is_minor).unwrap_or(false);
        if minor
            && choice == Consent::Green
            && (guardian_name.get_untracked().trim().is_empty()
                || !guardian_confirmed.get_untracked()
                || signature.get_untracked().is_none())
        {
            // As at the kiosk: name, confirmation and a drawn signature.
            problem.set(Some(t_string!(i18n, kiosk.guardian_missing).to_string()));
            return;
        }
        switch.dispatch(choice);
    };
    let to_red = move || {
        view! {
            <p class="help">{t!(i18n, me.to_red_help)}</p>
            <button type="button" class="primary" disabled=move || switch.pending().get() on:click=move |_| to(Consent::Red)>
                {t!(i18n, me.to_red)}
            </button>
        }
    };
    let controls = move || {
        let Some((consent, minor)) = state.get() else {
            return ().into_any();
        };
        // Before a switch to green the notice shows in full; when only a switch to red
        // is offered it waits behind a button (the page stays short on a phone), and
        // either switch sends the version of this notice.
        let notice = move || {
            view! {
                <NoticeBox
                    notice=shown
                    id="me-notice-title"
                    title=Signal::derive(move || t_string!(i18n, me.notice_title).to_string())
                    lead=Signal::derive(move || t_string!(i18n, me.notice_lead).to_string())
                />
            }
        };
        let folded = (consent == Some(Consent::Green)).then(|| {
            view! {
                <Disclosure id="me-notice" title=Signal::derive(move || t_string!(i18n, me.notice_title).to_string())>
                    {notice()}
                </Disclosure>
            }
        });
        let green = (consent != Some(Consent::Green)).then(|| {
            view! {
                <div class="me-switch">
                    {notice()}
                    <p class="help">{t!(i18n, me.to_green_help)}</p>
                    {minor.then(|| view! {
                        <GuardianFields guardian_name guardian_confirmed signature/>
                    })}
                    <button type="button" class="primary" disabled=move || switch.pending().get() on:click=move |_| to(Consent::Green)>
                        {t!(i18n, me.to_green)}
                    </button>
                </div>
            }
        });
        let red = (consent != Some(Consent::Red))
            .then(|| view! { <div class="me-switch">{to_red()}</div> });
        view! { {folded} {red} {green} }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="me-consent-title">
            <h2 id="me-consent-title">{t!(i18n, me.consent_title)}</h2>
            <p class="me-consent-now">
                {t!(i18n, me.consent_now)} " "
                {move || state.get().map(|(c, _)| view! { <ConsentTag consent=c/> })}
            </p>
            {controls}
            {move || problem.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {move || switch.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || {
                switch.value().get().and_then(|r| r.ok()).map(|c| {
                    let choice = consent_words(i18n, Some(c));
                    // What the change does to the printed badge, once there is a change.
                    view! {
                        <p class="ok" role="status">{t!(i18n, me.consent_saved, choice)}</p>
                        <p class="help">{t!(i18n, me.badge_note)}</p>
                    }
                })
            }}

            <ConsentHistory history/>
        </section>
    }
    .into_any()
}
