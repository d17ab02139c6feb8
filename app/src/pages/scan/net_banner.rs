//! Online or offline, and how many scans wait for upload.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn NetBanner(online: RwSignal<bool>, queued: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class=move || if online.get() { "net-banner online" } else { "net-banner offline" } role="status">
            {move || if online.get() { t_string!(i18n, scan.online).to_string() } else { t_string!(i18n, scan.offline).to_string() }}
            " · "
            {move || {
                let n = queued.get().to_string();
                t_string!(i18n, scan.queued, n).to_string()
            }}
        </p>
    }
}
