//! The photo's preview (or blurred preview) with the tagged people's regions.

use crate::api::photos::SetRegion;
use crate::components::draw::{region_style, DrawSurface};
use crate::i18n::*;
use crate::types::{Consent, PhotoDetail, Region};
use leptos::prelude::*;

/// The preview with the regions, and the drawing surface while a region is drawn.
#[component]
pub(super) fn Stage(
    detail: RwSignal<PhotoDetail>,
    drawing: RwSignal<Option<i64>>,
    region: ServerAction<SetRegion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rect: RwSignal<Option<Region>> = RwSignal::new(None);
    let done = Callback::new(move |r: Region| {
        if let Some(tag_id) = drawing.get_untracked() {
            region.dispatch(SetRegion {
                photo_id: detail.with_untracked(|d| d.id.clone()),
                tag_id,
                region: Some(r),
            });
        }
    });
    let src = move || {
        detail.with(|d| {
            if d.publish_blurred {
                format!("/media/photos/{}/redacted.jpg", d.id)
            } else {
                format!("/media/photos/{}/preview.jpg", d.id)
            }
        })
    };
    let alt = move || {
        if detail.with(|d| d.publish_blurred) {
            t_string!(i18n, ph.p_alt_blurred).to_string()
        } else {
            t_string!(i18n, ph.p_alt).to_string()
        }
    };
    view! {
        <div class="photo-stage" class:drawing=move || drawing.get().is_some()>
            <img
                src=src
                alt=alt
                width=move || detail.with(|d| d.width)
                height=move || detail.with(|d| d.height)
            />
            {move || {
                detail
                    .get()
                    .tags
                    .into_iter()
                    .filter_map(|t| t.region.map(|r| (t, r)))
                    .map(|(t, r)| {
                        let red = t.consent == Some(Consent::Red);
                        view! {
                            <div class="region" class:region-red=red style=region_style(r) aria-hidden="true">
                                <span class="region-label">{t.number}</span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <Show when=move || drawing.get().is_some()>
                <DrawSurface live=rect on_done=done/>
            </Show>
        </div>
    }
}
