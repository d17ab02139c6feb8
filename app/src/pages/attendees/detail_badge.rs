//! One attendee's badge: reprint (it opens the print dialog) and the badge image.

use crate::api::attendees::AttendeeBadge;
use crate::components::badge::BadgeView;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::AttendeeDetail;
use leptos::prelude::*;

#[component]
pub(super) fn DetailBadge(
    detail: RwSignal<AttendeeDetail>,
    event_id: crate::types::PublicId,
    /// Shared with the correction form, which offers a reprint when the name changed.
    reprint: ServerAction<AttendeeBadge>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if let Some(Ok(_)) = reprint.value().get() {
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    });
    view! {
        <section class="card" aria-labelledby="badge-title">
            <h2 id="badge-title">{t!(i18n, att.badge_title)}</h2>
            <button
                type="button"
                class="secondary"
                disabled=move || reprint.pending().get() || detail.with(|d| d.consent.is_none())
                on:click=move |_| {
                    reprint.dispatch(AttendeeBadge {
                        event_id: event_id.clone(),
                        attendee_id: detail.with_untracked(|d| d.id),
                    });
                }
            >
                {t!(i18n, att.reprint)}
            </button>
            " "
            <Show when=move || detail.with(|d| d.consent.is_some())>
                <a class="button secondary" href=move || format!("{}/badge.png", detail.with(|d| d.badge_path.clone())) target="_blank">
                    {t!(i18n, att.badge_png)}
                </a>
            </Show>
            {move || {
                reprint.value()
                    .get()
                    .map(|r| match r {
                        Ok(b) => view! { <div class="badge-print"><BadgeView badge=b/></div> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        </section>
    }
}
