//! `/scan`: the photographer's scanner (issue 4; requirements 10, 22). Badges are read
//! by the camera, by a USB/Bluetooth scanner (it types the URL and presses Enter) or by
//! typing the code. The verdict shows full-screen for a moment with a sound and a
//! vibration that differ for green and red; the same badge within 3 s counts once.
//!
//! Offline: when the page is online it keeps the event's token → colour map (tokens and
//! colours only, no names) in local storage; offline, verdicts come from it and scans
//! wait in a local queue, uploaded when the network returns (idempotent by a random
//! scan id). The map is refreshed every 15 s while online and at once on reconnecting.

use crate::api::scans::{get_my_scans, get_scan_cache, scan_events, upload_scans};
use crate::components::auth::RequireScanner;
use crate::components::badge::ConsentIcon;
use crate::components::camera::QrCamera;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{BadgeToken, Consent, MyScan, ScanCache, ScanIn};
use leptos::prelude::*;
use std::collections::HashMap;

const CACHE_KEY: &str = "lanyard.scan.cache.v1";
const QUEUE_KEY: &str = "lanyard.scan.queue.v1";
const EVENT_KEY: &str = "lanyard.scan.event.v1";
/// The same badge again within this many milliseconds is the same scan.
const SAME_SCAN_MS: f64 = 3000.0;
/// How long the full-screen verdict stays.
const VERDICT_MS: u64 = 1600;
/// Cache refresh and queue upload interval while online.
const REFRESH_SECS: u64 = 15;

/// Drops a repeat of the last badge within `SAME_SCAN_MS`.
#[derive(Default)]
struct Dedup {
    last: Option<(String, f64)>,
}

impl Dedup {
    /// True when this is a new scan.
    fn accept(&mut self, token: &str, now_ms: f64) -> bool {
        if let Some((t, at)) = &self.last {
            if t == token && now_ms - at < SAME_SCAN_MS {
                return false;
            }
        }
        self.last = Some((token.to_string(), now_ms));
        true
    }
}

/// What the overlay shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Verdict(Option<Consent>),
    NotABadge,
}

mod browser {
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
}

