//! The event's fields, checked here in the attendee's language.

use super::parts::{back, msg};
use super::state::{FlowState, Step};
use crate::components::person_fields::{field_label, PersonFieldInputs};
use crate::i18n::*;
use crate::types::Field;
use crate::validate::looks_like_email;
use leptos::prelude::*;

#[component]
pub(super) fn FieldsStep(flow: FlowState) -> AnyView {
    let FlowState {
        i18n, event, draft, ..
    } = flow;
    let fields = MappedSignal::new(draft, |d| &d.fields, |d| &mut d.fields);
    let go = move |s: Step| flow.go(s);
    let check_fields = move || {
        let missing: Vec<String> = event.with_value(|e| {
            e.fields
                .enabled()
                .into_iter()
                .filter(|f| e.fields.get(*f).required)
                .filter(|f| {
                    draft.with_untracked(|d| {
                        d.fields.get(*f).map(str::trim).unwrap_or("").is_empty()
                    })
                })
                .map(|f| field_label(i18n, f))
                .collect()
        });
        // The server's own format rule, worded here in the attendee's language (the
        // form has `novalidate`: the browser's bubble would be in its own language).
        let email_ok = draft.with_untracked(|d| {
            d.fields
                .get(Field::Email)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .is_none_or(looks_like_email)
        });
        if !missing.is_empty() {
            let field = missing.join(", ");
            flow.say(t_string!(i18n, kiosk.fill_required, field).to_string());
        } else if !email_ok {
            flow.say(t_string!(i18n, kiosk.email_invalid).to_string());
        } else {
            go(Step::Minor);
        }
    };
    view! {
        <h1>{t!(i18n, kiosk.fields_title)}</h1>
        <form novalidate on:submit=move |ev| { ev.prevent_default(); check_fields(); }>
            <PersonFieldInputs rules=event.with_value(|e| e.fields.clone()) fields id_prefix="kf"/>
            {msg(flow)}
            <div class="actions">
                {back(flow, Step::Notice)}
                <button type="submit" class="primary">{t!(i18n, kiosk.next)}</button>
            </div>
        </form>
    }
    .into_any()
}
