//! One half of the table tent: the heading in each language, the badge colours with
//! their words, the controller and the QR code to the privacy page.

use super::kind::sign_locales;
use super::sign_qr::SignQr;
use crate::components::badge_legend::BadgeLegend;
use crate::i18n::*;
use crate::types::SignsData;
use leptos::prelude::*;

#[component]
pub(super) fn TentHalf(data: SignsData, flipped: bool) -> impl IntoView {
    let SignsData { info, qr_svg } = data;
    let locales = sign_locales(&info.languages);
    let first = locales[0];
    let badge_locale = if info.event.default_lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    let headings = locales
        .iter()
        .enumerate()
        .map(|(i, &l)| {
            let class = if i == 0 {
                "tent-title"
            } else {
                "tent-title tent-second"
            };
            view! { <p class=class lang=l.as_str()>{td_string!(l, signs.heading).to_string()}</p> }
        })
        .collect_view();
    let small = locales
        .iter()
        .map(|&l| {
            let controller = if info.controller_name.is_empty() {
                td_string!(l, notice.not_set).to_string()
            } else {
                info.controller_name.clone()
            };
            view! {
                <p class="sign-small" lang=l.as_str()>
                    {td_string!(l, signs.controller).to_string()} ": " {controller} ". "
                    {td_string!(l, signs.tent_more).to_string()}
                </p>
            }
        })
        .collect_view();
    // The upper half is the back of the folded tent: hidden from screen readers, which
    // read the lower one.
    view! {
        <div class="tent-half" class:flipped=flipped aria-hidden=flipped.then_some("true")>
            <div class="tent-text">
                {headings}
                <BadgeLegend badge_locale explain=Vec::new()/>
                {small}
            </div>
            <SignQr svg=qr_svg url=info.url.clone() locale=first/>
        </div>
    }
}
