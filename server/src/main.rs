//! `lanyard`: the server and its admin commands.

use anyhow::{bail, Context};
use app::domain::accounts;
use app::domain::backup::{self, Every};
use app::domain::client_addr::{Cidr, TrustedProxies};
use app::domain::rate_limit;
use app::domain::store::Actor;
use app::types::{AccountStatus, Role};
use clap::{Parser, Subcommand};
use lanyard_server::tls::{self, Tls};
use lanyard_server::{
    leptos_options, open_state_with, router, serve, spawn_session_cleanup, DataDir,
};
use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "lanyard",
    version,
    about = "Event check-in and photo-consent kiosk"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once at start-up and taken apart at once: the size of `Serve` costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "LANYARD_ADDR", default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Directory for lanyard.sqlite3 and photos/.
        #[arg(long, env = "LANYARD_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
        /// The address people reach the server at (badge QR codes point here). When it
        /// starts with https:// (the default with --tls-cert or --acme-domain), the
        /// session cookie is Secure with the __Host- prefix and HSTS is sent.
        #[arg(long, env = "LANYARD_PUBLIC_URL")]
        public_url: Option<String>,
        /// Serve HTTPS with this PEM certificate (chain), with --tls-key.
        #[arg(
            long,
            env = "LANYARD_TLS_CERT",
            value_name = "FILE",
            requires = "tls_key",
            conflicts_with_all = ["acme_domains", "acme_email", "acme_staging"]
        )]
        tls_cert: Option<PathBuf>,
        /// The PEM private key of --tls-cert.
        #[arg(
            long,
            env = "LANYARD_TLS_KEY",
            value_name = "FILE",
            requires = "tls_cert",
            conflicts_with_all = ["acme_domains", "acme_email", "acme_staging"]
        )]
        tls_key: Option<PathBuf>,
        /// Serve HTTPS with a certificate from Let's Encrypt for this public domain, got
        /// and renewed automatically (TLS-ALPN-01: --addr must be reachable from the
        /// internet on port 443); repeatable. Kept in <data-dir>/acme.
        #[arg(
            long = "acme-domain",
            env = "LANYARD_ACME_DOMAIN",
            value_name = "DOMAIN",
            value_delimiter = ',',
            requires = "acme_email"
        )]
        acme_domains: Vec<String>,
        /// The email Let's Encrypt writes to about the certificate.
        #[arg(
            long,
            env = "LANYARD_ACME_EMAIL",
            value_name = "EMAIL",
            requires = "acme_domains"
        )]
        acme_email: Option<String>,
        /// Use Let's Encrypt's staging directory (certificates browsers do not trust; for
        /// trying the set-up without its rate limits).
        #[arg(long, env = "LANYARD_ACME_STAGING", requires = "acme_domains")]
        acme_staging: bool,
        /// Also listen for plain HTTP here (e.g. 0.0.0.0:80) and redirect every request
        /// to HTTPS (308). Needs --tls-cert or --acme-domain.
        #[arg(long, env = "LANYARD_HTTP_REDIRECT", value_name = "ADDR")]
        http_redirect: Option<SocketAddr>,
        /// A reverse proxy (address or network: 127.0.0.1/32, 10.0.0.0/8, fd00::/8) whose
        /// X-Forwarded-For names the client for the rate limits; repeatable. Without it
        /// the connecting address is the client and X-Forwarded-For is ignored.
        #[arg(
            long = "trusted-proxy",
            env = "LANYARD_TRUSTED_PROXY",
            value_delimiter = ',',
            value_name = "CIDR",
            value_parser = Cidr::parse
        )]
        trusted_proxies: Vec<Cidr>,
        /// Create a demo organiser and event on an empty database (or give the demo
        /// organiser a fresh password) and print the login.
        #[arg(long, env = "LANYARD_DEMO")]
        demo: bool,
        /// Largest photo upload in MB (each file).
        #[arg(long, env = "LANYARD_MAX_PHOTO_MB", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=1024))]
        max_photo_mb: u64,
        /// The erasure journal (default: beside the data dir, `<data-dir>.erasures.jsonl`).
        #[arg(long, env = "LANYARD_ERASURE_JOURNAL")]
        erasure_journal: Option<PathBuf>,
        /// Write an encrypted backup into this folder every --backup-every.
        #[arg(long, env = "LANYARD_BACKUP_DIR")]
        backup_dir: Option<PathBuf>,
        /// How often: a number and s, m, h or d (30m, 24h, 7d).
        #[arg(long, env = "LANYARD_BACKUP_EVERY", default_value = "24h", value_parser = Every::parse)]
        backup_every: Every,
        /// How many scheduled backups to keep (older ones are deleted).
        #[arg(long, env = "LANYARD_BACKUP_KEEP", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=10000))]
        backup_keep: u32,
        /// An age public key (age1…) the scheduled backups are encrypted to; repeatable.
        #[arg(
            long = "backup-recipient",
            env = "LANYARD_BACKUP_RECIPIENT",
            value_delimiter = ','
        )]
        backup_recipients: Vec<String>,
        /// An age recipients file (one public key a line, # comments).
        #[arg(long, env = "LANYARD_BACKUP_RECIPIENT_FILE")]
        backup_recipient_file: Option<PathBuf>,
    },
    /// Administration on the server's own machine.
    Admin {
        /// Directory for lanyard.sqlite3 and photos/.
        #[arg(long, env = "LANYARD_DATA_DIR", default_value = "data", global = true)]
        data_dir: PathBuf,
        /// The erasure journal (default: beside the data dir, `<data-dir>.erasures.jsonl`).
        #[arg(long, env = "LANYARD_ERASURE_JOURNAL", global = true)]
        erasure_journal: Option<PathBuf>,
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an account with a password read from standard input (or asked for twice on
    /// a terminal): at least 12 characters and not a common one.
    #[command(alias = "create-organiser")]
    CreateUser {
        #[arg(long)]
        email: String,
        /// organiser, photographer or admin.
        #[arg(long, default_value = "organiser")]
        role: String,
    },
    /// End an account's password and sessions and print a new one-time invitation link
    /// (valid 7 days) for its owner to set a new password.
    Reset {
        email: String,
        /// The address people reach the server at, for the link.
        #[arg(
            long,
            env = "LANYARD_PUBLIC_URL",
            default_value = "http://127.0.0.1:3000"
        )]
        public_url: String,
    },
    /// Disable an account: every session of it ends at once.
    Disable { email: String },
    /// Enable a disabled account again.
    Enable { email: String },
    /// List accounts (id, role, email, status). The listing is written to the audit log.
    ListUsers,
    /// Recompute the audit log's hash chain; fails naming the first broken row. With
    /// --since-backup FILE: also that the live chain extends the head that backup holds.
    VerifyAudit {
        #[arg(long, value_name = "FILE")]
        since_backup: Option<PathBuf>,
        /// An age identity file (AGE-SECRET-KEY-1…) that opens the backup.
        #[arg(long, value_name = "FILE")]
        identity: Vec<PathBuf>,
        /// The backup's passphrase: the first line of standard input.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Write one encrypted backup of the database and the photos (safe while the server
    /// runs): to public keys (--recipient, --recipient-file) or a passphrase.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// An age public key (age1…); repeatable.
        #[arg(long = "recipient", value_name = "AGE1…")]
        recipients: Vec<String>,
        /// An age recipients file (one public key a line, # comments).
        #[arg(long, value_name = "FILE")]
        recipient_file: Option<PathBuf>,
        /// Encrypt with a passphrase: the first line of standard input.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Restore a backup into the data dir (stop the server first). Refuses a data dir
    /// that is not empty unless --force (its old content is then kept beside it).
    Restore {
        file: PathBuf,
        /// An age identity file (AGE-SECRET-KEY-1…) that opens the backup.
        #[arg(long, value_name = "FILE")]
        identity: Vec<PathBuf>,
        /// The backup's passphrase: the first line of standard input.
        #[arg(long)]
        passphrase_stdin: bool,
        #[arg(long)]
        force: bool,
    },
    /// Purge every event whose retention period has passed (the server also does this at
    /// start-up and hourly). With --dry-run: list what would go and when, delete nothing.
    Purge {
        #[arg(long)]
        dry_run: bool,
    },
}

