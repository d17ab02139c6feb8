//! Headers and origins (issue 18 point 4; requirement 22).
//!
//! - Every response carries `Referrer-Policy: no-referrer` (addresses such as
//!   `/b/{token}` never leave in a `Referer`), `X-Content-Type-Options: nosniff` and
//!   `Permissions-Policy: camera=(self)` (the scanner's camera, for this origin only).
//! - Every HTML page carries a Content-Security-Policy ([`content_security_policy`])
//!   whose script nonce is the one Leptos puts on the page's scripts: the middleware
//!   makes a fresh 128-bit nonce per request ([`CspNonce`]), the Leptos context hands it
//!   to the renderer ([`provide_request_nonce`]) and the header names it.
//! - A request that changes state (any method but GET, HEAD and OPTIONS: every server
//!   function, the photo upload, `POST /api/v1/scans`) is refused with 403 when its
//!   `Origin` is present and is neither this server (the request's `Host`) nor the
//!   public URL, or when the browser says `Sec-Fetch-Site: cross-site`
//!   ([`same_origin_only`]). This closes sign-in, pairing and every other cross-site
//!   request forgery, on top of the `SameSite=Strict` session cookie. Requests without
//!   either header (curl, scripts, the tests' client) pass.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The nonce of one response's Content-Security-Policy, in the request's extensions.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The policy of an HTML page whose scripts carry `nonce`:
/// - scripts: only those carrying the nonce, and files from this server (the hydration
///   script imports `/pkg/….js`, and the page preloads it); WebAssembly may compile;
///   no `eval`, no inline handlers;
/// - styles: the stylesheet file from this server, and inline styles: the photo pages
///   place the people's regions with `style` attributes (`left/top/width/height` from
///   the stored coordinates), and the badge and sign pages set the printer's paper with
///   a `<style>` element (`@page { size: … }` of the chosen stock, made in the page);
/// - images from this server, `data:` (the self-service page's thumbnails, the guardian's
///   signature) and `blob:` (previews of chosen photos); media `blob:` for the camera;
/// - fetches (server functions, the wasm) and workers only to this server;
/// - no plugins, no `<base>`, no framing by other sites, forms only to this server.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; \
         script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; media-src 'self' blob:; \
         connect-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// Makes the response's nonce, and sets the security headers on the way out; the
/// policy only on HTML.
pub async fn security_headers(mut req: Request, next: Next) -> Response {
    let nonce = app::domain::auth::random_token(16);
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
    }
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self)"),
    );
    res
}

/// For the Leptos context of a page (and of the 404 page): the renderer puts this
/// request's [`CspNonce`] on every script it writes, instead of a nonce of its own.
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(n)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(n));
    }
}

/// The origins a browser may send state-changing requests from, besides the request's
/// own `Host`: the public URL's (behind a reverse proxy the `Host` the server sees may
/// be its own address).
#[derive(Clone, Debug)]
pub struct Origins {
    public: Option<String>,
    /// `https` when browsers reach the server over HTTPS (issue 18 point 1), else `http`:
    /// an origin naming the server's `Host` counts as its own only with this scheme.
    scheme: &'static str,
}

impl Origins {
    /// From the public URL (`https://lanyard.example.lv`, a path is ignored) and whether
    /// the server is reached over HTTPS.
    pub fn new(public_url: &str, https: bool) -> Self {
        Self {
            public: normalise_origin(public_url),
            scheme: if https { "https" } else { "http" },
        }
    }

    /// The one decision (issue 18 point 4): may a request with these headers change
    /// anything?
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        if get("sec-fetch-site").is_some_and(|s| s.eq_ignore_ascii_case("cross-site")) {
            return false;
        }
        let Some(origin) = headers.get(header::ORIGIN) else {
            return true;
        };
        // `Origin: null` (a sandboxed frame, a file) and unreadable values are not us.
        let Some(origin) = origin.to_str().ok().and_then(normalise_origin) else {
            return false;
        };
        if self.public.as_deref() == Some(origin.as_str()) {
            return true;
        }
        let (scheme, authority) = origin.split_once("://").unwrap_or(("", ""));
        if scheme != self.scheme {
            return false;
        }
        get("host")
            .map(|host| strip_default_port(scheme, &host.to_ascii_lowercase()))
            .is_some_and(|host| host == authority)
    }
}

