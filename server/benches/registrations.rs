//! Benchmark (not a test), issue 19 point 2: durable kiosk registrations over HTTP
//! against the disk's raw commit rate, measured in the same run.
//!
//! 1. **Raw commit rate**: single-row INSERTs, each its own transaction, on a fresh
//!    SQLite file in WAL mode with `synchronous=FULL` (the store's settings), in a temp
//!    dir on the same disk as the servers' data dirs, for 3 s.
//! 2. **Registrations over HTTP**: for 1, 10 and 50 clients, a fresh server (the real
//!    router in-process on port 0, a temp data dir, an organiser, an event, one paired
//!    kiosk); each client sends `POST /api/kiosk/register` as the kiosk does, the next as
//!    soon as the last is answered (closed loop), for 5 s. Every 200 is a registration
//!    committed to disk (group commit answers after COMMIT). Prints the rate, its ratio
//!    to the raw commit rate, p50/p99/max, the number of transactions the writer
//!    committed, and, during the run, the p99 of the badge verdict
//!    `GET /api/v1/badges/{token}` sent every 5 ms.
//!
//! Run: `cargo bench -p server --bench registrations` (optionally `-- SECONDS` for each
//! HTTP run). The verdict look-up limit (300 a minute per address) is lifted for the
//! probe.

#[path = "../tests/api/common.rs"]
mod common;

use app::domain::auth::RateLimiter;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PROBE_EVERY: Duration = Duration::from_millis(5);

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
    println!(
        "cores: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let raw = tokio::task::spawn_blocking(raw_commit_rate).await.unwrap();
    println!("raw single-row commits (WAL, synchronous=FULL): {raw:.0}/s");
    for clients in [1usize, 10, 50] {
        run(clients, Duration::from_secs(secs), raw).await;
    }
}

/// Single-row transactions per second on a fresh file with the store's settings.
fn raw_commit_rate() -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let c = rusqlite::Connection::open(dir.path().join("raw.sqlite3")).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL, data BLOB NOT NULL);",
    )
    .unwrap();
    let blob = vec![7u8; 200];
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(3) {
        c.execute(
            "INSERT INTO t (at, data) VALUES (datetime('now'), ?1)",
            [&blob],
        )
        .unwrap();
        n += 1;
    }
    n as f64 / start.elapsed().as_secs_f64()
}

async fn run(clients: usize, length: Duration, raw: f64) {
    let server = common::TestApp::start_configured(false, |mut state| {
        state.verdict_by_ip = Arc::new(RateLimiter::new(u32::MAX, Duration::from_secs(60)));
        state
    })
    .await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    let token = server
        .kiosk_attendee(&mut kiosk, serde_json::json!({}), "green")
        .await;
    let notice = kiosk.kiosk_notice("en").await;
    let body = common::registration_seen(serde_json::json!({}), false, Some("green"), &notice);
    let cookie = kiosk.cookie.clone().expect("the kiosk's session cookie");
    let url = format!("{}/api/kiosk/register", server.base);
    let (_, commits_before) = server.state.store.write_stats();

    let http = reqwest::Client::new();
    let stop_at = Instant::now() + length;
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (http, url, body, cookie) =
                (http.clone(), url.clone(), body.clone(), cookie.clone());
            tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut failed = 0usize;
                while Instant::now() < stop_at {
                    let t = Instant::now();
                    let r = http
                        .post(&url)
                        .header("content-type", "application/json")
                        .header("cookie", &cookie)
                        .body(body.clone())
                        .send()
                        .await;
                    match r {
                        Ok(r) if r.status() == 200 => {
                            let _ = r.bytes().await;
                            lat.push(t.elapsed());
                        }
                        _ => failed += 1,
                    }
                }
                (lat, failed)
            })
        })
        .collect();
    let verdicts = probe(&format!("{}/api/v1/badges/{token}", server.base), stop_at).await;
    let mut lat = Vec::new();
    let mut failed = 0;
    for w in workers {
        let (l, f) = w.await.unwrap();
        lat.extend(l);
        failed += f;
    }
    let took = started.elapsed().as_secs_f64();
    let (_, commits_after) = server.state.store.write_stats();
    let stored: i64 = server
        .db()
        .query_row("SELECT count(*) FROM attendees", [], |r| r.get(0))
        .unwrap();
    let rate = lat.len() as f64 / took;
    println!(
        "\n== {clients} client(s), {:.0} s ==\nregistrations: {} answered 200 ({rate:.0}/s, {:.2}× the raw commit rate), {failed} failed; {} in the database; {} write transactions committed",
        length.as_secs_f64(),
        lat.len(),
        rate / raw,
        stored - 1,
        commits_after - commits_before,
    );
    summary("registration", &mut lat);
    let mut ok: Vec<Duration> = verdicts.iter().flatten().copied().collect();
    let errors = verdicts.len() - ok.len();
    summary(&format!("badge verdict ({errors} errors)"), &mut ok);
}

/// Sends a GET to `url` every [`PROBE_EVERY`] until `stop_at` (open loop) and returns the
/// latencies, failures as `None`.
async fn probe(url: &str, stop_at: Instant) -> Vec<Option<Duration>> {
    let http = reqwest::Client::new();
    let mut tasks = Vec::new();
    let mut tick = tokio::time::interval(PROBE_EVERY);
    while Instant::now() < stop_at {
        tick.tick().await;
        let req = http.get(url);
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            match req.send().await {
                Ok(r) if r.status().is_success() => {
                    let _ = r.bytes().await;
                    Some(t.elapsed())
                }
                _ => None,
            }
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

fn summary(what: &str, lat: &mut [Duration]) {
    lat.sort();
    if lat.is_empty() {
        println!("{what}: no answers");
        return;
    }
    let p = |q: f64| lat[((lat.len() as f64 * q) as usize).min(lat.len() - 1)];
    println!(
        "{what}: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} answers)",
        p(0.50).as_secs_f64() * 1e3,
        p(0.99).as_secs_f64() * 1e3,
        lat.last().unwrap().as_secs_f64() * 1e3,
        lat.len()
    );
}