/// A refusal of the account functions in plain English, for the terminal.
fn refused(e: app::domain::consent::RegisterError) -> anyhow::Error {
    use app::domain::consent::RegisterError;
    use app::domain::StoreError;
    let api = match e {
        RegisterError::Store(StoreError::NotFound) => {
            return anyhow::anyhow!("there is no account with that email address")
        }
        RegisterError::Store(e @ StoreError::Conflict(_)) => app::types::ApiError::from(e),
        RegisterError::Store(other) => return other.into(),
        RegisterError::Invalid(b) => app::types::ApiError::BadInput(b),
        RegisterError::RateLimited => app::types::ApiError::RateLimited,
        RegisterError::Forbidden => app::types::ApiError::Forbidden,
    };
    anyhow::anyhow!(
        "{}",
        app::components::errors::error_text_in(app::i18n::Locale::en, &api)
    )
}

/// Errors go to stderr as one line (`Error: what: why`), never with a backtrace, even
/// when `RUST_BACKTRACE` is set: a refused restore says one sentence (issue 17 point 6).
fn main() -> std::process::ExitCode {
    match start() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn start() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = parse_args();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(cli))
}

/// The command line; two flags that exclude each other (--tls-cert and --acme-domain)
/// are refused in one line, without clap's usage block after it.
fn parse_args() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::ArgumentConflict => {
            // clap's message up to its usage block, on one line.
            let text = e.to_string();
            let what: Vec<&str> = text
                .lines()
                .map(str::trim)
                .take_while(|l| !l.starts_with("Usage:"))
                .filter(|l| !l.is_empty())
                .collect();
            eprintln!(
                "{} (--tls-cert/--tls-key use your own certificate, --acme-domain gets one from Let's Encrypt: choose one)",
                what.join(" ")
            );
            std::process::exit(2);
        }
        Err(e) => e.exit(),
    }
}

