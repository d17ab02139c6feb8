//! The open-request form's person: by badge or by a name search, and who is chosen.

use super::attendee_search::AttendeeSearch;
use super::badge_entry::BadgeEntry;
use super::words::person_words;
use crate::i18n::*;
use leptos::prelude::*;

/// `picked` is the attendee chosen from the search (row id, name when known); `badge` the
/// typed or scanned badge.
#[component]
pub(super) fn RequestWho(
    event_id: Memo<crate::types::PublicId>,
    badge: RwSignal<String>,
    picked: RwSignal<Option<(crate::types::AttendeeId, Option<String>)>>,
    problem: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="request-who">
            <legend>{t!(i18n, requests.who_title)}</legend>
            <BadgeEntry badge=badge picked=picked/>
            <AttendeeSearch event_id=event_id badge=badge picked=picked problem=problem/>
            <p class="request-chosen" role="status">
                {move || match (picked.get(), badge.with(|b| !b.trim().is_empty())) {
                    (Some((id, name)), _) => {
                        let who = name.unwrap_or_else(|| person_words(i18n, "", id));
                        t_string!(i18n, requests.chosen_attendee, who = who).to_string()
                    }
                    (None, true) => t_string!(i18n, requests.chosen_badge).to_string(),
                    (None, false) => t_string!(i18n, requests.chosen_none).to_string(),
                }}
            </p>
            <Show when=move || picked.with(|p| p.is_some())>
                <button type="button" class="secondary" on:click=move |_| picked.set(None)>
                    {t!(i18n, requests.choose_other)}
                </button>
            </Show>
        </fieldset>
    }
}
