//! The dashboard's banner of open breach clocks (issue 17 point 2): every breach not
//! closed that still owes a notification, with its clocks counting down and a link to
//! it. Nothing is shown when nothing is owed.

use crate::api::breaches::list_breaches;
use crate::components::breach_clock::{use_now, BreachClock};
use crate::i18n::*;
use crate::types::{BreachList, ClockStatus};
use leptos::prelude::*;

#[component]
pub fn BreachBanner() -> impl IntoView {
    let list = Resource::new(|| (), |_| list_breaches());
    view! {
        <Transition fallback=|| ()>
            {move || list.get().and_then(|r| r.ok()).map(|l| view! { <Banner list=l/> })}
        </Transition>
    }
}

#[component]
fn Banner(list: BreachList) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now(list.now_unix);
    let open: Vec<_> = list
        .rows
        .into_iter()
        .filter(|b| {
            !b.closed
                && b.clocks
                    .iter()
                    .any(|c| matches!(c.status, ClockStatus::Running | ClockStatus::Overdue))
        })
        .collect();
    (!open.is_empty()).then(|| {
        view! {
            <section class="breach-banner" aria-labelledby="breach-banner-title">
                <h2 id="breach-banner-title">{t!(i18n, breaches.banner_title)}</h2>
                <ul>
                    {open
                        .into_iter()
                        .map(|b| {
                            let href = format!("/dashboard/breaches/{}", b.id);
                            let at = b.discovered.clone();
                            let events = b.events.join(", ");
                            let clocks = b
                                .clocks
                                .into_iter()
                                .filter(|c| matches!(c.status, ClockStatus::Running | ClockStatus::Overdue))
                                .map(|c| view! { <li><BreachClock clock=c now/></li> })
                                .collect_view();
                            view! {
                                <li>
                                    <a href=href>{t!(i18n, breaches.banner_item, at = at.clone(), events = events.clone())}</a>
                                    <ul class="breach-clocks">{clocks}</ul>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
