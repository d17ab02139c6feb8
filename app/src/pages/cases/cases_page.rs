//! The requests list page (`/dashboard/events/:id/requests`), for managers only.

use super::cases_panel::CasesPanel;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn CasesPage() -> impl IntoView {
    view! {
        <RequireManager>
            <CasesPanel/>
        </RequireManager>
    }
}
