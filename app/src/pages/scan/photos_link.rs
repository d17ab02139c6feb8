//! The link to the chosen event's photos.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn PhotosLink(event_id: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let ev = event_id.get();
        (!ev.is_empty()).then(|| {
            view! {
                <p class="scan-more">
                    <a class="button secondary" href=format!("/photos/{ev}")>{t!(i18n, scan.photos)}</a>
                </p>
            }
        })
    }
}
