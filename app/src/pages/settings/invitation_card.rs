//! The invitation text (issue 15 point 5; seed 000: invitations and press releases say
//! that photos and video will be taken, what for, by whom and where to read more), in
//! each of the event's languages with the public privacy page's address, to copy. It is
//! read again after each save, so it always follows the saved settings.

use super::invitation_box::InvitationBox;
use crate::i18n::*;
use crate::types::{ApiError, Invitation};
use leptos::prelude::*;

/// Shown once the text has loaded; when the event cannot be read the settings form above
/// already says why, so the card stays away instead of repeating it.
#[component]
pub(super) fn InvitationCard(data: Resource<Result<Invitation, ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, settings.loading)}</p> }>
            {move || {
                data.get()
                    .and_then(Result::ok)
                    .map(|inv| {
                        view! {
                            <section class="card" aria-labelledby="invite-title">
                                <h2 id="invite-title">{t!(i18n, privacy.invite_title)}</h2>
                                <p class="help">{t!(i18n, privacy.invite_help)}</p>
                                <p>
                                    <a href=inv.url.clone()>{t!(i18n, privacy.page_link)}</a>
                                    " "
                                    <span class="url-text">{inv.url.clone()}</span>
                                </p>
                                {inv.texts.into_iter().map(|text| view! { <InvitationBox text/> }).collect_view()}
                            </section>
                        }
                    })
            }}
        </Transition>
    }
}
