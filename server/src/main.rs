//! `lanyard`: the server and its admin commands.

use anyhow::{bail, Context};
use app::domain::accounts;
use app::domain::store::Actor;
use app::types::{AccountStatus, Role};
use clap::{Parser, Subcommand};
use lanyard_server::{leptos_options, open_state, router, serve, spawn_session_cleanup, DataDir};
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
        /// starts with https://, session cookies are marked Secure.
        #[arg(long, env = "LANYARD_PUBLIC_URL")]
        public_url: Option<String>,
        /// Create a demo organiser and event on an empty database (or give the demo
        /// organiser a fresh password) and print the login.
        #[arg(long, env = "LANYARD_DEMO")]
        demo: bool,
        /// Largest photo upload in MB (each file).
        #[arg(long, env = "LANYARD_MAX_PHOTO_MB", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=1024))]
        max_photo_mb: u64,
    },
    /// Administration on the server's own machine.
    Admin {
        /// Directory for lanyard.sqlite3 and photos/.
        #[arg(long, env = "LANYARD_DATA_DIR", default_value = "data", global = true)]
        data_dir: PathBuf,
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
    /// Recompute the audit log's hash chain; fails naming the first broken row.
    VerifyAudit,
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

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(cli))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve {
            addr,
            data_dir,
            public_url,
            demo,
            max_photo_mb,
        } => {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding {addr}"))?;
            let local = listener.local_addr()?;
            let base = public_url.unwrap_or_else(|| format!("http://{local}"));
            let base = base.trim_end_matches('/').to_string();
            let state = open_state(&data_dir)
                .await
                .with_context(|| format!("opening {}", data_dir.display()))?
                .with_public_url(&base)
                .with_max_photo_bytes(max_photo_mb * 1024 * 1024);
            let demo_login = if demo {
                app::domain::events::seed_demo(&state.store).await?
            } else {
                None
            };
            let options = leptos_options(local)?;
            spawn_session_cleanup(state.store.clone());
            app::domain::photo_export::spawn_sweeper(&state);
            // Issue 15: purge what its retention period no longer allows, now and hourly.
            app::domain::retention::spawn(&state);
            let app = router(state, options, base.starts_with("https://"));
            println!("Lanyard is running.");
            println!("  Kiosk:     {base}/kiosk");
            println!("  Dashboard: {base}/dashboard");
            if let Some(logins) = demo_login {
                let (o, a) = (logins.organiser, logins.admin);
                println!("  Organiser login: {} / {}", o.email, o.password);
                println!("  Admin login:     {} / {}", a.email, a.password);
            }
            tracing::info!(%local, "listening");
            serve(listener, app).await?;
            Ok(())
        }
        Command::Admin {
            data_dir,
            command: AdminCommand::Purge { dry_run },
        } => {
            let today = app::domain::requests::today();
            if dry_run {
                let store = DataDir(data_dir.clone())
                    .open()
                    .await
                    .with_context(|| format!("opening {}", data_dir.display()))?;
                let plan = app::domain::retention::plan(&store, Actor::Cli, today).await?;
                print!("{}", app::domain::retention::plan_text(&plan, today));
                return Ok(());
            }
            let state = open_state(&data_dir)
                .await
                .with_context(|| format!("opening {}", data_dir.display()))?;
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
        Command::Admin { data_dir, command } => {
            let store = DataDir(data_dir.clone())
                .open()
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
                AdminCommand::VerifyAudit => match store.verify_audit().await? {
                    Ok(n) => println!("audit chain intact: {n} rows"),
                    Err(b) => bail!("audit chain broken: {b}"),
                },
                AdminCommand::Purge { .. } => unreachable!("handled above"),
            }
            Ok(())
        }
    }
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
