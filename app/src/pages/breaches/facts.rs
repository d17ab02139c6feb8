//! The record as it stands: who discovered it, its types, what happened, the events and
//! the categories of data, the numbers, consequences, measures and the risk with its
//! reason (point 1).

use super::breach_detail::Ctx;
use crate::components::breach_words::{category_in, kind_in, risk_in};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Facts(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let v = ctx.view;
    let row = move |label: AnyView, value: String| {
        view! {
            <dt>{label}</dt>
            <dd class="pre-line">{if value.trim().is_empty() { "–".to_string() } else { value }}</dd>
        }
    };
    view! {
        <section class="card" aria-labelledby="breach-facts-title">
            <h2 id="breach-facts-title">{t!(i18n, breaches.h_facts)}</h2>
            {move || {
                let l = i18n.get_locale();
                v.with(|v| {
                    let r = &v.record;
                    let kinds = r.kinds.iter().map(|k| kind_in(l, *k)).collect::<Vec<_>>().join("; ");
                    let cats = r.categories.iter().map(|c| category_in(l, *c)).collect::<Vec<_>>().join(", ");
                    let mut events = v.events.iter().map(|e| e.name.clone()).collect::<Vec<_>>().join(", ");
                    let everyone = v
                        .events
                        .iter()
                        .filter(|e| r.everyone_at.contains(&e.id))
                        .map(|e| e.name.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let numbers = td_string!(l, breaches.f_numbers, people = r.approx_people, records = r.approx_records).to_string();
                    let risk = format!("{}. {}", risk_in(l, r.risk), r.risk_reason);
                    if !everyone.is_empty() {
                        events.push('\n');
                        events.push_str(&td_string!(l, breaches.f_everyone, events = everyone.as_str()).to_string());
                    }
                    let close = (!r.close_reason.is_empty()).then(|| r.close_reason.clone());
                    view! {
                        <dl class="facts">
                            {row(t!(i18n, breaches.f_discovered_by).into_any(), r.discovered_by.clone())}
                            {row(t!(i18n, breaches.kinds).into_any(), kinds)}
                            {row(t!(i18n, breaches.what_happened).into_any(), r.what_happened.clone())}
                            {row(t!(i18n, breaches.f_events).into_any(), events)}
                            {row(t!(i18n, breaches.categories).into_any(), cats)}
                            {row(t!(i18n, breaches.approx_people).into_any(), numbers)}
                            {row(t!(i18n, breaches.consequences).into_any(), r.consequences.clone())}
                            {row(t!(i18n, breaches.measures_taken).into_any(), r.measures_taken.clone())}
                            {row(t!(i18n, breaches.measures_planned).into_any(), r.measures_planned.clone())}
                            {row(t!(i18n, breaches.risk).into_any(), risk)}
                            {close.map(|c| row(t!(i18n, breaches.h_close).into_any(), c))}
                        </dl>
                    }
                })
            }}
        </section>
    }
}
