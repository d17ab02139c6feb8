//! A photo decision's save button, or the confirmation a final decision asks for first
//! (delete, and blur the first time).

use super::ctx::Ctx;
use super::photo_draft::PhotoDraft;
use super::warn_icon::WarnIcon;
use crate::i18n::*;
use crate::types::{PhotoDecision, RequestPhoto};
use leptos::prelude::*;

#[component]
pub(super) fn DecisionSave(
    ctx: Ctx,
    item: i64,
    n: i64,
    photo: Memo<Option<RequestPhoto>>,
    draft: PhotoDraft,
) -> impl IntoView {
    let i18n = use_i18n();
    let PhotoDraft {
        choice, confirming, ..
    } = draft;
    let save = move |confirmed: bool| draft.save(ctx, item, photo, confirmed);
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="primary"
                        disabled=move || ctx.busy() || choice.get().is_none()
                        on:click=move |_| save(false)
                    >
                        {move || t_string!(i18n, requests.save_decision, n = n).to_string()}
                    </button>
                }
            }
        >
            <div class="confirm">
                <p role="alert"><WarnIcon/> {move || if choice.get() == Some(PhotoDecision::Blur) {
                    t_string!(i18n, requests.confirm_blur, n = n).to_string()
                } else {
                    t_string!(i18n, requests.confirm_delete, n = n).to_string()
                }}</p>
                <div class="actions">
                    <button type="button" class="danger-fill" disabled=move || ctx.busy() on:click=move |_| save(true)>
                        {move || if choice.get() == Some(PhotoDecision::Blur) {
                            t_string!(i18n, requests.confirm_blur_yes, n = n).to_string()
                        } else {
                            t_string!(i18n, requests.confirm_delete_yes, n = n).to_string()
                        }}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {t!(i18n, requests.cancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
