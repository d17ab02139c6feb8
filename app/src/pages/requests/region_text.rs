//! The blur region's four fields (photo card and region picker) as percent text, to and
//! from a `Region` in 0-1 of the photo's size.

use crate::types::Region;
use leptos::prelude::*;

/// `0.125` → `"12.5"`.
pub(super) fn percent(v: f32) -> String {
    format!("{:.1}", v * 100.0)
}

/// The region the four fields hold (a decimal comma is fine), if all four are numbers; the
/// caller decides what counts as usable.
pub(super) fn typed_region(
    x: RwSignal<String>,
    y: RwSignal<String>,
    w: RwSignal<String>,
    h: RwSignal<String>,
) -> Option<Region> {
    let p = |s: RwSignal<String>| {
        s.with(|s| s.trim().replace(',', ".").parse::<f32>().ok())
            .map(|v| v / 100.0)
    };
    Some(Region {
        x: p(x)?,
        y: p(y)?,
        w: p(w)?,
        h: p(h)?,
    })
}
