//! A photo's publication state as an icon (the photo library and one photo).

use crate::types::PhotoState;
use leptos::prelude::*;

/// An icon per state (a tick, a tick with a veil, a bar, a question mark), so the state
/// never rests on colour.
#[component]
pub fn StateIcon(state: PhotoState) -> impl IntoView {
    let mark = match state {
        PhotoState::Publishable => "M6 13 l4 4 l8 -9",
        PhotoState::PublishableBlurred => "M6 13 l4 4 l8 -9 M4 20 h16",
        PhotoState::Blocked => "M5 5 L19 19 M19 5 L5 19",
        PhotoState::NeedsReview => "M8 9 a4 4 0 1 1 4 4 v2 M12 18 v1",
    };
    view! {
        <svg class="state-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=mark stroke="currentColor" stroke-width="2.5" fill="none" stroke-linecap="round"/>
        </svg>
    }
}
