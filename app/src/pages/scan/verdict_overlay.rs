//! The full-screen verdict after a read; a tap closes it.

use super::state::Shown;
use crate::components::badge::ConsentIcon;
use crate::i18n::*;
use crate::types::Consent;
use leptos::prelude::*;

#[component]
pub(super) fn VerdictOverlay(shown: RwSignal<Option<Shown>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        shown.get().map(|s| {
            let (class, icon, words) = match s {
                Shown::Verdict(Some(Consent::Green)) => (
                    "scan-verdict verdict-green",
                    Some(Consent::Green),
                    t_string!(i18n, kiosk.badge_photos_ok).to_string(),
                ),
                Shown::Verdict(Some(Consent::Red)) => (
                    "scan-verdict verdict-red",
                    Some(Consent::Red),
                    t_string!(i18n, kiosk.badge_no_photos).to_string(),
                ),
                Shown::Verdict(None) => (
                    "scan-verdict verdict-unknown",
                    None,
                    t_string!(i18n, verdict.unknown).to_string(),
                ),
                Shown::NotABadge => (
                    "scan-verdict verdict-unknown",
                    None,
                    t_string!(i18n, scan.not_a_badge).to_string(),
                ),
            };
            view! {
                <div class=class role="alert" on:click=move |_| shown.set(None)>
                    {icon.map(|c| view! { <ConsentIcon consent=c/> })}
                    <p>{words}</p>
                </div>
            }
        })
    }
}
