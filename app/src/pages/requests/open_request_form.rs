//! The requests list's form to open a request on someone's behalf.

use super::open_request_fields::OpenRequestFields;
use super::request_who::RequestWho;
use crate::api::requests::OpenRequest;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{NewRequest, RequestKind, RequestSubject};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// "Open a request on someone's behalf": the person by badge (typed, scanned with a
/// USB scanner that types, or with the camera) or by a name search; `?attendee=12`
/// (from the attendee page) chooses the attendee in advance.
#[component]
pub(super) fn OpenRequestForm(event_id: Memo<crate::types::PublicId>) -> AnyView {
    let i18n = use_i18n();
    let query = use_query_map();
    let preset = query
        .read_untracked()
        .get("attendee")
        .and_then(|s| crate::types::AttendeeId::parse(&s));
    let badge = RwSignal::new(String::new());
    // The attendee chosen from the search (row id, name when known).
    let picked: RwSignal<Option<(crate::types::AttendeeId, Option<String>)>> =
        RwSignal::new(preset.map(|id| (id, None)));
    let kind = RwSignal::new(RequestKind::Removal);
    let message = RwSignal::new(String::new());
    let identity = RwSignal::new(String::new());
    let lang = RwSignal::new(i18n.get_locale_untracked().as_str().to_string());
    // A problem found before sending: `person` or `identity`.
    let problem: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let open = ServerAction::<OpenRequest>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = open.value().get() {
            navigate(
                &format!(
                    "/dashboard/events/{}/requests/{id}",
                    event_id.get_untracked()
                ),
                Default::default(),
            );
        }
    });

    let subject = move || {
        picked
            .get()
            .map(|(id, _)| RequestSubject::Attendee(id))
            .or_else(|| {
                let b = badge.get().trim().to_string();
                (!b.is_empty()).then_some(RequestSubject::Badge(b))
            })
    };
    let submit = move || {
        problem.set(None);
        let Some(subject) = subject() else {
            problem.set(Some("person"));
            return;
        };
        if identity.get_untracked().trim().is_empty() {
            problem.set(Some("identity"));
            return;
        }
        open.dispatch(OpenRequest {
            event_id: event_id.get_untracked(),
            request: NewRequest {
                subject,
                kind: kind.get_untracked(),
                message: message.get_untracked().trim().to_string(),
                identity_check: identity.get_untracked().trim().to_string(),
                lang: crate::types::Lang::or_latvian(&lang.get_untracked()),
            },
        });
    };
    view! {
        <section class="card open-request" aria-labelledby="open-request-title">
            <h2 id="open-request-title">{t!(i18n, requests.open_title)}</h2>
            <p class="help">{t!(i18n, requests.open_help)}</p>
            <RequestWho event_id=event_id badge=badge picked=picked problem=problem/>

            <form
                class="request-open-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <OpenRequestFields kind=kind message=message identity=identity lang=lang/>
                {move || {
                    problem
                        .get()
                        .map(|p| {
                            let text = if p == "person" {
                                t_string!(i18n, requests.need_person).to_string()
                            } else {
                                t_string!(i18n, errors.err_identity_check).to_string()
                            };
                            view! { <p class="error" role="alert">{text}</p> }
                        })
                }}
                {move || open.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
                <Show when=move || open.pending().get()>
                    <p class="loading" role="status">{t!(i18n, requests.opening)}</p>
                </Show>
                <button type="submit" class="primary" disabled=move || open.pending().get()>
                    {t!(i18n, requests.open_submit)}
                </button>
            </form>
        </section>
    }
    .into_any()
}
