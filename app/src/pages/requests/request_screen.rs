//! One request's screen: its title and its parts in order.

use super::closing_message::ClosingMessage;
use super::ctx::Ctx;
use super::finish::Finish;
use super::request_facts::RequestFacts;
use super::request_photos::RequestPhotos;
use super::suggestions::Suggestions;
use super::takedowns::Takedowns;
use super::trail::Trail;
use super::words::{kind_words, person_words};
use crate::i18n::*;
use crate::types::RequestView;
use leptos::prelude::*;

#[component]
pub(super) fn RequestScreen(initial: RequestView) -> AnyView {
    let i18n = use_i18n();
    let ctx = Ctx {
        view: RwSignal::new(initial),
        running: RwSignal::new(None),
        outcome: RwSignal::new(None),
    };
    let decides = move || ctx.view.with(|v| v.kind.decides_photos());
    view! {
        <h1>
            {move || {
                ctx.view
                    .with(|v| {
                        t_string!(
                            i18n,
                            requests.request_title,
                            kind = kind_words(i18n, v.kind),
                            who = person_words(i18n, &v.person, v.attendee_id)
                        )
                            .to_string()
                    })
            }}
        </h1>
        <p class="lead">{move || ctx.view.with(|v| v.event_name.clone())}</p>
        <RequestFacts ctx/>
        <Show when=decides>
            <RequestPhotos ctx/>
            <Suggestions ctx/>
            <Takedowns ctx/>
        </Show>
        <Finish ctx/>
        <ClosingMessage ctx/>
        <Trail ctx/>
    }
    .into_any()
}
