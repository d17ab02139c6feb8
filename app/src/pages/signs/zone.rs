//! The no-photo zone sign (seeds 000 and 002: a separate area for people who do not want
//! to be photographed), A4: the red badge's colour, pattern and icon, the request in
//! each language, the red badge's legend and the QR code to the privacy page.

use super::kind::sign_locales;
use super::sign_qr::SignQr;
use crate::components::badge::ConsentIcon;
use crate::components::badge_legend::BadgeLegend;
use crate::i18n::*;
use crate::types::{Consent, SignsData};
use leptos::prelude::*;

#[component]
pub(super) fn ZoneSign(data: SignsData) -> impl IntoView {
    let SignsData { info, qr_svg } = data;
    let locales = sign_locales(&info.languages);
    let first = locales[0];
    let badge_locale = if info.event.default_lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    let titles = locales
        .iter()
        .enumerate()
        .map(|(i, &l)| {
            let title = td_string!(l, signs.zone_title).to_string();
            let text = td_string!(l, signs.zone_text).to_string();
            let class = if i == 0 {
                "zone-lang"
            } else {
                "zone-lang zone-second"
            };
            view! {
                <div class=class lang=l.as_str()>
                    {if i == 0 {
                        view! { <h3 class="zone-title">{title}</h3> }.into_any()
                    } else {
                        view! { <p class="zone-title">{title}</p> }.into_any()
                    }}
                    <p class="zone-text">{text}</p>
                </div>
            }
        })
        .collect_view();
    let why = locales
        .iter()
        .map(|&l| view! { <p class="zone-for" lang=l.as_str()>{td_string!(l, signs.zone_for).to_string()}</p> })
        .collect_view();
    let more = locales
        .iter()
        .map(|&l| view! { <p class="sign-small" lang=l.as_str()>{td_string!(l, signs.tent_more).to_string()}</p> })
        .collect_view();
    view! {
        <article class="sign sign-zone" data-size="a4" data-sign="zone" lang=first.as_str()>
            <div class="zone-field">
                <ConsentIcon consent=Consent::Red/>
                {titles}
            </div>
            <div class="zone-foot">
                <div class="zone-explain">
                    {why}
                    <BadgeLegend badge_locale explain=locales.clone() red_only=true/>
                </div>
                <div class="zone-more">
                    <SignQr svg=qr_svg url=info.url.clone() locale=first/>
                    {more}
                </div>
            </div>
        </article>
    }
}
