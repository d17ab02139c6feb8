//! The people tagged on the photo, each with region and remove buttons.

use super::region_form::RegionForm;
use super::words::{consent_words, who};
use crate::api::photos::{SetRegion, UntagPerson};
use crate::components::badge::ConsentIcon;
use crate::i18n::*;
use crate::types::{PhotoDetail, PhotoTag};
use leptos::prelude::*;

#[component]
pub(super) fn Tags(
    detail: RwSignal<PhotoDetail>,
    drawing: RwSignal<Option<i64>>,
    untag: ServerAction<UntagPerson>,
    region: ServerAction<SetRegion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |t: PhotoTag| {
        let name = who(i18n, &t.name, t.number);
        let (id, tag_id) = (detail.with_untracked(|d| d.id.clone()), t.id);
        let id2 = id.clone();
        let has_region = t.region.is_some();
        let (can_remove, can_edit_region) = (t.can_remove, t.can_edit_region);
        view! {
            <li class="tag-row">
                <span class="tag-number" aria-hidden="true">{t.number}</span>
                <span class="tag-name">{name.clone()}</span>
                {t.consent.map(|c| view! { <span class=format!("consent-{}", c.as_str())><ConsentIcon consent=c/></span> })}
                <span class="tag-consent">{consent_words(i18n, t.consent)}</span>
                {has_region.then(|| view! { <span class="tag-region">{t!(i18n, ph.t_has_region)}</span> })}
                <div class="tag-actions">
                    {can_edit_region.then(|| {
                        let name = name.clone();
                        view! {
                            <button type="button" class="secondary" on:click=move |_| drawing.set(Some(tag_id))>
                                {t!(i18n, ph.t_region, who = name.clone())}
                            </button>
                        }
                    })}
                    {(has_region && can_edit_region).then(|| {
                        let id = id2.clone();
                        let name = name.clone();
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    region.dispatch(SetRegion { photo_id: id.clone(), tag_id, region: None });
                                }
                            >
                                {t!(i18n, ph.t_region_clear, who = name.clone())}
                            </button>
                        }
                    })}
                    {can_remove.then(|| {
                        let (id, name) = (id.clone(), name.clone());
                        view! {
                            <button
                                type="button"
                                class="secondary danger"
                                on:click=move |_| {
                                    untag.dispatch(UntagPerson { photo_id: id.clone(), tag_id });
                                }
                            >
                                {t!(i18n, ph.t_remove, who = name.clone())}
                            </button>
                        }
                    })}
                </div>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="tags-title">
            <h2 id="tags-title">{t!(i18n, ph.t_title)}</h2>
            {move || {
                let tags = detail.get().tags;
                if tags.is_empty() {
                    view! { <p class="empty">{t!(i18n, ph.t_none)}</p> }.into_any()
                } else {
                    view! { <ul class="tag-list">{tags.into_iter().map(row).collect_view()}</ul> }.into_any()
                }
            }}
            {move || drawing.get().map(|tag_id| view! { <RegionForm detail tag_id drawing region/> })}
        </section>
    }
}
