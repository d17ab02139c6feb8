//! The code typed by hand or by a USB/Bluetooth scanner (it types and presses Enter).

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn TypedCode(on_code: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    view! {
        <form class="scan-typed" on:submit=move |ev| {
            ev.prevent_default();
            let t = typed.get_untracked();
            typed.set(String::new());
            if !t.trim().is_empty() {
                on_code.run(t);
            }
        }>
            <div class="field">
                <label for="scan-code">{t!(i18n, scan.typed)}</label>
                <input id="scan-code" autocomplete="off" autocapitalize="off" spellcheck="false" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                <p class="help">{t!(i18n, scan.typed_help)}</p>
            </div>
            <button type="submit" class="primary">{t!(i18n, scan.check)}</button>
        </form>
    }
}
