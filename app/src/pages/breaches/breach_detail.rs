//! One breach's page: the clocks, the record, the people listed, the notifications made
//! and the form to record one, the drafted texts, a new assessment, closing, and the
//! history. Every change answers with the breach as it then stands, which replaces the
//! shown one; a change refused because someone else changed the breach meanwhile loads
//! the latest record.

use super::assess_form::AssessForm;
use super::close_form::CloseForm;
use super::drafts::Drafts;
use super::facts::Facts;
use super::history::History;
use super::notifications::Notifications;
use super::notify_form::NotifyForm;
use super::people::People;
use crate::api::breaches::get_breach;
use crate::components::breach_clock::{use_now, BreachClock};
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{ApiError, BadInput, BreachView};
use leptos::prelude::*;
use std::future::Future;

/// The form an outcome belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Area {
    Notify,
    Assess,
    Close,
}

#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub(super) view: RwSignal<BreachView>,
    pub(super) running: RwSignal<Option<Area>>,
    pub(super) outcome: RwSignal<Option<(Area, Result<(), ApiError>)>>,
}

impl Ctx {
    pub(super) fn is_open(self) -> bool {
        self.view.with(|v| v.closed.is_none())
    }

    pub(super) fn id(self) -> crate::types::PublicId {
        self.view.with_untracked(|v| v.id.clone())
    }

    pub(super) fn run<F>(self, area: Area, call: F)
    where
        F: Future<Output = Result<BreachView, ApiError>> + 'static,
    {
        self.running.set(Some(area));
        self.outcome.set(None);
        let id = self.id();
        leptos::task::spawn_local(async move {
            let result = call.await;
            match result {
                Ok(v) => {
                    self.view.set(v);
                    self.outcome.set(Some((area, Ok(()))));
                }
                Err(e) => {
                    if e == ApiError::BadInput(BadInput::BreachChanged) {
                        if let Ok(v) = get_breach(id).await {
                            self.view.set(v);
                        }
                    }
                    self.outcome.set(Some((area, Err(e))));
                }
            }
            self.running.set(None);
        });
    }

    /// The outcome of `area`'s last action: the error in words, or `saved` in a status.
    pub(super) fn outcome_of(
        self,
        area: Area,
        saved: impl Fn() -> AnyView + Copy + Send + 'static,
    ) -> impl IntoView {
        move || match self.outcome.get() {
            Some((a, Ok(()))) if a == area => Some(saved()),
            Some((a, Err(e))) if a == area => Some(view! { <ErrorText error=e/> }.into_any()),
            _ => None,
        }
    }
}

#[component]
pub(super) fn BreachDetail(initial: BreachView) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now(initial.now_unix);
    let ctx = Ctx {
        view: RwSignal::new(initial),
        running: RwSignal::new(None),
        outcome: RwSignal::new(None),
    };
    view! {
        <h1>{move || t_string!(i18n, breaches.page_title, at = ctx.view.with(|v| v.discovered.clone())).to_string()}</h1>
        {move || ctx.view.with(|v| v.closed.clone()).map(|at| view! {
            <p class="status-line" role="status">{t!(i18n, breaches.closed_at, at = at.clone())}</p>
        })}
        <section class="card" aria-labelledby="breach-clocks-title">
            <h2 id="breach-clocks-title">{t!(i18n, breaches.h_clocks)}</h2>
            {move || {
                let clocks = ctx.view.with(|v| v.clocks.clone());
                if clocks.is_empty() {
                    view! { <p>{t!(i18n, breaches.no_clocks)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="breach-clocks">
                            {clocks.into_iter().map(|c| view! { <li><BreachClock clock=c now/></li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        <Facts ctx/>
        <People ctx/>
        <Notifications ctx/>
        {move || ctx.is_open().then(|| view! { <NotifyForm ctx/> })}
        <Drafts ctx/>
        {move || ctx.is_open().then(|| view! { <AssessForm ctx/> <CloseForm ctx/> })}
        <History ctx/>
    }
}
