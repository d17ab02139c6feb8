//! `/me`: one of the attendee's fields, shown with an "Edit" button or being corrected.

use super::field_edit::FieldEdit;
use super::field_editor::FieldEditor;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::MyField;
use leptos::prelude::*;

#[component]
pub(super) fn FieldRow(f: MyField, editor: FieldEditor) -> impl IntoView {
    let i18n = use_i18n();
    let FieldEditor {
        editing,
        draft,
        refocus,
        correct,
        bad_email,
    } = editor;
    let field = f.field;
    let label = field_label(i18n, field);
    let label_id = format!("me-f-{}", field.as_str());
    let value = f.value.clone();
    let shown = if value.trim().is_empty() {
        t_string!(i18n, me.empty_value).to_string()
    } else {
        value.clone()
    };
    let is_editing = move || editing.get() == Some(field);
    let edit_label = label.clone();
    let edit_label_id = label_id.clone();
    let show_view = {
        let label = label.clone();
        move || {
            let value = value.clone();
            let button = NodeRef::<leptos::html::Button>::new();
            Effect::new(move |_| {
                if let Some(el) = button.get() {
                    if refocus.get_untracked() == Some(field) {
                        refocus.set(None);
                        let _ = el.focus();
                    }
                }
            });
            view! {
                <span class="me-value">{shown.clone()}</span>
                <button
                    node_ref=button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        correct.clear();
                        bad_email.set(false);
                        draft.set(value.clone());
                        editing.set(Some(field));
                    }
                >
                    {t!(i18n, me.edit)}
                    <span class="visually-hidden">" " {label.clone()}</span>
                </button>
            }
        }
    };
    view! {
        <dt id=label_id.clone()>
            {label.clone()}
            {f.required.then(|| view! { " " <span class="req">{t!(i18n, kiosk.required_mark)}</span> })}
        </dt>
        <dd class="me-field">
            <Show when=is_editing fallback=show_view.clone()>
                <FieldEdit
                    editor
                    field
                    label=edit_label.clone()
                    label_id=edit_label_id.clone()
                    required=f.required
                />
            </Show>
        </dd>
    }
}
