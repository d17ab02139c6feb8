//! Counts events per key (a client address or an account) in a sliding window: failed
//! sign-ins, wrong pairing codes, badge look-ups (requirement 22).
//!
//! In memory: a restart forgets the counts, which is acceptable for a single-server
//! kiosk system and keeps addresses out of the database. What it holds is bounded
//! (issue 18 point 2): a key is kept only as the first 16 bytes of its SHA-256, so an
//! address or an email is never held in the clear and a long one costs no more; at most
//! `max_keys` keys are kept, the least recently counted dropped first when a new one
//! comes; keys whose events have all left the window are swept by a timer
//! ([`spawn_sweeper`]), not on every count.

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Keys kept by default: about 100 bytes each with their events, a few MB at most.
pub const DEFAULT_MAX_KEYS: usize = 50_000;

/// How often [`spawn_sweeper`] sweeps.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60);

type Key = [u8; 16];

fn key_of(key: &str) -> Key {
    let digest = Sha256::digest(key.as_bytes());
    let mut k = [0u8; 16];
    k.copy_from_slice(&digest[..16]);
    k
}

struct Entry {
    events: Vec<Instant>,
    /// This key's place in `Inner::order`.
    touched: (Instant, u64),
}

#[derive(Default)]
struct Inner {
    entries: HashMap<Key, Entry>,
    /// Keys by when they were last counted: the first is dropped when full.
    order: BTreeMap<(Instant, u64), Key>,
    seq: u64,
}

impl Inner {
    fn forget(&mut self, key: &Key) {
        if let Some(e) = self.entries.remove(key) {
            self.order.remove(&e.touched);
        }
    }
}

pub struct RateLimiter {
    max_events: u32,
    window: Duration,
    max_keys: usize,
    inner: Mutex<Inner>,
}

impl RateLimiter {
    pub fn new(max_events: u32, window: Duration) -> Self {
        Self::with_max_keys(max_events, window, DEFAULT_MAX_KEYS)
    }

    /// A limiter that keeps at most `max_keys` keys (at least one).
    pub fn with_max_keys(max_events: u32, window: Duration, max_keys: usize) -> Self {
        Self {
            max_events,
            window,
            max_keys: max_keys.max(1),
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn in_window(&self, now: Instant, t: Instant) -> bool {
        now.saturating_duration_since(t) < self.window
    }

    /// True while `key` has had `max_events` events within the window.
    pub fn is_blocked(&self, key: &str) -> bool {
        let now = Instant::now();
        let map = self.lock();
        map.entries.get(&key_of(key)).is_some_and(|e| {
            e.events.iter().filter(|t| self.in_window(now, **t)).count() as u32 >= self.max_events
        })
    }

    pub fn record(&self, key: &str) {
        self.count(key, u32::MAX, Instant::now());
    }

    /// Counts an event for `key` unless it has had `max_events` within the window
    /// already; true when counted. The check and the count are one step, so a burst of
    /// concurrent attempts cannot all pass before the first is counted (issue 18 point
    /// 3: a sign-in counts before its password is checked).
    pub fn try_record(&self, key: &str) -> bool {
        self.count(key, self.max_events, Instant::now())
    }

    fn count(&self, key: &str, limit: u32, now: Instant) -> bool {
        let key = key_of(key);
        let mut inner = self.lock();
        let inner = &mut *inner;
        inner.seq += 1;
        let stamp = (now, inner.seq);
        if !inner.entries.contains_key(&key) {
            while inner.entries.len() >= self.max_keys {
                let Some((_, oldest)) = inner.order.pop_first() else {
                    break;
                };
                inner.entries.remove(&oldest);
            }
            inner.entries.insert(
                key,
                Entry {
                    events: Vec::new(),
                    touched: stamp,
                },
            );
            inner.order.insert(stamp, key);
        }
        let entry = inner.entries.get_mut(&key).expect("inserted above");
        let window = self.window;
        entry
            .events
            .retain(|t| now.saturating_duration_since(*t) < window);
        if entry.events.len() as u32 >= limit {
            return false;
        }
        entry.events.push(now);
        inner.order.remove(&entry.touched);
        entry.touched = stamp;
        inner.order.insert(stamp, key);
        true
    }

    /// Takes back the newest event counted for `key`: an attempt counted in advance that
    /// turned out not to be a failure (a right password, or one never checked).
    pub fn undo(&self, key: &str) {
        let key = key_of(key);
        let mut inner = self.lock();
        let empty = match inner.entries.get_mut(&key) {
            Some(e) => {
                e.events.pop();
                e.events.is_empty()
            }
            None => false,
        };
        if empty {
            inner.forget(&key);
        }
    }

    pub fn clear(&self, key: &str) {
        self.lock().forget(&key_of(key));
    }

    /// Drops every key whose events have all left the window; returns how many.
    pub fn sweep(&self) -> usize {
        self.sweep_at(Instant::now())
    }

    fn sweep_at(&self, now: Instant) -> usize {
        let mut inner = self.lock();
        let stale: Vec<Key> = inner
            .entries
            .iter()
            .filter(|(_, e)| !e.events.iter().any(|t| self.in_window(now, *t)))
            .map(|(k, _)| *k)
            .collect();
        for k in &stale {
            inner.forget(k);
        }
        stale.len()
    }

    /// Keys held now.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Sweeps `limiters` every `every` on the runtime, for as long as the server runs.
pub fn spawn_sweeper(limiters: Vec<Arc<RateLimiter>>, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            for l in &limiters {
                l.sweep();
            }
        }
    });
}

