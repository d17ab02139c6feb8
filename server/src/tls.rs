//! HTTPS in the binary (issue 18 point 1).
//!
//! A browser opens the camera only in a secure context: on a venue network at
//! `http://192.168.1.10:3000/scan` the photographers' phones cannot scan. So `serve` can
//! speak HTTPS itself, in one of two ways:
//!
//! - with the organisation's own certificate and key (`--tls-cert`, `--tls-key`, PEM
//!   files), read once at start-up ([`server_config`]): any problem is one line and a
//!   non-zero exit, before anything listens;
//! - with a certificate that Let's Encrypt issues and renews for a public domain
//!   (`--acme-domain`, `--acme-email`), through `rustls-acme` with the TLS-ALPN-01
//!   challenge on the HTTPS port itself (so port 443 must be reachable from the
//!   internet), kept in `<data-dir>/acme` ([`AcmeSettings`]).
//!
//! Both use rustls with the `ring` crypto provider. `--http-redirect ADDR` adds a plain
//! HTTP listener that answers every request with 308 to the same path over HTTPS
//! ([`serve_redirect`]).

use anyhow::{bail, Context};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The `Strict-Transport-Security` value sent on every HTTPS answer: browsers that saw it
/// use HTTPS for this host for a year, so a later `http://` link or a network that strips
/// TLS cannot downgrade them. One year is what browsers' preload rules ask as a minimum
/// and long enough to cover the gap between two events; `includeSubDomains` is left out,
/// since the organisation's other hosts under the same domain are not ours to commit.
/// Browsers ignore the header on plain HTTP and for IP-address hosts.
pub const HSTS: &str = "max-age=31536000";

/// The ring provider, the one rustls is built with here (no aws-lc C build).
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// HTTP/2 where the browser offers it, else HTTP/1.1.
fn with_alpn(mut config: ServerConfig) -> ServerConfig {
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    config
}

/// Reads a PEM certificate chain and its private key into a rustls server
/// configuration. Every problem is one sentence naming the file: unreadable, no
/// certificate in it, no key in it, a key that does not belong to the certificate.
pub fn server_config(cert: &Path, key: &Path) -> anyhow::Result<Arc<ServerConfig>> {
    let cert_pem = std::fs::read(cert)
        .with_context(|| format!("cannot read the TLS certificate {}", cert.display()))?;
    let key_pem =
        std::fs::read(key).with_context(|| format!("cannot read the TLS key {}", key.display()))?;
    let chain = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            anyhow::anyhow!(
                "the TLS certificate {} is not valid PEM: {e}",
                cert.display()
            )
        })?;
    if chain.is_empty() {
        bail!(
            "the TLS certificate {} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            cert.display()
        );
    }
    let private = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| {
        anyhow::anyhow!(
            "the TLS key {} holds no usable PEM private key: {e}",
            key.display()
        )
    })?;
    let config = ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .context("the TLS library refused its default protocol versions")?
        .with_no_client_auth()
        .with_single_cert(chain, private)
        .map_err(|e| {
            anyhow::anyhow!(
                "the TLS key {} does not fit the certificate {}: {e}",
                key.display(),
                cert.display()
            )
        })?;
    Ok(Arc::new(with_alpn(config)))
}

/// Let's Encrypt's directories.
pub const LETS_ENCRYPT_PRODUCTION: &str = rustls_acme::acme::LETS_ENCRYPT_PRODUCTION_DIRECTORY;
pub const LETS_ENCRYPT_STAGING: &str = rustls_acme::acme::LETS_ENCRYPT_STAGING_DIRECTORY;

/// What `--acme-domain`, `--acme-email` and `--acme-staging` ask for, checked: the
/// domains are DNS names a public certificate can hold (no IP address, no wildcard,
/// which TLS-ALPN-01 cannot prove), the email an address Let's Encrypt can write to
/// about expiring certificates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcmeSettings {
    pub domains: Vec<String>,
    /// `mailto:` + the email.
    pub contact: String,
    /// `<data-dir>/acme`: the account key and the certificates, so a restart does not
    /// ask for a new certificate (Let's Encrypt limits how many a domain gets a week).
    pub cache_dir: PathBuf,
    pub directory_url: &'static str,
}

