//! The state one request's screen shares between its parts: the request, the action under
//! way and where each action's outcome is shown.

use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{ApiError, RequestView};
use leptos::prelude::*;
use std::future::Future;

/// Which part of the page an action belongs to, so its outcome is shown next to it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Area {
    Header,
    Photo(i64),
    Suggestions,
    Takedown(i64),
    Close,
    Erase,
}

/// The request as it now is, and the one action under way or last finished. Every
/// action answers with the fresh `RequestView`, which replaces the shown one.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub(super) view: RwSignal<RequestView>,
    pub(super) running: RwSignal<Option<Area>>,
    pub(super) outcome: RwSignal<Option<(Area, Result<(), ApiError>)>>,
}

impl Ctx {
    pub(super) fn request_id(self) -> crate::types::PublicId {
        self.view.with_untracked(|v| v.id.clone())
    }

    pub(super) fn busy(self) -> bool {
        self.running.with(|r| r.is_some())
    }

    pub(super) fn is_open(self) -> bool {
        self.view.with(|v| v.status.is_open())
    }

    pub(super) fn run<F>(self, area: Area, call: F)
    where
        F: Future<Output = Result<RequestView, ApiError>> + 'static,
    {
        self.running.set(Some(area.clone()));
        self.outcome.set(None);
        leptos::task::spawn_local(async move {
            let result = call.await;
            self.running.set(None);
            match result {
                Ok(v) => {
                    self.view.set(v);
                    self.outcome.set(Some((area, Ok(()))));
                }
                Err(e) => self.outcome.set(Some((area, Err(e)))),
            }
        });
    }

    /// "Saving…", the error, or `done` after success, for the actions of `area`.
    pub(super) fn outcome_at(
        self,
        area: Area,
        done: impl Fn() -> String + Send + Sync + 'static,
    ) -> impl IntoView {
        let i18n = use_i18n();
        let area2 = area.clone();
        view! {
            <Show when=move || self.running.with(|r| r.as_ref() == Some(&area2))>
                <p class="loading" role="status">{t!(i18n, requests.working)}</p>
            </Show>
            {move || {
                self.outcome
                    .get()
                    .filter(|(a, _)| *a == area)
                    .map(|(_, r)| match r {
                        Ok(()) => view! { <p class="ok" role="status">{done()}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
        }
    }
}
