//! The paired kiosk's event (its notice, fields and settings), then the flow.

use super::flow::Flow;
use crate::api::kiosk::kiosk_event;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn KioskFlow() -> impl IntoView {
    let i18n = use_i18n();
    let event = OnceResource::new(kiosk_event());
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
            {move || event.get().map(|r| loaded(r, |ev| view! { <Flow event=ev/> }))}
        </Transition>
    }
}
