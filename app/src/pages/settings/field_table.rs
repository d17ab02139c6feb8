//! Which registration fields the event asks for, and which of them are required.

use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::{EventSettings, Field};
use leptos::prelude::*;

#[component]
pub(super) fn FieldTable(s: RwSignal<EventSettings>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{t!(i18n, settings.fields)}</legend>
            <p class="help">{t!(i18n, settings.fields_help)}</p>
            <table class="fields">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, settings.field)}</th>
                        <th scope="col">{t!(i18n, settings.enabled)}</th>
                        <th scope="col">{t!(i18n, settings.required)}</th>
                    </tr>
                </thead>
                <tbody>
                    {Field::ALL
                        .into_iter()
                        .map(|f| {
                            let name = move || field_label(i18n, f);
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>
                                        <input
                                            type="checkbox"
                                            aria-label=move || format!("{}: {}", name(), t_string!(i18n, settings.enabled))
                                            prop:checked=move || s.with(|x| x.fields.get(f).enabled)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                s.update(|x| {
                                                    let r = x.fields.get_mut(f);
                                                    r.enabled = on;
                                                    r.required &= on;
                                                });
                                            }
                                        />
                                    </td>
                                    <td>
                                        <input
                                            type="checkbox"
                                            aria-label=move || format!("{}: {}", name(), t_string!(i18n, settings.required))
                                            prop:checked=move || s.with(|x| x.fields.get(f).required)
                                            disabled=move || s.with(|x| !x.fields.get(f).enabled)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                s.update(|x| x.fields.get_mut(f).required = on);
                                            }
                                        />
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </fieldset>
    }
}
