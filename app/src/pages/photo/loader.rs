//! Loads the photo named in the address and shows it, with the way back to the library.

use super::photo_view::PhotoView;
use crate::api::photos::get_photo;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub(super) fn PhotoLoader() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = Resource::new(
        move || crate::types::PublicId::from_route(params.read().get("photo")),
        get_photo,
    );
    let event = move || crate::types::PublicId::from_route(params.read().get("event"));
    view! {
        <main id="main" class="page">
            <a href=move || format!("/photos/{}", event())>{t!(i18n, ph.back_library)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, ph.loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |d| view! { <PhotoView initial=d/> }))}
            </Transition>
        </main>
    }
}
