//! A consent change on the attendee's request; the saved change replaces the shown
//! attendee.

use super::decision::{decision_for, is_notice_changed, load_notices, DecisionFields};
use crate::api::attendees::ChangeConsent;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{AttendeeDetail, ConsentInput};
use leptos::prelude::*;

#[component]
pub(super) fn DetailChange(
    detail: RwSignal<AttendeeDetail>,
    event_id: crate::types::PublicId,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangeConsent>::new();
    let input = RwSignal::new(ConsentInput::default());
    let is_minor = Signal::derive(move || detail.with(|d| d.is_minor));
    let saved = RwSignal::new(false);
    // The event's current notice, shown above the choice (issue 14 point 4): loaded when
    // the form opens and again after a 409 `notice_changed`.
    let notices = RwSignal::new(Vec::new());
    {
        let event_id = event_id.clone();
        Effect::new(move |_| {
            let reload = change.value().with(is_notice_changed);
            if reload || notices.with_untracked(Vec::is_empty) {
                load_notices(event_id.clone(), notices);
            }
        });
    }
    Effect::new(move |_| {
        if let Some(Ok(d)) = change.value().get() {
            detail.set(d);
            input.update(|i| {
                *i = ConsentInput {
                    notice: i.notice.clone(),
                    ..Default::default()
                }
            });
            saved.set(true);
        }
    });
    view! {
        <section class="card" aria-labelledby="change-title">
            <h2 id="change-title">{t!(i18n, att.change_title)}</h2>
            <p class="help">{t!(i18n, att.change_help)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                saved.set(false);
                change.dispatch(ChangeConsent {
                    event_id: event_id.clone(),
                    attendee_id: detail.with_untracked(|d| d.id),
                    consent: decision_for(&input.get_untracked(), is_minor.get_untracked()),
                });
            }>
                <DecisionFields input is_minor notices/>
                {move || change.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                {move || saved.get().then(|| view! { <p class="ok" role="status">{t!(i18n, att.change_saved)}</p> })}
                <button type="submit" class="primary" disabled=move || change.pending().get() || input.with(|i| i.choice.is_none() || i.notice.is_none())>
                    {t!(i18n, att.change_save)}
                </button>
            </form>
        </section>
    }
}
