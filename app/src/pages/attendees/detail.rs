//! One attendee: their data, badge reprints, a copy of their data, a consent change and
//! a field corrected on request, the consent history with the notice versions shown and
//! the corrections made.

use super::detail_badge::DetailBadge;
use super::detail_change::DetailChange;
use super::detail_correct::DetailCorrect;
use super::detail_corrections::DetailCorrections;
use super::detail_data::DetailData;
use super::detail_export::DetailExport;
use super::detail_history::DetailHistory;
use crate::components::words::full_name;
use crate::i18n::*;
use crate::types::AttendeeDetail;
use leptos::prelude::*;

#[component]
pub(super) fn Detail(initial: AttendeeDetail, event_id: crate::types::PublicId) -> impl IntoView {
    let i18n = use_i18n();
    let detail = RwSignal::new(initial);
    // One reprint, offered on the badge card and after a correction of the printed name.
    let reprint = ServerAction::<crate::api::attendees::AttendeeBadge>::new();
    view! {
        <h1>{move || detail.with(|d| full_name(i18n, &d.fields))}</h1>
        <DetailData detail/>

        <DetailBadge detail event_id=event_id.clone() reprint/>

        <DetailExport detail event_id=event_id.clone()/>

        <DetailChange detail event_id=event_id.clone()/>

        <DetailCorrect detail event_id reprint/>

        <DetailHistory detail/>

        <DetailCorrections detail/>
    }
}
