//! The event's kiosk tablets (issue 16 point 3; requirement 22): pair a new one by code
//! or by the tablet's camera, and see, rename, extend or revoke those paired.

use super::pairing_form::PairingForm;
use super::tablet_row::TabletRow;
use crate::api::kiosk::{ChangeKioskTablet, KioskTablets};
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{KioskTablet, PublicId};
use leptos::prelude::*;

#[component]
pub(super) fn TabletsCard(event_id: PublicId, tablets: Vec<KioskTablet>) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(tablets);
    let refresh = ServerAction::<KioskTablets>::new();
    let change = ServerAction::<ChangeKioskTablet>::new();
    Effect::new(move |_| {
        if let Some(Ok(v)) = refresh.value().get() {
            list.set(v);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(v)) = change.value().get() {
            list.set(v);
        }
    });
    let refresh_id = event_id.clone();
    let row_event = StoredValue::new(event_id.clone());
    view! {
        <section class="card tablets" aria-labelledby="tablets-title">
            <h2 id="tablets-title">{t!(i18n, tablets.title)}</h2>
            <p class="help">{t!(i18n, tablets.help)}</p>
            <PairingForm event_id/>
            <h3>{t!(i18n, tablets.paired_title)}</h3>
            {move || {
                change.value().get().and_then(Result::err).map(|e| view! { <ErrorText error=e/> })
            }}
            {move || {
                let rows = list.get();
                if rows.is_empty() {
                    view! { <p class="empty">{t!(i18n, tablets.none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="tablet-list">
                            {rows
                                .into_iter()
                                .map(|t| view! { <TabletRow event_id=row_event.get_value() tablet=t change/> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <button
                type="button"
                class="secondary"
                disabled=move || refresh.pending().get()
                on:click=move |_| {
                    refresh.dispatch(KioskTablets { event_id: refresh_id.clone() });
                }
            >
                {t!(i18n, tablets.refresh)}
            </button>
            {move || refresh.value().get().and_then(Result::err).map(|e| view! { <ErrorText error=e/> })}
        </section>
    }
}