impl AcmeSettings {
    pub fn new(
        domains: &[String],
        email: &str,
        data_dir: &Path,
        staging: bool,
    ) -> Result<Self, String> {
        if domains.is_empty() {
            return Err("--acme-email needs at least one --acme-domain".into());
        }
        let mut checked = Vec::new();
        for d in domains {
            let d = public_domain(d).ok_or_else(|| {
                format!(
                    "--acme-domain {d:?} is not a public DNS name (such as lanyard.example.lv; \
                     no IP address, port, path or wildcard)"
                )
            })?;
            if !checked.contains(&d) {
                checked.push(d);
            }
        }
        let email = email.trim();
        if !is_email(email) {
            return Err(format!(
                "--acme-email {email:?} is not an email address Let's Encrypt can write to"
            ));
        }
        Ok(Self {
            domains: checked,
            contact: format!("mailto:{email}"),
            cache_dir: data_dir.join("acme"),
            directory_url: if staging {
                LETS_ENCRYPT_STAGING
            } else {
                LETS_ENCRYPT_PRODUCTION
            },
        })
    }

    /// The address people reach the server at when no `--public-url` is given: the
    /// first domain, with the port when it is not 443.
    pub fn public_url(&self, port: u16) -> String {
        match port {
            443 => format!("https://{}", self.domains[0]),
            p => format!("https://{}:{p}", self.domains[0]),
        }
    }

    /// The `rustls-acme` configuration these settings make (TLS-ALPN-01 is its default).
    pub fn acme_config(&self) -> rustls_acme::AcmeConfig<std::io::Error> {
        rustls_acme::AcmeConfig::new(&self.domains)
            .contact_push(&self.contact)
            .directory(self.directory_url)
            .cache(rustls_acme::caches::DirCache::new(self.cache_dir.clone()))
    }
}

/// A lowercase DNS name of at least two labels whose last is not numeric (so not an IP
/// address), each label 1–63 letters, digits or inner hyphens, 253 characters at most.
fn public_domain(d: &str) -> Option<String> {
    let d = d.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let ok = d.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        && !labels.last()?.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(d)
}

/// `local@domain` with a public domain and a local part without spaces, commas or the
/// characters that would change a `mailto:` URL.
fn is_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && e.len() <= 254
        && local
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"@,;:<>?&%\"()[]\\".contains(&b))
        && public_domain(domain).is_some()
        && !domain.ends_with('.')
}

/// How the HTTPS listener gets its certificate.
pub enum Tls {
    Files(Arc<ServerConfig>),
    Acme(AcmeSettings),
}

/// Serves `router` over HTTPS on `listener` until ctrl-c / SIGTERM (then up to 10 s for
/// open requests), with client addresses for rate limiting. With ACME, a task drives the
/// certificate's ordering and renewal and logs each step.
pub async fn serve_https(
    listener: tokio::net::TcpListener,
    router: Router,
    tls: Tls,
) -> std::io::Result<()> {
    let handle = axum_server::Handle::<SocketAddr>::new();
    tokio::spawn({
        let handle = handle.clone();
        async move {
            crate::shutdown_signal().await;
            handle.graceful_shutdown(Some(Duration::from_secs(10)));
        }
    });
    let make = router.into_make_service_with_connect_info::<SocketAddr>();
    let server = axum_server::Server::<SocketAddr>::from_listener(listener).handle(handle);
    match tls {
        Tls::Files(config) => {
            let config = axum_server::tls_rustls::RustlsConfig::from_config(config);
            server
                .acceptor(axum_server::tls_rustls::RustlsAcceptor::new(config))
                .serve(make)
                .await
        }
        Tls::Acme(settings) => {
            std::fs::create_dir_all(&settings.cache_dir)?;
            let mut state = settings.acme_config().state();
            let config = Arc::unwrap_or_clone(state.default_rustls_config());
            let acceptor = state.axum_acceptor(Arc::new(with_alpn(config)));
            tokio::spawn(async move {
                use futures::StreamExt;
                while let Some(event) = state.next().await {
                    match event {
                        Ok(ok) => tracing::info!(event = ?ok, "certificate (ACME)"),
                        Err(err) => tracing::error!(error = ?err, "certificate (ACME) failed"),
                    }
                }
            });
            server.acceptor(acceptor).serve(make).await
        }
    }
}

/// Where the plain-HTTP listener sends browsers.
#[derive(Clone, Debug)]
pub struct RedirectTarget {
    /// The public URL's origin when one was given (or the ACME domain): always there.
    pub origin: Option<String>,
    /// Otherwise the host the browser asked for, on this HTTPS port.
    pub https_port: u16,
}

impl RedirectTarget {
    /// `https://…` + the request's path and query, or `None` without a usable `Host`.
    pub fn location(&self, host: Option<&str>, path_and_query: &str) -> Option<String> {
        if let Some(origin) = &self.origin {
            return Some(format!("{origin}{path_and_query}"));
        }
        let host = host?.trim();
        // The host without its port (`[::1]:80` → `[::1]`).
        let name = match host.rfind(':') {
            Some(i) if !host[i..].contains(']') => &host[..i],
            _ => host,
        };
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b));
        if !valid {
            return None;
        }
        Some(match self.https_port {
            443 => format!("https://{name}{path_and_query}"),
            p => format!("https://{name}:{p}{path_and_query}"),
        })
    }
}