/// `https://` + the address, without the port when it is 443.
fn https_url(local: SocketAddr) -> String {
    let url = format!("https://{local}");
    url.strip_suffix(":443").map(str::to_string).unwrap_or(url)
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve {
            addr,
            data_dir,
            public_url,
            tls_cert,
            tls_key,
            acme_domains,
            acme_email,
            acme_staging,
            http_redirect,
            trusted_proxies,
            demo,
            max_photo_mb,
            erasure_journal,
            backup_dir,
            backup_every,
            backup_keep,
            backup_recipients,
            backup_recipient_file,
        } => {
            // Scheduled backups run unattended: public keys only, checked before serving.
            let schedule = match backup_dir {
                Some(dir) => {
                    let key = backup::Encryption::from_args(
                        &backup_recipients,
                        backup_recipient_file.as_slice(),
                        None,
                    )
                    .map_err(|e| match e {
                        backup::KeyError::Missing => anyhow::anyhow!(
                            "--backup-dir needs --backup-recipient or --backup-recipient-file: \
                             the server runs unattended, so backups are encrypted to a public key"
                        ),
                        e => anyhow::anyhow!("{e}"),
                    })?;
                    Some(backup::Schedule {
                        dir,
                        every: backup_every,
                        keep: backup_keep,
                        key,
                        data_dir: data_dir.clone(),
                    })
                }
                None => None,
            };
            // HTTPS (issue 18 point 1): the certificate files are read, or the ACME
            // flags checked, before anything listens; a problem is one line.
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => Some(Tls::Files(tls::server_config(&cert, &key)?)),
                _ if !acme_domains.is_empty() => Some(Tls::Acme(
                    tls::AcmeSettings::new(
                        &acme_domains,
                        acme_email.as_deref().unwrap_or_default(),
                        &data_dir,
                        acme_staging,
                    )
                    .map_err(one_line)?,
                )),
                _ => None,
            };
            if http_redirect.is_some() && tls.is_none() {
                bail!("--http-redirect sends browsers to HTTPS: it needs --tls-cert and --tls-key, or --acme-domain");
            }
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding {addr}"))?;
            let local = listener.local_addr()?;
            let redirect = match http_redirect {
                Some(a) => Some(
                    tokio::net::TcpListener::bind(a)
                        .await
                        .with_context(|| format!("binding {a} (--http-redirect)"))?,
                ),
                None => None,
            };
            let given_url = public_url.is_some();
            let base = match (public_url, &tls) {
                (Some(url), _) => url,
                (None, Some(Tls::Acme(acme))) => acme.public_url(local.port()),
                (None, Some(Tls::Files(_))) => https_url(local),
                (None, None) => format!("http://{local}"),
            };
            let base = base.trim_end_matches('/').to_string();
            let journal =
                erasure_journal.unwrap_or_else(|| DataDir(data_dir.clone()).default_journal());
            // Re-applies the erasure journal (issue 17 point 8) before anything is served.
            let mut state = open_state_with(&data_dir, &journal)
                .await
                .with_context(|| format!("opening {}", data_dir.display()))?
                .with_public_url(&base)
                .with_trusted_proxies(TrustedProxies::new(trusted_proxies))
                .with_max_photo_bytes(max_photo_mb * 1024 * 1024);
            if let Some(schedule) = schedule {
                state = state.with_backups(schedule);
            }
            let demo_login = if demo {
                app::domain::events::seed_demo(&state.store).await?
            } else {
                None
            };
            let options = leptos_options(local)?;
            spawn_session_cleanup(state.store.clone());
            // Issue 18 point 2: the rate limiters forget idle keys on a timer.
            rate_limit::spawn_sweeper(state.limiters(), rate_limit::SWEEP_EVERY);
            app::domain::photo_export::spawn_sweeper(&state);
            // Issue 15: purge what its retention period no longer allows, now and hourly.
            app::domain::retention::spawn(&state);
            // Issue 17 point 7: scheduled backups, when --backup-dir is given.
            backup::schedule::spawn(&state);
            let app = router(state, options, base.starts_with("https://"));
            println!("Lanyard is running.");
            if let Some(redirect) = redirect {
                let plain = redirect.local_addr()?;
                println!("  HTTP redirect: http://{plain} -> https");
                let target = tls::RedirectTarget {
                    // A given public URL or the ACME domain is where browsers belong;
                    // else the host they asked for, on the HTTPS port.
                    origin: (given_url || matches!(tls, Some(Tls::Acme(_)))).then(|| base.clone()),
                    https_port: local.port(),
                };
                tokio::spawn(async move {
                    if let Err(e) = tls::serve_redirect(redirect, target).await {
                        tracing::error!(error = %e, "the HTTP redirect listener stopped");
                    }
                });
            }
            if let Some(Tls::Acme(acme)) = &tls {
                println!(
                    "  Certificate: from {} for {}, kept in {}",
                    acme.directory_url,
                    acme.domains.join(", "),
                    acme.cache_dir.display()
                );
                if local.port() != 443 {
                    tracing::warn!(%local, "ACME's TLS-ALPN-01 check connects to port 443: forward it here");
                }
            }
            println!("  Kiosk:     {base}/kiosk");
            println!("  Dashboard: {base}/dashboard");
            if let Some(logins) = demo_login {
                let (o, a) = (logins.organiser, logins.admin);
                println!("  Organiser login: {} / {}", o.email, o.password);
                println!("  Admin login:     {} / {}", a.email, a.password);
            }
            tracing::info!(%local, https = tls.is_some(), "listening");
            match tls {
                Some(tls) => tls::serve_https(listener, app, tls).await?,
                None => serve(listener, app).await?,
            }
            Ok(())
        }
        Command::Admin {
            data_dir,
            erasure_journal,
            command:
                AdminCommand::Restore {
                    file,
                    identity,
                    passphrase_stdin,
                    force,
                },
        } => {
            let key =
                backup::Decryption::from_args(&identity, read_passphrase(passphrase_stdin, false)?)
                    .map_err(one_line)?;
            let journal =
                erasure_journal.unwrap_or_else(|| DataDir(data_dir.clone()).default_journal());
            let target = absolute(&data_dir);
            let done = tokio::task::spawn_blocking(move || {
                backup::restore(backup::Restore {
                    file: &file,
                    key: &key,
                    data_dir: &target,
                    journal: &journal,
                    force,
                })
            })
            .await?
            .map_err(one_line)?;
            let m = &done.manifest;
            println!(
                "restored the backup of {} into {}: {} photos, audit chain intact up to row {}",
                m.created_at,
                data_dir.display(),
                done.photos,
                m.audit_head_id
            );
            println!(
                "{} erasure journal entries newer than this backup will be re-applied when Lanyard next starts (serve or any admin command)",
                done.pending
            );
            if let Some(aside) = done.replaced {
                println!(
                    "the data dir's old content is in {}: delete it once the restore is confirmed",
                    aside.display()
                );
            }
            Ok(())
        }
        Command::Admin {
            data_dir,
            erasure_journal,
            command: AdminCommand::Purge { dry_run },
        } => {
            let today = app::domain::requests::today();
            let dir = DataDir(data_dir.clone());
            let journal = erasure_journal.unwrap_or_else(|| dir.default_journal());
            let store = dir
                .open_with_journal(&journal)
                .await
                .with_context(|| format!("opening {}", data_dir.display()))?;
            if dry_run {
                let plan = app::domain::retention::plan(&store, Actor::Cli, today).await?;
                print!("{}", app::domain::retention::plan_text(&plan, today));
                return Ok(());
            }
            // The server may be running: its temp files and exports are left alone.
            let state = dir.state_of(store)?;
            let done = app::domain::retention::purge_due(&state, today).await?;
            for (event, r) in &done {
                println!(
                    "event row {event}: stages {:?}, {} attendee records wiped, {} photos deleted, {} archived",
                    r.stages,
                    r.attendees,
                    r.photos_deleted.len(),
                    r.photos_archived
                );
            }
            println!("purged {} event(s)", done.len());
            Ok(())
        }
        Command::Admin {
            data_dir,
            erasure_journal,
            command,
        } => {
            let dir = DataDir(data_dir.clone());
            let journal = erasure_journal.unwrap_or_else(|| dir.default_journal());
            let store = dir
                .open_with_journal(&journal)
                .await
                .with_context(|| format!("opening {}", data_dir.display()))?;
            // The account commands share the browser's domain functions (issue 16).
            let state = app::domain::AppState::new(store.clone());
            match command {
                AdminCommand::CreateUser { email, role } => {
                    let role = Role::parse(&role)
                        .context("role must be organiser, photographer or admin")?;
                    let password = read_password()?;
                    let id =
                        accounts::create_with_password(&state, Actor::Cli, &email, role, password)
                            .await
                            .map_err(refused)?;
                    println!("created {} account {id}", role.as_str());
                }
                AdminCommand::Reset { email, public_url } => {
                    let state = state.with_public_url(&public_url);
                    let user = accounts::by_email(&state, &email).await.map_err(refused)?;
                    let link = accounts::reset(&state, Actor::Cli, user.id)
                        .await
                        .map_err(refused)?;
                    println!(
                        "The password of account {} no longer works and its sessions ended.",
                        user.id
                    );
                    println!("Invitation link (one use, until {}):", link.expires_at);
                    println!("{}", link.url);
                }
                AdminCommand::Disable { email } => {
                    let user = accounts::by_email(&state, &email).await.map_err(refused)?;
                    accounts::set_disabled(&state, Actor::Cli, user.id, true)
                        .await
                        .map_err(refused)?;
                    println!("disabled account {}; its sessions ended", user.id);
                }
                AdminCommand::Enable { email } => {
                    let user = accounts::by_email(&state, &email).await.map_err(refused)?;
                    accounts::set_disabled(&state, Actor::Cli, user.id, false)
                        .await
                        .map_err(refused)?;
                    println!("enabled account {}", user.id);
                }
                AdminCommand::ListUsers => {
                    for u in store.list_users(Actor::Cli).await? {
                        let status = match u.status {
                            AccountStatus::Active => "active",
                            AccountStatus::Invited => "invited",
                            AccountStatus::Disabled => "disabled",
                        };
                        println!("{}\t{}\t{}\t{status}", u.id, u.role.as_str(), u.email);
                    }
                }
                AdminCommand::VerifyAudit {
                    since_backup: None, ..
                } => match store.verify_audit().await? {
                    Ok(n) => println!("audit chain intact: {n} rows"),
                    Err(b) => bail!("audit chain broken: {b}"),
                },
                AdminCommand::VerifyAudit {
                    since_backup: Some(file),
                    identity,
                    passphrase_stdin,
                } => {
                    let key = backup::Decryption::from_args(
                        &identity,
                        read_passphrase(passphrase_stdin, false)?,
                    )
                    .map_err(one_line)?;
                    let (m, n) = backup::verify_since(&store, &file, &key)
                        .await
                        .map_err(one_line)?;
                    println!(
                        "the live audit chain extends the backup of {} (row {}) and is intact: {n} rows",
                        m.created_at, m.audit_head_id
                    );
                }
                AdminCommand::Backup {
                    out,
                    recipients,
                    recipient_file,
                    passphrase_stdin,
                } => {
                    let key = backup::Encryption::from_args(
                        &recipients,
                        recipient_file.as_slice(),
                        read_passphrase(passphrase_stdin, true)?,
                    )
                    .map_err(one_line)?;
                    let state = dir.state_of(store.clone())?;
                    let made = backup::create(&state, Actor::Cli, "cli", &data_dir, &out, &key)
                        .await
                        .map_err(one_line)?;
                    println!(
                        "backup written: {} ({} bytes, {} photos, audit chain up to row {})",
                        made.file.display(),
                        made.bytes,
                        made.photos,
                        made.manifest.audit_head_id
                    );
                    if made.missing > 0 {
                        println!(
                            "{} photo(s) were deleted while the backup was made: the erasure journal in it says so",
                            made.missing
                        );
                    }
                }
                AdminCommand::Purge { .. } | AdminCommand::Restore { .. } => {
                    unreachable!("handled above")
                }
            }
            Ok(())
        }
    }
}

/// An error as one line for the terminal (no "Caused by" chain).
fn one_line(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

/// The path as an absolute one (the current directory before a relative one).
fn absolute(p: &std::path::Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A backup's passphrase when `--passphrase-stdin` was given: the first line of
/// standard input (on a terminal asked without echo, twice when it is a new one).
fn read_passphrase(
    wanted: bool,
    new: bool,
) -> anyhow::Result<Option<app::domain::backup::keys::SecretPassphrase>> {
    if !wanted {
        return Ok(None);
    }
    let line = if std::io::stdin().is_terminal() {
        let a = rpassword::prompt_password("Passphrase: ")?;
        if new && rpassword::prompt_password("Repeat the passphrase: ")? != a {
            bail!("the passphrases differ");
        }
        a
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line
    };
    Ok(Some(backup::passphrase(&line).map_err(one_line)?))
}

/// From a terminal: asked twice, not echoed. Otherwise: the first line of stdin.
fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let a = rpassword::prompt_password("Password: ")?;
        let b = rpassword::prompt_password("Repeat the password: ")?;
        if a != b {
            bail!("the passwords differ");
        }
        Ok(a)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}
