//! One request's photos section: the list of photos, a decision card for each.

use super::ctx::Ctx;
use super::photo_card::PhotoCard;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn RequestPhotos(ctx: Ctx) -> AnyView {
    let i18n = use_i18n();
    let items = move || {
        ctx.view
            .with(|v| v.photos.iter().map(|p| p.item).collect::<Vec<_>>())
    };
    view! {
        <section class="card" aria-labelledby="request-photos-title">
            <h2 id="request-photos-title">{t!(i18n, requests.photos_title)}</h2>
            <p class="help">{t!(i18n, requests.photos_help)}</p>
            <Show when=move || ctx.view.with(|v| v.photos.is_empty())>
                <p class="empty">{t!(i18n, requests.photos_none)}</p>
            </Show>
            <ul class="request-photos">
                <For each=items key=|item| *item children=move |item| view! { <PhotoCard ctx item/> }/>
            </ul>
        </section>
    }
    .into_any()
}
