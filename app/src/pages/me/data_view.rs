//! `/me`: the data view once the code is accepted: "forget me", then the parts.

use super::consent::ConsentSection;
use super::details::Details;
use super::disclosure::Disclosure;
use super::export::Export;
use super::photos::Photos;
use super::request_list::RequestList;
use super::requests::Requests;
use super::state::Me;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub(super) fn DataView(me: Me, on_forget: Callback<()>) -> AnyView {
    let i18n = use_i18n();
    let event = move || me.with(|d| d.event_name.clone()).unwrap_or_default();
    view! {
        <div class="me-session">
            <p class="me-event" role="status">{move || { let event = event(); t_string!(i18n, me.session, event).to_string() }}</p>
            <button type="button" class="primary" on:click=move |_| on_forget.run(())>
                {t!(i18n, me.forget)}
            </button>
            <p class="help">{t!(i18n, me.forget_help)}</p>
        </div>
        // The photo choice first, then what the attendee can do, each part opening on
        // demand (issue 12 point 6: on a phone the page was 5,000 px with every form open).
        <ConsentSection me/>
        <Photos me/>
        <section class="card" aria-labelledby="me-actions-title">
            <h2 id="me-actions-title">{t!(i18n, me.actions_title)}</h2>
            <ul class="me-actions">
                <li>
                    <Disclosure id="me-details" title=Signal::derive(move || t_string!(i18n, me.open_details).to_string())>
                        <Details me/>
                    </Disclosure>
                </li>
                <li>
                    <Disclosure id="me-export" title=Signal::derive(move || t_string!(i18n, me.open_export).to_string())>
                        <Export me/>
                    </Disclosure>
                </li>
                <Requests me/>
            </ul>
        </section>
        <RequestList me/>
    }
    .into_any()
}
