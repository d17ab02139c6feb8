//! A required free-text answer staff write down (why, how the person's identity was
//! checked): a label marked as required, tied to its text area (WCAG 1.3.1, 3.3.2).

use crate::i18n::*;
use leptos::prelude::*;

/// `<label>` with the required mark and a two-line `<textarea>` following `value`.
#[component]
pub fn RequiredNote(
    /// The text area's id; the label points at it.
    id: &'static str,
    /// The label's words.
    #[prop(into)]
    label: ViewFn,
    /// What the text area holds.
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>
                {label.run()} " "
                <span class="req">{t!(i18n, kiosk.required_mark)}</span>
            </label>
            <textarea
                id=id
                rows="2"
                aria-required="true"
                prop:value=move || value.get()
                on:input=move |e| value.set(event_target_value(&e))
            ></textarea>
        </div>
    }
}
