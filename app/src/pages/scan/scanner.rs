//! The scanner: the network banner, the event, the typed code, the camera, the photos
//! link, the verdict overlay and the recent scans.

use super::event_picker::EventPicker;
use super::net_banner::NetBanner;
use super::photos_link::PhotosLink;
use super::recent_scans::RecentScans;
use super::state::Scan;
use super::typed_code::TypedCode;
use super::verdict_overlay::VerdictOverlay;
use crate::api::scans::scan_events;
use crate::components::camera::QrCamera;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn Scanner() -> impl IntoView {
    let i18n = use_i18n();
    let events = OnceResource::new(scan_events());
    let scan = Scan::new();
    let Scan {
        event_id, shown, ..
    } = scan;

    Effect::new(move |_| scan.start());
    Effect::new(move |_| scan.event_chosen());
    // The first event is chosen when none is remembered (none when there is none: the
    // photos link must not point at a remembered event that is gone).
    Effect::new(move |_| {
        if let Some(Ok(list)) = events.get() {
            let current = event_id.get_untracked();
            if !list.iter().any(|e| e.id.as_str() == current) {
                event_id.set(list.first().map(|e| e.id.to_string()).unwrap_or_default());
            }
        }
    });

    view! {
        <main id="main" class="page scan-page">
            <h1>{t!(i18n, scan.title)}</h1>
            <NetBanner online=scan.online queued=scan.queued/>
            <EventPicker events=events event_id=event_id/>
            <TypedCode on_code=Callback::new(move |t: String| scan.handle(t))/>
            // The field first, then the camera: on a phone both are on the first screen
            // (issue 12 point 6), and a USB scanner's field is never pushed down.
            <QrCamera on_decode=Callback::new(move |t: String| scan.handle(t)) active=Signal::derive(move || shown.get().is_none())/>
            // After the scanning tools, so that on a phone they come right after the event.
            <PhotosLink event_id=event_id/>
            <VerdictOverlay shown=shown/>
            <RecentScans recent=scan.recent/>
        </main>
    }
}
