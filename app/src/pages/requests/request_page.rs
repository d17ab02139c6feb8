//! One request's page (`/dashboard/events/:id/requests/:request`), for managers only.

use super::request_panel::RequestPanel;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn RequestPage() -> impl IntoView {
    view! {
        <RequireManager>
            <RequestPanel/>
        </RequireManager>
    }
}
