//! One file of the batch: its name, its progress and its status.

use super::{Item, Status};
use crate::components::errors::error_text;
use crate::i18n::*;
use crate::types::ApiError;
use leptos::prelude::*;

fn failure_text(i18n: leptos_i18n::I18nContext<Locale>, e: &ApiError) -> String {
    let reason = match e {
        ApiError::Network => t_string!(i18n, ph.e_network).to_string(),
        other => error_text(i18n, other),
    };
    t_string!(i18n, ph.st_failed, reason).to_string()
}

#[component]
pub(super) fn UploadRow(item: Item) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            <span class="upload-name">{item.name.clone()}</span>
            <progress
                aria-label=t_string!(i18n, ph.file_progress, name = item.name.clone()).to_string()
                max=item.size.max(1.0)
                value=move || item.loaded.get()
            ></progress>
            <span
                class="upload-status"
                class:error=move || matches!(item.status.get(), Status::Failed(_))
                role="status"
            >
                {move || match item.status.get() {
                    Status::Waiting => t_string!(i18n, ph.st_waiting).to_string(),
                    Status::Uploading => t_string!(i18n, ph.st_uploading).to_string(),
                    Status::Processing => t_string!(i18n, ph.st_processing).to_string(),
                    Status::Done => t_string!(i18n, ph.st_done).to_string(),
                    Status::Duplicate => t_string!(i18n, ph.st_duplicate).to_string(),
                    Status::Failed(e) => failure_text(i18n, &e),
                }}
            </span>
        </li>
    }
}