/// `scheme://host[:port]`, lowercase, without a default port, or `None` for anything
/// that is not an http(s) origin.
fn normalise_origin(url: &str) -> Option<String> {
    let url = url.trim().to_ascii_lowercase();
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some(format!(
        "{scheme}://{}",
        strip_default_port(scheme, authority)
    ))
}

fn strip_default_port(scheme: &str, authority: &str) -> String {
    let default = match scheme {
        "https" => ":443",
        _ => ":80",
    };
    authority
        .strip_suffix(default)
        .unwrap_or(authority)
        .to_string()
}

/// 403 for a state-changing request from another site ([`Origins::allows`]); reading
/// requests pass untouched.
pub async fn same_origin_only(
    State(origins): State<Origins>,
    req: Request,
    next: Next,
) -> Response {
    let reading = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if reading || origins.allows(req.headers()) {
        return next.run(req).await;
    }
    let mut res = (
        StatusCode::FORBIDDEN,
        "Requests from other sites are refused. / Pieprasījumi no citām vietnēm tiek atteikti.",
    )
        .into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    /// Issue 18 point 4: the same server or its public URL may; another site, a
    /// sandboxed `null` origin or a cross-site fetch may not; no headers at all (curl)
    /// may.
    #[test]
    fn only_this_server_and_its_public_url_may_change_state() {
        let o = Origins::new("https://lanyard.example.lv/", false);
        let host = ("host", "127.0.0.1:3000");
        for ok in [
            vec![host],
            vec![host, ("origin", "http://127.0.0.1:3000")],
            vec![
                ("host", "Lanyard.Example.lv"),
                ("origin", "https://lanyard.example.lv"),
            ],
            vec![host, ("origin", "https://lanyard.example.lv")],
            vec![host, ("origin", "https://LANYARD.example.lv:443")],
            vec![("host", "kiosk.lan:80"), ("origin", "http://kiosk.lan")],
            vec![host, ("sec-fetch-site", "same-origin")],
            vec![host, ("sec-fetch-site", "none")],
        ] {
            assert!(o.allows(&headers(&ok)), "{ok:?}");
        }
        for refused in [
            vec![host, ("origin", "https://evil.example")],
            vec![host, ("origin", "http://127.0.0.1:3001")],
            vec![host, ("origin", "https://127.0.0.1:3000")],
            vec![host, ("origin", "null")],
            vec![("origin", "http://127.0.0.1:3000")],
            vec![
                host,
                ("origin", "http://127.0.0.1:3000"),
                ("sec-fetch-site", "cross-site"),
            ],
            vec![host, ("sec-fetch-site", "cross-site")],
            vec![host, ("origin", "https://lanyard.example.lv.evil.example")],
        ] {
            assert!(!o.allows(&headers(&refused)), "{refused:?}");
        }
    }

    /// Issue 18 point 1: served over HTTPS, the server's own origin is the https one of
    /// its `Host`; the plain-HTTP origin of the same host is another site.
    #[test]
    fn over_https_the_https_origin_is_the_own_one() {
        let o = Origins::new("https://127.0.0.1:8443", true);
        let host = ("host", "127.0.0.1:8443");
        assert!(o.allows(&headers(&[host, ("origin", "https://127.0.0.1:8443")])));
        let lan = Origins::new("https://192.168.1.10", true);
        assert!(lan.allows(&headers(&[
            ("host", "kiosk.lan:443"),
            ("origin", "https://kiosk.lan")
        ])));
        assert!(!o.allows(&headers(&[host, ("origin", "http://127.0.0.1:8443")])));
        assert!(!lan.allows(&headers(&[
            ("host", "kiosk.lan"),
            ("origin", "http://kiosk.lan")
        ])));
    }

    #[test]
    fn the_policy_names_the_nonce_and_forbids_the_rest() {
        let p = content_security_policy("abc");
        let script = p
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src "))
            .unwrap();
        assert_eq!(script, "script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'");
        for part in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "default-src 'self'",
        ] {
            assert!(p.contains(part), "{part} in {p}");
        }
    }
}
