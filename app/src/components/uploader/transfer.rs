//! Sending the files: one at a time with XMLHttpRequest, progress per file, and the
//! server's answer as the file's status. Browser only.

use super::{Item, Status};
use crate::types::{ApiError, BadInput, UploadError};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// What a refused upload answered: the route's `{"error": code}` (issue 12 point 5: in
/// the user's language, never the code or the server's English `message`), or, for a
/// body that is not that (the body-size limit answers plain text), its status.
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

/// Checks the chosen files, shows them and sends the acceptable ones one at a time;
/// `on_finished` runs after the batch.
pub(super) fn start_batch(
    list: web_sys::FileList,
    items: RwSignal<Vec<Item>>,
    busy: RwSignal<bool>,
    event_id: StoredValue<crate::types::PublicId>,
    max_bytes: Signal<u64>,
    on_finished: Callback<()>,
) {
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
}

fn next_key() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Sends one file; resolves with the HTTP status and body, or `Err` when the connection
/// failed. Progress goes to `item.loaded`; at 100 % the item shows "processing".
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
