//! One attendee's route: organisers only.

use super::detail_loader::AttendeePanel;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn AttendeePage() -> impl IntoView {
    view! {
        <RequireManager>
            <AttendeePanel/>
        </RequireManager>
    }
}
