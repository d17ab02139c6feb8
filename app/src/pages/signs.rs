//! `/dashboard/events/{id}/signs`: the venue signs of one event (issue 15 point 6;
//! requirement 21), printable from the event page. An entrance poster (A4 or A3), a
//! no-photo zone sign (A4) and a folded table tent (A5 landscape), each in the event's
//! languages (the default language first, the second below), each exactly one page of
//! its paper with nothing of the app around it (`style/main.css`, "venue signs").
//! The QR code is drawn on the server; the sign is chosen by `?sign=…&size=…`.
//!
//! One component per file under `signs/`: the page (`signs_view`), the signs (`poster`
//! with `poster_text`, `zone`, `tent` with `tent_half`) and their QR code (`sign_qr`);
//! `kind` names the signs and their paper.

mod kind;
mod poster;
mod poster_text;
mod sign_qr;
mod signs_view;
mod tent;
mod tent_half;
mod zone;

use crate::api::privacy::sign_data;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use crate::types::PublicId;
use kind::Sign;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use signs_view::SignsView;

#[component]
pub fn SignsPage() -> impl IntoView {
    view! {
        <RequireManager>
            <SignsPanel/>
        </RequireManager>
    }
}

#[component]
fn SignsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let sign = Memo::new(move |_| {
        let q = query.read();
        Sign::from_query(q.get("sign").as_deref(), q.get("size").as_deref())
    });
    let id = move || PublicId::from_route(params.read().get("id"));
    let data = Resource::new(id, sign_data);
    view! {
        <main id="main" class="page">
            <a href=move || format!("/dashboard/events/{}", id())>{t!(i18n, settings.back)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, signs.loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |data| view! { <SignsView data sign/> }))}
            </Transition>
        </main>
    }
}
