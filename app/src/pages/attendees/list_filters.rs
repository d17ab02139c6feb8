//! The attendee list's search and filters; the list follows `applied`, set on "Search".

use super::common::yes_no;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use crate::types::AttendeeFilter;
use leptos::prelude::*;

#[component]
pub(super) fn ListFilters(
    draft: RwSignal<AttendeeFilter>,
    applied: RwSignal<AttendeeFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select = move |id: &'static str,
                       label: String,
                       get: fn(&AttendeeFilter) -> String,
                       set: fn(&mut AttendeeFilter, String),
                       options: Vec<(&'static str, String)>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select
                    id=id
                    prop:value=move || draft.with(get)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|f| set(f, v));
                    }
                >
                    {options
                        .into_iter()
                        .map(|(v, l)| view! { <option value=v>{l}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let all = move || t_string!(i18n, att.filter_all).to_string();
    view! {
        <form
            class="filters"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                applied.set(draft.get_untracked());
            }
        >
            <TextField
                id="att-q"
                kind=FieldKind::Search
                label=move || t!(i18n, att.search)
                value=Signal::derive(move || draft.with(|f| f.q.clone()))
                on_input=move |v: String| draft.update(|f| f.q = v)
            />
            {select(
                "att-consent",
                t_string!(i18n, att.filter_consent).to_string(),
                |f| f.consent.clone(),
                |f, v| f.consent = v,
                vec![
                    ("", all()),
                    ("green", t_string!(i18n, kiosk.choice_green).to_string()),
                    ("red", t_string!(i18n, kiosk.choice_red).to_string()),
                    ("none", t_string!(i18n, att.consent_none).to_string()),
                ],
            )}
            {select(
                "att-checked",
                t_string!(i18n, att.filter_checked_in).to_string(),
                |f| f.checked_in.clone(),
                |f, v| f.checked_in = v,
                vec![("", all()), ("yes", yes_no(i18n, true)), ("no", yes_no(i18n, false))],
            )}
            {select(
                "att-minor",
                t_string!(i18n, att.filter_minor).to_string(),
                |f| f.minor.clone(),
                |f, v| f.minor = v,
                vec![("", all()), ("yes", yes_no(i18n, true)), ("no", yes_no(i18n, false))],
            )}
            <button type="submit" class="primary">{t!(i18n, att.apply)}</button>
        </form>
    }
}