impl super::AppState {
    /// Every rate limiter of the state, for the sweeper.
    pub fn limiters(&self) -> Vec<Arc<RateLimiter>> {
        vec![
            self.login_by_ip.clone(),
            self.login_by_account.clone(),
            self.pairing_by_ip.clone(),
            self.checkin_by_kiosk.clone(),
            self.verdict_by_ip.clone(),
            self.code_by_ip.clone(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max_events_and_clears() {
        let l = RateLimiter::new(3, Duration::from_secs(60));
        for _ in 0..2 {
            l.record("k");
        }
        assert!(!l.is_blocked("k"));
        l.record("k");
        assert!(l.is_blocked("k"));
        assert!(!l.is_blocked("other"));
        l.clear("k");
        assert!(!l.is_blocked("k"));
        assert!(l.is_empty());
    }

    /// Issue 18 point 2: a key of any length is held as 16 bytes, and still counted as
    /// itself.
    #[test]
    fn keys_are_hashed_to_a_fixed_length() {
        let l = RateLimiter::new(2, Duration::from_secs(60));
        let long = format!("acct:{}@example.org", "a".repeat(100_000));
        l.record(&long);
        l.record(&long);
        assert!(l.is_blocked(&long));
        assert!(!l.is_blocked(&long[..long.len() - 1]));
        assert_eq!(key_of(&long).len(), 16);
        assert_ne!(key_of("ip:1.2.3.4"), key_of("ip:1.2.3.5"));
    }

    /// Issue 18 point 2: cap + N keys → cap kept, the least recently counted gone.
    #[test]
    fn at_most_max_keys_are_kept_the_oldest_dropped_first() {
        let cap = 100;
        let l = RateLimiter::with_max_keys(5, Duration::from_secs(600), cap);
        let t0 = Instant::now();
        for i in 0..cap {
            l.count(
                &format!("ip:{i}"),
                u32::MAX,
                t0 + Duration::from_millis(i as u64),
            );
        }
        // Key 0 is counted again: now the most recent, so it stays.
        l.count("ip:0", u32::MAX, t0 + Duration::from_secs(1));
        for i in cap..cap + 30 {
            l.count(&format!("ip:{i}"), u32::MAX, t0 + Duration::from_secs(2));
        }
        assert_eq!(l.len(), cap);
        let has = |k: &str| l.lock().entries.contains_key(&key_of(k));
        assert!(has("ip:0"), "recently counted kept");
        for i in 1..=30 {
            assert!(!has(&format!("ip:{i}")), "ip:{i} is among the oldest");
        }
        assert!(has("ip:31"));
        for i in cap..cap + 30 {
            assert!(has(&format!("ip:{i}")), "new keys kept");
        }
        let inner = l.lock();
        assert_eq!(
            inner.order.len(),
            inner.entries.len(),
            "the order tracks every key"
        );
    }

    #[test]
    fn the_sweep_drops_keys_whose_events_left_the_window() {
        let l = RateLimiter::new(5, Duration::from_secs(60));
        let t0 = Instant::now();
        l.count("old", u32::MAX, t0);
        l.count("fresh", u32::MAX, t0 + Duration::from_secs(50));
        assert_eq!(l.sweep_at(t0 + Duration::from_secs(30)), 0);
        assert_eq!(l.sweep_at(t0 + Duration::from_secs(61)), 1);
        assert_eq!(l.len(), 1);
        assert!(l.lock().entries.contains_key(&key_of("fresh")));
        assert_eq!(l.sweep_at(t0 + Duration::from_secs(200)), 1);
        assert!(l.is_empty());
        assert!(l.lock().order.is_empty());
    }

    /// The timer sweeps without anything being counted.
    #[tokio::test]
    async fn the_sweeper_task_sweeps_on_its_own() {
        let l = Arc::new(RateLimiter::new(5, Duration::from_millis(20)));
        l.record("a");
        l.record("b");
        assert_eq!(l.len(), 2);
        spawn_sweeper(vec![l.clone()], Duration::from_millis(10));
        for _ in 0..100 {
            if l.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(l.is_empty(), "swept by the timer");
    }
}
