//! The notice as rendered from the saved settings, one per language, with its version
//! and hash.

use crate::i18n::*;
use crate::types::NoticeText;
use leptos::prelude::*;

#[component]
pub(super) fn NoticePreview(notices: RwSignal<Vec<NoticeText>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
    <section class="card">
        <h2>{t!(i18n, settings.notice_preview)}</h2>
        {move || {
            notices
                .get()
                .into_iter()
                .map(|n| {
                    let id = n.version.id.get();
                    // The whole SHA-256: it is the proof of which text was shown.
                    let sha = n.version.sha256.to_string();
                    view! {
                        <div class="notice" lang=n.lang.clone()>
                            {n.text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                            <p class="meta notice-proof">{t!(i18n, settings.notice_version, id, sha)}</p>
                        </div>
                    }
                })
                .collect_view()
        }}
    </section>
    }
}
