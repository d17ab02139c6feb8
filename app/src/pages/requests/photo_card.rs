//! One photo of a request: its facts and the decision on it (delete, blur the person,
//! keep with a reason), with the confirmation for the final ones.

use super::ctx::{Area, Ctx};
use super::photo_decide::PhotoDecide;
use super::photo_draft::PhotoDraft;
use super::photo_facts::PhotoFacts;
use super::words::photo_label;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn PhotoCard(ctx: Ctx, item: i64) -> AnyView {
    let i18n = use_i18n();
    let photo = Memo::new(move |_| {
        ctx.view
            .with(|v| v.photos.iter().find(|p| p.item == item).cloned())
    });
    let init = photo.get_untracked();
    let label = init.as_ref().map(|p| p.label).unwrap_or_default();
    let draft = PhotoDraft::new(init.as_ref());
    let can_decide =
        move || ctx.is_open() && photo.with(|p| p.as_ref().is_some_and(|p| p.photo_id.is_some()));

    let n = label;
    let heading_id = format!("request-photo-{item}");

    view! {
        <li class="request-photo" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{move || photo_label(i18n, n)}</h3>
            <PhotoFacts photo n/>
            <Show when=can_decide>
                <PhotoDecide ctx item n photo draft/>
            </Show>
            {ctx.outcome_at(Area::Photo(item), move || t_string!(i18n, requests.decision_saved, n = n).to_string())}
        </li>
    }
    .into_any()
}
