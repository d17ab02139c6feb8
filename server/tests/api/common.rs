//! `TestApp`: the real router on port 0 with its own temporary data dir, and a small
//! HTTP client that keeps the session cookie by hand (so tests can see every
//! Set-Cookie). Typed helpers for the calls many tests make (sign in, create an event,
//! pair a kiosk, register at the kiosk, upload a photo, open a request) assert success and
//! return the parsed answer; a test that expects a refusal calls the endpoint itself.

#![allow(dead_code)] // the verdict_lookup bench includes this file and uses a part of it

use app::domain::store::Actor;
use app::domain::AppState;
use app::types::{
    AttendeeList, EventOverview, EventSettings, EventSettingsView, EventSummary, ExportStatus,
    KioskEvent, MyData, PairingCode, PhotoDetail, PhotoLibrary, Registered, RequestRow, Role,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::Path;
use tempfile::TempDir;
use tokio::task::JoinHandle;

/// The password of every user the helpers create.
pub const PW: &str = "a long enough password";

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    dir: TempDir,
    /// The data dir: `dir` itself, or `dir/data` for [`TestApp::start_beside`].
    data: std::path::PathBuf,
    task: JoinHandle<()>,
}

impl TestApp {
    /// A server on a new temporary data dir.
    pub async fn start() -> TestApp {
        Self::start_with(false).await
    }

    /// With `secure_cookies` (as behind an https public URL).
    pub async fn start_with(secure_cookies: bool) -> TestApp {
        Self::start_configured(secure_cookies, |s| s).await
    }

    /// A server whose state `configure` adjusts first (a smaller upload limit, say).
    pub async fn start_configured(
        secure_cookies: bool,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        Self::launch(dir, secure_cookies, configure).await
    }

    /// A server on a data dir an earlier one used (see [`TestApp::stop`]).
    pub async fn start_in(dir: TempDir) -> TestApp {
        Self::launch(dir, false, |s| s).await
    }

    /// A server whose data dir is `root/data` with the erasure journal in its default
    /// place beside it (`root/data.erasures.jsonl`), as in production, so a restore can
    /// replace the data dir (issue 17).
    pub async fn start_beside(root: TempDir) -> TestApp {
        let data = root.path().join("data");
        let journal = lanyard_server::DataDir(data.clone()).default_journal();
        Self::launch_at(root, data, journal, false, |s| s).await
    }

