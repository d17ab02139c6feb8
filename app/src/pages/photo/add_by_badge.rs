//! Tagging by a badge code: the camera, a scanner that types, or the keyboard.

use crate::api::photos::TagPerson;
use crate::components::camera::QrCamera;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use crate::types::{PhotoDetail, TagBy};
use leptos::prelude::*;

/// A badge scanned with a USB/Bluetooth scanner (it types and presses Enter) or typed.
#[component]
pub(super) fn AddByBadge(
    detail: RwSignal<PhotoDetail>,
    tag: ServerAction<TagPerson>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let camera = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(_)) = tag.value().get() {
            code.set(String::new());
        }
    });
    let add = move |c: String| {
        tag.dispatch(TagPerson {
            photo_id: detail.with_untracked(|d| d.id.clone()),
            by: TagBy::Badge { code: c },
            region: None,
        });
    };
    view! {
        <section class="card">
            <button type="button" class="secondary" on:click=move |_| camera.update(|c| *c = !*c)>
                {move || if camera.get() {
                    t_string!(i18n, ph.cam_stop).to_string()
                } else {
                    t_string!(i18n, ph.cam_start).to_string()
                }}
            </button>
            <Show when=move || camera.get()>
                <QrCamera
                    on_decode=Callback::new(move |t: String| {
                        camera.set(false);
                        add(t);
                    })
                    active=Signal::derive(move || camera.get())
                />
            </Show>
        </section>
        <form
            class="card"
            on:submit=move |ev| {
                ev.prevent_default();
                let c = code.get();
                if c.trim().is_empty() {
                    return;
                }
                add(c);
            }
        >
            <TextField
                id="badge-code"
                kind=FieldKind::Badge
                label=move || t!(i18n, ph.b_label)
                value=code
                on_input=move |v: String| code.set(v)
            />
            <button type="submit" class="secondary">{t!(i18n, ph.b_add)}</button>
        </form>
    }
}
