//! A field corrected at the person's request (issue 16 point 6; requirement 17): which
//! field (only those the event collects), the new value, how the person asked, how their
//! identity was checked and why. The saved correction replaces the shown attendee; when
//! the printed name changed, the page offers to reprint the badge.

use super::detail_history::asked_words;
use crate::api::attendees::{AttendeeBadge, CorrectAttendee};
use crate::components::errors::ErrorText;
use crate::components::person_fields::field_label;
use crate::components::required_note::RequiredNote;
use crate::i18n::*;
use crate::types::{AskedBy, AttendeeDetail, CorrectionInput, Field};
use leptos::prelude::*;

#[component]
pub(super) fn DetailCorrect(
    detail: RwSignal<AttendeeDetail>,
    event_id: crate::types::PublicId,
    reprint: ServerAction<AttendeeBadge>,
) -> impl IntoView {
    let i18n = use_i18n();
    let correct = ServerAction::<CorrectAttendee>::new();
    let first = detail.with_untracked(|d| d.collected.first().copied());
    let field = RwSignal::new(first);
    let current = move |f: Option<Field>| {
        detail.with_untracked(|d| {
            f.and_then(|f| d.fields.get(f))
                .unwrap_or_default()
                .to_string()
        })
    };
    let value = RwSignal::new(current(first));
    let asked_by = RwSignal::new(AskedBy::Email);
    let identity = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let offer_reprint = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(done)) = correct.value().get() {
            detail.set(done.detail);
            offer_reprint.set(done.reprint);
            identity.set(String::new());
            reason.set(String::new());
        }
    });
    let reprint_event = event_id.clone();
    let asked_option = move |a: AskedBy| {
        let id = format!("correct-asked-{}", a.as_str());
        view! {
            <label class="check" for=id.clone()>
                <input
                    id=id.clone()
                    type="radio"
                    name="correct-asked"
                    value=a.as_str()
                    prop:checked=move || asked_by.get() == a
                    on:change=move |_| asked_by.set(a)
                />
                <span>{move || asked_words(i18n, a)}</span>
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="correct-title">
            <h2 id="correct-title">{t!(i18n, att.correct_title)}</h2>
            <p class="help">{t!(i18n, att.correct_help)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let Some(f) = field.get_untracked() else { return };
                offer_reprint.set(false);
                correct.dispatch(CorrectAttendee {
                    event_id: event_id.clone(),
                    attendee_id: detail.with_untracked(|d| d.id),
                    correction: CorrectionInput {
                        field: f,
                        value: value.get_untracked(),
                        asked_by: asked_by.get_untracked(),
                        identity_check: identity.get_untracked(),
                        reason: reason.get_untracked(),
                    },
                });
            }>
                <div class="field">
                    <label for="correct-field">{t!(i18n, att.correct_field)}</label>
                    <select
                        id="correct-field"
                        prop:value=move || field.get().map(|f| f.as_str()).unwrap_or_default()
                        on:change=move |e| {
                            let f = Field::parse(&event_target_value(&e));
                            field.set(f);
                            value.set(current(f));
                        }
                    >
                        {move || {
                            detail.with(|d| d.collected.clone())
                                .into_iter()
                                .map(|f| view! { <option value=f.as_str()>{field_label(i18n, f)}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="correct-value">{t!(i18n, att.correct_value)}</label>
                    <input
                        id="correct-value"
                        type="text"
                        prop:value=move || value.get()
                        on:input=move |e| value.set(event_target_value(&e))
                    />
                </div>
                <fieldset class="request-kinds">
                    <legend>{t!(i18n, att.correct_asked_by)}</legend>
                    {AskedBy::ALL.into_iter().map(asked_option).collect_view()}
                </fieldset>
                <RequiredNote id="correct-identity" label=move || t!(i18n, att.correct_identity) value=identity/>
                <RequiredNote id="correct-reason" label=move || t!(i18n, att.correct_reason) value=reason/>
                {move || correct.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                {move || correct.value().get().is_some_and(|r| r.is_ok()).then(|| view! {
                    <p class="ok" role="status">{t!(i18n, att.correct_saved)}</p>
                })}
                <button type="submit" class="primary" disabled=move || correct.pending().get() || field.with(Option::is_none)>
                    {t!(i18n, att.correct_save)}
                </button>
            </form>
            <Show when=move || offer_reprint.get()>
                <div class="correct-reprint" role="status">
                    <p>{t!(i18n, att.correct_reprint)}</p>
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || reprint.pending().get()
                        on:click={
                            let event_id = reprint_event.clone();
                            move |_| {
                                reprint.dispatch(AttendeeBadge {
                                    event_id: event_id.clone(),
                                    attendee_id: detail.with_untracked(|d| d.id),
                                });
                            }
                        }
                    >
                        {t!(i18n, att.reprint)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
