//! `/scan`: the photographer's scanner (issue 4; requirements 10, 22). Badges are read
//! by the camera, by a USB/Bluetooth scanner (it types the URL and presses Enter) or by
//! typing the code. The verdict shows full-screen for a moment with a sound and a
//! vibration that differ for green and red; the same badge within 3 s counts once.
//!
//! Offline: when the page is online it keeps the event's token → colour map (tokens and
//! colours only, no names) in local storage; offline, verdicts come from it and scans
//! wait in a local queue, uploaded when the network returns (idempotent by a random
//! scan id). The map is refreshed every 15 s while online and at once on reconnecting.
//! The page itself reopens offline (issue 18 point 6): the service worker keeps its
//! shell, and when the sign-in check cannot reach the server the scanner runs from the
//! stored map (see `components::auth::RequireScanner`).
//!
//! One component per file under `scan/`: the scanner and its parts, the state they share
//! (`state`) and the browser services (`browser`).

mod browser;
mod event_picker;
mod net_banner;
mod photos_link;
mod recent_scans;
mod scanner;
mod state;
mod typed_code;
mod verdict_overlay;

use crate::components::auth::RequireScanner;
use leptos::prelude::*;
use scanner::Scanner;

#[component]
pub fn ScanPage() -> impl IntoView {
    // Reopens offline from the service worker's shell (issue 18 point 6).
    Effect::new(move |_| crate::components::service_worker::register());
    view! {
        <RequireScanner>
            <Scanner/>
        </RequireScanner>
    }
}
