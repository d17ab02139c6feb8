//! The whole record: title, what it is generated from, the downloads, each event's
//! activity, the measures and the policy.

use super::activity::Activity;
use super::downloads::Downloads;
use super::measures::Measures;
use super::policy::Policy;
use super::Which;
use crate::i18n::*;
use crate::types::{ProcessingRecord, RecordScope};
use leptos::prelude::*;

#[component]
pub(super) fn RecordView(record: ProcessingRecord, which: Which) -> impl IntoView {
    let i18n = use_i18n();
    let at = record.generated_at.replace('T', " ").replace('Z', "");
    let scope = match record.scope {
        RecordScope::Event => None,
        RecordScope::Instance => {
            Some(view! { <p class="record-scope">{t!(i18n, ropa.scope_instance)}</p> })
        }
    };
    let empty = record.activities.is_empty();
    view! {
        <h1>{t!(i18n, ropa.title)}</h1>
        {scope}
        <p class="help">{t!(i18n, ropa.intro, at)}</p>
        <Downloads which/>
        {empty.then(|| view! { <p class="empty">{t!(i18n, ropa.no_events)}</p> })}
        {record.activities.into_iter().map(|a| view! { <Activity a/> }).collect_view()}
        <Measures measures=record.measures/>
        <Policy tables=record.policy/>
    }
}
