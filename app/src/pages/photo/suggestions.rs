//! Badges scanned around the time the photo was taken, offered as tags.

use super::words::consent_words;
use crate::api::photos::TagPerson;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::{PhotoDetail, TagBy};
use leptos::prelude::*;

#[component]
pub(super) fn Suggestions(
    detail: RwSignal<PhotoDetail>,
    tag: ServerAction<TagPerson>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="sugg-title">
            <h2 id="sugg-title">{t!(i18n, ph.sg_title)}</h2>
            <p class="help">{t!(i18n, ph.sg_help)}</p>
            {move || {
                let d = detail.get();
                if d.taken_at.is_none() {
                    return view! { <p class="empty">{t!(i18n, ph.sg_no_time)}</p> }.into_any();
                }
                if d.suggestions.is_empty() {
                    return view! { <p class="empty">{t!(i18n, ph.sg_none)}</p> }.into_any();
                }
                let id = d.id.clone();
                view! {
                    <ul class="suggestions">
                        {d
                            .suggestions
                            .into_iter()
                            .map(|s| {
                                let label = s.name.clone().unwrap_or_else(|| {
                                    t_string!(i18n, ph.sg_badge, at = short_time(&s.scanned_at)).to_string()
                                });
                                let secs = s.delta_seconds.abs().to_string();
                                let when = if s.delta_seconds < 0 {
                                    t_string!(i18n, ph.sg_before, s = secs).to_string()
                                } else {
                                    t_string!(i18n, ph.sg_after, s = secs).to_string()
                                };
                                let id = id.clone();
                                let scan_id = s.scan_id;
                                view! {
                                    <li>
                                        <span class="tag-name">{label.clone()}</span>
                                        <span class="tag-consent">{consent_words(i18n, s.consent)}</span>
                                        <span class="help">{when}</span>
                                        <button
                                            type="button"
                                            class="primary"
                                            on:click=move |_| {
                                                tag.dispatch(TagPerson {
                                                    photo_id: id.clone(),
                                                    by: TagBy::Scan { scan_id },
                                                    region: None,
                                                });
                                            }
                                        >
                                            {t!(i18n, ph.sg_add, who = label)}
                                        </button>
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
