//! Photo upload (issue 5, item 1): a file picker and a drop zone for many JPEG and PNG
//! files, sent one at a time to `POST /media/photos` with XMLHttpRequest (fetch cannot
//! report upload progress), a progress bar per file and one for all of them. The same
//! file sent again is recognised by the server, so "upload again" is how a lost
//! connection is resumed.

use crate::components::errors::error_text;
use crate::i18n::*;
use crate::types::ApiError;
#[cfg(feature = "hydrate")]
use crate::types::{BadInput, UploadError};
use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use leptos::wasm_bindgen::JsCast;

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

fn failure_text(i18n: leptos_i18n::I18nContext<Locale>, e: &ApiError) -> String {
    let reason = match e {
        ApiError::Network => t_string!(i18n, ph.e_network).to_string(),
        other => error_text(i18n, other),
    };
    t_string!(i18n, ph.st_failed, reason).to_string()
}

/// What a refused upload answered: the route's `{"error": code}` (issue 12 point 5: in
/// the user's language, never the code or the server's English `message`), or, for a
/// body that is not that (the body-size limit answers plain text), its status.
#[cfg(feature = "hydrate")]
fn upload_failure(status: u16, body: &str) -> ApiError {
    #[derive(serde::Deserialize)]
    struct Refused {
        error: UploadError,
    }
    match serde_json::from_str::<Refused>(body) {
        Ok(r) => r.error.into(),
        Err(_) => match status {
            413 => ApiError::BadInput(BadInput::PhotoTooBig),
            401 => ApiError::Unauthorized,
            403 => ApiError::Forbidden,
            _ => ApiError::Server,
        },
    }
}

/// The upload box. `on_finished` runs after each batch (to reload the library).
#[component]
pub fn PhotoUploader(
    event_id: String,
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
        let mut files = Vec::new();
        let mut batch = Vec::new();
        for i in 0..list.length() {
            let Some(f) = list.get(i) else { continue };
            let item = Item {
                key: next_key(),
                name: f.name(),
                size: f.size(),
                loaded: RwSignal::new(0.0),
                status: RwSignal::new(Status::Waiting),
            };
            let kind = f.type_();
            if kind != "image/jpeg" && kind != "image/png" {
                item.status
                    .set(Status::Failed(ApiError::BadInput(BadInput::PhotoNotImage)));
            } else if f.size() > max_bytes.get_untracked() as f64 {
                item.status
                    .set(Status::Failed(ApiError::BadInput(BadInput::PhotoTooBig)));
            } else {
                files.push((f, item.clone()));
            }
            batch.push(item);
        }
        if batch.is_empty() {
            return;
        }
        items.set(batch);
        busy.set(true);
        leptos::task::spawn_local(async move {
            for (file, item) in files {
                item.status.set(Status::Uploading);
                let status = match send(&event_id.get_value(), &file, item.clone()).await {
                    Ok((201, _)) => Status::Done,
                    Ok((200, _)) => Status::Duplicate,
                    Ok((status, body)) => Status::Failed(upload_failure(status, &body)),
                    Err(()) => Status::Failed(ApiError::Network),
                };
                // Full only when the server took the file: a refused upload keeps the
                // bar where the transfer stopped.
                if matches!(status, Status::Done | Status::Duplicate) {
                    item.loaded.set(item.size);
                }
                item.status.set(status);
            }
            busy.set(false);
            on_finished.run(());
        });
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

    let total = move || items.with(|v| v.iter().map(|i| i.size).sum::<f64>());
    let loaded = move || items.with(|v| v.iter().map(|i| i.loaded.get()).sum::<f64>());
    let finished = move || {
        items.with(|v| {
            v.iter()
                .filter(|i| {
                    !matches!(
                        i.status.get(),
                        Status::Waiting | Status::Uploading | Status::Processing
                    )
                })
                .count()
        })
    };
    let count = move |want: fn(&Status) -> bool| {
        items.with(|v| v.iter().filter(|i| want(&i.status.get())).count())
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
                <div class="upload-overall">
                    <label for="upload-all">
                        {move || {
                            let (done, all) = (finished(), items.with(|v| v.len()));
                            if busy.get() {
                                t_string!(i18n, ph.uploading_n, done = done.to_string(), total = all.to_string()).to_string()
                            } else {
                                let added = count(|s| *s == Status::Done).to_string();
                                let dup = count(|s| *s == Status::Duplicate).to_string();
                                let failed = count(|s| matches!(s, Status::Failed(_))).to_string();
                                t_string!(i18n, ph.uploads_finished, added, dup, failed).to_string()
                            }
                        }}
                    </label>
                    <progress
                        id="upload-all"
                        aria-label=move || t_string!(i18n, ph.overall)
                        max=move || total().max(1.0)
                        value=loaded
                    ></progress>
                </div>
                <ul class="upload-list">
                    <For each=move || items.get() key=|i| i.key let:item>
                        <li>
                            <span class="upload-name">{item.name.clone()}</span>
                            <progress
                                aria-label=t_string!(i18n, ph.file_progress, name = item.name.clone()).to_string()
                                max=item.size.max(1.0)
                                value=move || item.loaded.get()
                            ></progress>
                            <span
                                class="upload-status"
                                class:error=move || matches!(item.status.get(), Status::Failed(_))
                                role="status"
                            >
                                {move || match item.status.get() {
                                    Status::Waiting => t_string!(i18n, ph.st_waiting).to_string(),
                                    Status::Uploading => t_string!(i18n, ph.st_uploading).to_string(),
                                    Status::Processing => t_string!(i18n, ph.st_processing).to_string(),
                                    Status::Done => t_string!(i18n, ph.st_done).to_string(),
                                    Status::Duplicate => t_string!(i18n, ph.st_duplicate).to_string(),
                                    Status::Failed(e) => failure_text(i18n, &e),
                                }}
                            </span>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[cfg(feature = "hydrate")]
fn next_key() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Sends one file; resolves with the HTTP status and body, or `Err` when the connection
/// failed. Progress goes to `item.loaded`; at 100 % the item shows "processing".
#[cfg(feature = "hydrate")]
async fn send(event_id: &str, file: &web_sys::File, item: Item) -> Result<(u16, String), ()> {
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::JsValue;
    let xhr = web_sys::XmlHttpRequest::new().map_err(|_| ())?;
    xhr.open_with_async("POST", "/media/photos", true)
        .map_err(|_| ())?;
    let form = web_sys::FormData::new().map_err(|_| ())?;
    // The browser's UTC offset (local minus UTC, minutes) for photos whose capture time
    // has none.
    let offset = -js_sys::Date::new_0().get_timezone_offset();
    form.append_with_str("event", event_id).map_err(|_| ())?;
    form.append_with_str("utc_offset", &format!("{offset}"))
        .map_err(|_| ())?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| ())?;
    let size = item.size;
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            // The form around the file adds a little; never show more than the file.
            let loaded = e.loaded().min(size);
            item.loaded.set(loaded);
            if e.loaded() >= e.total() && e.total() > 0.0 {
                item.status.set(Status::Processing);
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let xhr2 = xhr.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        xhr2.set_onloadend(Some(done.unchecked_ref()));
    });
    xhr.send_with_opt_form_data(Some(&form)).map_err(|_| ())?;
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(progress);
    let status = xhr.status().map_err(|_| ())?;
    if status == 0 {
        return Err(());
    }
    Ok((
        status,
        xhr.response_text().ok().flatten().unwrap_or_default(),
    ))
}
