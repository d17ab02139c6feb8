//! The attendee's detail fields (requirement 1: only those the event switched on), as
//! the kiosk and the organiser's "register on behalf" form both ask them.

use crate::i18n::*;
use crate::types::{Field, FieldRules, PersonFields};
use leptos::prelude::*;

/// A field's name in the current language.
pub fn field_label(i18n: leptos_i18n::I18nContext<Locale>, f: Field) -> String {
    field_label_in(i18n.get_locale(), f)
}

/// A field's name in `locale`.
pub fn field_label_in(locale: Locale, f: Field) -> String {
    match f {
        Field::FirstName => td_string!(locale, kiosk.field_first_name).to_string(),
        Field::LastName => td_string!(locale, kiosk.field_last_name).to_string(),
        Field::Organisation => td_string!(locale, kiosk.field_organisation).to_string(),
        Field::RoleTitle => td_string!(locale, kiosk.field_role_title).to_string(),
        Field::Email => td_string!(locale, kiosk.field_email).to_string(),
        Field::Phone => td_string!(locale, kiosk.field_phone).to_string(),
    }
}

/// The keyboard a touch screen should offer for a field.
/// The input type for a field: phones get the phone keypad, emails the email keyboard.
pub fn input_type(f: Field) -> &'static str {
    match f {
        Field::Email => "email",
        Field::Phone => "tel",
        _ => "text",
    }
}

/// One labelled input per enabled field, bound to `fields` (a signal of its own, or one
/// mapped onto a part of a bigger one); required ones are marked. Input ids are
/// `{id_prefix}-{field}`.
#[component]
pub fn PersonFieldInputs<S>(rules: FieldRules, fields: S, id_prefix: &'static str) -> impl IntoView
where
    S: With<Value = PersonFields> + Update<Value = PersonFields> + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    rules
        .enabled()
        .into_iter()
        .map(|f| {
            let required = rules.get(f).required;
            let id = format!("{id_prefix}-{}", f.as_str());
            view! {
                <div class="field">
                    <label for=id.clone()>
                        // Follows the language switch while the form is open.
                        {move || field_label(i18n, f)} " "
                        {required.then(|| view! { <span class="req">{t!(i18n, kiosk.required_mark)}</span> })}
                    </label>
                    <input
                        id=id
                        type=input_type(f)
                        autocomplete="off"
                        prop:value=move || fields.with(|p| p.get(f).unwrap_or("").to_string())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            fields.update(|p| p.set(f, Some(v)));
                        }
                    />
                </div>
            }
        })
        .collect_view()
}
