//! When the event's data is deleted, the counts it keeps afterwards, and "Delete this
//! event's personal data now" with its confirmation (issue 15 points 2 and 3).

use crate::api::retention::PurgeEventNow;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{PublicId, RetentionInfo};
use leptos::prelude::*;

#[component]
pub fn RetentionCard(event_id: PublicId, info: RwSignal<RetentionInfo>) -> impl IntoView {
    let i18n = use_i18n();
    let purge = ServerAction::<PurgeEventNow>::new();
    let confirming = RwSignal::new(false);
    let understood = RwSignal::new(false);
    let event_id = StoredValue::new(event_id);
    Effect::new(move |_| {
        if let Some(Ok(i)) = purge.value().get() {
            info.set(i);
            confirming.set(false);
        }
    });
    let line = move |text: String| view! { <li>{text}</li> };
    view! {
        <section class="card" aria-labelledby="retention-title">
            <h2 id="retention-title">{t!(i18n, retention.title)}</h2>
            <ul class="retention-facts">
                {move || info.get().end.map(|date| line(t_string!(i18n, retention.end, date).to_string()))}
                {move || {
                    let i = info.get();
                    i.attendees_deleted_on.map(|date| {
                        let days = i.periods.attendee_days.to_string();
                        line(t_string!(i18n, retention.attendees_on, date, days).to_string())
                    })
                }}
                {move || {
                    let i = info.get();
                    i.photos_deleted_on.map(|date| {
                        let days = i.periods.photo_days.to_string();
                        line(t_string!(i18n, retention.photos_on, date, days).to_string())
                    })
                }}
                {move || info.get().archive_deleted_on.map(|date| line(t_string!(i18n, retention.archive_on, date).to_string()))}
            </ul>
            {move || info.get().counts.map(|c| {
                let requests = format!("{} / {} / {} / {}", c.requests_removal, c.requests_erasure, c.requests_objection, c.requests_restriction);
                view! {
                    <h3>{t!(i18n, retention.kept_title)}</h3>
                    <dl class="stats">
                        <div class="stat"><dt>{t!(i18n, ev.registered)}</dt><dd>{c.registered}</dd></div>
                        <div class="stat"><dt>{t!(i18n, ev.checked_in)}</dt><dd>{c.checked_in}</dd></div>
                        <div class="stat"><dt>{t!(i18n, ev.green)}</dt><dd>{c.green}</dd></div>
                        <div class="stat"><dt>{t!(i18n, ev.red)}</dt><dd>{c.red}</dd></div>
                        <div class="stat"><dt>{t!(i18n, ev.minors)}</dt><dd>{c.minors}</dd></div>
                        <div class="stat"><dt>{t!(i18n, retention.kept_photos)}</dt><dd>{c.photos}</dd></div>
                        <div class="stat"><dt>{t!(i18n, retention.kept_requests)}</dt><dd>{requests}</dd></div>
                    </dl>
                }
            })}
            <Show when=move || info.get().purged_at.is_none()>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="danger" on:click=move |_| { understood.set(false); confirming.set(true); }>
                            {t!(i18n, retention.delete_now)}
                        </button>
                    }
                >
                    <div class="confirm" role="group" aria-labelledby="purge-confirm-text">
                        <p id="purge-confirm-text">{t!(i18n, retention.confirm_text)}</p>
                        <label class="check">
                            <input type="checkbox" prop:checked=move || understood.get() on:change=move |ev| understood.set(event_target_checked(&ev))/>
                            {t!(i18n, retention.confirm_check)}
                        </label>
                        <button
                            type="button"
                            class="danger"
                            disabled=move || !understood.get() || purge.pending().get()
                            on:click=move |_| { purge.dispatch(PurgeEventNow { event_id: event_id.get_value() }); }
                        >
                            {move || if purge.pending().get() { t_string!(i18n, retention.deleting).to_string() } else { t_string!(i18n, retention.confirm).to_string() }}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                            {t!(i18n, retention.cancel)}
                        </button>
                    </div>
                </Show>
            </Show>
            {move || purge.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
        </section>
    }
}