fn load_queue() -> Vec<ScanIn> {
    browser::load(QUEUE_KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

fn save_queue(q: &[ScanIn]) {
    if let Ok(s) = serde_json::to_string(q) {
        browser::save(QUEUE_KEY, &s);
    }
}

fn load_cache(event_id: &str) -> HashMap<String, Consent> {
    browser::load(CACHE_KEY)
        .and_then(|s| serde_json::from_str::<ScanCache>(&s).ok())
        .filter(|c| c.event_id == event_id)
        .map(|c| c.entries.into_iter().collect())
        .unwrap_or_default()
}

#[component]
pub fn ScanPage() -> impl IntoView {
    view! {
        <RequireScanner>
            <Scanner/>
        </RequireScanner>
    }
}

#[component]
fn Scanner() -> impl IntoView {
    let i18n = use_i18n();
    let events = OnceResource::new(scan_events());
    let event_id = RwSignal::new(String::new());
    let cache = RwSignal::new(HashMap::<String, Consent>::new());
    let queued = RwSignal::new(0usize);
    let online = RwSignal::new(true);
    let shown = RwSignal::new(None::<Shown>);
    let shown_seq = RwSignal::new(0u64);
    let typed = RwSignal::new(String::new());
    let recent = RwSignal::new(Vec::<MyScan>::new());
    let dedup = StoredValue::new(Dedup::default());
    let busy_upload = StoredValue::new(false);

    let refresh_recent = move || {
        leptos::task::spawn_local(async move {
            if let Ok(list) = get_my_scans().await {
                recent.set(list);
            }
        });
    };

    // Downloads the event's colours; keeps the old map when offline.
    let refresh_cache = move || {
        let ev = event_id.get_untracked();
        if ev.is_empty() || !browser::online() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(c) = get_scan_cache(ev.clone()).await {
                // A map that arrives after the photographer chose another event is
                // dropped: it must not overwrite the chosen event's offline map.
                if event_id.get_untracked() != ev {
                    return;
                }
                if let Ok(s) = serde_json::to_string(&c) {
                    browser::save(CACHE_KEY, &s);
                }
                cache.set(c.entries.into_iter().collect());
            }
        });
    };

    // Uploads the queue; what the server acknowledged leaves it.
    let flush = move || {
        let q = load_queue();
        queued.set(q.len());
        if q.is_empty() || !browser::online() || busy_upload.get_value() {
            return;
        }
        busy_upload.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(acks) = upload_scans(q).await {
                let done: std::collections::HashSet<String> =
                    acks.iter().map(|a| a.client_scan_id.clone()).collect();
                let rest: Vec<ScanIn> = load_queue()
                    .into_iter()
                    .filter(|s| !done.contains(&s.client_scan_id))
                    .collect();
                save_queue(&rest);
                queued.set(rest.len());
                refresh_recent();
            }
            busy_upload.set_value(false);
        });
    };

    let show = move |s: Shown| {
        if let Shown::Verdict(c) = &s {
            browser::signal(*c);
        }
        shown.set(Some(s));
        let seq = shown_seq.get_untracked() + 1;
        shown_seq.set(seq);
        set_timeout(
            move || {
                if shown_seq.get_untracked() == seq {
                    shown.set(None);
                }
            },
            std::time::Duration::from_millis(VERDICT_MS),
        );
    };

    // One read from the camera, a scanner or the keyboard.
    let handle = move |text: String| {
        let Some(token) = BadgeToken::from_scan(&text).map(BadgeToken::into_string) else {
            show(Shown::NotABadge);
            return;
        };
        if !dedup
            .try_update_value(|d| d.accept(&token, browser::now_ms()))
            .unwrap_or(true)
        {
            return;
        }
        let cached = cache.with_untracked(|c| c.get(&token).copied());
        let mut scan = ScanIn {
            client_scan_id: browser::random_id(),
            token: token.clone(),
            device_time: browser::now_iso(),
            shown: cached,
        };
        if cached.is_some() || !browser::online() {
            // Instant verdict from the map; the record follows (or waits offline).
            show(Shown::Verdict(cached));
            let mut q = load_queue();
            q.push(scan);
            save_queue(&q);
            flush();
        } else {
            // Not in the map (e.g. registered a moment ago): ask the server.
            leptos::task::spawn_local(async move {
                match upload_scans(vec![scan.clone()]).await {
                    Ok(acks) => {
                        let c = acks.first().and_then(|a| a.consent);
                        if let Some(c) = c {
                            cache.update(|m| {
                                m.insert(token.clone(), c);
                            });
                        }
                        show(Shown::Verdict(c));
                        refresh_recent();
                    }
                    Err(_) => {
                        show(Shown::Verdict(None));
                        scan.shown = None;
                        let mut q = load_queue();
                        q.push(scan);
                        save_queue(&q);
                        queued.set(q.len());
                    }
                }
            });
        }
    };

    // Start: the remembered event, its cached map, the queue, online state and timers.
    Effect::new(move |_| {
        online.set(browser::online());
        queued.set(load_queue().len());
        if let Some(ev) = browser::load(EVENT_KEY) {
            cache.set(load_cache(&ev));
            event_id.set(ev);
        }
        refresh_recent();
        flush();
        let on = window_event_listener(leptos::ev::online, move |_| {
            online.set(true);
            flush();
            refresh_cache();
        });
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        let tick = set_interval_with_handle(
            move || {
                online.set(browser::online());
                flush();
                refresh_cache();
            },
            std::time::Duration::from_secs(REFRESH_SECS),
        );
        on_cleanup(move || {
            on.remove();
            off.remove();
            if let Ok(t) = tick {
                t.clear();
            }
        });
    });
    // A chosen event: remember it and fetch its map.
    Effect::new(move |_| {
        let ev = event_id.get();
        if !ev.is_empty() {
            browser::save(EVENT_KEY, &ev);
            cache.set(load_cache(&ev));
            refresh_cache();
        }
    });
    // The first event is chosen when none is remembered (none when there is none: the
    // photos link must not point at a remembered event that is gone).
    Effect::new(move |_| {
        if let Some(Ok(list)) = events.get() {
            let current = event_id.get_untracked();
            if !list.iter().any(|e| e.id == current) {
                event_id.set(list.first().map(|e| e.id.clone()).unwrap_or_default());
            }
        }
    });

    let overlay = move || {
        shown.get().map(|s| {
            let (class, icon, words) = match s {
                Shown::Verdict(Some(Consent::Green)) => (
                    "scan-verdict verdict-green",
                    Some(Consent::Green),
                    t_string!(i18n, kiosk.badge_photos_ok).to_string(),
                ),
                Shown::Verdict(Some(Consent::Red)) => (
                    "scan-verdict verdict-red",
                    Some(Consent::Red),
                    t_string!(i18n, kiosk.badge_no_photos).to_string(),
                ),
                Shown::Verdict(None) => (
                    "scan-verdict verdict-unknown",
                    None,
                    t_string!(i18n, verdict.unknown).to_string(),
                ),
                Shown::NotABadge => (
                    "scan-verdict verdict-unknown",
                    None,
                    t_string!(i18n, scan.not_a_badge).to_string(),
                ),
            };
            view! {
                <div class=class role="alert" on:click=move |_| shown.set(None)>
                    {icon.map(|c| view! { <ConsentIcon consent=c/> })}
                    <p>{words}</p>
                </div>
            }
        })
    };

    view! {
        <main id="main" class="page scan-page">
            <h1>{t!(i18n, scan.title)}</h1>
            <p class=move || if online.get() { "net-banner online" } else { "net-banner offline" } role="status">
                {move || if online.get() { t_string!(i18n, scan.online).to_string() } else { t_string!(i18n, scan.offline).to_string() }}
                " · "
                {move || {
                    let n = queued.get().to_string();
                    t_string!(i18n, scan.queued, n).to_string()
                }}
            </p>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, scan.loading)}</p> }>
                {move || {
                    events.get().map(|r| match r {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{t!(i18n, scan.no_events)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="field scan-event">
                                <label for="scan-event">{t!(i18n, scan.event)}</label>
                                <select id="scan-event" prop:value=move || event_id.get() on:change=move |ev| event_id.set(event_target_value(&ev))>
                                    {list.into_iter().map(|e| view! { <option value=e.id.clone()>{e.name.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
                }}
            </Transition>
            <form class="scan-typed" on:submit=move |ev| {
                ev.prevent_default();
                let t = typed.get_untracked();
                typed.set(String::new());
                if !t.trim().is_empty() {
                    handle(t);
                }
            }>
                <div class="field">
                    <label for="scan-code">{t!(i18n, scan.typed)}</label>
                    <input id="scan-code" autocomplete="off" autocapitalize="off" spellcheck="false" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <p class="help">{t!(i18n, scan.typed_help)}</p>
                </div>
                <button type="submit" class="primary">{t!(i18n, scan.check)}</button>
            </form>
            // The field first, then the camera: on a phone both are on the first screen
            // (issue 12 point 6), and a USB scanner's field is never pushed down.
            <QrCamera on_decode=Callback::new(move |t: String| handle(t)) active=Signal::derive(move || shown.get().is_none())/>
            // After the scanning tools, so that on a phone they come right after the event.
            {move || {
                let ev = event_id.get();
                (!ev.is_empty()).then(|| view! {
                    <p class="scan-more">
                        <a class="button secondary" href=format!("/photos/{ev}")>{t!(i18n, scan.photos)}</a>
                    </p>
                })
            }}
            {overlay}
            <section aria-labelledby="recent-title">
                <h2 id="recent-title">{t!(i18n, scan.recent)}</h2>
                {move || {
                    let list = recent.get();
                    if list.is_empty() {
                        view! { <p class="empty">{t!(i18n, scan.recent_empty)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="recent-scans">
                                {list.into_iter().map(|s| {
                                    let words = match s.consent {
                                        Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
                                        Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
                                        None => t_string!(i18n, verdict.unknown).to_string(),
                                    };
                                    let class = format!("recent {}", s.consent.map(Consent::as_str).unwrap_or("unknown"));
                                    let time = browser::local_hms(&s.at).unwrap_or_else(|| s.at.clone());
                                    view! { <li class=class>{s.consent.map(|c| view! { <ConsentIcon consent=c/> })} {words} " · " <time datetime=s.at>{time}</time></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_badge_within_three_seconds_is_one_scan() {
        let mut d = Dedup::default();
        assert!(d.accept("a", 0.0));
        assert!(!d.accept("a", 2999.0));
        assert!(d.accept("b", 3000.0), "another badge at once");
        assert!(d.accept("a", 3100.0), "a after b is new");
        assert!(!d.accept("a", 4000.0));
        assert!(d.accept("a", 6200.0), "after 3 s again");
    }
}
