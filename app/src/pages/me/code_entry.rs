//! `/me`: the code entry, typed or scanned, shown until the code is accepted.

use super::state::Me;
use crate::api::me::me_open;
use crate::components::camera::QrCamera;
use crate::components::errors::ErrorText;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use crate::types::ApiError;
use leptos::prelude::*;

#[component]
pub(super) fn CodeEntry(me: Me, forgotten: RwSignal<bool>) -> AnyView {
    let i18n = use_i18n();
    let scanning = RwSignal::new(false);
    let open = me.action(|code, (): ()| me_open(code));
    // An empty code is not sent (it would count as a wrong attempt).
    let missing = RwSignal::new(false);
    let submit = move || {
        forgotten.set(false);
        missing.set(me.code.with_untracked(|c| c.trim().is_empty()));
        if !missing.get_untracked() {
            open.dispatch(());
        }
    };
    view! {
        <p class="lead">{t!(i18n, me.lead)}</p>
        {move || forgotten.get().then(|| view! { <p class="ok" role="status">{t!(i18n, me.forgotten)}</p> })}
        <form
            class="me-code-form"
            method="post"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
        >
            // No `name`: even a form sent without scripts carries no code.
            <TextField
                id="me-code"
                kind=FieldKind::Code
                label=move || t!(i18n, me.code_label)
                help=move || t!(i18n, me.code_help)
                value=me.code
                on_input=move |v: String| me.code.set(v)
            />
            {move || open.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, me.checking)}</p> })}
            {move || missing.get().then(|| view! { <ErrorText error=ApiError::BadInput(crate::types::BadInput::CodeMissing)/> })}
            {move || open.value().get().and_then(|r| r.err()).filter(|_| !missing.get()).map(|e| view! { <ErrorText error=e/> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || open.pending().get()>
                    {t!(i18n, me.show)}
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-expanded=move || scanning.get().to_string()
                    on:click=move |_| scanning.update(|s| *s = !*s)
                >
                    {move || if scanning.get() { t_string!(i18n, me.scan_stop).to_string() } else { t_string!(i18n, me.scan).to_string() }}
                </button>
            </div>
        </form>
        <Show when=move || scanning.get()>
            <p class="help">{t!(i18n, me.scan_help)}</p>
            <QrCamera
                on_decode=Callback::new(move |text: String| {
                    let text = text.trim().to_string();
                    if !text.is_empty() && !open.pending().get_untracked() {
                        me.code.set(text);
                        scanning.set(false);
                        submit();
                    }
                })
                active=Signal::derive(move || scanning.get() && !open.pending().get())
            />
        </Show>
    }
    .into_any()
}
