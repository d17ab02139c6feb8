//! One request's page (`/dashboard/events/:id/requests/:case`), for managers only.

use super::case_panel::CasePanel;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn CasePage() -> impl IntoView {
    view! {
        <RequireManager>
            <CasePanel/>
        </RequireManager>
    }
}
