//! A request photo's decision: the choice, the blur region, the reason, what is missing
//! and the save button with its confirmation.

use super::ctx::Ctx;
use super::decision_option::DecisionOption;
use super::decision_save::DecisionSave;
use super::photo_draft::{LocalProblem, PhotoDraft};
use super::region_picker::RegionPicker;
use crate::i18n::*;
use crate::types::{PhotoDecision, RequestPhoto};
use leptos::prelude::*;

#[component]
pub(super) fn PhotoDecide(
    ctx: Ctx,
    item: i64,
    n: i64,
    photo: Memo<Option<RequestPhoto>>,
    draft: PhotoDraft,
) -> impl IntoView {
    let i18n = use_i18n();
    let PhotoDraft {
        choice,
        reason,
        problem,
        ..
    } = draft;
    let legend_id = format!("request-photo-{item}-decision");
    let reason_id = format!("request-photo-{item}-reason");
    let reason_help_id = format!("request-photo-{item}-reason-help");
    let photo_id = move || {
        photo
            .with_untracked(|p| p.as_ref().and_then(|p| p.photo_id.clone()))
            .unwrap_or_default()
    };
    view! {
        <div class="request-decide">
            <fieldset class="decision-options" role="radiogroup" aria-labelledby=legend_id.clone()>
                <legend id=legend_id.clone()>{move || t_string!(i18n, requests.decide_group, n = n).to_string()}</legend>
                <DecisionOption item d=PhotoDecision::Delete draft/>
                <DecisionOption item d=PhotoDecision::Blur draft/>
                <DecisionOption item d=PhotoDecision::Keep draft/>
            </fieldset>
            <Show when=move || choice.get() == Some(PhotoDecision::Blur)>
                <RegionPicker
                    n
                    item
                    photo_id=photo_id()
                    marked=photo.with_untracked(|p| p.as_ref().is_some_and(|p| p.region.is_some()))
                    rx=draft.rx
                    ry=draft.ry
                    rw=draft.rw
                    rh=draft.rh
                    touched=draft.touched
                />
            </Show>
            <div class="field">
                <label for=reason_id.clone()>
                    {move || t_string!(i18n, requests.reason_label, n = n).to_string()}
                    <Show when=move || choice.get() == Some(PhotoDecision::Keep)>
                        " " <span class="req">{t!(i18n, kiosk.required_mark)}</span>
                    </Show>
                </label>
                <textarea
                    id=reason_id.clone()
                    rows="3"
                    aria-describedby=reason_help_id.clone()
                    aria-required=move || (choice.get() == Some(PhotoDecision::Keep)).to_string()
                    prop:value=move || reason.get()
                    on:input=move |e| reason.set(event_target_value(&e))
                ></textarea>
                <p id=reason_help_id.clone() class="help">{t!(i18n, requests.reason_help)}</p>
            </div>
            {move || {
                problem
                    .get()
                    .map(|p| {
                        let text = match p {
                            LocalProblem::Reason => t_string!(i18n, errors.err_reason_missing).to_string(),
                            LocalProblem::Region => t_string!(i18n, errors.err_region_missing).to_string(),
                        };
                        view! { <p class="error" role="alert">{text}</p> }
                    })
            }}
            <DecisionSave ctx item n photo draft/>
        </div>
    }
}
