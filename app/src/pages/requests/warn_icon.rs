//! The warning triangle shown beside overdue requests, blockers and confirmations.

use leptos::prelude::*;

#[component]
pub(super) fn WarnIcon() -> impl IntoView {
    view! {
        <svg class="request-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 3 L22 20 H2 Z" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round"/>
            <path d="M12 9 v5 M12 16.5 v1" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>
        </svg>
    }
}