    /// The erasure journal is inside the temporary dir, so it goes with it.
    async fn launch(
        dir: TempDir,
        secure_cookies: bool,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> TestApp {
        let data = dir.path().to_path_buf();
        let journal = dir.path().join("erasures.jsonl");
        Self::launch_at(dir, data, journal, secure_cookies, configure).await
    }

    async fn launch_at(
        dir: TempDir,
        data: std::path::PathBuf,
        journal: std::path::PathBuf,
        secure_cookies: bool,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> TestApp {
        std::fs::create_dir_all(&data).unwrap();
        let state = configure(
            lanyard_server::open_state_with(&data, &journal)
                .await
                .expect("open data dir"),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let options = lanyard_server::leptos_options(addr).unwrap();
        let router = lanyard_server::router(state.clone(), options, secure_cookies);
        let task = tokio::spawn(async move {
            lanyard_server::serve(listener, router).await.unwrap();
        });
        TestApp {
            base: format!("http://{addr}"),
            state,
            dir,
            data,
            task,
        }
    }

    /// Stops the server and hands back its data dir (deleted when that is dropped), to
    /// read the files or start again on it.
    pub fn stop(self) -> TempDir {
        self.task.abort();
        self.dir
    }

    /// The data dir: `lanyard.sqlite3`, `photos/`.
    pub fn dir(&self) -> &Path {
        &self.data
    }

    /// The database, opened beside the server (to read what the API does not show).
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.dir().join("lanyard.sqlite3")).unwrap()
    }

    pub async fn add_user(&self, email: &str, password: &str, role: Role) -> i64 {
        let hash = app::domain::auth::hash_password(password).unwrap();
        self.state
            .store
            .create_user(Actor::Cli, email.into(), hash, role)
            .await
            .unwrap()
    }

    pub fn client(&self) -> Client {
        Client {
            base: self.base.clone(),
            http: http(),
            cookie: None,
        }
    }

    /// A new user with `role` and password [`PW`], signed in.
    pub async fn signed_in(&self, email: &str, role: Role) -> Client {
        self.add_user(email, PW, role).await;
        let mut c = self.client();
        assert_eq!(c.login(email, PW).await.status, 200, "{email} signs in");
        c
    }

    pub async fn organiser(&self, email: &str) -> Client {
        self.signed_in(email, Role::Organiser).await
    }

    pub async fn photographer(&self, email: &str) -> Client {
        self.signed_in(email, Role::Photographer).await
    }

    pub async fn admin(&self, email: &str) -> Client {
        self.signed_in(email, Role::Admin).await
    }

    /// A new photographer (password [`PW`]), signed in and added by organiser `org` to
    /// `event` from today on (issue 16: photographers work only at events they are
    /// added to, on their days; the helpers' events end in 2099).
    pub async fn photographer_at(&self, email: &str, org: &mut Client, event: &str) -> Client {
        let ph = self.photographer(email).await;
        let id = org.add_photographer(event, email).await;
        let today = app::domain::requests::iso(self.state.now.today());
        let days =
            json!({ "event_id": event, "user_id": id, "from": today, "until": "2099-12-31" });
        let r = org
            .post_json("/api/events/photographers/days", &days.to_string())
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        ph
    }

    /// An organiser (org@example.lv) signed in, an event "Summit" (default language lv)
    /// and a kiosk tablet paired with it: (organiser, kiosk, event public id).
    pub async fn organiser_and_kiosk(&self) -> (Client, Client, String) {
        let mut org = self.organiser("org@example.lv").await;
        let event = org.create_event("Summit", "lv").await;
        let kiosk = self.pair_kiosk(&mut org, event.id.as_str()).await;
        (org, kiosk, event.id.into_string())
    }

    /// A kiosk tablet paired with `event_id` by the signed-in organiser `org`.
    pub async fn pair_kiosk(&self, org: &mut Client, event_id: &str) -> Client {
        let code = org.pairing_code(event_id).await;
        self.kiosk_with_code(&code.code).await
    }

    /// A new tablet paired with a pairing code.
    pub async fn kiosk_with_code(&self, code: &str) -> Client {
        let mut kiosk = self.client();
        let paired = kiosk.post("/api/kiosk/pair", &[("code", code)]).await;
        assert_eq!(paired.status, 200, "{}", paired.body);
        kiosk
    }

    /// Registers an attendee at `kiosk` with `fields` and `choice` and returns their
    /// badge token (read from the database: the kiosk never sees it).
    pub async fn kiosk_attendee(&self, kiosk: &mut Client, fields: Value, choice: &str) -> String {
        kiosk.register_at_kiosk(fields, false, Some(choice)).await;
        self.last_badge_token()
    }

    /// The badge token of the attendee registered last.
    pub fn last_badge_token(&self) -> String {
        self.db()
            .query_row(
                "SELECT badge_token FROM attendees ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        // A request that gets no answer fails the test instead of holding the run (one
        // clean-clone run once waited on an answer for ten minutes).
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .unwrap()
}

pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    /// `name=value` of the session cookie, if any.
    pub cookie: Option<String>,
}

pub struct Reply {
    pub status: u16,
    pub set_cookies: Vec<String>,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Client {
    pub fn with_base(&self, base: &str) -> Client {
        Client {
            base: base.into(),
            http: http(),
            cookie: self.cookie.clone(),
        }
    }

    fn remember(&mut self, res: &reqwest::Response) -> Vec<String> {
        let set: Vec<String> = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(String::from))
            .collect();
        for c in &set {
            if let Some(pair) = c.split(';').next() {
                if pair.starts_with(lanyard_server::SESSION_COOKIE)
                    || pair.starts_with(lanyard_server::SECURE_SESSION_COOKIE)
                {
                    let removed = c.contains("Max-Age=0") || pair.ends_with('=');
                    self.cookie = if removed {
                        None
                    } else {
                        Some(pair.to_string())
                    };
                }
            }
        }
        set
    }

    async fn finish(&mut self, res: reqwest::Response) -> Reply {
        let set_cookies = self.remember(&res);
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let headers = res.headers().clone();
        let body = res.text().await.unwrap_or_default();
        Reply {
            status,
            set_cookies,
            location,
            headers,
            body,
        }
    }

    /// Sends `req` with the session cookie and `headers`, and keeps what it sets.
    async fn send(&mut self, mut req: reqwest::RequestBuilder, headers: &[(&str, &str)]) -> Reply {
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.expect("request");
        self.finish(res).await
    }

    /// Calls a server function with a form-encoded body.
    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Reply {
        self.post_with(path, form, &[]).await
    }

    /// Calls a server function with a form-encoded body and extra request headers (a
    /// browser's `Origin`, `Sec-Fetch-Site`).
    pub async fn post_with(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let req = self.http.post(format!("{}{}", self.base, path)).form(form);
        self.send(req, headers).await
    }

    /// Calls a server function that takes a JSON body.
    pub async fn post_json(&mut self, path: &str, json: &str) -> Reply {
        let req = self
            .http
            .post(format!("{}{}", self.base, path))
            .header("content-type", "application/json")
            .body(json.to_string());
        self.send(req, &[]).await
    }

    /// Calls a JSON server function that must answer 200, and parses the answer.
    pub async fn call<T: DeserializeOwned>(&mut self, path: &str, body: Value) -> T {
        let r = self.post_json(path, &body.to_string()).await;
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{path}: {e}: {}", r.body))
    }

    /// Uploads one photo to `/media/photos` as the browser does (multipart).
    pub async fn upload_photo(&mut self, event: &str, name: &str, bytes: Vec<u8>) -> Reply {
        self.upload_photo_with(event, name, bytes, &[]).await
    }

    /// [`Self::upload_photo`] with extra request headers.
    pub async fn upload_photo_with(
        &mut self,
        event: &str,
        name: &str,
        bytes: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let form = reqwest::multipart::Form::new()
            .text("event", event.to_string())
            .text("utc_offset", "120")
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
            );
        let req = self
            .http
            .post(format!("{}/media/photos", self.base))
            .multipart(form);
        self.send(req, headers).await
    }

    /// GET returning the body as bytes, with the status.
    pub async fn get_bytes(&mut self, path: &str) -> (u16, Vec<u8>) {
        let mut req = self.http.get(format!("{}{}", self.base, path));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.expect("request");
        self.remember(&res);
        let status = res.status().as_u16();
        (status, res.bytes().await.unwrap_or_default().to_vec())
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self.http.get(format!("{}{}", self.base, path));
        self.send(req, &[]).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/auth/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    // ---- Organisers: events and attendees ----

    /// Creates an event (no dates, no venue) as this signed-in organiser.
    pub async fn create_event(&mut self, name: &str, default_lang: &str) -> EventSummary {
        let created = self
            .post(
                "/api/events/create",
                &[
                    ("name", name),
                    ("starts_on", ""),
                    ("ends_on", "2099-12-31"),
                    ("venue", ""),
                    ("default_lang", default_lang),
                ],
            )
            .await;
        assert_eq!(created.status, 200, "{}", created.body);
        serde_json::from_str(&created.body).unwrap()
    }

    /// Adds the existing photographer `email` to `event` as this organiser; their user id.
    pub async fn add_photographer(&mut self, event: &str, email: &str) -> i64 {
        let added: app::types::PhotographerAdded = self
            .call(
                "/api/events/photographers/add",
                json!({ "event_id": event, "email": email }),
            )
            .await;
        assert!(added.invitation.is_none(), "an existing account");
        added
            .list
            .photographers
            .iter()
            .find(|a| a.email == email)
            .expect("listed")
            .user_id
    }

    /// Saves the event's settings.
    pub async fn save_settings(
        &mut self,
        event_id: &str,
        settings: &EventSettings,
    ) -> EventSettingsView {
        let body = json!({ "event_id": event_id, "settings": settings }).to_string();
        let saved = self.post_json("/api/events/settings/save", &body).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        serde_json::from_str(&saved.body).unwrap()
    }

    /// A kiosk pairing code for the event.
    pub async fn pairing_code(&mut self, event_id: &str) -> PairingCode {
        let code = self
            .post("/api/kiosk/pairing-code", &[("event_id", event_id)])
            .await;
        assert_eq!(code.status, 200, "{}", code.body);
        serde_json::from_str(&code.body).unwrap()
    }

    /// The event's attendees after `filter`.
    pub async fn attendees(&mut self, event_id: &str, filter: Value) -> AttendeeList {
        self.call(
            "/api/attendees/list",
            json!({ "event_id": event_id, "filter": filter }),
        )
        .await
    }

    /// The event's counts.
    pub async fn event_stats(&mut self, event_id: &str) -> EventOverview {
        self.call("/api/events/stats", json!({ "event_id": event_id }))
            .await
    }

    // ---- Kiosks ----

    /// The version of this kiosk's event's current notice in `lang`, as the kiosk's
    /// notice screen shows it and sends it back (issue 14 point 4).
    pub async fn kiosk_notice(&mut self, lang: &str) -> Value {
        let r = self.post("/api/kiosk/event", &[]).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let ev: KioskEvent = serde_json::from_str(&r.body).unwrap();
        let n = ev
            .notices
            .iter()
            .find(|n| n.lang == lang)
            .unwrap_or_else(|| panic!("a notice in {lang}"));
        serde_json::to_value(&n.version).unwrap()
    }

    /// The version of the current notice in `lang` of the event whose settings this
    /// organiser manages, as their forms show it (issue 14 point 4).
    pub async fn event_notice(&mut self, event_id: &str, lang: &str) -> Value {
        let view: EventSettingsView = self
            .call("/api/events/settings", json!({ "event_id": event_id }))
            .await;
        let n = view
            .notices
            .iter()
            .find(|n| n.lang == lang)
            .unwrap_or_else(|| panic!("a notice in {lang}"));
        serde_json::to_value(&n.version).unwrap()
    }

    /// The version of the current notice in `lang` that `/me` shows the attendee with
    /// private code `code` (issue 14 point 4).
    pub async fn me_notice(&mut self, code: &str, lang: &str) -> Value {
        let data: MyData = self.call("/api/me/open", json!({ "code": code })).await;
        let n = data
            .notices
            .iter()
            .find(|n| n.lang == lang)
            .unwrap_or_else(|| panic!("a notice in {lang}"));
        serde_json::to_value(&n.version).unwrap()
    }

    /// Registers at this kiosk having read the English notice (see
    /// [`registration_seen`]); must succeed.
    pub async fn register_at_kiosk(
        &mut self,
        fields: Value,
        is_minor: bool,
        choice: Option<&str>,
    ) -> Registered {
        let notice = self.kiosk_notice("en").await;
        let r = self
            .post_json(
                "/api/kiosk/register",
                &registration_seen(fields, is_minor, choice, &notice),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        serde_json::from_str(&r.body).unwrap()
    }

    // ---- Photos ----

    /// Uploads a new photo (201) and returns its id.
    pub async fn upload(&mut self, event: &str, name: &str, bytes: Vec<u8>) -> String {
        let r = self.upload_photo(event, name, bytes).await;
        assert_eq!(r.status, 201, "{}", r.body);
        let v: Value = serde_json::from_str(&r.body).unwrap();
        v["photo"].as_str().unwrap().to_string()
    }

    /// Uploads a 640×480 test JPEG (different for each `seed`) taken on 22 November 2026
    /// at 12:00 +02:00, named `P{seed}.JPG`, and returns the photo's id.
    pub async fn upload_seeded(&mut self, event: &str, seed: u64) -> String {
        use app::domain::imaging::fixtures::{self, FixtureMeta};
        let meta = FixtureMeta {
            orientation: Some(1),
            taken: Some("2026:11:22 12:00:00"),
            offset: Some("+02:00"),
            serial: None,
            with_all_metadata: false,
        };
        let jpeg = fixtures::jpeg(640, 480, seed, &meta);
        self.upload(event, &format!("P{seed}.JPG"), jpeg).await
    }

    /// The event's photo library (unfiltered).
    pub async fn photo_library(&mut self, event_id: &str) -> PhotoLibrary {
        self.call(
            "/api/photos/library",
            json!({ "event_id": event_id, "filter": {} }),
        )
        .await
    }

    /// The photo page.
    pub async fn photo_detail(&mut self, photo_id: &str) -> PhotoDetail {
        self.call("/api/photos/detail", json!({ "photo_id": photo_id }))
            .await
    }

    /// Tags the person behind a badge code in the photo, with an optional region
    /// (`{"x","y","w","h"}`).
    pub async fn tag_badge(&mut self, photo_id: &str, code: &str, region: Value) -> PhotoDetail {
        self.call(
            "/api/photos/tag",
            json!({ "photo_id": photo_id, "by": { "by": "badge", "code": code }, "region": region }),
        )
        .await
    }

    /// The organiser's review of the photo (issue 14): `true` marks it reviewed now.
    pub async fn review(&mut self, photo_id: &str, value: bool) -> PhotoDetail {
        self.call(
            "/api/photos/review",
            json!({ "photo_id": photo_id, "value": value }),
        )
        .await
    }

    /// Starts the event's photo export (longest side `max_side`).
    pub async fn start_export(&mut self, event_id: &str, max_side: u32) -> ExportStatus {
        self.call(
            "/api/photos/export",
            json!({ "event_id": event_id, "max_side": max_side }),
        )
        .await
    }

    /// Waits (up to 10 s) until the export is ready; it must not fail.
    pub async fn wait_for_export(&mut self, job: &str) -> ExportStatus {
        for _ in 0..200 {
            let r = self
                .post_json(
                    "/api/photos/export-status",
                    &json!({ "job": job }).to_string(),
                )
                .await;
            let s: ExportStatus = serde_json::from_str(&r.body).unwrap();
            assert!(!s.failed);
            if s.ready {
                return s;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("export finished");
    }

    // ---- Requests ----

    /// Opens a request for the event (`request` as the `NewRequest` JSON) and returns its id.
    pub async fn open_request(&mut self, event_id: &str, request: Value) -> String {
        self.call(
            "/api/requests/open",
            json!({ "event_id": event_id, "request": request }),
        )
        .await
    }

    /// The event's requests.
    pub async fn requests(&mut self, event_id: &str) -> Vec<RequestRow> {
        self.call("/api/requests/list", json!({ "event_id": event_id }))
            .await
    }
}

/// A kiosk registration body for `/api/kiosk/register` without the notice version
/// shown: for refusals that come before the notice is looked at (a missing choice or
/// field, a guardian); one that passes those is refused for the missing notice.
pub fn registration(fields: Value, is_minor: bool, choice: Option<&str>) -> String {
    json!({ "registration": {
        "lang": "en", "fields": fields, "is_minor": is_minor, "choice": choice,
        "guardian_name": "", "guardian_confirmed": false, "signature_data_url": null
    }})
    .to_string()
}

/// A kiosk registration body naming the notice version the kiosk showed (`notice`, as
/// from [`Client::kiosk_notice`]).
pub fn registration_seen(
    fields: Value,
    is_minor: bool,
    choice: Option<&str>,
    notice: &Value,
) -> String {
    json!({ "registration": {
        "lang": "en", "notice": notice, "fields": fields, "is_minor": is_minor,
        "choice": choice, "guardian_name": "", "guardian_confirmed": false,
        "signature_data_url": null
    }})
    .to_string()
}
