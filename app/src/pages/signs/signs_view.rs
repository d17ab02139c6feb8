//! The sign chooser, how to print, the Print button and the sign itself, at its real
//! size: what the preview shows is what prints.

use super::kind::Sign;
use super::poster::Poster;
use super::tent::TableTent;
use super::zone::ZoneSign;
use crate::i18n::*;
use crate::types::SignsData;
use leptos::prelude::*;

#[component]
pub(super) fn SignsView(data: SignsData, sign: Memo<Sign>) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/dashboard/events/{}/signs", data.info.event.id);
    let name = data.info.event.name.clone();
    let data = StoredValue::new(data);
    // Text that does not fit is cut off at the paper's edge (one page, always); say so.
    let sheet = NodeRef::<leptos::html::Div>::new();
    let overflows = RwSignal::new(false);
    Effect::new(move |_| {
        sign.track();
        request_animation_frame(move || {
            let Some(el) = sheet.get_untracked() else {
                return;
            };
            let cut = [".sign", ".tent-half"].iter().any(|sel| {
                el.query_selector(sel)
                    .ok()
                    .flatten()
                    .is_some_and(|e| e.scroll_height() > e.client_height() + 1)
            });
            overflows.set(cut);
        });
    });
    let links = Sign::ALL
        .into_iter()
        .map(|s| {
            let href = format!("{base}?{}", s.query());
            view! {
                <li>
                    <a
                        class="button"
                        class:primary=move || sign.get() == s
                        class:secondary=move || sign.get() != s
                        href=href
                        aria-current=move || (sign.get() == s).then_some("page")
                    >
                        {move || s.name(i18n)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{move || t_string!(i18n, signs.title, event = name.clone()).to_string()}</h1>
        <p class="lead">{t!(i18n, signs.lead)}</p>
        <nav class="sign-choice" aria-label=move || t_string!(i18n, signs.choose)>
            <ul>{links}</ul>
        </nav>
        <p>{move || t_string!(i18n, signs.how, paper = sign.get().paper(i18n)).to_string()}</p>
        <Show when=move || sign.get() == Sign::TentA5>
            <p>{t!(i18n, signs.fold)}</p>
        </Show>
        <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>
            {t!(i18n, signs.print)}
        </button>
        <h2 class="sign-preview-title">{t!(i18n, signs.preview)} ": " {move || sign.get().name(i18n)}</h2>
        <Show when=move || overflows.get()>
            <p class="error" role="alert">{t!(i18n, signs.too_long)}</p>
        </Show>
        <div class="sign-preview">
            <div class="sign-print" node_ref=sheet>
                // The printer's page is the sign's paper, without margins.
                <style>{move || format!("@page {{ size: {}; margin: 0; }}", sign.get().page_size())}</style>
                {move || {
                    let d = data.get_value();
                    match sign.get() {
                        Sign::PosterA4 => view! { <Poster data=d size=Sign::PosterA4.size()/> }.into_any(),
                        Sign::PosterA3 => view! { <Poster data=d size=Sign::PosterA3.size()/> }.into_any(),
                        Sign::ZoneA4 => view! { <ZoneSign data=d/> }.into_any(),
                        Sign::TentA5 => view! { <TableTent data=d/> }.into_any(),
                    }
                }}
            </div>
        </div>
    }
}
