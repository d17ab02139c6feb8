//! A tagged person's region typed in percent, while it is being drawn.

use super::words::who;
use crate::api::photos::SetRegion;
use crate::i18n::*;
use crate::types::{PhotoDetail, Region};
use leptos::prelude::*;

/// The keyboard way to give a region: four numbers in percent.
#[component]
pub(super) fn RegionForm(
    detail: RwSignal<PhotoDetail>,
    tag_id: i64,
    drawing: RwSignal<Option<i64>>,
    region: ServerAction<SetRegion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tag = detail.with_untracked(|d| d.tags.iter().find(|t| t.id == tag_id).cloned());
    let name = tag
        .as_ref()
        .map(|t| who(i18n, &t.name, t.number))
        .unwrap_or_default();
    let current = tag.and_then(|t| t.region).unwrap_or(Region {
        x: 0.25,
        y: 0.25,
        w: 0.5,
        h: 0.5,
    });
    let x = RwSignal::new(format!("{:.0}", current.x * 100.0));
    let y = RwSignal::new(format!("{:.0}", current.y * 100.0));
    let w = RwSignal::new(format!("{:.0}", current.w * 100.0));
    let h = RwSignal::new(format!("{:.0}", current.h * 100.0));
    let field = move |label: String, id: &'static str, v: RwSignal<String>| {
        view! {
            <label for=id>{label}</label>
            <input
                id=id
                type="number"
                min="0"
                max="100"
                inputmode="numeric"
                prop:value=move || v.get()
                on:input=move |e| v.set(event_target_value(&e))
            />
        }
    };
    view! {
        <form
            class="region-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let n = |s: RwSignal<String>| s.get().trim().parse::<f32>().unwrap_or(-1.0) / 100.0;
                region.dispatch(SetRegion {
                    photo_id: detail.with_untracked(|d| d.id.clone()),
                    tag_id,
                    region: Some(Region { x: n(x), y: n(y), w: n(w), h: n(h) }),
                });
            }
        >
            <p role="status">{t!(i18n, ph.t_drawing, who = name)}</p>
            <div class="region-fields">
                {field(t_string!(i18n, ph.rx).to_string(), "region-x", x)}
                {field(t_string!(i18n, ph.ry).to_string(), "region-y", y)}
                {field(t_string!(i18n, ph.rw).to_string(), "region-w", w)}
                {field(t_string!(i18n, ph.rh).to_string(), "region-h", h)}
            </div>
            <button type="submit" class="primary">{t!(i18n, ph.region_save)}</button>
            <button type="button" class="secondary" on:click=move |_| drawing.set(None)>
                {t!(i18n, ph.t_cancel)}
            </button>
        </form>
    }
}
