//! Under a request form: sending…, the error, or the confirmation with the due date.

use super::request_forms::RequestForms;
use super::words::kind_words;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::RequestKind;
use leptos::prelude::*;

#[component]
pub(super) fn RequestFeedback(forms: RequestForms, kind: RequestKind) -> impl IntoView {
    let i18n = use_i18n();
    let RequestForms {
        requests,
        send,
        last_kind,
        problem,
        ..
    } = forms;
    move || {
        if let Some((k, m)) = problem.get() {
            if k == kind {
                return view! { <p class="error" role="alert">{m}</p> }.into_any();
            }
        }
        if last_kind.get() != Some(kind) {
            return ().into_any();
        }
        if send.pending().get() {
            return view! { <p class="loading" role="status">{t!(i18n, me.sending)}</p> }
                .into_any();
        }
        match send.value().get() {
            Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
            Some(Ok(req)) if req.kind == kind => {
                let due = requests.with(|list| {
                    list.iter()
                        .filter(|r| r.kind == kind)
                        .max_by(|a, b| a.received_at.cmp(&b.received_at))
                        .map(|r| r.due_on.clone())
                        .unwrap_or_default()
                });
                let kind = kind_words(i18n, kind);
                view! { <p class="ok" role="status">{t!(i18n, me.request_sent, kind, due)}</p> }
                    .into_any()
            }
            _ => ().into_any(),
        }
    }
}
