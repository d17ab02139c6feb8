//! One choice of a photo's decision (delete, blur the person, keep with a reason).

use super::photo_draft::PhotoDraft;
use crate::i18n::*;
use crate::types::PhotoDecision;
use leptos::prelude::*;

/// Choosing drops a pending confirmation and the problem shown.
#[component]
pub(super) fn DecisionOption(item: i64, d: PhotoDecision, draft: PhotoDraft) -> impl IntoView {
    let i18n = use_i18n();
    let PhotoDraft {
        choice,
        confirming,
        problem,
        ..
    } = draft;
    let id = format!("request-photo-{item}-{}", d.as_str());
    let words = move || match d {
        PhotoDecision::Delete => t_string!(i18n, requests.opt_delete).to_string(),
        PhotoDecision::Blur => t_string!(i18n, requests.opt_blur).to_string(),
        PhotoDecision::Keep => t_string!(i18n, requests.opt_keep).to_string(),
    };
    view! {
        <label class="check decision-option" for=id.clone()>
            <input
                id=id.clone()
                type="radio"
                name=format!("request-photo-{item}-decision")
                value=d.as_str()
                prop:checked=move || choice.get() == Some(d)
                on:change=move |_| {
                    choice.set(Some(d));
                    confirming.set(false);
                    problem.set(None);
                }
            />
            <span>{words}</span>
        </label>
    }
}
