//! One request's suggested photos (taken near the person's), each to add to the request.

use super::ctx::{Area, Ctx};
use crate::api::requests::tag_suggestion;
use crate::components::time::short_time;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Suggestions(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="request-sugg-title">
            <h2 id="request-sugg-title">{t!(i18n, requests.sugg_title)}</h2>
            <p class="help">{t!(i18n, requests.sugg_help)}</p>
            {move || {
                let list = ctx.view.with(|v| v.suggestions.clone());
                if list.is_empty() {
                    return view! { <p class="empty">{t!(i18n, requests.sugg_none)}</p> }.into_any();
                }
                view! {
                    <ul class="request-suggestions">
                        {list
                            .into_iter()
                            .enumerate()
                            .map(|(i, s)| {
                                let n = i as i64 + 1;
                                let id = s.photo_id.clone();
                                let when = s
                                    .taken_at
                                    .as_deref()
                                    .map(short_time)
                                    .unwrap_or_else(|| t_string!(i18n, requests.no_time).to_string());
                                let apart = s.seconds_apart.abs();
                                view! {
                                    <li class="request-suggestion">
                                        <img
                                            class="request-thumb"
                                            src=format!("/media/photos/{}/thumb.jpg", s.photo_id)
                                            alt=move || t_string!(i18n, requests.sugg_alt, n = n).to_string()
                                            loading="lazy"
                                        />
                                        <div>
                                            <p><strong>{move || t_string!(i18n, requests.sugg_label, n = n).to_string()}</strong></p>
                                            <p>{when} " · " {s.photographer.clone()}</p>
                                            <p class="help">{move || t_string!(i18n, requests.sugg_apart, s = apart).to_string()}</p>
                                            <Show when=move || ctx.is_open()>
                                                <button
                                                    type="button"
                                                    class="secondary"
                                                    disabled=move || ctx.busy()
                                                    on:click={
                                                        let id = id.clone();
                                                        move |_| ctx.run(Area::Suggestions, tag_suggestion(ctx.request_id(), id.clone()))
                                                    }
                                                >
                                                    {move || t_string!(i18n, requests.sugg_add, n = n).to_string()}
                                                </button>
                                            </Show>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {ctx.outcome_at(Area::Suggestions, move || t_string!(i18n, requests.sugg_added).to_string())}
        </section>
    }
    .into_any()
}
