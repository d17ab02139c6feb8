//! `/b/{token}`: what a phone camera opens from a badge QR. Full screen colour, icon
//! and words; nothing about the person. Unknown tokens get a neutral screen.

use crate::api::badges::badge_page;
use crate::components::badge::ConsentIcon;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn VerdictPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let verdict = Resource::new(
        move || params.read().get("token").unwrap_or_default(),
        badge_page,
    );
    view! {
        <main id="main" class="verdict-page">
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
                {move || {
                    verdict
                        .get()
                        .map(|r| match r {
                            Ok(Some(p)) => {
                                let c = p.consent;
                                // The browser's language where the event offers it, else the event's.
                                let current = i18n.get_locale().as_str().to_string();
                                let lang = if p.languages.contains(&current) { current } else { p.default_lang.clone() };
                                let locale = if lang == "en" { Locale::en } else { Locale::lv };
                                let (class, words, help) = match c {
                                    Consent::Green => (
                                        "verdict verdict-green",
                                        td_string!(locale, kiosk.badge_photos_ok).to_string(),
                                        td_string!(locale, verdict.green_help).to_string(),
                                    ),
                                    Consent::Red => (
                                        "verdict verdict-red",
                                        td_string!(locale, kiosk.badge_no_photos).to_string(),
                                        td_string!(locale, verdict.red_help).to_string(),
                                    ),
                                };
                                view! {
                                    <div class=class data-consent=c.as_str() lang=lang>
                                        <ConsentIcon consent=c/>
                                        <h1>{words}</h1>
                                        <p>{help}</p>
                                    </div>
                                }
                                    .into_any()
                            }
                            Ok(None) => {
                                view! {
                                    <div class="verdict verdict-unknown">
                                        <h1>{t!(i18n, verdict.unknown)}</h1>
                                        <p>{t!(i18n, verdict.unknown_help)}</p>
                                    </div>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}
