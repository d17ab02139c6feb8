//! The technical and organisational measures Lanyard applies (the README's security
//! list, kept in step by a unit test in `domain::processing_record::measures`).

use crate::i18n::*;
use crate::types::RecordMeasure;
use leptos::prelude::*;

#[component]
pub(super) fn Measures(measures: Vec<RecordMeasure>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="record-measures">
            <h2 id="record-measures">{t!(i18n, ropa.h_measures)}</h2>
            <ul class="record-measures">
                {measures.into_iter().map(|m| view! { <li>{m.text}</li> }).collect_view()}
            </ul>
        </section>
    }
}
