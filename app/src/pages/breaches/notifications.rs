//! The notifications made: to whom, when (Riga time), how, the reference number or how
//! many people were told, and the reason for a delay (point 3).

use super::breach_detail::Ctx;
use crate::components::breach_words::to_in;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Notifications(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="breach-notes-title">
            <h2 id="breach-notes-title">{t!(i18n, breaches.h_notifications)}</h2>
            {move || {
                let list = ctx.view.with(|v| v.notifications.clone());
                if list.is_empty() {
                    return view! { <p class="empty">{t!(i18n, breaches.notifications_none)}</p> }.into_any();
                }
                let l = i18n.get_locale();
                view! {
                    <ul class="plain breach-notifications">
                        {list
                            .into_iter()
                            .map(|n| {
                                let line = td_string!(l, breaches.n_line, to = to_in(l, n.to), at = n.at.as_str(), how = n.how.as_str()).to_string();
                                view! {
                                    <li>
                                        <p>{line}</p>
                                        {(!n.reference.is_empty()).then(|| view! { <p class="meta">{td_string!(l, breaches.n_reference, r = n.reference.as_str()).to_string()}</p> })}
                                        {n.people.map(|c| view! { <p class="meta">{td_string!(l, breaches.n_people, n = c).to_string()}</p> })}
                                        {(!n.delay_reason.is_empty()).then(|| view! { <p class="meta">{td_string!(l, breaches.n_delay, r = n.delay_reason.as_str()).to_string()}</p> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}
