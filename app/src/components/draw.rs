//! Marking a person on a photo: a transparent surface laid over the image on which a box
//! is dragged with the mouse, a pen or a finger. Used by the photo page (tag regions) and
//! the removal request page (the region to blur).

use crate::types::Region;
use leptos::prelude::*;

/// CSS placing a box at `r` (0-1 of the photo) over the image.
pub fn region_style(r: Region) -> String {
    let pct = |v: f32| format!("{:.2}%", v * 100.0);
    format!(
        "left:{};top:{};width:{};height:{}",
        pct(r.x),
        pct(r.y),
        pct(r.w),
        pct(r.h)
    )
}

/// The pointer's position relative to the element the handler is on, 0-1 each way.
fn relative(ev: &leptos::ev::PointerEvent) -> Option<(f32, f32)> {
    use leptos::wasm_bindgen::JsCast;
    let el = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?;
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return None;
    }
    let x = ((ev.client_x() as f64 - r.left()) / r.width()).clamp(0.0, 1.0) as f32;
    let y = ((ev.client_y() as f64 - r.top()) / r.height()).clamp(0.0, 1.0) as f32;
    Some((x, y))
}

fn span(a: (f32, f32), b: (f32, f32)) -> Region {
    Region {
        x: a.0.min(b.0),
        y: a.1.min(b.1),
        w: (a.0 - b.0).abs(),
        h: (a.1 - b.1).abs(),
    }
}

/// The drawing surface (class `draw-surface`, absolutely over its `photo-stage`). The
/// pointer is captured, so a drag that leaves the photo still ends here. `live` follows
/// the drag (for drawing the box) and is cleared at the end; `on_done` gets the finished
/// box when it has a size.
#[component]
pub fn DrawSurface(live: RwSignal<Option<Region>>, on_done: Callback<Region>) -> impl IntoView {
    let start: RwSignal<Option<(f32, f32)>> = RwSignal::new(None);
    view! {
        <div
            class="draw-surface"
            on:pointerdown=move |ev| {
                ev.prevent_default();
                {
                    use leptos::wasm_bindgen::JsCast;
                    if let Some(el) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                }
                if let Some(p) = relative(&ev) {
                    start.set(Some(p));
                    live.set(None);
                }
            }
            on:pointermove=move |ev| {
                if let (Some(a), Some(b)) = (start.get_untracked(), relative(&ev)) {
                    live.set(Some(span(a, b)));
                }
            }
            on:pointerup=move |ev| {
                let (Some(a), Some(b)) = (start.get_untracked(), relative(&ev)) else { return };
                start.set(None);
                live.set(None);
                let r = span(a, b);
                if r.is_valid() {
                    on_done.run(r);
                }
            }
        >
            {move || live.get().map(|r| view! { <div class="region region-new" style=region_style(r)></div> })}
        </div>
    }
}
