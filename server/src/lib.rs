//! The lanyard server: builds the axum router around the Leptos app, the session
//! layer, the page guard and the non-UI routes. `main.rs` is only the command line.

mod api_v1;
mod badge_png;
pub mod offline;
mod photos;
pub mod security;
pub mod tls;

use anyhow::Context;
use app::api::guard::{authorize, principal_of, Admins, AnyUser, AuthRefusal, Managers, Roles};
use app::domain::journal::Journal;
use app::domain::photos::PhotoFiles;
use app::domain::{AppState, Store};
use app::{shell, App};
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

/// Name of the session cookie over plain HTTP.
pub const SESSION_COOKIE: &str = "lanyard_session";

/// Name of the session cookie over HTTPS (issue 18 point 1): the `__Host-` prefix makes
/// browsers keep it only when it is `Secure`, for `Path=/` and without `Domain`, so
/// neither a plain-HTTP answer nor another host under the same domain can set or
/// overwrite it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-lanyard";

/// The session cookie's name: [`SECURE_SESSION_COOKIE`] when browsers reach the server
/// over HTTPS, else [`SESSION_COOKIE`].
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// Where the server keeps its data: `lanyard.sqlite3` and `photos/`.
pub struct DataDir(pub PathBuf);

impl DataDir {
    pub fn database(&self) -> PathBuf {
        self.0.join("lanyard.sqlite3")
    }

    pub fn photos(&self) -> PathBuf {
        self.0.join("photos")
    }

    /// Where the erasure journal is unless `--erasure-journal` says otherwise: beside the
    /// data dir (`<data-dir>.erasures.jsonl`), so a restore that replaces the directory
    /// keeps it (issue 17 point 8).
    pub fn default_journal(&self) -> PathBuf {
        let dir = std::path::absolute(&self.0).unwrap_or_else(|_| self.0.clone());
        Journal::beside(&dir)
    }

    /// [`Self::open_with_journal`] with the journal in its default place.
    pub async fn open(&self) -> anyhow::Result<Store> {
        self.open_with_journal(&self.default_journal()).await
    }

    /// Creates the directories (owner-only where the platform allows), opens the store
    /// writing every erasure to `journal`, and before anything else uses it carries out
    /// every journal entry newer than the database (issue 17 point 8: after a restore,
    /// the erasures made since the backup). Leaves the server's temp files and exports
    /// alone: the server may be running.
    pub async fn open_with_journal(&self, journal: &Path) -> anyhow::Result<Store> {
        for dir in [self.0.clone(), self.photos()] {
            std::fs::create_dir_all(&dir)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
            }
        }
        let store = Store::open(&self.database())
            .await?
            .with_journal(Journal::new(journal));
        let state = self.state_of(store.clone())?;
        app::domain::journal::replay(&state)
            .await
            .context("carrying out the erasure journal")?;
        Ok(store)
    }

    /// The shared state over `store` with this data dir's photo files, for the admin
    /// commands (no temp files or exports are cleared: the server may be running).
    pub fn state_of(&self, store: Store) -> anyhow::Result<AppState> {
        let mut state = AppState::new(store);
        state.photos = PhotoFiles::new(self.photos());
        state.photos.ensure_dirs()?;
        Ok(state)
    }
}

/// Leptos options from the environment (`LEPTOS_SITE_ROOT` etc., as cargo-leptos sets
/// them), with the listen address we were given. A release build made with hashed
/// asset names leaves `hash.txt` beside the binary: then the pages name the hashed files
/// even when `LEPTOS_HASH_FILES` is not set.
pub fn leptos_options(addr: SocketAddr) -> anyhow::Result<LeptosOptions> {
    let mut options = leptos::config::get_configuration(None)?.leptos_options;
    options.site_addr = addr;
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        options.hash_files = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(&*options.hash_file)))
            .is_some_and(|hash_file| hash_file.is_file());
    }
    Ok(options)
}

#[derive(Clone)]
struct RouterState {
    leptos: LeptosOptions,
    app: AppState,
}

impl axum::extract::FromRef<RouterState> for LeptosOptions {
    fn from_ref(s: &RouterState) -> Self {
        s.leptos.clone()
    }
}

impl axum::extract::FromRef<RouterState> for AppState {
    fn from_ref(s: &RouterState) -> Self {
        s.app.clone()
    }
}

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 3 * 1024 * 1024;

