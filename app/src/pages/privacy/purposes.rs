//! What the event's data is for, each purpose with its legal basis.

use crate::i18n::*;
use crate::types::Purpose;
use leptos::prelude::*;

#[component]
pub(super) fn Purposes(purposes: Vec<Purpose>) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        if purposes.is_empty() {
            return view! { <li>{t!(i18n, notice.not_set)}</li> }.into_any();
        }
        purposes
            .iter()
            .map(|p| {
                let basis = p.legal_basis.trim().to_string();
                let basis = if basis.is_empty() {
                    t_string!(i18n, notice.not_set).to_string()
                } else {
                    basis
                };
                view! {
                    <li>
                        {p.purpose.trim().to_string()} " ("
                        {t_string!(i18n, privacy.purpose_basis, basis).to_string()} ")"
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card" aria-labelledby="privacy-purposes-title">
            <h2 id="privacy-purposes-title">{t!(i18n, privacy.purposes_title)}</h2>
            <ul>{items}</ul>
        </section>
    }
}
