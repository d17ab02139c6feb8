//! Photo upload (issue 5, item 1): a file picker and a drop zone for many JPEG and PNG
//! files, sent one at a time to `POST /media/photos` with XMLHttpRequest (fetch cannot
//! report upload progress), a progress bar per file and one for all of them. The same
//! file sent again is recognised by the server, so "upload again" is how a lost
//! connection is resumed.
//!
//! The parts live in `uploader/`: the progress (`upload_progress`, `upload_row`) and the
//! transfer (`transfer`, browser only).

#[cfg(feature = "hydrate")]
mod transfer;
mod upload_progress;
mod upload_row;

use crate::i18n::*;
use crate::types::ApiError;
use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use leptos::wasm_bindgen::JsCast;
use upload_progress::UploadProgress;

// Built only in the browser (the server renders the empty box).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Waiting,
    Uploading,
    Processing,
    Done,
    Duplicate,
    /// Why, worded like any other error (`ApiError::Network`: the connection was lost).
    Failed(ApiError),
}

#[derive(Clone)]
struct Item {
    /// Unique per item ever shown, so a file chosen again gets a fresh row.
    key: u64,
    name: String,
    size: f64,
    loaded: RwSignal<f64>,
    status: RwSignal<Status>,
}

/// The upload box. `on_finished` runs after each batch (to reload the library).
#[component]
pub fn PhotoUploader(
    event_id: crate::types::PublicId,
    #[prop(into)] max_bytes: Signal<u64>,
    on_finished: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items: RwSignal<Vec<Item>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let over = RwSignal::new(false);
    let event_id = StoredValue::new(event_id);
    let mb = move || (max_bytes.get() / (1024 * 1024)).to_string();

    #[cfg(feature = "hydrate")]
    let start = move |list: web_sys::FileList| {
        transfer::start_batch(list, items, busy, event_id, max_bytes, on_finished)
    };
    #[cfg(not(feature = "hydrate"))]
    let start = move |_list: web_sys::FileList| {
        let _ = (&event_id, &on_finished, max_bytes);
    };

    let on_pick = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let input = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(list) = input.as_ref().and_then(|i| i.files()) {
                start(list);
            }
            if let Some(i) = input {
                // The same files can be chosen again (to resume).
                i.set_value("");
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, start);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        #[cfg(feature = "hydrate")]
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            start(list);
        }
    };

    view! {
        <section class="card" aria-labelledby="upload-title">
            <h2 id="upload-title">{t!(i18n, ph.upload_title)}</h2>
            <p class="help">{move || t!(i18n, ph.upload_help, mb = mb())}</p>
            <div
                class="drop-zone"
                class:drop-over=move || over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
            >
                <label class="button primary file-button">
                    {t!(i18n, ph.choose)}
                    <input
                        class="visually-hidden"
                        type="file"
                        multiple
                        accept="image/jpeg,image/png"
                        disabled=move || busy.get()
                        on:change=on_pick
                    />
                </label>
                <span>{t!(i18n, ph.drop)}</span>
            </div>
            <Show when=move || items.with(|v| !v.is_empty())>
                <UploadProgress items busy/>
            </Show>
        </section>
    }
}
