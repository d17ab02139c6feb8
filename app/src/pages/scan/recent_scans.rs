//! The photographer's recent scans, in this device's local time.

use super::browser;
use crate::components::badge::ConsentIcon;
use crate::i18n::*;
use crate::types::{Consent, MyScan};
use leptos::prelude::*;

#[component]
pub(super) fn RecentScans(recent: RwSignal<Vec<MyScan>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="recent-title">
            <h2 id="recent-title">{t!(i18n, scan.recent)}</h2>
            {move || {
                let list = recent.get();
                if list.is_empty() {
                    view! { <p class="empty">{t!(i18n, scan.recent_empty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="recent-scans">
                            {list.into_iter().map(|s| {
                                let words = match s.consent {
                                    Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
                                    Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
                                    None => t_string!(i18n, verdict.unknown).to_string(),
                                };
                                let class = format!("recent {}", s.consent.map(Consent::as_str).unwrap_or("unknown"));
                                let time = browser::local_hms(&s.at).unwrap_or_else(|| s.at.clone());
                                view! { <li class=class>{s.consent.map(|c| view! { <ConsentIcon consent=c/> })} {words} " · " <time datetime=s.at>{time}</time></li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
