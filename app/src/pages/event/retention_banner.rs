//! The banner on the event page from 30 days before its attendee data is deleted, and
//! once it was (issue 15 point 3).

use crate::i18n::*;
use crate::types::RetentionInfo;
use leptos::prelude::*;

#[component]
pub fn RetentionBanner(info: RwSignal<RetentionInfo>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let info = info.get();
        if let Some(at) = info.purged_at.clone() {
            let date = at.get(..10).unwrap_or(&at).to_string();
            return view! {
            <p class="banner info" role="status">
                <span aria-hidden="true">"🗑 "</span>
                {move || { let date = date.clone(); t_string!(i18n, retention.purged, date).to_string() }}
            </p>
        }
        .into_any();
        }
        match (info.warn, info.attendees_deleted_on.clone(), info.days_left) {
            (true, Some(date), Some(days)) => {
                let days = days.max(0).to_string();
                view! {
                    <p class="banner warning" role="alert">
                        <span aria-hidden="true">"⏳ "</span>
                        {move || {
                            let (date, days) = (date.clone(), days.clone());
                            t_string!(i18n, retention.banner, date, days).to_string()
                        }}
                    </p>
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    }
}
