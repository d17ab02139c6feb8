//! What the badge colours mean (issue 15 points 5 and 6; requirement 21): each colour as
//! the badge prints it (colour, pattern, icon and words) with what it asks of
//! photographers, so the colour is never the only signal. Used by the public privacy
//! page and the venue signs.

use crate::components::badge::{words, ConsentIcon};
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

/// The legend. The swatch's words are the badge's: `badge_locale` (the event's default
/// language) and English below it, as badges print them; the explanation is given in
/// each of `explain`, in that order.
#[component]
pub fn BadgeLegend(
    badge_locale: Locale,
    explain: Vec<Locale>,
    /// Only the red badge (the no-photo zone sign).
    #[prop(optional)]
    red_only: bool,
) -> impl IntoView {
    let colours: &[Consent] = if red_only {
        &[Consent::Red]
    } else {
        &[Consent::Green, Consent::Red]
    };
    let items = colours
        .iter()
        .map(|&c| {
            let (class, swatch) = match c {
                Consent::Green => ("legend-item legend-green", "legend-swatch swatch-green"),
                Consent::Red => ("legend-item legend-red", "legend-swatch swatch-red"),
            };
            let english = (badge_locale != Locale::en).then(|| words(Locale::en, c));
            let lines = explain
                .iter()
                .map(|&l| {
                    let text = match c {
                        Consent::Green => td_string!(l, privacy.legend_green).to_string(),
                        Consent::Red => td_string!(l, privacy.legend_red).to_string(),
                    };
                    view! { <span class="legend-explain" lang=l.as_str()>{text}</span> }
                })
                .collect_view();
            view! {
                <li class=class data-consent=c.as_str()>
                    <span class=swatch>
                        <ConsentIcon consent=c/>
                        <span class="legend-words">
                            <span lang=badge_locale.as_str()>{words(badge_locale, c)}</span>
                            {english.map(|w| view! { <span class="legend-words-en" lang="en">{w}</span> })}
                        </span>
                    </span>
                    <span class="legend-text">{lines}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="badge-legend">{items}</ul> }
}
