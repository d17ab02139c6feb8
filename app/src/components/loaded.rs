//! A loaded value or why it is missing: the arms every `Suspense`/`Transition` repeats.

use crate::components::errors::ErrorText;
use crate::types::ApiError;
use leptos::prelude::*;

/// The view of a loaded value (`ok`), or the error in words (`ErrorText`). For example
/// `data.get().map(|r| loaded(r, |v| view! { <Detail initial=v/> }))`.
pub fn loaded<T, V>(result: Result<T, ApiError>, ok: impl FnOnce(T) -> V) -> AnyView
where
    V: IntoView + 'static,
{
    match result {
        Ok(value) => ok(value).into_any(),
        Err(error) => view! { <ErrorText error/> }.into_any(),
    }
}
