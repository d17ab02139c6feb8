//! An open request's actions: start the review, or refuse it with a reason.

use super::ctx::{Area, Ctx};
use crate::api::requests::{refuse_request, review_request};
use crate::i18n::*;
use crate::types::RequestStatus;
use leptos::prelude::*;

/// `refusing` shows the refusal form; `reason_missing` once it was sent empty.
#[component]
pub(super) fn RequestActions(
    ctx: Ctx,
    refusing: RwSignal<bool>,
    reason: RwSignal<String>,
    reason_missing: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let v = ctx.view;
    let refuse = move || {
        let r = reason.get_untracked().trim().to_string();
        if r.is_empty() {
            reason_missing.set(true);
            return;
        }
        reason_missing.set(false);
        ctx.run(Area::Header, refuse_request(ctx.request_id(), r));
    };
    view! {
        <div class="actions">
            <Show when=move || v.with(|v| v.status == RequestStatus::Received)>
                <button
                    type="button"
                    class="primary"
                    disabled=move || ctx.busy()
                    on:click=move |_| ctx.run(Area::Header, review_request(ctx.request_id()))
                >
                    {t!(i18n, requests.review)}
                </button>
            </Show>
            <button
                type="button"
                class="secondary danger"
                aria-expanded=move || refusing.get().to_string()
                aria-controls="request-refuse"
                on:click=move |_| refusing.update(|r| *r = !*r)
            >
                {t!(i18n, requests.refuse)}
            </button>
        </div>
        <Show when=move || refusing.get()>
            <form
                id="request-refuse"
                class="request-refuse"
                on:submit=move |ev| {
                    ev.prevent_default();
                    refuse();
                }
            >
                <div class="field">
                    <label for="request-refuse-reason">
                        {t!(i18n, requests.refuse_reason)} " "
                        <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                    </label>
                    <textarea
                        id="request-refuse-reason"
                        rows="3"
                        aria-required="true"
                        aria-describedby="request-refuse-help"
                        prop:value=move || reason.get()
                        on:input=move |e| reason.set(event_target_value(&e))
                    ></textarea>
                    <p id="request-refuse-help" class="help">{t!(i18n, requests.refuse_help)}</p>
                </div>
                <Show when=move || reason_missing.get()>
                    <p class="error" role="alert">{t!(i18n, errors.err_reason_missing)}</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary danger-fill" disabled=move || ctx.busy()>
                        {t!(i18n, requests.refuse_confirm)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| refusing.set(false)>
                        {t!(i18n, requests.cancel)}
                    </button>
                </div>
            </form>
        </Show>
    }
}
