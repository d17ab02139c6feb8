//! The entrance poster (seed 000: a notice at the entrance with purpose, controller,
//! legal basis, contacts and a link to the policy): the first language, the badge legend
//! with the QR code, the second language below.

use super::kind::sign_locales;
use super::poster_text::PosterText;
use super::sign_qr::SignQr;
use crate::components::badge_legend::BadgeLegend;
use crate::i18n::*;
use crate::types::SignsData;
use leptos::prelude::*;

#[component]
pub(super) fn Poster(data: SignsData, size: &'static str) -> impl IntoView {
    let SignsData { info, qr_svg } = data;
    let locales = sign_locales(&info.languages);
    let first = locales[0];
    let second = locales.get(1).copied();
    let badge_locale = if info.event.default_lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    view! {
        <article class="sign sign-poster" data-size=size data-sign="poster" lang=first.as_str()>
            <PosterText info=info.clone() locale=first primary=true/>
            <div class="sign-middle">
                <BadgeLegend badge_locale explain=locales.clone()/>
                <SignQr svg=qr_svg url=info.url.clone() locale=first/>
            </div>
            {second.map(|l| view! { <PosterText info=info.clone() locale=l primary=false/> })}
        </article>
    }
}
