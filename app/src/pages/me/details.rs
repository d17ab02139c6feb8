//! `/me`: the attendee's details, each field correctable in place.

use super::state::Me;
use crate::api::me::me_correct;
use crate::components::errors::ErrorText;
use crate::components::person_fields::{field_label, input_type};
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::Field;
use crate::validate::looks_like_email;
use leptos::prelude::*;

#[component]
pub(super) fn Details(me: Me) -> AnyView {
    let i18n = use_i18n();
    let fields = me.memo(|d| d.fields.clone());
    let editing = RwSignal::new(None::<Field>);
    let draft = RwSignal::new(String::new());
    // The field whose "Edit" button gets the focus back when its editor closes.
    let refocus = RwSignal::new(None::<Field>);
    let correct = me.action(|code, (field, value): (Field, String)| me_correct(code, field, value));
    // A malformed email, caught before sending with the server's own rule.
    let bad_email = RwSignal::new(false);
    let close = move |f: Field| {
        bad_email.set(false);
        refocus.set(Some(f));
        editing.set(None);
    };
    // A saved field closes its editor.
    Effect::new(move |_| {
        if let Some(Ok((f, _))) = correct.value().get() {
            if editing.get_untracked() == Some(f) {
                close(f);
            }
        }
    });
    let facts = move || {
        me.with(|d| (d.is_minor, d.registered_at.clone(), d.checked_in_at.clone()))
            .map(|(minor, registered, checked_in)| {
                view! {
                    <dt>{t!(i18n, me.minor)}</dt>
                    <dd>{move || if minor { t_string!(i18n, me.yes).to_string() } else { t_string!(i18n, me.no).to_string() }}</dd>
                    <dt>{t!(i18n, me.registered_at)}</dt>
                    <dd>{short_time(&registered)}</dd>
                    <dt>{t!(i18n, me.checked_in_at)}</dt>
                    <dd>
                        {match checked_in {
                            Some(t) => short_time(&t).into_any(),
                            None => t!(i18n, me.not_checked_in).into_any(),
                        }}
                    </dd>
                }
            })
    };
    let rows = move || {
        fields
            .get()
            .into_iter()
            .map(|f| {
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
                let edit_view = {
                    let label = label.clone();
                    let label_id = label_id.clone();
                    move || {
                        let label = label.clone();
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
                                    required=f.required
                                    maxlength="200"
                                    prop:value=move || draft.get()
                                    on:input=move |ev| draft.set(event_target_value(&ev))
                                />
                                <button type="submit" class="primary" disabled=move || correct.pending().get()>
                                    {move || if correct.pending().get() { t_string!(i18n, me.saving).to_string() } else { t_string!(i18n, me.save).to_string() }}
                                    <span class="visually-hidden">" " {label.clone()}</span>
                                </button>
                                <button type="button" class="secondary" on:click=move |_| { correct.clear(); close(field); }>
                                    {t!(i18n, me.cancel)}
                                    <span class="visually-hidden">" " {label.clone()}</span>
                                </button>
                            </form>
                        }
                    }
                };
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
                            {edit_view.clone()}
                        </Show>
                    </dd>
                }
            })
            .collect_view()
    };
    view! {
        <div class="me-details">
            {move || fields.with(Vec::is_empty).then(|| view! { <p class="help">{t!(i18n, me.no_fields)}</p> })}
            <dl class="facts me-facts">
                {rows}
                {facts}
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
