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
mod state;
mod welcome;
mod withdraw;
mod withdrawn;

use crate::api::auth::whoami;
use crate::api::kiosk::PairKiosk;
use crate::components::auth::use_auth;
use crate::components::errors::ErrorText;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use crate::types::Me;
use flow_loader::KioskFlow;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn KioskPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let pair = ServerAction::<PairKiosk>::new();
    let status = Resource::new(move || pair.version().get(), |_| whoami());
    let pairing = pair.pending();
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
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </main>
    }
}
