//! `/me`: one field's editor; it takes the focus when it opens.

use super::field_editor::FieldEditor;
use crate::components::person_fields::input_type;
use crate::i18n::*;
use crate::types::Field;
use crate::validate::looks_like_email;
use leptos::prelude::*;

#[component]
pub(super) fn FieldEdit(
    editor: FieldEditor,
    field: Field,
    label: String,
    label_id: String,
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let FieldEditor {
        draft,
        correct,
        bad_email,
        ..
    } = editor;
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    view! {
        <form
            class="me-edit"
            method="post"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                let value = draft.get_untracked();
                let bad = field == Field::Email
                    && !value.trim().is_empty()
                    && !looks_like_email(value.trim());
                bad_email.set(bad);
                if !bad {
                    correct.dispatch((field, value));
                }
            }
        >
            <input
                node_ref=input
                id=format!("me-edit-{}", field.as_str())
                type=input_type(field)
                autocomplete="off"
                aria-labelledby=label_id.clone()
                required=required
                maxlength="200"
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            />
            <button type="submit" class="primary" disabled=move || correct.pending().get()>
                {move || if correct.pending().get() { t_string!(i18n, me.saving).to_string() } else { t_string!(i18n, me.save).to_string() }}
                <span class="visually-hidden">" " {label.clone()}</span>
            </button>
            <button type="button" class="secondary" on:click=move |_| { correct.clear(); editor.close(field); }>
                {t!(i18n, me.cancel)}
                <span class="visually-hidden">" " {label.clone()}</span>
            </button>
        </form>
    }
}
