//! The photo page itself: the actions that change the photo, the publication state
//! with its reasons and the two checkboxes, and the parts around them.

use super::add_by_badge::AddByBadge;
use super::ledger::Ledger;
use super::meta::Meta;
use super::review::Review;
use super::search::Search;
use super::stage::Stage;
use super::suggestions::Suggestions;
use super::tags::Tags;
use super::words::reason_text;
use crate::api::photos::{
    AddPublication, ReviewPhoto, SetNoPeople, SetPublishBlurred, SetRegion, TagPerson, UntagPerson,
};
use crate::components::errors::ErrorText;
use crate::components::state_icon::StateIcon;
use crate::components::words::state_words;
use crate::i18n::*;
use crate::types::{ApiError, GateReason, PhotoDetail};
use leptos::prelude::*;

#[component]
pub(super) fn PhotoView(initial: PhotoDetail) -> impl IntoView {
    let i18n = use_i18n();
    let detail = RwSignal::new(initial);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    // The tag whose region is being drawn.
    let drawing: RwSignal<Option<i64>> = RwSignal::new(None);

    let tag = ServerAction::<TagPerson>::new();
    let untag = ServerAction::<UntagPerson>::new();
    let region = ServerAction::<SetRegion>::new();
    let no_people = ServerAction::<SetNoPeople>::new();
    let blur = ServerAction::<SetPublishBlurred>::new();
    let publication = ServerAction::<AddPublication>::new();
    let review = ServerAction::<ReviewPhoto>::new();
    // Every change answers with the photo page as it now is.
    let take = move |v: Option<Result<PhotoDetail, ApiError>>| match v {
        Some(Ok(d)) => {
            detail.set(d);
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    };
    Effect::new(move |_| take(tag.value().get()));
    Effect::new(move |_| take(untag.value().get()));
    Effect::new(move |_| {
        let v = region.value().get();
        if matches!(v, Some(Ok(_))) {
            drawing.set(None);
        }
        take(v)
    });
    Effect::new(move |_| take(no_people.value().get()));
    Effect::new(move |_| take(blur.value().get()));
    Effect::new(move |_| take(publication.value().get()));
    Effect::new(move |_| take(review.value().get()));
    let pending = move || {
        tag.pending().get()
            || untag.pending().get()
            || region.pending().get()
            || no_people.pending().get()
            || blur.pending().get()
            || publication.pending().get()
            || review.pending().get()
    };
    let photo_id = move || detail.with(|d| d.id.clone());

    view! {
        <h1>{t!(i18n, ph.p_title)}</h1>
        <div class="photo-layout">
            <Stage detail drawing region/>
            <div class="photo-side">
                <section class="card" aria-labelledby="state-title">
                    <h2 id="state-title">{t!(i18n, ph.p_state)}</h2>
                    {move || {
                        let d = detail.get();
                        view! {
                            <p class=format!("state-line {}", match d.state {
                                crate::types::PhotoState::Blocked => "state-blocked",
                                crate::types::PhotoState::NeedsReview => "state-review",
                                crate::types::PhotoState::PublishableBlurred => "state-blurred",
                                crate::types::PhotoState::Publishable => "state-ok",
                            })>
                                <StateIcon state=d.state/>
                                <strong>{state_words(i18n, d.state)}</strong>
                            </p>
                            <ul class="reasons">
                                {d.reasons.iter().map(|r| view! { <li>{reason_text(i18n, r)}</li> }).collect_view()}
                            </ul>
                        }
                    }}
                    <Review detail review/>
                    {move || error.get().map(|e| view! { <ErrorText error=e/> })}
                    <Show when=move || pending()>
                        <p class="loading" role="status">{t!(i18n, ph.saving)}</p>
                    </Show>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || detail.with(|d| d.no_people)
                            disabled=move || detail.with(|d| d.no_people_locked)
                            aria-describedby=move || detail.with(|d| d.no_people_locked.then_some("np-locked"))
                            on:change=move |e| {
                                no_people.dispatch(SetNoPeople { photo_id: photo_id(), value: event_target_checked(&e) });
                            }
                        />
                        {t!(i18n, ph.np_label)}
                    </label>
                    <Show when=move || detail.with(|d| d.no_people_locked)>
                        <p class="help" id="np-locked">{t!(i18n, ph.np_locked)}</p>
                    </Show>
                    <Show when=move || detail.with(|d| d.can_manage && (d.can_blur || d.publish_blurred || d.reasons.iter().any(|r| matches!(r, GateReason::Red { .. }))))>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || detail.with(|d| d.publish_blurred)
                                disabled=move || detail.with(|d| !d.can_blur && !d.publish_blurred)
                                on:change=move |e| {
                                    blur.dispatch(SetPublishBlurred { photo_id: photo_id(), value: event_target_checked(&e) });
                                }
                            />
                            {t!(i18n, ph.bl_label)}
                        </label>
                        <p class="help">
                            {move || if detail.with(|d| d.can_blur) {
                                t_string!(i18n, ph.bl_help).to_string()
                            } else {
                                t_string!(i18n, ph.bl_needs).to_string()
                            }}
                        </p>
                    </Show>
                </section>
                <Tags detail drawing untag region/>
                <Suggestions detail tag/>
                <AddByBadge detail tag/>
                <Show when=move || detail.with(|d| d.can_manage)>
                    <Search detail tag/>
                </Show>
                <Meta detail/>
                <Show when=move || detail.with(|d| d.can_manage)>
                    <Ledger detail publication/>
                </Show>
            </div>
        </div>
    }
}
