//! The organiser's review (issue 14, point 1): who reviewed the photo and when, and the
//! button that marks it reviewed or withdraws the review. A photo is published only
//! after an organiser's review; any later change of its people undoes it.

use crate::api::photos::ReviewPhoto;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::PhotoDetail;
use leptos::prelude::*;

#[component]
pub(super) fn Review(
    detail: RwSignal<PhotoDetail>,
    review: ServerAction<ReviewPhoto>,
) -> impl IntoView {
    let i18n = use_i18n();
    let done = move || {
        detail.with(|d| match (&d.reviewed_by, &d.reviewed_at) {
            (Some(who), Some(at)) => {
                t_string!(i18n, ph.rv_done, who = who.clone(), at = short_time(at)).to_string()
            }
            _ => t_string!(i18n, ph.rv_none).to_string(),
        })
    };
    let reviewed = move || detail.with(|d| d.reviewed_at.is_some());
    view! {
        <div class="review">
            <p class="review-line">{done}</p>
            <Show when=move || detail.with(|d| d.can_manage)>
                <button
                    type="button"
                    class=move || if reviewed() { "secondary" } else { "primary" }
                    disabled=move || !reviewed() && detail.with(|d| !d.can_review)
                    on:click=move |_| {
                        let photo_id = detail.with_untracked(|d| d.id.clone());
                        review.dispatch(ReviewPhoto { photo_id, value: !reviewed() });
                    }
                >
                    {move || if reviewed() {
                        t_string!(i18n, ph.rv_undo).to_string()
                    } else {
                        t_string!(i18n, ph.rv_mark).to_string()
                    }}
                </button>
                <p class="help">{t!(i18n, ph.rv_help)}</p>
            </Show>
        </div>
    }
}
