//! One attendee: their data, badge reprints, a copy of their data, a consent change on
//! request, and the consent history with the notice versions shown.

use super::detail_badge::DetailBadge;
use super::detail_change::DetailChange;
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
    view! {
        <h1>{move || detail.with(|d| full_name(i18n, &d.fields))}</h1>
        <DetailData detail/>

        <DetailBadge detail event_id=event_id.clone()/>

        <DetailExport detail event_id=event_id.clone()/>

        <DetailChange detail event_id/>

        <DetailHistory detail/>
    }
}
