//! The kiosk tablet: pairing with an event, then the attendee's registration (issue 12
//! point 3: the attendee-facing screens offer nothing about pairing and no sign-in;
//! staff unpair a tablet at `/kiosk/staff`).
//!
//! Registration at a paired kiosk (requirements 1-9): welcome → notice → fields →
//! under 18? → photo choice → guardian (minor + green) → confirm → badge and private
//! code. Everything lives in signals on this one page: no navigation, no browser
//! storage. "Done" or the idle timeout forgets the attendee and returns to welcome.
//!
//! One component per file under `kiosk/`: `flow_loader` loads the event, `flow` keeps
//! the attendee's draft and the server's answers (`state`) and shows one step at a
//! time, each step its own component (`welcome`, `checkin`, `withdraw`, `withdrawn`,
//! `notice`, `fields`, `minor`, `choice`, `guardian`, `confirm`, `done`), with the
//! buttons and message they share (`parts`).

mod checkin;
mod choice;
mod confirm;
mod done;
mod fields;
mod flow;
mod flow_loader;
mod guardian;
mod minor;
mod notice;
mod parts;
mod removal_asked;
mod state;
mod welcome;
mod withdraw;
mod withdrawn;

use crate::api::auth::whoami;
use crate::api::kiosk::PairKiosk;
use crate::components::auth::use_auth;
use crate::components::camera::QrCamera;
use crate::components::errors::ErrorText;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use crate::types::Me;
use flow_loader::KioskFlow;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Lets the flow say that the tablet may have lost its pairing (a 401, or a new
/// attendee starting): the page asks the server again and, when the tablet was revoked
/// or expired, shows the pairing screen (issue 16 point 3).
#[derive(Clone, Copy)]
pub(crate) struct KioskLink(RwSignal<u32>);

impl KioskLink {
    /// Reads the pairing again now.
    pub(crate) fn recheck(self) {
        self.0.update(|n| *n += 1);
    }

    /// Checks in the background whether this tablet is still paired; only when it is
    /// not is the pairing read again (which shows the pairing screen), so a working
    /// tablet's screen is never redrawn.
    pub(crate) fn check_still_paired(self) {
        leptos::task::spawn_local(async move {
            if let Ok(me) = whoami().await {
                if !matches!(me, Some(Me::Kiosk { .. })) {
                    self.recheck();
                }
            }
        });
    }
}

#[component]
pub fn KioskPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let pair = ServerAction::<PairKiosk>::new();
    let recheck = RwSignal::new(0u32);
    provide_context(KioskLink(recheck));
    let status = Resource::new(move || (pair.version().get(), recheck.get()), |_| whoami());
    let pairing = pair.pending();
    let scanning = RwSignal::new(false);
    // Offline (issue 18 point 6): the service worker answered with the kiosk's shell,
    // which says "not paired" because it was made without the tablet's cookie. Asked
    // again, the server cannot be reached: the tablet says so, and loads the page anew
    // when the network returns.
    let unreachable = RwSignal::new(false);
    Effect::new(move |_| crate::components::service_worker::register());
    Effect::new(move |_| {
        if let Some(Ok(None)) = status.get() {
            leptos::task::spawn_local(async move {
                if whoami().await.is_err() {
                    unreachable.set(true);
                }
            });
        }
    });
    Effect::new(move |_| {
        let back = window_event_listener(leptos::ev::online, move |_| {
            if unreachable.get_untracked() {
                let _ = window().location().reload();
            }
        });
        on_cleanup(move || back.remove());
    });
    // The `online` event can come before the server answers again (the page reloaded then
    // is the offline shell once more, and no second event comes), or not at all (a Wi-Fi
    // that stays connected while the server is away): while unreachable, ask again every
    // 5 s and load the page anew as soon as the server answers.
    Effect::new(move |_| {
        if !unreachable.get() {
            return;
        }
        let retry = set_interval_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    if whoami().await.is_ok() {
                        let _ = window().location().reload();
                    }
                });
            },
            std::time::Duration::from_secs(5),
        )
        .ok();
        on_cleanup(move || {
            if let Some(retry) = retry {
                retry.clear();
            }
        });
    });
    // A pairing address opened or scanned (`/kiosk#pair=CODE`): pair with its code, and
    // take the code out of the address bar at once.
    Effect::new(move |_| {
        let Ok(hash) = window().location().hash() else {
            return;
        };
        if let Some(code) = hash.strip_prefix(crate::types::PAIRING_FRAGMENT) {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &leptos::wasm_bindgen::JsValue::NULL,
                    "",
                    Some("/kiosk"),
                );
            }
            pair.dispatch(PairKiosk {
                code: code.to_string(),
            });
        }
    });
    // Whoever is shown the pairing screen again sees it fresh, and the header follows.
    Effect::new(move |_| {
        if let Some(Ok(None)) = status.get() {
            auth.me.set(Some(Ok(None)));
        }
    });
    // Once paired, the whole page (the header too) knows it is a kiosk at once: the
    // header's "Sign in" link must not wait for a reload.
    Effect::new(move |_| {
        if let Some(Ok(me)) = pair.value().get() {
            auth.me.set(Some(Ok(Some(me))));
        }
    });
    view! {
        <main id="main" class="page narrow kiosk">
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
                {move || {
                    if unreachable.get() {
                        return Some(view! {
                            <h1>{t!(i18n, kiosk.offline_title)}</h1>
                            <p class="lead" role="alert">{t!(i18n, kiosk.offline_help)}</p>
                        }.into_any());
                    }
                    status
                        .get()
                        .map(|r| match r {
                            Ok(Some(Me::Kiosk { .. })) => {
                                view! { <KioskFlow/> }.into_any()
                            }
                            Err(e) => view! { <ErrorText error=e/> }.into_any(),
                            Ok(_) => {
                                view! {
                                    <h1>{t!(i18n, kiosk.unpaired_title)}</h1>
                                    <p class="lead">{t!(i18n, kiosk.unpaired_help)}</p>
                                    <p>{t!(i18n, kiosk.unpair_later)}</p>
                                    <ActionForm action=pair>
                                        <TextField
                                            id="pair-code"
                                            name="code"
                                            required=true
                                            kind=FieldKind::Code
                                            label=move || t!(i18n, kiosk.code)
                                        />
                                        <button type="submit" class="primary" disabled=move || pairing.get()>
                                            {move || {
                                                if pairing.get() {
                                                    t_string!(i18n, kiosk.pairing).to_string()
                                                } else {
                                                    t_string!(i18n, kiosk.pair).to_string()
                                                }
                                            }}
                                        </button>
                                    </ActionForm>
                                    {move || {
                                        pair.value()
                                            .get()
                                            .and_then(|r| r.err())
                                            .map(|e| view! { <ErrorText error=e/> })
                                    }}
                                    <button
                                        type="button"
                                        class="secondary"
                                        aria-expanded=move || scanning.get().to_string()
                                        on:click=move |_| scanning.update(|s| *s = !*s)
                                    >
                                        {move || {
                                            if scanning.get() {
                                                t_string!(i18n, tablets.scan_stop).to_string()
                                            } else {
                                                t_string!(i18n, tablets.scan_pairing).to_string()
                                            }
                                        }}
                                    </button>
                                    <Show when=move || scanning.get()>
                                        <p class="hint">{t!(i18n, tablets.scan_help)}</p>
                                        <QrCamera
                                            on_decode=Callback::new(move |text: String| {
                                                let code = crate::types::pairing_code_in(&text).to_string();
                                                scanning.set(false);
                                                pair.dispatch(PairKiosk { code });
                                            })
                                            active=Signal::derive(move || scanning.get() && !pairing.get())
                                        />
                                    </Show>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </main>
    }
}
