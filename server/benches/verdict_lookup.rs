//! Benchmark (not a test), issue 4: server verdict look-up latency at a steady 200
//! requests a second. Starts the real router on port 0 with a temp data dir, registers
//! 1000 attendees through a paired kiosk, then sends `GET /api/v1/badges/{token}` for
//! random badges on a fixed schedule (open loop: a slow answer does not slow the
//! sender) and prints p50/p90/p99/max.
//!
//! Run: `cargo bench -p server --bench verdict_lookup` (optionally `-- 200 20` for
//! requests a second and seconds). The per-address look-up limit is lifted for the run.

#[path = "../tests/api/common.rs"]
mod common;

use app::domain::auth::RateLimiter;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rate: u64 = args
        .iter()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200);
    let secs: u64 = args
        .iter()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .nth(1)
        .unwrap_or(20);

    let server = common::TestApp::start_configured(false, |mut state| {
        state.verdict_by_ip = Arc::new(RateLimiter::new(u32::MAX, Duration::from_secs(60)));
        state
    })
    .await;

    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    for i in 0..1000 {
        let choice = if i % 3 == 0 { "red" } else { "green" };
        kiosk
            .register_at_kiosk(serde_json::json!({}), false, Some(choice))
            .await;
    }
    let tokens: Vec<String> = server
        .db()
        .prepare("SELECT badge_token FROM attendees")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let tokens = Arc::new(tokens);

    let http = reqwest::Client::new();
    let base = server.base.clone();
    let total = rate * secs;
    let interval = Duration::from_nanos(1_000_000_000 / rate);
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let at = start + interval * i as u32;
        tokio::time::sleep_until(at.into()).await;
        let (http, base, tokens) = (http.clone(), base.clone(), tokens.clone());
        tasks.push(tokio::spawn(async move {
            let token = &tokens[(i as usize * 7919) % tokens.len()];
            let t = Instant::now();
            let ok = http
                .get(format!("{base}/api/v1/badges/{token}"))
                .send()
                .await
                .map(|r| r.status().is_success())
                .unwrap_or(false);
            (t.elapsed(), ok)
        }));
    }
    let mut lat = Vec::with_capacity(tasks.len());
    let mut errors = 0;
    for t in tasks {
        let (d, ok) = t.await.unwrap();
        if !ok {
            errors += 1;
        }
        lat.push(d);
    }
    let wall = start.elapsed();
    lat.sort();
    let p = |q: f64| lat[((lat.len() as f64 * q) as usize).min(lat.len() - 1)];
    println!(
        "verdict look-up: {total} requests at {rate}/s over {:.1}s, {errors} errors",
        wall.as_secs_f64()
    );
    println!(
        "latency: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        p(0.50).as_secs_f64() * 1e3,
        p(0.90).as_secs_f64() * 1e3,
        p(0.99).as_secs_f64() * 1e3,
        lat.last().unwrap().as_secs_f64() * 1e3
    );
}
