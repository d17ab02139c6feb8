//! What the scanner keeps: the chosen event, its offline colour map, the upload queue,
//! the verdict on show and the photographer's recent scans; and the calls that change
//! them (refresh, upload, one read).

use super::browser;
use crate::api::scans::{get_my_scans, get_scan_cache, upload_scans};
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
pub(super) enum Shown {
    Verdict(Option<Consent>),
    NotABadge,
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

/// The scanner's state, shared by its parts.
#[derive(Clone, Copy)]
pub(super) struct Scan {
    pub(super) event_id: RwSignal<String>,
    cache: RwSignal<HashMap<String, Consent>>,
    pub(super) queued: RwSignal<usize>,
    pub(super) online: RwSignal<bool>,
    pub(super) shown: RwSignal<Option<Shown>>,
    shown_seq: RwSignal<u64>,
    pub(super) recent: RwSignal<Vec<MyScan>>,
    dedup: StoredValue<Dedup>,
    busy_upload: StoredValue<bool>,
}

impl Scan {
    pub(super) fn new() -> Self {
        Self {
            event_id: RwSignal::new(String::new()),
            cache: RwSignal::new(HashMap::<String, Consent>::new()),
            queued: RwSignal::new(0usize),
            online: RwSignal::new(true),
            shown: RwSignal::new(None::<Shown>),
            shown_seq: RwSignal::new(0u64),
            recent: RwSignal::new(Vec::<MyScan>::new()),
            dedup: StoredValue::new(Dedup::default()),
            busy_upload: StoredValue::new(false),
        }
    }

    fn refresh_recent(self) {
        let recent = self.recent;
        leptos::task::spawn_local(async move {
            if let Ok(list) = get_my_scans().await {
                recent.set(list);
            }
        });
    }

    /// Downloads the event's colours; keeps the old map when offline.
    fn refresh_cache(self) {
        let Self {
            event_id, cache, ..
        } = self;
        let ev = event_id.get_untracked();
        // The chosen event's id, kept in the browser for offline use: checked again here.
        let Some(id) = crate::types::PublicId::parse(&ev) else {
            return;
        };
        if !browser::online() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(c) = get_scan_cache(id).await {
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
    }

    /// Uploads the queue; what the server acknowledged leaves it.
    fn flush(self) {
        let Self {
            queued,
            busy_upload,
            ..
        } = self;
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
                self.refresh_recent();
            }
            busy_upload.set_value(false);
        });
    }

    fn show(self, s: Shown) {
        let Self {
            shown, shown_seq, ..
        } = self;
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
    }

    /// One read from the camera, a scanner or the keyboard.
    pub(super) fn handle(self, text: String) {
        let Self {
            cache,
            queued,
            dedup,
            ..
        } = self;
        let Some(token) = BadgeToken::from_scan(&text).map(BadgeToken::into_string) else {
            self.show(Shown::NotABadge);
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
            self.show(Shown::Verdict(cached));
            let mut q = load_queue();
            q.push(scan);
            save_queue(&q);
            self.flush();
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
                        self.show(Shown::Verdict(c));
                        self.refresh_recent();
                    }
                    Err(_) => {
                        self.show(Shown::Verdict(None));
                        scan.shown = None;
                        let mut q = load_queue();
                        q.push(scan);
                        save_queue(&q);
                        queued.set(q.len());
                    }
                }
            });
        }
    }

    /// Start: the remembered event, its cached map, the queue, online state and timers.
    pub(super) fn start(self) {
        let Self {
            event_id,
            cache,
            queued,
            online,
            ..
        } = self;
        online.set(browser::online());
        queued.set(load_queue().len());
        if let Some(ev) = browser::load(EVENT_KEY) {
            cache.set(load_cache(&ev));
            event_id.set(ev);
        }
        self.refresh_recent();
        self.flush();
        let on = window_event_listener(leptos::ev::online, move |_| {
            online.set(true);
            self.flush();
            self.refresh_cache();
        });
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        let tick = set_interval_with_handle(
            move || {
                online.set(browser::online());
                self.flush();
                self.refresh_cache();
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
    }

    /// A chosen event: remember it and fetch its map.
    pub(super) fn event_chosen(self) {
        let ev = self.event_id.get();
        if !ev.is_empty() {
            browser::save(EVENT_KEY, &ev);
            self.cache.set(load_cache(&ev));
            self.refresh_cache();
        }
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
