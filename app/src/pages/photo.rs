//! One photo (issue 5, items 3-6, 8): the preview with the tagged people's regions, the
//! publication state with its reasons, tagging without biometrics (scan-time
//! suggestions, a badge code, or for organisers a name search), regions drawn on the
//! preview or typed in percent, "no identifiable people", "publish blurred" with the
//! blurred preview, and the publication ledger.
//!
//! One component per file under `photo/`: the page (`loader`, `photo_view`) and its
//! parts (`stage`, `tags`, `region_form`, `suggestions`, `add_by_badge`, `search`,
//! `meta`, `ledger`), with the words they share (`words`).

mod add_by_badge;
mod ledger;
mod loader;
mod meta;
mod photo_view;
mod region_form;
mod review;
mod search;
mod stage;
mod suggestions;
mod tags;
mod words;

use crate::components::auth::RequireScanner;
use leptos::prelude::*;
use loader::PhotoLoader;

#[component]
pub fn PhotoPage() -> impl IntoView {
    view! {
        <RequireScanner>
            <PhotoLoader/>
        </RequireScanner>
    }
}
