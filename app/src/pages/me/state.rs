//! `/me`: what the page knows about the attendee, shared by its parts (the code, the data
//! shown, the calls that replace it), and the UI language the server expects.

use crate::i18n::*;
use crate::types::{ApiError, MyData};
use leptos::prelude::*;
use std::future::Future;

pub(super) type I18n = leptos_i18n::I18nContext<Locale>;

/// What the page knows about the attendee, shared by its parts.
#[derive(Clone, Copy)]
pub(super) struct Me {
    /// The private code as typed or scanned (the server normalises it).
    pub(super) code: RwSignal<String>,
    /// Set once the code is accepted; `None` shows the code entry.
    pub(super) data: RwSignal<Option<MyData>>,
    /// Bumped by "forget": answers to calls made before it are dropped.
    pub(super) session: StoredValue<u64>,
}

impl Me {
    /// Reads the shown data (`None` while the code entry shows).
    pub(super) fn with<T>(self, f: impl FnOnce(&MyData) -> T) -> Option<T> {
        self.data.with(|d| d.as_ref().map(f))
    }

    /// A part of the shown data, kept as a memo (its default while the code entry shows).
    pub(super) fn memo<T>(self, f: impl Fn(&MyData) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.with(&f).unwrap_or_default())
    }

    /// A call with the code whose answer replaces the shown data, unless the attendee
    /// was forgotten meanwhile. The action's value is the input, on success.
    pub(super) fn action<I, Fut>(
        self,
        call: impl Fn(String, I) -> Fut + Send + Sync + 'static,
    ) -> Action<I, Result<I, ApiError>>
    where
        I: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<MyData, ApiError>> + Send + 'static,
    {
        Action::new(move |input: &I| {
            let session = self.session.get_value();
            let input = input.clone();
            let answer = call(self.code.get_untracked(), input.clone());
            async move {
                let data = answer.await?;
                if self.session.try_get_value() == Some(session) {
                    self.data.try_set(Some(data));
                }
                Ok(input)
            }
        })
    }

    /// Drops the code and the data.
    pub(super) fn forget(self) {
        self.session.update_value(|s| *s += 1);
        self.data.set(None);
        self.code.set(String::new());
    }
}

/// The current UI language as the server expects it (`lv` or `en`).
pub(super) fn lang(i18n: I18n) -> String {
    i18n.get_locale_untracked().as_str().to_string()
}
