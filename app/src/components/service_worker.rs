//! Registers the service worker (`/sw.js`, issue 18 point 6) from the two pages that must
//! reopen without a network: the scanner and the kiosk. Browsers offer service workers
//! only on a secure page (HTTPS or this machine); elsewhere this does nothing.

/// Registers `/sw.js` once the page runs in the browser; inert on the server.
pub fn register() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsValue;
        let Some(w) = web_sys::window() else {
            return;
        };
        let nav = w.navigator();
        // `navigator.serviceWorker` is missing on a plain-HTTP LAN address: calling it
        // then would throw.
        let present = js_sys::Reflect::get(&nav, &JsValue::from_str("serviceWorker"))
            .is_ok_and(|v| !v.is_undefined() && !v.is_null());
        if !present {
            return;
        }
        let promise = nav.service_worker().register("/sw.js");
        leptos::task::spawn_local(async move {
            // A refused registration leaves the page working online, as before.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
