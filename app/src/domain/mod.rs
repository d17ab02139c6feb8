//! Server-only domain: rules, the store and the audit chain. One module per concern;
//! SQL lives only in `store`.

pub mod access;
pub mod accounts;
pub mod attendees;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod badge_png;
pub mod badges;
pub mod breaches;
pub mod client_addr;
pub mod clock;
pub mod consent;
pub mod events;
pub mod imaging;
pub mod import;
pub mod journal;
pub mod kiosk;
pub mod notice;
pub mod photo_export;
pub mod photographers;
pub mod photos;
pub mod privacy;
pub mod processing_record;
pub mod rate_limit;
pub mod requests;
pub mod retention;
pub mod scans;
pub mod store;
pub mod subject;

pub use store::{Actor, Conflict, Store, StoreError};

use auth::RateLimiter;
use std::sync::Arc;
use std::time::Duration;

/// What server functions and routes share, provided to them as Leptos context and
/// axum state.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Failed sign-ins per client address: 30 in 15 minutes.
    pub login_by_ip: Arc<RateLimiter>,
    /// Failed sign-ins per account: 10 in 15 minutes.
    pub login_by_account: Arc<RateLimiter>,
    /// Password checks running at once: one per core, one core left for the rest
    /// (`auth::checks_at_once`); a check waits at most two seconds, else 429 (issue 18
    /// point 3).
    pub argon2: Arc<auth::Argon2Gate>,
    /// Wrong kiosk pairing codes per client address: 10 in 15 minutes.
    pub pairing_by_ip: Arc<RateLimiter>,
    /// Failed check-in look-ups per kiosk device: 30 in 15 minutes (email guessing).
    pub checkin_by_kiosk: Arc<RateLimiter>,
    /// Badge look-ups per client address: 300 a minute.
    pub verdict_by_ip: Arc<RateLimiter>,
    /// Wrong private codes on the self-service page per client address: 10 in 15 minutes.
    pub code_by_ip: Arc<RateLimiter>,
    /// Where people reach the server, without a trailing slash; badge QR codes point here.
    pub public_url: String,
    /// The reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: client_addr::TrustedProxies,
    /// Photo files (originals, thumbnails, previews, exports).
    pub photos: photos::PhotoFiles,
    /// Largest photo upload, bytes (default 50 MB).
    pub max_photo_bytes: u64,
    /// Photo decodes running at once: one per core, so ingest never starves the server.
    pub ingest_permits: Arc<tokio::sync::Semaphore>,
    /// Export ZIPs being built or ready to download.
    pub exports: Arc<photo_export::ExportJobs>,
    /// The time rules that expire go by (invitations, photographers' days, sessions);
    /// tests move it, and then sign in again after more than 12 hours.
    pub now: clock::Now,
    /// Scheduled backups (issue 17 point 7), when the server was started with them.
    pub backups: Option<Arc<backup::Schedule>>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        let window = Duration::from_secs(15 * 60);
        AppState {
            store,
            login_by_ip: Arc::new(RateLimiter::new(30, window)),
            login_by_account: Arc::new(RateLimiter::new(10, window)),
            argon2: Arc::new(auth::Argon2Gate::standard()),
            pairing_by_ip: Arc::new(RateLimiter::new(10, window)),
            checkin_by_kiosk: Arc::new(RateLimiter::new(30, window)),
            verdict_by_ip: Arc::new(RateLimiter::new(300, Duration::from_secs(60))),
            code_by_ip: Arc::new(RateLimiter::new(subject::CODE_ATTEMPTS, window)),
            public_url: "http://127.0.0.1:3000".into(),
            trusted_proxies: client_addr::TrustedProxies::default(),
            // Replaced by `with_photos_dir` when the server opens its data dir.
            photos: photos::PhotoFiles::new(
                std::env::temp_dir().join(format!("lanyard-photos-{}", auth::random_token(9))),
            ),
            max_photo_bytes: photos::DEFAULT_MAX_PHOTO_BYTES,
            ingest_permits: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(2),
            )),
            exports: Arc::new(photo_export::ExportJobs::default()),
            now: clock::Now::default(),
            backups: None,
        }
    }

    /// Keeps photos under `dir` (created if needed).
    pub fn with_photos_dir(mut self, dir: &std::path::Path) -> std::io::Result<Self> {
        self.photos = photos::PhotoFiles::new(dir);
        self.photos.ensure_dirs()?;
        self.photos.clear_temp();
        self.photos.clear_exports();
        Ok(self)
    }

    pub fn with_max_photo_bytes(mut self, bytes: u64) -> Self {
        self.max_photo_bytes = bytes;
        self
    }

    /// Makes backups as `schedule` says (started by `backup::schedule::spawn`).
    pub fn with_backups(mut self, schedule: backup::Schedule) -> Self {
        self.backups = Some(Arc::new(schedule));
        self
    }

    pub fn with_trusted_proxies(mut self, proxies: client_addr::TrustedProxies) -> Self {
        self.trusted_proxies = proxies;
        self
    }

    /// The client a request from `peer` with these headers is counted against
    /// ([`client_addr::TrustedProxies::client_addr`]), as its rate-limit key.
    pub fn client_key(&self, peer: std::net::IpAddr, headers: &http::HeaderMap) -> String {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .map(|v| v.to_str().ok());
        self.trusted_proxies
            .client_addr(peer, forwarded)
            .limit_key()
    }

    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = url.trim_end_matches('/').to_string();
        self
    }
}
