//! `/me`: the show-or-hide heading each part of the data view opens under.

use leptos::prelude::*;

/// A heading whose button shows or hides the part under it (`aria-expanded`). A closed
/// part stays in the page, hidden, so what was typed into it survives closing it.
#[component]
pub(super) fn Disclosure(
    /// The part's id; the button controls it.
    id: &'static str,
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <h3 class="me-disclosure">
            <button
                type="button"
                class="me-disclosure-button"
                aria-expanded=move || open.get().to_string()
                aria-controls=id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {title}
            </button>
        </h3>
        <div id=id class="me-panel" hidden=move || !open.get()>
            {children()}
        </div>
    }
}
