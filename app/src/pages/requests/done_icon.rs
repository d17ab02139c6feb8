//! The tick shown beside finished requests, decisions and takedowns.

use leptos::prelude::*;

#[component]
pub(super) fn DoneIcon() -> impl IntoView {
    view! {
        <svg class="request-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 13 l4 4 l10 -11" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round"/>
        </svg>
    }
}
