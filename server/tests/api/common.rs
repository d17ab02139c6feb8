//! Starts the real router on port 0 with a temporary data dir, and a small HTTP client
//! that keeps the session cookie by hand (so tests can see every Set-Cookie).

#![allow(dead_code)] // the verdict_lookup bench includes this file and uses a part of it

use app::domain::store::Actor;
use app::domain::AppState;
use app::types::Role;
use std::net::SocketAddr;
use std::path::Path;
use tokio::task::JoinHandle;

pub struct Server {
    pub base: String,
    pub state: AppState,
    task: JoinHandle<()>,
}

impl Server {
    pub async fn start(data_dir: &Path) -> Server {
        Self::start_with(data_dir, false).await
    }

    pub async fn start_with(data_dir: &Path, secure_cookies: bool) -> Server {
        Self::start_configured(data_dir, secure_cookies, |s| s).await
    }

    /// A server whose state `configure` adjusts first (a smaller upload limit, say).
    pub async fn start_configured(
        data_dir: &Path,
        secure_cookies: bool,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> Server {
        let state = configure(
            lanyard_server::open_state(data_dir)
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
        Server {
            base: format!("http://{addr}"),
            state,
            task,
        }
    }

    /// A server someone else started (benches that adjust the state first).
    pub fn attach(base: String, state: AppState) -> Server {
        Server {
            base,
            state,
            task: tokio::spawn(async {}),
        }
    }

    pub fn stop(self) {
        self.task.abort();
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
                if pair.starts_with(lanyard_server::SESSION_COOKIE) {
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
        let body = res.text().await.unwrap_or_default();
        Reply {
            status,
            set_cookies,
            location,
            body,
        }
    }

    /// Calls a server function with a form-encoded body.
    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Reply {
        let mut req = self.http.post(format!("{}{}", self.base, path)).form(form);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.expect("request");
        self.finish(res).await
    }

    /// Calls a server function that takes a JSON body.
    pub async fn post_json(&mut self, path: &str, json: &str) -> Reply {
        let mut req = self
            .http
            .post(format!("{}{}", self.base, path))
            .header("content-type", "application/json")
            .body(json.to_string());
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.expect("request");
        self.finish(res).await
    }

    /// Uploads one photo to `/media/photos` as the browser does (multipart).
    pub async fn upload_photo(&mut self, event: &str, name: &str, bytes: Vec<u8>) -> Reply {
        let form = reqwest::multipart::Form::new()
            .text("event", event.to_string())
            .text("utc_offset", "120")
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
            );
        let mut req = self
            .http
            .post(format!("{}/media/photos", self.base))
            .multipart(form);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.expect("request");
        self.finish(res).await
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
        let mut req = self.http.get(format!("{}{}", self.base, path));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.expect("request");
        self.finish(res).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/auth/login",
            &[("email", email), ("password", password)],
        )
        .await
    }
}

/// An organiser (org@example.lv) signed in, an event "Summit" (default language lv)
/// and a kiosk tablet paired with it: (organiser, kiosk, event public id).
pub async fn organiser_and_kiosk(server: &Server) -> (Client, Client, String) {
    server
        .add_user("org@example.lv", "a long enough password", Role::Organiser)
        .await;
    let mut org = server.client();
    assert_eq!(
        org.login("org@example.lv", "a long enough password")
            .await
            .status,
        200
    );
    let event = create_event(&mut org, "Summit", "lv").await;
    let kiosk = pair_kiosk(server, &mut org, &event.id).await;
    (org, kiosk, event.id)
}

/// Creates an event (no dates, no venue) as the signed-in organiser `org`.
pub async fn create_event(
    org: &mut Client,
    name: &str,
    default_lang: &str,
) -> app::types::EventSummary {
    let created = org
        .post(
            "/api/events/create",
            &[
                ("name", name),
                ("starts_on", ""),
                ("ends_on", ""),
                ("venue", ""),
                ("default_lang", default_lang),
            ],
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.body);
    serde_json::from_str(&created.body).unwrap()
}

/// A kiosk tablet paired with `event_id` by the signed-in organiser `org`.
pub async fn pair_kiosk(server: &Server, org: &mut Client, event_id: &str) -> Client {
    let code: app::types::PairingCode = serde_json::from_str(
        &org.post("/api/kiosk/pairing-code", &[("event_id", event_id)])
            .await
            .body,
    )
    .unwrap();
    let mut kiosk = server.client();
    assert_eq!(
        kiosk
            .post("/api/kiosk/pair", &[("code", &code.code)])
            .await
            .status,
        200
    );
    kiosk
}

/// A kiosk registration body for `/api/kiosk/register`.
pub fn registration(fields: serde_json::Value, is_minor: bool, choice: Option<&str>) -> String {
    serde_json::json!({ "registration": {
        "lang": "en", "fields": fields, "is_minor": is_minor, "choice": choice,
        "guardian_name": "", "guardian_confirmed": false, "signature_data_url": null
    }})
    .to_string()
}

/// Registers an attendee at the kiosk with `fields` and `choice` and returns their badge
/// token (read from the database: the kiosk never sees it).
pub async fn kiosk_attendee(
    dir: &Path,
    kiosk: &mut Client,
    fields: serde_json::Value,
    choice: &str,
) -> String {
    let r = kiosk
        .post_json(
            "/api/kiosk/register",
            &registration(fields, false, Some(choice)),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let db = rusqlite::Connection::open(dir.join("lanyard.sqlite3")).unwrap();
    db.query_row(
        "SELECT badge_token FROM attendees ORDER BY id DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
    .unwrap()
}