/// The whole application. `https` is true when browsers reach it over HTTPS (the public
/// URL is https: TLS in this binary or at a reverse proxy): then the session cookie is
/// `Secure` with the `__Host-` prefix, every answer carries `Strict-Transport-Security`
/// ([`tls::HSTS`]) and only `https://` origins are this server's own.
pub fn router(app_state: AppState, options: LeptosOptions, https: bool) -> Router {
    let routes = generate_route_list(App);
    let sessions = SessionManagerLayer::new(
        app::domain::store::SqliteSessionStore::new(app_state.store.clone())
            .with_clock(app_state.now.clone()),
    )
    .with_name(session_cookie_name(https))
    .with_secure(https)
    .with_http_only(true)
    .with_same_site(SameSite::Strict)
    .with_expiry(Expiry::OnInactivity(app::api::guard::USER_IDLE));
    let state = RouterState {
        leptos: options.clone(),
        app: app_state.clone(),
    };
    let context = {
        let app_state = app_state.clone();
        move || {
            provide_context(app_state.clone());
            security::provide_request_nonce();
        }
    };
    let service_worker = offline::ServiceWorker::for_build(
        build_hashes(&options).as_deref(),
        app_state.now.now().unix_timestamp().max(0) as u64,
    );
    let router = Router::new()
        .route("/healthz", get(healthz))
        // The service worker that reopens the scanner and the kiosk offline (issue 18).
        .route(
            "/sw.js",
            get(move || std::future::ready(offline::answer(&service_worker))),
        )
        // The badge as a PNG for organisers; `/b/{token}` itself is the Leptos verdict page.
        .route("/b/{token}/badge.png", get(badge_png::badge_png))
        // The versioned JSON API for other scanners (see `api_v1`).
        .route("/api/v1/badges/{token}", get(api_v1::badge))
        .route("/api/v1/scans", axum::routing::post(api_v1::scans))
        // Photos: the upload, the files (access-checked) and the export download.
        // axum's extractors stop at 2 MiB by default; `body_limit` below is the one limit
        // (`--max-photo-mb`) for this route, so the extractor's own limit is off here only.
        .route(
            photos::UPLOAD_PATH,
            axum::routing::post(photos::upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/media/photos/{id}/{kind}", get(photos::file))
        .route("/media/exports/{job}", get(photos::export))
        .leptos_routes_with_context(&state, routes, context, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            RouterState,
            _,
        >(security::provide_request_nonce, shell))
        .layer(middleware::from_fn(page_guard))
        .layer(middleware::from_fn(no_codes_in_urls))
        .layer(middleware::from_fn(bad_input_is_400))
        // Request bodies: a CSV import (2 MB of text) as JSON is the largest, but for a
        // photo upload; more is 413.
        .layer(middleware::from_fn_with_state(
            app_state.max_photo_bytes,
            body_limit,
        ))
        // Activity renews the session (issue 18 point 5): inside the session layer, which
        // saves it.
        .layer(middleware::from_fn_with_state(
            app_state.now.clone(),
            renew_session,
        ))
        .layer(sessions)
        // Cross-site state changes are refused before any session work (issue 18 point 4).
        .layer(middleware::from_fn_with_state(
            security::Origins::new(&app_state.public_url, https),
            security::same_origin_only,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            // The route template, never the concrete URI: paths can carry tokens.
            let route = req
                .extensions()
                .get::<MatchedPath>()
                .map(|m| m.as_str().to_owned());
            let request_id = req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-")
                .to_owned();
            // At error level, so that with `RUST_LOG=warn` (the browser tests') a warning
            // or a failed answer still names its method and route.
            tracing::error_span!(
                "request",
                method = %req.method(),
                route = route.as_deref().unwrap_or("(static or not found)"),
                request_id = %request_id,
            )
        }))
        // Pages and JSON go out compressed (gzip or brotli, as the browser asks); the
        // wasm, JS and CSS are precompressed files that `ServeDir` picks, and photos and
        // ZIPs are compressed already.
        .layer(
            CompressionLayer::new().compress_when(
                DefaultPredicate::new()
                    .and(NotForContentType::const_new("application/zip"))
                    .and(NotForContentType::const_new("application/octet-stream")),
            ),
        )
        .layer(middleware::from_fn(asset_caching))
        // The nonce for the page's scripts, and the security headers on every answer.
        .layer(middleware::from_fn(security::security_headers))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state);
    if https {
        router.layer(middleware::map_response(hsts))
    } else {
        router
    }
}

/// `Strict-Transport-Security` on an HTTPS answer (issue 18 point 1).
async fn hsts(mut res: Response) -> Response {
    res.headers_mut().insert(
        axum::http::header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static(tls::HSTS),
    );
    res
}

