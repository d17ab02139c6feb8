//! Registration at a paired kiosk (requirements 1-9): welcome → notice → fields →
//! under 18? → photo choice → guardian (minor + green) → confirm → badge and private
//! code. Everything lives in signals on this one page: no navigation, no browser
//! storage. "Done" or the idle timeout clears it all and returns to welcome.
//!
//! One component per file under `kiosk_flow/`: `flow` keeps the signals (`state`) and
//! shows one step at a time, each step its own component (`welcome`, `checkin`,
//! `withdraw`, `withdrawn`, `notice`, `fields`, `minor`, `choice`, `guardian`,
//! `confirm`, `done`), with the buttons and message they share (`parts`).

mod checkin;
mod choice;
mod confirm;
mod done;
mod fields;
mod flow;
mod guardian;
mod minor;
mod notice;
mod parts;
mod state;
mod welcome;
mod withdraw;
mod withdrawn;

use crate::api::kiosk::kiosk_event;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use flow::Flow;
use leptos::prelude::*;

#[component]
pub fn KioskFlow() -> impl IntoView {
    let i18n = use_i18n();
    let event = OnceResource::new(kiosk_event());
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
            {move || {
                event
                    .get()
                    .map(|r| match r {
                        Ok(ev) => view! { <Flow event=ev/> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </Transition>
    }
}
