//! The batch's progress: one bar for all the files and a row for each.

use super::upload_row::UploadRow;
use super::{Item, Status};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn UploadProgress(items: RwSignal<Vec<Item>>, busy: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || items.with(|v| v.iter().map(|i| i.size).sum::<f64>());
    let loaded = move || items.with(|v| v.iter().map(|i| i.loaded.get()).sum::<f64>());
    let finished = move || {
        items.with(|v| {
            v.iter()
                .filter(|i| {
                    !matches!(
                        i.status.get(),
                        Status::Waiting | Status::Uploading | Status::Processing
                    )
                })
                .count()
        })
    };
    let count = move |want: fn(&Status) -> bool| {
        items.with(|v| v.iter().filter(|i| want(&i.status.get())).count())
    };

    view! {
        <div class="upload-overall">
            <label for="upload-all">
                {move || {
                    let (done, all) = (finished(), items.with(|v| v.len()));
                    if busy.get() {
                        t_string!(i18n, ph.uploading_n, done = done.to_string(), total = all.to_string()).to_string()
                    } else {
                        let added = count(|s| *s == Status::Done).to_string();
                        let dup = count(|s| *s == Status::Duplicate).to_string();
                        let failed = count(|s| matches!(s, Status::Failed(_))).to_string();
                        t_string!(i18n, ph.uploads_finished, added, dup, failed).to_string()
                    }
                }}
            </label>
            <progress
                id="upload-all"
                aria-label=move || t_string!(i18n, ph.overall)
                max=move || total().max(1.0)
                value=loaded
            ></progress>
        </div>
        <ul class="upload-list">
            <For each=move || items.get() key=|i| i.key let:item>
                <UploadRow item/>
            </For>
        </ul>
    }
}