/// Assets under `/pkg/` whose names carry cargo-leptos's content hash
/// (`lanyard.<22 characters>.wasm`) never change: browsers keep them for a year and a
/// repeat visit fetches none of them. Everything else there is revalidated.
async fn asset_caching(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    if let Some(name) = path.strip_prefix("/pkg/") {
        let value = if res.status().is_success() && is_hashed_asset(name) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut()
            .insert("cache-control", HeaderValue::from_static(value));
    }
    res
}

/// `name.HASH.ext` with a 22-character URL-safe base64 hash (cargo-leptos's MD5).
fn is_hashed_asset(file: &str) -> bool {
    let parts: Vec<&str> = file.split('.').collect();
    parts.len() == 3
        && parts[1].len() == 22
        && parts[1]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The hashed files' names (`hash.txt` beside the binary) of a release build.
fn build_hashes(options: &LeptosOptions) -> Option<String> {
    if !options.hash_files {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    std::fs::read_to_string(exe.parent()?.join(&*options.hash_file)).ok()
}

/// Liveness and database check. No personal data.
async fn healthz(State(state): State<RouterState>) -> Response {
    match state.app.store.ping().await {
        Ok(()) => Json(serde_json::json!({ "status": "ok" })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "database unavailable" })),
            )
                .into_response()
        }
    }
}

/// Activity renews a session (issue 18 point 5): after each request but for the
/// hashed static files, `guard::renew` moves its expiry on when it is due, and the
/// session layer then saves it with a fresh cookie.
async fn renew_session(
    State(now): State<app::domain::clock::Now>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    let assets = req.uri().path().starts_with("/pkg/");
    let res = next.run(req).await;
    if assets || res.status().is_server_error() {
        return res;
    }
    // A failure is logged where it happens; the answer stands, unrenewed.
    let _ = app::api::guard::renew(&session, now.now()).await;
    res
}

