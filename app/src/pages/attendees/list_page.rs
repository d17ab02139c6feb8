//! The attendee list's route: organisers only.

use super::list::AttendeeList;
use crate::components::auth::RequireManager;
use leptos::prelude::*;

#[component]
pub fn AttendeesPage() -> impl IntoView {
    view! {
        <RequireManager>
            <AttendeeList/>
        </RequireManager>
    }
}
