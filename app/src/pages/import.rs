//! CSV import of pre-registered attendees (issue 3, item 3): choose a file, check the
//! proposed column mapping, import all lines or none, then hand out the check-in codes
//! (shown once; a download keeps them for sending).
//!
//! One component per file under `import/`: the panel (`import_panel`), the mapping
//! (`mapping_card`, with its `slots`) and the codes (`codes_card`, with the CSV file in
//! `codes`).

mod codes;
mod codes_card;
mod import_panel;
mod mapping_card;
mod slots;

use crate::components::auth::RequireManager;
use import_panel::ImportPanel;
use leptos::prelude::*;

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <RequireManager>
            <ImportPanel/>
        </RequireManager>
    }
}
