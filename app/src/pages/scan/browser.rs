//! The few browser services the scanner uses; inert on the server.

use crate::types::Consent;

#[cfg(feature = "hydrate")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
#[cfg(not(feature = "hydrate"))]
pub fn now_ms() -> f64 {
    0.0
}

/// An RFC 3339 time as this device's local `HH:MM:SS` (issue 12: the photographer
/// reads the clock on the wall, not UTC). `None` when the browser cannot parse it.
#[cfg(feature = "hydrate")]
pub fn local_hms(iso: &str) -> Option<String> {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return None;
    }
    Some(format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    ))
}
/// The server knows no local time zone: the UTC clock time.
#[cfg(not(feature = "hydrate"))]
pub fn local_hms(iso: &str) -> Option<String> {
    iso.get(11..19).map(str::to_string)
}

#[cfg(feature = "hydrate")]
pub fn now_iso() -> Option<String> {
    js_sys::Date::new_0().to_iso_string().as_string()
}
#[cfg(not(feature = "hydrate"))]
pub fn now_iso() -> Option<String> {
    None
}

/// A random id for a scan (the browser's UUID v4).
pub fn random_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// Green: one short high beep and one buzz. Red: two low beeps and three buzzes.
#[cfg(feature = "hydrate")]
pub fn signal(consent: Option<Consent>) {
    let (freq, beeps, pattern): (f32, u32, &[u32]) = match consent {
        Some(Consent::Green) => (1320.0, 1, &[120]),
        Some(Consent::Red) => (330.0, 2, &[200, 80, 200, 80, 200]),
        None => (660.0, 1, &[60]),
    };
    if let Some(w) = web_sys::window() {
        let pattern = pattern
            .iter()
            .map(|n| wasm_bindgen::JsValue::from(*n))
            .collect::<js_sys::Array>();
        let _ = w.navigator().vibrate_with_pattern(&pattern);
    }
    let Ok(ctx) = web_sys::AudioContext::new() else {
        return;
    };
    let t0 = ctx.current_time();
    for i in 0..beeps {
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
            return;
        };
        osc.frequency().set_value(freq);
        let start = t0 + f64::from(i) * 0.25;
        let _ = gain.gain().set_value_at_time(0.25, start);
        let _ = gain.gain().set_value_at_time(0.0, start + 0.18);
        let _ = osc.connect_with_audio_node(&gain);
        let _ = gain.connect_with_audio_node(&ctx.destination());
        let _ = osc.start_with_when(start);
        let _ = osc.stop_with_when(start + 0.2);
    }
}
#[cfg(not(feature = "hydrate"))]
pub fn signal(_: Option<Consent>) {}
