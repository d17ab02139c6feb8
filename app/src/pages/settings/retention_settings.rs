//! How long the event's data is kept (issue 15; requirement 18): attendee data, photos
//! and the optional internal archive, in days after the event's last day.

use super::inputs::{number, text_input};
use crate::i18n::*;
use crate::types::EventSettings;
use leptos::prelude::*;

#[component]
pub(super) fn RetentionSettings(s: RwSignal<EventSettings>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{t!(i18n, settings.retention)}</legend>
            <p class="hint">{t!(i18n, settings.retention_help)}</p>
            {number(s, i18n, "st-retention", |i| t_string!(i, settings.retention_days).to_string(), |x| x.retention_days, |x, v| x.retention_days = v)}
            {number(s, i18n, "st-photo-retention", |i| t_string!(i, settings.photo_retention_days).to_string(), |x| x.photo_retention_days, |x, v| x.photo_retention_days = v)}
            {number(s, i18n, "st-archive", |i| t_string!(i, settings.archive_days).to_string(), |x| x.archive_days, |x, v| x.archive_days = v)}
            {text_input(s, "st-archive-purpose", move || t_string!(i18n, settings.archive_purpose).to_string(), "text", |x| x.archive_purpose.clone(), |x, v| x.archive_purpose = v)}
        </fieldset>
    }
}
