//! The printed badge and the private code, then "Done".

use super::parts::done_actions;
use super::state::FlowState;
use crate::components::badge::BadgeView;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn DoneStep(flow: FlowState) -> impl IntoView {
    let FlowState { i18n, register, .. } = flow;
    move || {
        match register.value().get() {
        Some(Ok(reg)) => view! {
            <h1>{t!(i18n, kiosk.done_title)}</h1>
            <div class="badge-print">
                <BadgeView badge=reg.badge.clone()/>
            </div>
            <section class="private-code" aria-labelledby="code-title">
                <h2 id="code-title">{t!(i18n, kiosk.code_title)}</h2>
                <div class="code-qr" inner_html=reg.private_code_qr_svg.clone()></div>
                <p class="code">{code_groups(&reg.private_code)}</p>
                <p class="help">{t!(i18n, kiosk.code_help)}</p>
                <p class="help">{move || { let url = me_address(); t_string!(i18n, kiosk.code_me, url).to_string() }}</p>
            </section>
            {done_actions(flow)}
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}

/// The self-service page's full address on this site (where the private code is used),
/// e.g. `https://lanyard.example/me`; just `/me` outside the browser.
fn me_address() -> String {
    #[cfg(feature = "hydrate")]
    if let Ok(origin) = window().location().origin() {
        return format!("{origin}/me");
    }
    "/me".to_string()
}

/// The private code with a line-break opportunity after each hyphen and nowhere else,
/// so a narrow screen breaks it between groups (the CSS balances the lines) and never
/// inside one. The text stays exactly the code, for copying and reading aloud.
fn code_groups(code: &str) -> impl IntoView {
    let groups: Vec<String> = code.split_inclusive('-').map(String::from).collect();
    let last = groups.len().saturating_sub(1);
    groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| view! { <span class="code-group">{g}</span> {(i < last).then(|| view! { <wbr/> })} })
        .collect_view()
}
