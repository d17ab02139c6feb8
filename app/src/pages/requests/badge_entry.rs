//! The open-request form's badge: typed, from a USB scanner that types, or from the
//! camera.

use crate::components::camera::QrCamera;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use leptos::prelude::*;

/// Typing or scanning a badge drops the attendee chosen from the search.
#[component]
pub(super) fn BadgeEntry(
    badge: RwSignal<String>,
    picked: RwSignal<Option<(crate::types::AttendeeId, Option<String>)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let camera = RwSignal::new(false);
    view! {
        <form
            class="request-badge"
            on:submit=move |ev| {
                ev.prevent_default();
            }
        >
            <TextField
                id="open-badge"
                kind=FieldKind::Badge
                label=move || t!(i18n, requests.badge_label)
                value=badge
                on_input=move |v: String| {
                    badge.set(v);
                    picked.set(None);
                }
            />
            <button type="button" class="secondary" on:click=move |_| camera.update(|c| *c = !*c)>
                {move || if camera.get() {
                    t_string!(i18n, requests.scan_stop).to_string()
                } else {
                    t_string!(i18n, requests.scan_start).to_string()
                }}
            </button>
        </form>
        <Show when=move || camera.get()>
            <QrCamera
                on_decode=Callback::new(move |t: String| {
                    camera.set(false);
                    badge.set(t);
                    picked.set(None);
                })
                active=Signal::derive(move || camera.get())
            />
        </Show>
    }
}
