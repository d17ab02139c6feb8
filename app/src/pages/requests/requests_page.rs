//! The requests list page (`/dashboard/events/:id/requests`), for managers only.

use super::requests_panel::RequestsPanel;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn RequestsPage() -> impl IntoView {
    view! {
        <RequireManager>
            <RequestsPanel/>
        </RequireManager>
    }
}
