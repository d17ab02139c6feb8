//! The privacy page of one event, section by section.

use super::contacts::Contacts;
use super::me_help::MeHelp;
use super::notices::Notices;
use super::periods::Periods;
use super::purposes::Purposes;
use crate::components::badge_legend::BadgeLegend;
use crate::i18n::*;
use crate::types::PrivacyInfo;
use leptos::prelude::*;

#[component]
pub(super) fn PrivacyView(info: PrivacyInfo) -> impl IntoView {
    let i18n = use_i18n();
    let name = info.event.name.clone();
    // The swatches carry the words the event's badges print.
    let badge_locale = if info.event.default_lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    view! {
        <main id="main" class="page privacy-page">
            <h1>{move || t_string!(i18n, privacy.title, event = name.clone()).to_string()}</h1>
            <p class="lead">{t!(i18n, privacy.lead)}</p>
            <section class="card" aria-labelledby="privacy-legend-title">
                <h2 id="privacy-legend-title">{t!(i18n, privacy.legend_title)}</h2>
                <p class="help">{t!(i18n, privacy.legend_help)}</p>
                {move || view! { <BadgeLegend badge_locale explain=vec![i18n.get_locale()]/> }}
            </section>
            <Contacts info=info.clone()/>
            <Purposes purposes=info.purposes.clone()/>
            <Periods periods=info.periods archive_purpose=info.archive_purpose.clone() dates=info.dates.clone()/>
            <MeHelp me_url=info.me_url.clone()/>
            <Notices notices=info.notices.clone()/>
        </main>
    }
}
