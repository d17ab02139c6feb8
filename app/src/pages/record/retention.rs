//! How long the event's data is kept, and the day each part is deleted (the first day
//! after the event's last day plus the period).

use crate::i18n::*;
use crate::types::RecordRetention;
use leptos::prelude::*;

#[component]
pub(super) fn Retention(r: RecordRetention) -> impl IntoView {
    let i18n = use_i18n();
    let p = r.periods;
    let on =
        move |date: Option<String>| date.map(|date| view! { " " {t!(i18n, ropa.ret_on, date)} });
    let archive = if p.archive_days > 0 {
        let days = p.archive_days;
        let purpose = r.archive_purpose.clone();
        view! { <li>{t!(i18n, ropa.ret_archive, days, purpose)} {on(r.archive_deleted_on.clone())}</li> }.into_any()
    } else {
        view! { <li>{t!(i18n, ropa.ret_no_archive)}</li> }.into_any()
    };
    let attendee_days = p.attendee_days;
    let photo_days = p.photo_days;
    view! {
        <p>
            {match r.end.clone() {
                Some(end) => t!(i18n, ropa.ret_end, end).into_any(),
                None => t!(i18n, ropa.ret_no_end).into_any(),
            }}
        </p>
        <ul class="record-periods">
            <li>{t!(i18n, ropa.ret_attendees, days = attendee_days)} {on(r.attendees_deleted_on.clone())}</li>
            <li>{t!(i18n, ropa.ret_photos, days = photo_days)} {on(r.photos_deleted_on.clone())}</li>
            {archive}
        </ul>
        {r.purged_at.clone().map(|at| view! { <p>{t!(i18n, ropa.ret_purged, at)}</p> })}
        <p>{t!(i18n, ropa.ret_counts)}</p>
    }
}
