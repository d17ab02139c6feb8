//! The table tent, A5 landscape, folded across the middle: the same text on both halves,
//! the upper one turned 180°, so it reads from both sides of the table.

use super::tent_half::TentHalf;
use crate::types::SignsData;
use leptos::prelude::*;

#[component]
pub(super) fn TableTent(data: SignsData) -> impl IntoView {
    view! {
        <article class="sign sign-tent" data-size="a5l" data-sign="tent">
            <TentHalf data=data.clone() flipped=true/>
            <TentHalf data flipped=false/>
        </article>
    }
}
