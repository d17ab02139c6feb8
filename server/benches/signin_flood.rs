//! Benchmark (not a test), issue 18 point 3: does a flood of wrong sign-ins starve the
//! rest of the server? Starts the real router in-process on port 0 with a temp data dir,
//! an organiser, an event, a paired kiosk and one registered badge, then fires 600
//! concurrent wrong sign-ins while `GET /healthz` and the badge verdict
//! `GET /api/v1/badges/{token}` are each sent every 5 ms (open loop: a slow answer does
//! not slow the sender). Prints p50/p99/max of both, before and during the flood, and how
//! the sign-ins were answered.
//!
//! Four floods, each on a fresh server:
//! - "one address": as configured (30 failures per address per 15 minutes): 30 attempts
//!   are checked, the rest are 429 at once;
//! - "limits lifted": the per-address and per-account limits are off, as if the 600
//!   came from 600 addresses: every attempt reaches the argon2 gate (2 s wait, then
//!   429);
//!
//! each with the server's gate (one check per core, one core left free:
//! `auth::checks_at_once`) and, to compare, with a check on every core.
//!
//! Run: `cargo bench -p server --bench signin_flood` (optionally `-- 600` for the number
//! of sign-ins). The verdict look-up limit (300 a minute per address) is lifted for the
//! probes, which come from the same address.

#[path = "../tests/api/common.rs"]
mod common;

use app::domain::auth::{Argon2Gate, RateLimiter, ARGON2_WAIT};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PROBE_EVERY: Duration = Duration::from_millis(5);

#[tokio::main]
async fn main() {
    let flood: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(600);
    println!(
        "cores: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    for lift in [false, true] {
        // The server's gate (a core left free), then one check on every core to compare.
        for permits in [None, Some(cores)] {
            run(flood, lift, permits).await;
        }
    }
}

async fn run(flood: usize, lift_limits: bool, permits: Option<usize>) {
    let server = common::TestApp::start_configured(false, move |mut state| {
        let unlimited = || Arc::new(RateLimiter::new(u32::MAX, Duration::from_secs(60)));
        state.verdict_by_ip = unlimited();
        if lift_limits {
            state.login_by_ip = unlimited();
            state.login_by_account = unlimited();
        }
        if let Some(n) = permits {
            state.argon2 = Arc::new(Argon2Gate::new(n, ARGON2_WAIT));
        }
        state
    })
    .await;
    let (_org, mut kiosk, _) = server.organiser_and_kiosk().await;
    let token = server
        .kiosk_attendee(&mut kiosk, serde_json::json!({}), "green")
        .await;
    let base = server.base.clone();
    let label = format!(
        "{}, {}",
        if lift_limits {
            "limits lifted"
        } else {
            "one address"
        },
        match permits {
            None => format!(
                "the server's gate ({} check(s) at a time)",
                app::domain::auth::checks_at_once(
                    std::thread::available_parallelism().map_or(2, |n| n.get())
                )
            ),
            Some(n) => format!("{n} checks at a time (one per core)"),
        }
    );
    println!("\n== {flood} wrong sign-ins, {label} ==");

    // Warm-up (connections, the dummy hash), then a quiet baseline.
    let probes = reqwest::Client::new();
    let paths = ["/healthz".to_string(), format!("/api/v1/badges/{token}")];
    for p in &paths {
        probes.get(format!("{base}{p}")).send().await.unwrap();
    }
    let quiet = probe(&probes, &base, &paths, Duration::from_secs(1), None).await;
    report("quiet", &paths, &quiet);

    let signins = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let started = Instant::now();
    let attempts: Vec<_> = (0..flood)
        .map(|i| {
            let (c, base) = (signins.clone(), base.clone());
            tokio::spawn(async move {
                let form = [
                    ("email", format!("nobody{i}@example.lv")),
                    ("password", "wrong password".to_string()),
                ];
                let r = c
                    .post(format!("{base}/api/auth/login"))
                    .form(&form)
                    .send()
                    .await;
                r.map(|r| r.status().as_u16()).unwrap_or(0)
            })
        })
        .collect();
    let done = Arc::new(tokio::sync::Notify::new());
    let flood_task = {
        let done = done.clone();
        tokio::spawn(async move {
            let mut statuses = Vec::new();
            for a in attempts {
                statuses.push(a.await.unwrap());
            }
            done.notify_one();
            statuses
        })
    };
    let during = probe(&probes, &base, &paths, Duration::from_secs(60), Some(done)).await;
    let statuses = flood_task.await.unwrap();
    let took = started.elapsed();
    let count = |s: u16| statuses.iter().filter(|&&x| x == s).count();
    println!(
        "flood: {:.2} s; 401 (checked, wrong) {}, 429 {}, other {}",
        took.as_secs_f64(),
        count(401),
        count(429),
        statuses.len() - count(401) - count(429)
    );
    report("during the flood", &paths, &during);
}

/// Sends each of `paths` every [`PROBE_EVERY`] until `until` fires (or `max` passes),
/// and returns each path's latencies, failures counted as `None`.
async fn probe(
    http: &reqwest::Client,
    base: &str,
    paths: &[String],
    max: Duration,
    until: Option<Arc<tokio::sync::Notify>>,
) -> Vec<Vec<Option<Duration>>> {
    let start = Instant::now();
    let mut tasks: Vec<Vec<tokio::task::JoinHandle<Option<Duration>>>> =
        paths.iter().map(|_| Vec::new()).collect();
    let mut tick = tokio::time::interval(PROBE_EVERY);
    let stop = async move {
        match until {
            Some(n) => n.notified().await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            _ = tick.tick() => {
                if start.elapsed() > max {
                    break;
                }
                for (i, p) in paths.iter().enumerate() {
                    let req = http.get(format!("{base}{p}"));
                    tasks[i].push(tokio::spawn(async move {
                        let t = Instant::now();
                        match req.send().await {
                            Ok(r) if r.status().is_success() => Some(t.elapsed()),
                            _ => None,
                        }
                    }));
                }
            }
        }
    }
    let mut out = Vec::new();
    for list in tasks {
        let mut lat = Vec::new();
        for t in list {
            lat.push(t.await.unwrap());
        }
        out.push(lat);
    }
    out
}

fn report(when: &str, paths: &[String], lat: &[Vec<Option<Duration>>]) {
    for (path, lat) in paths.iter().zip(lat) {
        let errors = lat.iter().filter(|l| l.is_none()).count();
        let mut ok: Vec<Duration> = lat.iter().flatten().copied().collect();
        ok.sort();
        let name = if path.starts_with("/api/v1/badges/") {
            "/api/v1/badges/{token}"
        } else {
            path.as_str()
        };
        if ok.is_empty() {
            println!("{when}: {name}: no answers ({errors} errors)");
            continue;
        }
        let p = |q: f64| ok[((ok.len() as f64 * q) as usize).min(ok.len() - 1)];
        println!(
            "{when}: {name}: {} requests, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {errors} errors",
            lat.len(),
            p(0.50).as_secs_f64() * 1e3,
            p(0.99).as_secs_f64() * 1e3,
            ok.last().unwrap().as_secs_f64() * 1e3,
        );
    }
}
