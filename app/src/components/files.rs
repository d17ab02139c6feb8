//! Handing text to the person at the browser: as a downloaded file (a copy of an
//! attendee's data) or on the clipboard (a closing message). Browser only; on the server
//! both do nothing and report failure.

/// Offers `text` as a download named `name` (a Blob behind a temporary object URL and a
/// temporary `<a download>`). Returns whether the browser accepted it.
pub fn download_text(name: &str, mime: &str, text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        browser::download(name, mime, text).is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (name, mime, text);
        false
    }
}

/// Which file of a [`DataExport`](crate::types::DataExport) to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Saves one file of an export (`{file_stem}.json` or `.csv`) through
/// [`download_text`]: the file name when the browser took it, `None` when it did not.
pub fn save_export(format: ExportFormat, e: &crate::types::DataExport) -> Option<String> {
    let (name, mime, body) = match format {
        ExportFormat::Json => (
            format!("{}.json", e.file_stem),
            "application/json;charset=utf-8",
            &e.json,
        ),
        ExportFormat::Csv => (
            format!("{}.csv", e.file_stem),
            "text/csv;charset=utf-8",
            &e.csv,
        ),
    };
    download_text(&name, mime, body).then_some(name)
}

/// Puts `text` on the clipboard. Returns whether it worked (it needs a secure page and,
/// in some browsers, a recent click).
pub async fn copy_text(text: String) -> bool {
    #[cfg(feature = "hydrate")]
    {
        browser::copy(&text).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::{document, set_timeout, window};
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use std::time::Duration;

    pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.set_hidden(true);
        let body = document()
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?;
        body.append_child(&link)?;
        link.click();
        link.remove();
        // Some browsers start reading the Blob only after the click handler returns.
        set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            Duration::from_secs(30),
        );
        Ok(())
    }

    pub async fn copy(text: &str) -> bool {
        let navigator = window().navigator();
        // `navigator.clipboard` is missing on insecure pages; calling it would throw.
        let clipboard = match js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) {
            Ok(c) if !c.is_undefined() && !c.is_null() => c.unchecked_into::<web_sys::Clipboard>(),
            _ => return false,
        };
        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
            .await
            .is_ok()
    }
}
