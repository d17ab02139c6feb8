//! `/me`: the facts the attendee cannot correct: minor, registered, checked in.

use super::state::Me;
use crate::components::time::short_time;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn DetailFacts(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    move || {
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
    }
}