/// Organiser pages need an organiser or admin session on a full page load, the scanner
/// any signed-in user: without a session the browser is sent to sign in (303), with the
/// wrong principal (e.g. a kiosk) it gets 403.
async fn page_guard(session: Session, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let dashboard = path == "/dashboard" || path.starts_with("/dashboard/");
    // The accounts page is for admins (issue 16).
    let users = path == "/dashboard/users" || path.starts_with("/dashboard/users/");
    // The scanner, the photo pages and one's own account are for every signed-in user:
    // photographers, organisers, admins (the server functions decide what each sees).
    let anyone = path == "/scan" || path.starts_with("/photos/") || path == "/account";
    // The scanner's offline shell shows nobody's data (issue 18 point 6).
    let shell = offline::is_shell_request(path, req.uri().query());
    if (!dashboard && !anyone) || shell {
        return next.run(req).await;
    }
    let roles = if anyone {
        AnyUser::ROLES
    } else if users {
        Admins::ROLES
    } else {
        Managers::ROLES
    };
    match principal_of(&session)
        .await
        .and_then(|p| authorize(p, roles))
    {
        Ok(_) => next.run(req).await,
        Err(AuthRefusal::Forbidden) => {
            let mut res = (
                StatusCode::FORBIDDEN,
                "This account or device cannot open this page. / Šim kontam vai ierīcei nav piekļuves šai lapai.",
            )
                .into_response();
            res.headers_mut().insert(
                "content-type",
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            res
        }
        Err(AuthRefusal::Unauthorized) => Redirect::to("/login").into_response(),
        Err(AuthRefusal::Server) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The private code goes in POST bodies only (issue 6; requirement 8): a URL is kept in
/// browser history, proxies and logs. The self-service page and its server functions
/// refuse any query string (400, before anything reads it) and any method but POST for
/// the functions (405). The code itself is never echoed or logged.
async fn no_codes_in_urls(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let me_page = path == "/me" || path.starts_with("/me/");
    let me_api = path.starts_with("/api/me/");
    if !me_page && !me_api {
        return next.run(req).await;
    }
    let plain = |status: StatusCode, text: &'static str| {
        let mut res = (status, text).into_response();
        res.headers_mut().insert(
            "content-type",
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        res.headers_mut()
            .insert("cache-control", HeaderValue::from_static("no-store"));
        res
    };
    if req.uri().query().is_some() {
        return plain(
            StatusCode::BAD_REQUEST,
            "Never put your private code in a link. Open /me and type or scan it there. / \
             Nekad neievietojiet privāto kodu saitē. Atveriet /me un ievadiet vai noskenējiet to tur.",
        );
    }
    if me_api && req.method() != axum::http::Method::POST {
        return plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "Use POST. / Izmantojiet POST.",
        );
    }
    let mut res = next.run(req).await;
    // Answers carry the person's data: no cache may keep them.
    res.headers_mut()
        .insert("cache-control", HeaderValue::from_static("no-store"));
    res
}

/// 3 MB for every request but a photo upload, which may carry one photo up to the
/// configured limit (plus room for the form around it). Over the limit is 413: at once
/// when the declared length says so, else when the body reaches it.
async fn body_limit(State(max_photo): State<u64>, req: Request, next: Next) -> Response {
    let limit = if req.uri().path() == photos::UPLOAD_PATH {
        usize::try_from(max_photo)
            .unwrap_or(usize::MAX)
            .saturating_add(64 * 1024)
    } else {
        MAX_BODY_BYTES
    };
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        let mut res = (
            StatusCode::PAYLOAD_TOO_LARGE,
            "The request is too large. / Pieprasījums ir pārāk liels.",
        )
            .into_response();
        res.headers_mut().insert(
            "content-type",
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        return res;
    }
    let upload = req.uri().path() == photos::UPLOAD_PATH;
    let (parts, body) = req.into_parts();
    if !upload {
        let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
        return next.run(Request::from_parts(parts, body)).await;
    }
    let raw = std::sync::Arc::new(tokio::sync::Mutex::new(body.into_data_stream()));
    let res = next
        .run(Request::from_parts(
            parts,
            axum::body::Body::new(http_body_util::Limited::new(
                axum::body::Body::from_stream(shared_stream(raw.clone())),
                limit,
            )),
        ))
        .await;
    if res.status().is_client_error() {
        drain(&raw, limit as u64 + DRAIN_SLACK).await;
    }
    res
}

/// How far past the upload limit a refused upload is still read to its end.
const DRAIN_SLACK: u64 = 1024 * 1024;
/// How long a refused upload is read for at most.
const DRAIN_FOR: std::time::Duration = std::time::Duration::from_secs(30);

/// A stream that reads from `raw`, which stays with the caller after the handler is done.
fn shared_stream(
    raw: std::sync::Arc<tokio::sync::Mutex<axum::body::BodyDataStream>>,
) -> impl futures::Stream<Item = Result<axum::body::Bytes, axum::Error>> + Send {
    futures::stream::unfold(raw, |raw| async move {
        let next = futures::StreamExt::next(&mut *raw.lock().await).await;
        next.map(|item| (item, raw))
    })
}

/// Reads what is left of a refused upload (at most `cap` bytes, for [`DRAIN_FOR`]) before
/// the answer goes out. Closing a connection with unread data resets it, and the client,
/// still sending, loses the answer: a browser showed a network error instead of the
/// refusal's words, and a test saw `IncompleteMessage` under load. Past the cap or the
/// time the connection is closed as before.
async fn drain(raw: &tokio::sync::Mutex<axum::body::BodyDataStream>, cap: u64) {
    let mut raw = raw.lock().await;
    let mut read = 0u64;
    let _ = tokio::time::timeout(DRAIN_FOR, async {
        while let Some(Ok(chunk)) = futures::StreamExt::next(&mut *raw).await {
            read += chunk.len() as u64;
            if read > cap {
                break;
            }
        }
    })
    .await;
}

/// Arguments that do not decode fail inside the server-function framework before our
/// code runs, and it answers 500. They are the client's fault: answer 400 instead.
async fn bad_input_is_400(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key("serverfnerror")
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if bytes.starts_with(br#"{"BadInput""#) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Serves until ctrl-c / SIGTERM, with client addresses available for rate limiting.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// Deletes expired sessions every hour.
pub fn spawn_session_cleanup(store: Store) {
    tokio::spawn(async move {
        let sessions = app::domain::store::SqliteSessionStore::new(store);
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = sessions.delete_expired().await {
                tracing::warn!(error = %e, "session cleanup failed");
            }
        }
    });
}

/// Opens the data dir (the erasure journal beside it) and returns the shared state.
pub async fn open_state(data_dir: &Path) -> anyhow::Result<AppState> {
    let journal = DataDir(data_dir.to_path_buf()).default_journal();
    open_state_with(data_dir, &journal).await
}

/// Opens the data dir with the erasure journal at `journal` and returns the shared state
/// of a server starting: the photos' temp files, old exports and files without a photo
/// row (left by a crash) are cleared.
pub async fn open_state_with(data_dir: &Path, journal: &Path) -> anyhow::Result<AppState> {
    let dir = DataDir(data_dir.to_path_buf());
    let store = dir.open_with_journal(journal).await?;
    let state = AppState::new(store).with_photos_dir(&dir.photos())?;
    // Issue 18 point 7: photo files a crash left without their row go before serving.
    app::domain::photos::sweep_orphans(&state)
        .await
        .context("sweeping photo files")?;
    Ok(state)
}
