//! The backups' state on the dashboard, for admins only (issue 17 point 7; requirement
//! 24): the last good backup's time and size, the schedule, and a warning in words with
//! an icon (never colour alone) when the last attempt failed, the last good one is older
//! than twice the interval, or none was made yet. Organisers see nothing of it.

use crate::api::backup::backup_overview;
use crate::components::auth::use_auth;
use crate::components::errors::ErrorText;
use crate::components::time::short_time;
use crate::i18n::*;
use crate::types::{BackupFailure, BackupHealth, BackupStatus, Me, Role};
use leptos::prelude::*;

#[component]
pub fn BackupStatusCard() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    // One resource at the top, keyed on whether the user is an admin: a resource made
    // inside another resource's Transition does not settle reliably in Leptos 0.8.
    let status = Resource::new(
        move || {
            matches!(
                auth.me.get(),
                Some(Ok(Some(Me::User {
                    role: Role::Admin,
                    ..
                })))
            )
        },
        |admin| async move {
            if admin {
                Some(backup_overview().await)
            } else {
                None
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || {
                status
                    .get()
                    .flatten()
                    .map(|r| {
                        view! {
                            <section class="card backup-status" aria-labelledby="backup-title">
                                <h2 id="backup-title">{t!(i18n, backup.title)}</h2>
                                {match r {
                                    Ok(s) => view! { <Facts s/> }.into_any(),
                                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                                }}
                            </section>
                        }
                    })
            }}
        </Transition>
    }
}

/// Bytes as megabytes with one decimal (`12.3 MB`).
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

#[component]
fn Facts(s: BackupStatus) -> impl IntoView {
    let i18n = use_i18n();
    let every = s.every.clone().unwrap_or_default();
    let keep = s.keep.unwrap_or(0).to_string();
    let last = match (s.last_ok_at.clone(), s.last_ok_bytes) {
        (Some(at), Some(bytes)) => {
            let (at, mb) = (short_time(&at), megabytes(bytes));
            view! { <p>{move || { let (at, mb) = (at.clone(), mb.clone()); t_string!(i18n, backup.last_ok, at, mb).to_string() }}</p> }
                .into_any()
        }
        _ => view! { <p>{t!(i18n, backup.none_yet)}</p> }.into_any(),
    };
    let schedule = {
        let every = every.clone();
        if s.every.is_some() {
            view! { <p>{move || { let (every, keep) = (every.clone(), keep.clone()); t_string!(i18n, backup.every, every, keep).to_string() }}</p> }
                .into_any()
        } else {
            view! { <p class="banner info"><span aria-hidden="true">"ℹ "</span>{t!(i18n, backup.off)}</p> }.into_any()
        }
    };
    let reason = move |f: Option<BackupFailure>| match f.unwrap_or(BackupFailure::Other) {
        BackupFailure::Snapshot => t_string!(i18n, backup.reason_snapshot).to_string(),
        BackupFailure::Photos => t_string!(i18n, backup.reason_photos).to_string(),
        BackupFailure::Write => t_string!(i18n, backup.reason_write).to_string(),
        BackupFailure::NoSpace => t_string!(i18n, backup.reason_no_space).to_string(),
        BackupFailure::Other => t_string!(i18n, backup.reason_other).to_string(),
    };
    let warning = match s.health {
        BackupHealth::Failed => {
            let at = short_time(&s.failed_at.clone().unwrap_or_default());
            let failure = s.failure;
            Some(Signal::derive(move || {
                let (at, reason) = (at.clone(), reason(failure));
                t_string!(i18n, backup.failed, at, reason).to_string()
            }))
        }
        BackupHealth::Stale => Some(Signal::derive(move || {
            let every = every.clone();
            t_string!(i18n, backup.stale, every).to_string()
        })),
        BackupHealth::Never => Some(Signal::derive(move || {
            t_string!(i18n, backup.never).to_string()
        })),
        BackupHealth::Ok | BackupHealth::Off => None,
    };
    view! {
        {warning.map(|w| view! {
            <p class="banner warning" role="alert">
                <span aria-hidden="true">"⚠ "</span>
                <strong>{t!(i18n, backup.warning)}</strong>" "{w}
            </p>
        })}
        {(s.health == BackupHealth::Ok).then(|| view! {
            <p class="ok"><span aria-hidden="true">"✓ "</span>{t!(i18n, backup.ok)}</p>
        })}
        {last}
        {schedule}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_megabytes_with_one_decimal() {
        assert_eq!(megabytes(12_345_678), "12.3");
        assert_eq!(megabytes(0), "0.0");
    }
}
