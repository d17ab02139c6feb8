//! A free-text answer that may be left empty (consequences, measures): a label tied to
//! its text area.

use leptos::prelude::*;

#[component]
pub(super) fn Note(
    id: &'static str,
    #[prop(into)] label: ViewFn,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label.run()}</label>
            <textarea
                id=id
                rows="3"
                prop:value=move || value.get()
                on:input=move |e| value.set(event_target_value(&e))
            ></textarea>
        </div>
    }
}
