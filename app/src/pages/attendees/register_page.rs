//! The route for registering on an attendee's behalf: organisers only.

use super::register_panel::RegisterPanel;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! {
        <RequireManager>
            <RegisterPanel/>
        </RequireManager>
    }
}
