//! The event the scans belong to, from the events this scanner may scan for.

use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{ApiError, EventSummary};
use leptos::prelude::*;

#[component]
pub(super) fn EventPicker(
    events: OnceResource<Result<Vec<EventSummary>, ApiError>>,
    event_id: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, scan.loading)}</p> }>
            {move || {
                events.get().map(|r| match r {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{t!(i18n, scan.no_events)}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="field scan-event">
                            <label for="scan-event">{t!(i18n, scan.event)}</label>
                            <select id="scan-event" prop:value=move || event_id.get() on:change=move |ev| event_id.set(event_target_value(&ev))>
                                {list.into_iter().map(|e| view! { <option value=e.id.to_string()>{e.name.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                    }.into_any(),
                    // Reopened offline: the scans count for the event chosen before.
                    Err(ApiError::Network) => view! { <p class="hint">{t!(i18n, scan.offline_event)}</p> }.into_any(),
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                })
            }}
        </Transition>
    }
}
