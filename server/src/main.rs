//! `lanyard`: the server and its admin commands.

use anyhow::{bail, Context};
use app::domain::store::Actor;
use app::types::Role;
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
    /// Create an account. The password is read from standard input (or asked for).
    CreateOrganiser {
        #[arg(long)]
        email: String,
        /// organiser, photographer or admin.
        #[arg(long, default_value = "organiser")]
        role: String,
    },
    /// List accounts (id, role, email). The listing is written to the audit log.
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
            if let Some(login) = demo_login {
                println!("  Organiser login: {} / {}", login.email, login.password);
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
            match command {
                AdminCommand::CreateOrganiser { email, role } => {
                    let role = Role::parse(&role)
                        .context("role must be organiser, photographer or admin")?;
                    let email = email.trim().to_lowercase();
                    if !email.contains('@') {
                        bail!("that does not look like an email address");
                    }
                    let password = read_password()?;
                    if password.chars().count() < app::domain::auth::MIN_PASSWORD_LEN {
                        bail!(
                            "the password must have at least {} characters",
                            app::domain::auth::MIN_PASSWORD_LEN
                        );
                    }
                    let hash = app::domain::auth::hash_password(&password)
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                    let id = store.create_user(Actor::Cli, email, hash, role).await?;
                    println!("created {} account {id}", role.as_str());
                }
                AdminCommand::ListUsers => {
                    for u in store.list_users(Actor::Cli).await? {
                        println!("{}\t{}\t{}", u.id, u.role.as_str(), u.email);
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
