//! `/me`: the attendee's details, each field correctable in place.

use super::detail_facts::DetailFacts;
use super::field_editor::FieldEditor;
use super::field_row::FieldRow;
use super::state::Me;
use crate::components::errors::ErrorText;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Details(me: Me) -> AnyView {
    let i18n = use_i18n();
    let fields = me.memo(|d| d.fields.clone());
    let editor = FieldEditor::new(me);
    let FieldEditor {
        correct, bad_email, ..
    } = editor;
    let rows = move || {
        fields
            .get()
            .into_iter()
            .map(|f| view! { <FieldRow f editor/> })
            .collect_view()
    };
    view! {
        <div class="me-details">
            {move || fields.with(Vec::is_empty).then(|| view! { <p class="help">{t!(i18n, me.no_fields)}</p> })}
            <dl class="facts me-facts">
                {rows}
                <DetailFacts me/>
            </dl>
            {move || bad_email.get().then(|| view! { <p class="error" role="alert">{t!(i18n, kiosk.email_invalid)}</p> })}
            {move || correct.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || {
                correct.value().get().and_then(|r| r.ok()).map(|(f, _)| {
                    let field = field_label(i18n, f);
                    view! { <p class="ok" role="status">{t!(i18n, me.saved, field)}</p> }
                })
            }}
        </div>
    }
    .into_any()
}
