//! `/me`: the field being corrected, its draft, the correction call and where the focus
//! returns, shared by the detail rows.

use super::state::Me;
use crate::api::me::me_correct;
use crate::types::{ApiError, Field};
use leptos::prelude::*;

/// The details' editor state: at most one field is edited at a time.
#[derive(Clone, Copy)]
pub(super) struct FieldEditor {
    pub(super) editing: RwSignal<Option<Field>>,
    pub(super) draft: RwSignal<String>,
    /// The field whose "Edit" button gets the focus back when its editor closes.
    pub(super) refocus: RwSignal<Option<Field>>,
    pub(super) correct: Action<(Field, String), Result<(Field, String), ApiError>>,
    /// A malformed email, caught before sending with the server's own rule.
    pub(super) bad_email: RwSignal<bool>,
}

impl FieldEditor {
    pub(super) fn new(me: Me) -> Self {
        let editor = Self {
            editing: RwSignal::new(None::<Field>),
            draft: RwSignal::new(String::new()),
            refocus: RwSignal::new(None::<Field>),
            correct: me
                .action(|code, (field, value): (Field, String)| me_correct(code, field, value)),
            bad_email: RwSignal::new(false),
        };
        // A saved field closes its editor.
        Effect::new(move |_| {
            if let Some(Ok((f, _))) = editor.correct.value().get() {
                if editor.editing.get_untracked() == Some(f) {
                    editor.close(f);
                }
            }
        });
        editor
    }

    /// Closes a field's editor; the focus goes back to its "Edit" button.
    pub(super) fn close(self, f: Field) {
        self.bad_email.set(false);
        self.refocus.set(Some(f));
        self.editing.set(None);
    }
}
