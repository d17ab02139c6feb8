//! A table of categories (people or data): each one's name as the row's heading, then
//! what it covers.

use crate::i18n::*;
use crate::types::RecordItem;
use leptos::prelude::*;

#[component]
pub(super) fn Items(items: Vec<RecordItem>, labelled_by: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="record-items" aria-labelledby=labelled_by>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, ropa.col_category)}</th>
                        <th scope="col">{t!(i18n, ropa.col_details)}</th>
                    </tr>
                </thead>
                <tbody>
                    {items
                        .into_iter()
                        .map(|it| view! {
                            <tr>
                                <th scope="row">{it.label}</th>
                                <td>{it.detail}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
