//! `/me`: the photo choice, switching it either way (a minor's guardian signs for green),
//! and its history.

use super::disclosure::Disclosure;
use super::state::{lang, Me};
use super::words::{channel_words, consent_words};
use crate::api::me::me_consent;
use crate::components::consent_tag::ConsentTag;
use crate::components::errors::ErrorText;
use crate::components::signature::SignaturePad;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::{Consent, ConsentInput};
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
    let switch = me.action(move |code, choice: Consent| {
        let minor = me.with(|d| d.is_minor).unwrap_or(false);
        let guardian = if minor && choice == Consent::Green {
            ConsentInput {
                choice: Some(choice),
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
        me_consent(code, choice, guardian, lang(i18n))
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
        let green = (consent != Some(Consent::Green)).then(|| {
            view! {
                <div class="me-switch">
                    <p class="help">{t!(i18n, me.to_green_help)}</p>
                    {minor.then(|| view! {
                        <fieldset class="guardian">
                            <legend>{t!(i18n, kiosk.guardian_title)}</legend>
                            <p class="help">{t!(i18n, me.guardian_help)}</p>
                            <div class="field">
                                <label for="me-guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
                                <input
                                    id="me-guardian-name"
                                    autocomplete="off"
                                    prop:value=move || guardian_name.get()
                                    on:input=move |ev| guardian_name.set(event_target_value(&ev))
                                />
                            </div>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || guardian_confirmed.get()
                                    on:change=move |ev| guardian_confirmed.set(event_target_checked(&ev))
                                />
                                <span>{t!(i18n, kiosk.guardian_confirm)}</span>
                            </label>
                            <SignaturePad signature/>
                        </fieldset>
                    })}
                    <button type="button" class="primary" disabled=move || switch.pending().get() on:click=move |_| to(Consent::Green)>
                        {t!(i18n, me.to_green)}
                    </button>
                </div>
            }
        });
        let red = (consent != Some(Consent::Red))
            .then(|| view! { <div class="me-switch">{to_red()}</div> });
        view! { {red} {green} }.into_any()
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

            // A list, not a table: it fits a phone without sideways scrolling.
            <Disclosure id="me-history" title=Signal::derive(move || t_string!(i18n, me.history_title).to_string())>
                <p class="help">{t!(i18n, me.history_help)}</p>
                <Show
                    when=move || history.with(|h| !h.is_empty())
                    fallback=move || view! { <p class="empty">{t!(i18n, me.history_empty)}</p> }
                >
                    <ol class="me-list">
                        {move || {
                            history
                                .get()
                                .into_iter()
                                .map(|h| {
                                    let guardian = h.guardian_name.clone().filter(|g| !g.is_empty());
                                    view! {
                                        <li>
                                            <dl class="facts me-list-facts">
                                                <dt>{t!(i18n, me.col_time)}</dt>
                                                <dd>{short_time(&h.at)}</dd>
                                                <dt>{t!(i18n, me.col_choice)}</dt>
                                                <dd>
                                                    <ConsentTag consent=Some(h.choice)/>
                                                    {guardian.map(|name| view! { <span class="help">{t!(i18n, me.guardian_by, name)}</span> })}
                                                </dd>
                                                <dt>{t!(i18n, me.col_channel)}</dt>
                                                <dd>{move || channel_words(i18n, h.channel)}</dd>
                                                <dt>{t!(i18n, me.col_notice)}</dt>
                                                <dd class="me-notice">
                                                    <details>
                                                        <summary>{t!(i18n, me.notice_show)}</summary>
                                                        <div class="notice">
                                                            {h.notice_text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                                        </div>
                                                    </details>
                                                    <p class="sha">
                                                        {t!(i18n, me.notice_hash)} " "
                                                        <code>{h.notice_sha256.clone()}</code>
                                                    </p>
                                                </dd>
                                            </dl>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                </Show>
            </Disclosure>
        </section>
    }
    .into_any()
}
