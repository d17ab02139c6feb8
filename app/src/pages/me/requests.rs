//! `/me`: the request forms (photo removal, erasure, objection, restriction) in the
//! "What you can do" list.

use super::disclosure::Disclosure;
use super::state::{lang, Me};
use super::words::kind_words;
use crate::api::me::me_request;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::{MyRequestInput, RequestKind};
use leptos::prelude::*;

/// The longest message a request may carry (the server checks it too).
const MESSAGE_MAX: usize = 2000;

#[component]
pub(super) fn Requests(me: Me) -> AnyView {
    let i18n = use_i18n();
    let requests = me.memo(|d| d.requests.clone());
    let photos = me.memo(|d| d.photos.clone());
    let send = me.action(|code, request: MyRequestInput| me_request(code, request));
    // The form that sent last: its answer shows under it.
    let last_kind = RwSignal::new(None::<RequestKind>);
    let problem = RwSignal::new(None::<(RequestKind, String)>);
    let removal_msg = RwSignal::new(String::new());
    let erasure_msg = RwSignal::new(String::new());
    let objection_msg = RwSignal::new(String::new());
    let restriction_msg = RwSignal::new(String::new());
    let all_photos = RwSignal::new(true);
    let chosen = RwSignal::new(Vec::<String>::new());
    let confirm_erase = RwSignal::new(false);
    let message_of = move |kind: RequestKind| match kind {
        RequestKind::Removal => removal_msg,
        RequestKind::Erasure => erasure_msg,
        RequestKind::Objection => objection_msg,
        RequestKind::Restriction => restriction_msg,
    };

    // A request sent: its form empties.
    Effect::new(move |_| {
        if let Some(Ok(req)) = send.value().get() {
            message_of(req.kind).set(String::new());
            if req.kind == RequestKind::Removal {
                chosen.set(Vec::new());
                all_photos.set(true);
            }
            if req.kind == RequestKind::Erasure {
                confirm_erase.set(false);
            }
        }
    });

    let submit = move |kind: RequestKind| {
        problem.set(None);
        let mut photos_wanted = Vec::new();
        if kind == RequestKind::Removal && !all_photos.get_untracked() {
            let known = photos.get_untracked();
            photos_wanted = chosen
                .get_untracked()
                .into_iter()
                .filter(|id| known.iter().any(|p| &p.id == id))
                .collect();
            if photos_wanted.is_empty() && !known.is_empty() {
                problem.set(Some((kind, t_string!(i18n, me.choose_none).to_string())));
                return;
            }
        }
        last_kind.set(Some(kind));
        send.dispatch(MyRequestInput {
            kind,
            photos: photos_wanted,
            message: message_of(kind).get_untracked(),
            lang: lang(i18n),
        });
    };

    // Sending…, the error, or the confirmation with the due date, under the form.
    let feedback = move |kind: RequestKind| {
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
    };

    let message_field = move |kind: RequestKind, id: &'static str| {
        let msg = message_of(kind);
        let label = move || match kind {
            RequestKind::Removal => t_string!(i18n, me.removal_message).to_string(),
            RequestKind::Erasure => t_string!(i18n, me.erasure_message).to_string(),
            RequestKind::Objection => t_string!(i18n, me.objection_message).to_string(),
            RequestKind::Restriction => t_string!(i18n, me.restriction_message).to_string(),
        };
        let help = format!("{id}-help");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea
                    id=id
                    rows="3"
                    maxlength=MESSAGE_MAX.to_string()
                    aria-describedby=help.clone()
                    prop:value=move || msg.get()
                    on:input=move |ev| msg.set(event_target_value(&ev))
                ></textarea>
                <p id=help class="help">{t!(i18n, me.message_help)}</p>
            </div>
        }
    };

    let busy = move || send.pending().get();

    let chooser = move || {
        photos
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let n = (i + 1).to_string();
                let id = p.id.clone();
                let id2 = p.id.clone();
                view! {
                    <li>
                        <label class="me-pick">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| x != &id2);
                                        if on {
                                            c.push(id2.clone());
                                        }
                                    });
                                }
                            />
                            <img src=p.thumb alt=""/>
                            <span>{t!(i18n, me.choose_photo, n)}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };

    // The objection and the restriction: their help, a message and a button.
    let plain_request = move |kind: RequestKind,
                              id: &'static str,
                              message_id: &'static str,
                              title: Signal<String>,
                              help: AnyView,
                              submit_label: AnyView| {
        view! {
            <li>
                <Disclosure id title>
                    <p>{help}</p>
                    <form method="post" on:submit=move |ev| { ev.prevent_default(); submit(kind); }>
                        {message_field(kind, message_id)}
                        <button type="submit" class="primary" disabled=busy>{submit_label}</button>
                        {feedback(kind)}
                    </form>
                </Disclosure>
            </li>
        }
    };

    // Items of the "What you can do" list.
    view! {
        <li>
            <Disclosure id="me-removal" title=Signal::derive(move || t_string!(i18n, me.open_removal).to_string())>
                <p>{t!(i18n, me.removal_help)}</p>
                <form method="post" on:submit=move |ev| { ev.prevent_default(); submit(RequestKind::Removal); }>
                    <fieldset class="me-which">
                        <legend>{t!(i18n, me.which)}</legend>
                        <label class="check">
                            <input
                                type="radio"
                                name="me-which"
                                prop:checked=move || all_photos.get()
                                on:change=move |_| all_photos.set(true)
                            />
                            <span>{t!(i18n, me.all_photos)}</span>
                        </label>
                        // Choosing needs the thumbnails, sent only while consent is green.
                        <Show when=move || photos.with(|p| !p.is_empty())>
                            <label class="check">
                                <input
                                    type="radio"
                                    name="me-which"
                                    prop:checked=move || !all_photos.get()
                                    on:change=move |_| all_photos.set(false)
                                />
                                <span>{t!(i18n, me.chosen_photos)}</span>
                            </label>
                        </Show>
                    </fieldset>
                    <Show when=move || !all_photos.get() && photos.with(|p| !p.is_empty())>
                        <fieldset class="me-which">
                            <legend>{t!(i18n, me.choose_help)}</legend>
                            <ul class="me-photos me-picks">{chooser}</ul>
                        </fieldset>
                    </Show>
                    {message_field(RequestKind::Removal, "me-removal-message")}
                    <button type="submit" class="primary" disabled=busy>{t!(i18n, me.removal_submit)}</button>
                    {feedback(RequestKind::Removal)}
                </form>
            </Disclosure>
        </li>

        <li>
            <Disclosure id="me-erasure" title=Signal::derive(move || t_string!(i18n, me.open_erasure).to_string())>
                <p>{t!(i18n, me.erasure_help)}</p>
                <form method="post" on:submit=move |ev| {
                    ev.prevent_default();
                    if confirm_erase.get_untracked() {
                        submit(RequestKind::Erasure);
                    } else {
                        confirm_erase.set(true);
                    }
                }>
                    {message_field(RequestKind::Erasure, "me-erasure-message")}
                    <button
                        type="button"
                        class="secondary danger"
                        aria-expanded=move || confirm_erase.get().to_string()
                        aria-controls="me-erasure-confirm"
                        on:click=move |_| { problem.set(None); confirm_erase.set(true); }
                    >
                        {t!(i18n, me.erasure_start)}
                    </button>
                    <div id="me-erasure-confirm">
                        <Show when=move || confirm_erase.get()>
                            <div class="me-confirm">
                                <p role="status"><strong>{t!(i18n, me.erasure_confirm_q)}</strong></p>
                                <div class="actions">
                                    <button type="submit" class="primary danger-solid" disabled=busy>
                                        {t!(i18n, me.erasure_confirm)}
                                    </button>
                                    <button type="button" class="secondary" on:click=move |_| confirm_erase.set(false)>
                                        {t!(i18n, me.erasure_keep)}
                                    </button>
                                </div>
                            </div>
                        </Show>
                    </div>
                    {feedback(RequestKind::Erasure)}
                </form>
            </Disclosure>
        </li>

        {plain_request(
            RequestKind::Objection,
            "me-objection",
            "me-objection-message",
            Signal::derive(move || t_string!(i18n, me.open_objection).to_string()),
            t!(i18n, me.objection_help).into_any(),
            t!(i18n, me.objection_submit).into_any(),
        )}

        {plain_request(
            RequestKind::Restriction,
            "me-restriction",
            "me-restriction-message",
            Signal::derive(move || t_string!(i18n, me.open_restriction).to_string()),
            t!(i18n, me.restriction_help).into_any(),
            t!(i18n, me.restriction_submit).into_any(),
        )}
    }
    .into_any()
}
