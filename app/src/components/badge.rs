//! The printed badge (requirement 7): big colour field plus a pattern, an icon and
//! words, so the colour is never the only signal; the QR holds only the badge URL.

use crate::i18n::*;
use crate::types::{Badge, Consent};
use leptos::prelude::*;

/// Camera icon with a check (green) or a slash (red).
#[component]
pub fn ConsentIcon(consent: Consent) -> impl IntoView {
    let mark = match consent {
        Consent::Green => view! { <path d="M20 34 l8 8 l16 -18" stroke="currentColor" stroke-width="6" fill="none"/> }.into_any(),
        Consent::Red => view! { <path d="M10 54 L54 10" stroke="currentColor" stroke-width="7"/> }.into_any(),
    };
    view! {
        <svg class="consent-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <rect x="6" y="18" width="52" height="36" rx="6" fill="none" stroke="currentColor" stroke-width="5"/>
            <rect x="22" y="10" width="20" height="10" rx="3" fill="currentColor"/>
            {mark}
        </svg>
    }
}

/// The words a badge prints for `c` in `locale` ("PHOTOS OK" / "NO PHOTOS").
pub fn words(locale: Locale, c: Consent) -> String {
    match c {
        Consent::Green => td_string!(locale, kiosk.badge_photos_ok).to_string(),
        Consent::Red => td_string!(locale, kiosk.badge_no_photos).to_string(),
    }
}

#[component]
pub fn BadgeView(badge: Badge) -> impl IntoView {
    let event_locale = if badge.lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    let main_words = words(event_locale, badge.consent);
    let english = (event_locale != Locale::en).then(|| words(Locale::en, badge.consent));
    let class = match badge.consent {
        Consent::Green => "badge badge-green",
        Consent::Red => "badge badge-red",
    };
    // The printer's page is the badge stock.
    let page_css = format!("@page {{ size: {}; margin: 0; }}", badge.stock.css_size());
    view! {
        <style>{page_css}</style>
        <div class=class data-consent=badge.consent.as_str() data-stock=format!("{:?}", badge.stock)>
            <div class="badge-field">
                <ConsentIcon consent=badge.consent/>
                <p class="badge-words">{main_words}</p>
                {english.map(|w| view! { <p class="badge-words-en" lang="en">{w}</p> })}
            </div>
            <div class="badge-foot">
                <div class="badge-qr" inner_html=badge.qr_svg.clone()></div>
                <div class="badge-text">
                    {badge.name.clone().map(|n| view! { <p class="badge-name">{n}</p> })}
                    <p class="badge-event">{badge.event_name.clone()}</p>
                </div>
            </div>
        </div>
    }
}
