//! A photo card's blur region: a box drawn over the preview or typed in percent.

use super::region_text::{percent, typed_region};
use super::words::photo_label;
use crate::components::draw::{region_style, DrawSurface};
use crate::i18n::*;
use crate::types::Region;
use leptos::prelude::*;

/// Where the person is, for blurring: a box dragged over the preview (the approach of
/// the photo page's stage: pointer events on the drawing surface itself, captured, in
/// 0-1 of its size) or four numbers in percent for the keyboard.
#[component]
#[allow(clippy::too_many_arguments)]
pub(super) fn RegionPicker(
    n: i64,
    item: i64,
    photo_id: String,
    marked: bool,
    rx: RwSignal<String>,
    ry: RwSignal<String>,
    rw: RwSignal<String>,
    rh: RwSignal<String>,
    touched: RwSignal<bool>,
) -> AnyView {
    let i18n = use_i18n();
    let live: RwSignal<Option<Region>> = RwSignal::new(None);
    let done = Callback::new(move |r: Region| {
        rx.set(percent(r.x));
        ry.set(percent(r.y));
        rw.set(percent(r.w));
        rh.set(percent(r.h));
        touched.set(true);
    });
    let typed = move || typed_region(rx, ry, rw, rh).filter(|r| r.w > 0.0 && r.h > 0.0);
    let field = move |key: &'static str, which: RwSignal<String>| {
        let id = format!("request-photo-{item}-region-{key}");
        let text = move || match key {
            "x" => t_string!(i18n, ph.rx).to_string(),
            "y" => t_string!(i18n, ph.ry).to_string(),
            "w" => t_string!(i18n, ph.rw).to_string(),
            _ => t_string!(i18n, ph.rh).to_string(),
        };
        view! {
            <label for=id.clone()>
                {text}
                <span class="visually-hidden">{move || format!(" ({})", photo_label(i18n, n))}</span>
            </label>
            <input
                id=id.clone()
                type="number"
                min="0"
                max="100"
                step="0.1"
                inputmode="decimal"
                prop:value=move || which.get()
                on:input=move |e| {
                    which.set(event_target_value(&e));
                    touched.set(true);
                }
            />
        }
    };
    let help_id = format!("request-photo-{item}-region-help");
    view! {
        <fieldset class="request-region" aria-describedby=help_id.clone()>
            <legend>{move || t_string!(i18n, requests.region_title, n = n).to_string()}</legend>
            <p id=help_id.clone() class="help">
                {move || {
                    if marked {
                        t_string!(i18n, requests.region_marked).to_string()
                    } else {
                        t_string!(i18n, requests.region_help).to_string()
                    }
                }}
            </p>
            <div class="photo-stage drawing request-stage">
                <img
                    src=format!("/media/photos/{photo_id}/preview.jpg")
                    alt=move || t_string!(i18n, requests.preview_alt, n = n).to_string()
                />
                // The typed box; while dragging, the surface draws the live one.
                {move || {
                    (live.get().is_none())
                        .then(typed)
                        .flatten()
                        .map(|r| view! { <div class="region region-new" style=region_style(r) aria-hidden="true"></div> })
                }}
                <DrawSurface live=live on_done=done/>
            </div>
            <div class="region-fields">
                {field("x", rx)}
                {field("y", ry)}
                {field("w", rw)}
                {field("h", rh)}
            </div>
        </fieldset>
    }
    .into_any()
}