/// The plain-HTTP listener of `--http-redirect`: every request gets `308 Permanent
/// Redirect` to the same path over HTTPS (308 keeps a POST a POST). Nothing else is
/// served on it, and it sends no HSTS (browsers ignore it over HTTP).
pub async fn serve_redirect(
    listener: tokio::net::TcpListener,
    target: RedirectTarget,
) -> std::io::Result<()> {
    let app = Router::new().fallback(move |req: Request| {
        let target = target.clone();
        async move { redirect(&target, &req) }
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(crate::shutdown_signal())
        .await
}

fn redirect(target: &RedirectTarget, req: &Request) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok());
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    match target
        .location(host, path)
        .and_then(|l| HeaderValue::from_str(&l).ok())
    {
        Some(location) => (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response(),
        None => (StatusCode::BAD_REQUEST, "Use https://").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acme(domains: &[&str], email: &str, staging: bool) -> Result<AcmeSettings, String> {
        let domains: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
        AcmeSettings::new(&domains, email, Path::new("/var/lib/lanyard"), staging)
    }

    /// Issue 18 point 1: the flags make the configuration rustls-acme gets: the domains,
    /// a `mailto:` contact, the cache inside the data dir, production by default.
    #[test]
    fn acme_flags_make_the_configuration() {
        let s = acme(
            &[
                "Lanyard.Example.lv",
                "checkin.example.lv.",
                "lanyard.example.lv",
            ],
            " ops@example.lv ",
            false,
        )
        .unwrap();
        assert_eq!(s.domains, ["lanyard.example.lv", "checkin.example.lv"]);
        assert_eq!(s.contact, "mailto:ops@example.lv");
        assert_eq!(s.cache_dir, Path::new("/var/lib/lanyard/acme"));
        assert_eq!(
            s.directory_url,
            "https://acme-v02.api.letsencrypt.org/directory"
        );
        assert_eq!(s.public_url(443), "https://lanyard.example.lv");
        assert_eq!(s.public_url(8443), "https://lanyard.example.lv:8443");
        let staging = acme(&["lanyard.example.lv"], "ops@example.lv", true).unwrap();
        assert_eq!(
            staging.directory_url,
            "https://acme-staging-v02.api.letsencrypt.org/directory"
        );
        // The real rustls-acme configuration builds from them without a network.
        let _state = s.acme_config().state();
    }

    #[test]
    fn acme_refuses_what_cannot_get_a_certificate() {
        for domain in [
            "",
            "localhost",
            "192.168.1.10",
            "*.example.lv",
            "lanyard.example.lv:443",
            "https://lanyard.example.lv",
            "lanyard.example.lv/x",
            "-bad.example.lv",
            "a..example.lv",
            "exa mple.lv",
        ] {
            let e = acme(&[domain], "ops@example.lv", false).unwrap_err();
            assert!(e.contains("--acme-domain"), "{domain}: {e}");
        }
        for email in [
            "",
            "ops",
            "ops@",
            "@example.lv",
            "ops@localhost",
            "o ps@example.lv",
            "ops@example.lv,evil@example.com",
            "ops@example.lv?cc=evil@example.com",
            "a@b@example.lv",
        ] {
            let e = acme(&["lanyard.example.lv"], email, false).unwrap_err();
            assert!(e.contains("--acme-email"), "{email}: {e}");
        }
        assert!(acme(&[], "ops@example.lv", false)
            .unwrap_err()
            .contains("--acme-domain"));
    }

    #[test]
    fn the_redirect_keeps_the_path_and_goes_to_the_https_port() {
        let by_host = RedirectTarget {
            origin: None,
            https_port: 8443,
        };
        assert_eq!(
            by_host.location(Some("192.168.1.10:8080"), "/scan?x=1"),
            Some("https://192.168.1.10:8443/scan?x=1".into())
        );
        assert_eq!(
            by_host.location(Some("[::1]:80"), "/"),
            Some("https://[::1]:8443/".into())
        );
        assert_eq!(by_host.location(None, "/"), None);
        assert_eq!(by_host.location(Some("evil/x@y"), "/"), None);
        let on_443 = RedirectTarget {
            origin: None,
            https_port: 443,
        };
        assert_eq!(
            on_443.location(Some("kiosk.lan"), "/kiosk"),
            Some("https://kiosk.lan/kiosk".into())
        );
        let public = RedirectTarget {
            origin: Some("https://lanyard.example.lv".into()),
            https_port: 443,
        };
        assert_eq!(
            public.location(Some("10.0.0.1"), "/b/abc"),
            Some("https://lanyard.example.lv/b/abc".into())
        );
    }
}
