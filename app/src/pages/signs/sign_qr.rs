//! The QR code to the privacy page, as the server drew it (SVG), named for screen readers.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn SignQr(svg: String, url: String, locale: Locale) -> impl IntoView {
    let label = td_string!(locale, signs.qr_label, url = url.as_str()).to_string();
    view! { <div class="sign-qr" role="img" aria-label=label inner_html=svg></div> }
}
