//! `/dashboard/record`: the record of processing of every event the user manages (an
//! admin: all; an organiser: their own).

use super::record_view::RecordView;
use super::{page_lang, Which};
use crate::api::record::instance_record;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn InstanceRecordPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(move || page_lang(i18n.get_locale()), instance_record);
    view! {
        <RequireManager>
            <main id="main" class="page record-page">
                <a class="no-print" href="/dashboard">{t!(i18n, settings.back)}</a>
                <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, ropa.loading)}</p> }>
                    {move || data.get().map(|r| loaded(r, |record| view! { <RecordView record which=Which::Instance/> }))}
                </Transition>
            </main>
        </RequireManager>
    }
}
