//! One attendee's data: the registration fields, minor, registered, checked in and
//! consent.

use super::common::yes_no;
use crate::components::consent_tag::ConsentTag;
use crate::components::person_fields::field_label;
use crate::i18n::*;
use crate::types::{AttendeeDetail, Field};
use leptos::prelude::*;

#[component]
pub(super) fn DetailData(detail: RwSignal<AttendeeDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let fields = move || {
        detail.with(|d| {
            Field::ALL
                .into_iter()
                .filter_map(|f| d.fields.get(f).map(|v| (f, v.to_string())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">{t!(i18n, att.data_title)}</h2>
            <dl class="facts">
                {move || {
                    fields()
                        .into_iter()
                        .map(|(f, v)| view! { <dt>{field_label(i18n, f)}</dt><dd>{v}</dd> })
                        .collect_view()
                }}
                <dt>{t!(i18n, att.col_minor)}</dt>
                <dd>{move || yes_no(i18n, detail.with(|d| d.is_minor))}</dd>
                <dt>{t!(i18n, att.registered_at)}</dt>
                <dd>{move || detail.with(|d| d.registered_at.clone())}</dd>
                <dt>{t!(i18n, att.col_checked_in)}</dt>
                <dd>
                    {move || {
                        detail.with(|d| match &d.checked_in_at {
                            Some(at) => at.clone(),
                            None => yes_no(i18n, false),
                        })
                    }}
                </dd>
                <dt>{t!(i18n, att.col_consent)}</dt>
                <dd>{move || view! { <ConsentTag consent=detail.with(|d| d.consent)/> }}</dd>
            </dl>
        </section>
    }
}
