//! A request photo's facts: the thumbnail (or that it is deleted), when it was taken,
//! whether the person asked for it, where it is published and the decision so far.

use super::done_icon::DoneIcon;
use super::words::decision_words;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::RequestPhoto;
use leptos::prelude::*;

#[component]
pub(super) fn PhotoFacts(photo: Memo<Option<RequestPhoto>>, n: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="request-photo-body">
            {move || {
                match photo.with(|p| p.as_ref().and_then(|p| p.photo_id.clone())) {
                    Some(id) => {
                        view! {
                            <img
                                class="request-thumb"
                                src=format!("/media/photos/{id}/thumb.jpg")
                                alt=move || t_string!(i18n, requests.thumb_alt, n = n).to_string()
                                loading="lazy"
                            />
                        }
                            .into_any()
                    }
                    None => view! { <p class="request-deleted">{t!(i18n, requests.deleted)}</p> }.into_any(),
                }
            }}
            <dl class="facts">
                <dt>{t!(i18n, requests.taken)}</dt>
                <dd>
                    {move || {
                        photo
                            .with(|p| p.as_ref().and_then(|p| p.taken_at.clone()))
                            .map(|t| short_time(&t))
                            .unwrap_or_else(|| t_string!(i18n, requests.no_time).to_string())
                    }}
                </dd>
                <dt>{t!(i18n, requests.requested)}</dt>
                <dd>
                    {move || {
                        if photo.with(|p| p.as_ref().is_some_and(|p| p.requested)) {
                            t_string!(i18n, att.yes).to_string()
                        } else {
                            t_string!(i18n, att.no).to_string()
                        }
                    }}
                </dd>
                <dt>{t!(i18n, requests.published)}</dt>
                <dd>{move || photo.with(|p| p.as_ref().map(|p| p.published).unwrap_or_default())}</dd>
                <dt>{t!(i18n, requests.decision)}</dt>
                <dd class="request-decision">
                    {move || {
                        photo
                            .with(|p| p.as_ref().map(|p| (p.decision, p.decided_at.clone())))
                            .map(|(d, at)| {
                                view! {
                                    {d.is_some().then(|| view! { <DoneIcon/> })}
                                    <strong>{decision_words(i18n, d)}</strong>
                                    {at.map(|at| format!(" · {}", short_time(&at)))}
                                }
                            })
                    }}
                </dd>
                {move || {
                    photo
                        .with(|p| p.as_ref().map(|p| p.reason.clone()))
                        .filter(|r| !r.trim().is_empty())
                        .map(|r| view! { <dt>{t!(i18n, requests.reason)}</dt><dd class="pre">{r}</dd> })
                }}
            </dl>
        </div>
    }
}
