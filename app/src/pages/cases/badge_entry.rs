//! The open-request form's badge: typed, from a USB scanner that types, or from the
//! camera.

use crate::components::camera::QrCamera;
use crate::i18n::*;
use leptos::prelude::*;

/// Typing or scanning a badge drops the attendee chosen from the search.
#[component]
pub(super) fn BadgeEntry(
    badge: RwSignal<String>,
    picked: RwSignal<Option<(i64, Option<String>)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let camera = RwSignal::new(false);
    view! {
        <form
            class="case-badge"
            on:submit=move |ev| {
                ev.prevent_default();
            }
        >
            <div class="field">
                <label for="open-badge">{t!(i18n, cases.badge_label)}</label>
                <input
                    id="open-badge"
                    type="text"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    prop:value=move || badge.get()
                    on:input=move |e| {
                        badge.set(event_target_value(&e));
                        picked.set(None);
                    }
                />
            </div>
            <button type="button" class="secondary" on:click=move |_| camera.update(|c| *c = !*c)>
                {move || if camera.get() {
                    t_string!(i18n, cases.scan_stop).to_string()
                } else {
                    t_string!(i18n, cases.scan_start).to_string()
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
