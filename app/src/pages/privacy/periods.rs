//! How long the data is kept: the periods the notice states and the purge applies, and
//! the days they end once the event's last day is known (requirement 18).

use crate::i18n::*;
use crate::types::{DeletionDates, Periods as Days};
use leptos::prelude::*;

#[component]
pub(super) fn Periods(
    periods: Days,
    archive_purpose: String,
    dates: Option<DeletionDates>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Days {
        attendee_days,
        photo_days,
        archive_days,
    } = periods;
    let archive = (archive_days > 0).then(|| {
        let purpose = if archive_purpose.is_empty() {
            None
        } else {
            Some(archive_purpose.clone())
        };
        view! {
            <li>
                {move || {
                    let purpose = purpose.clone().unwrap_or_else(|| t_string!(i18n, notice.not_set).to_string());
                    t_string!(i18n, privacy.period_archive, days = archive_days, purpose).to_string()
                }}
            </li>
        }
    });
    let dates = dates.map(|d| {
        let DeletionDates {
            end,
            attendees,
            photos,
            archive,
        } = d;
        view! {
            <ul class="deletion-dates">
                <li>{move || t_string!(i18n, privacy.end_day, date = end.clone()).to_string()}</li>
                <li>{move || t_string!(i18n, privacy.gone_attendees, date = attendees.clone()).to_string()}</li>
                <li>{move || t_string!(i18n, privacy.gone_photos, date = photos.clone()).to_string()}</li>
                {archive.map(|a| view! { <li>{move || t_string!(i18n, privacy.gone_archive, date = a.clone()).to_string()}</li> })}
            </ul>
        }
    });
    view! {
        <section class="card" aria-labelledby="privacy-periods-title">
            <h2 id="privacy-periods-title">{t!(i18n, privacy.periods_title)}</h2>
            <ul>
                <li>{move || t_string!(i18n, privacy.period_attendees, days = attendee_days).to_string()}</li>
                <li>{move || t_string!(i18n, privacy.period_photos, days = photo_days).to_string()}</li>
                {archive}
            </ul>
            <p>{t!(i18n, privacy.period_after)}</p>
            {dates}
        </section>
    }
}
