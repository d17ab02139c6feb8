//! One request's screen: its title and its parts in order.

use super::case_facts::CaseFacts;
use super::case_photos::CasePhotos;
use super::closing_message::ClosingMessage;
use super::ctx::Ctx;
use super::finish::Finish;
use super::suggestions::Suggestions;
use super::takedowns::Takedowns;
use super::trail::Trail;
use super::words::{kind_words, person_words};
use crate::i18n::*;
use crate::types::CaseView;
use leptos::prelude::*;

#[component]
pub(super) fn CaseScreen(initial: CaseView) -> AnyView {
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
                            cases.case_title,
                            kind = kind_words(i18n, v.kind),
                            who = person_words(i18n, &v.person, v.attendee_id)
                        )
                            .to_string()
                    })
            }}
        </h1>
        <p class="lead">{move || ctx.view.with(|v| v.event_name.clone())}</p>
        <CaseFacts ctx/>
        <Show when=decides>
            <CasePhotos ctx/>
            <Suggestions ctx/>
            <Takedowns ctx/>
        </Show>
        <Finish ctx/>
        <ClosingMessage ctx/>
        <Trail ctx/>
    }
    .into_any()
}
