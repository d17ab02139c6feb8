//! `/me`: the attendee's self-service page (issue 6; requirements 5, 8, 15, 17). With
//! the private code from their registration an attendee sees their data for the event,
//! downloads it (JSON, CSV), corrects a field, switches their photo choice either way
//! and asks for photo removal, erasure, objection or restriction.
//!
//! The code lives in a signal only: never in the address, browser storage or a cookie,
//! and it travels in POST bodies. "Done — forget me on this device" (or two minutes
//! without a touch) drops the code and everything shown, and the page returns to the
//! code entry: a shared kiosk tablet keeps nothing of the attendee.

use crate::api::me::{me_consent, me_correct, me_export, me_open, me_request};
use crate::components::badge::ConsentIcon;
use crate::components::camera::QrCamera;
use crate::components::errors::ErrorText;
use crate::components::person_fields::field_label;
use crate::components::signature::SignaturePad;
use crate::i18n::*;
use crate::pages::attendees::ConsentTag;
use crate::types::{
    ApiError, CaseStatus, Channel, Consent, ConsentInput, Field, MyData, MyRequestInput,
    RequestKind,
};
use crate::validate::looks_like_email;
use leptos::prelude::*;
use std::future::Future;

type I18n = leptos_i18n::I18nContext<Locale>;

/// Seconds without a touch or key after which the data view forgets the attendee.
const IDLE_SECS: u32 = 120;
/// The longest message a request may carry (the server checks it too).
const MESSAGE_MAX: usize = 2000;

/// What the page knows about the attendee, shared by its parts.
#[derive(Clone, Copy)]
struct Me {
    /// The private code as typed or scanned (the server normalises it).
    code: RwSignal<String>,
    /// Set once the code is accepted; `None` shows the code entry.
    data: RwSignal<Option<MyData>>,
    /// Bumped by "forget": answers to calls made before it are dropped.
    session: StoredValue<u64>,
}

impl Me {
    /// Reads the shown data (`None` while the code entry shows).
    fn with<T>(self, f: impl FnOnce(&MyData) -> T) -> Option<T> {
        self.data.with(|d| d.as_ref().map(f))
    }

    /// A call with the code whose answer replaces the shown data, unless the attendee
    /// was forgotten meanwhile. The action's value is the input, on success.
    fn action<I, Fut>(
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
    fn forget(self) {
        self.session.update_value(|s| *s += 1);
        self.data.set(None);
        self.code.set(String::new());
    }
}

/// `2026-11-23T10:15:02Z` → `2026-11-23 10:15` (the column headings say UTC).
fn short_time(s: &str) -> String {
    let b = s.as_bytes();
    if b.len() >= 16 && b[10] == b'T' && b[13] == b':' && s.is_char_boundary(16) {
        format!("{} {}", &s[..10], &s[11..16])
    } else {
        s.to_string()
    }
}

fn consent_words(i18n: I18n, c: Option<Consent>) -> String {
    match c {
        Some(Consent::Green) => t_string!(i18n, kiosk.choice_green).to_string(),
        Some(Consent::Red) => t_string!(i18n, kiosk.choice_red).to_string(),
        None => t_string!(i18n, me.consent_none).to_string(),
    }
}

fn channel_words(i18n: I18n, c: Channel) -> String {
    match c {
        Channel::Kiosk => t_string!(i18n, me.channel_kiosk).to_string(),
        Channel::Organiser => t_string!(i18n, me.channel_organiser).to_string(),
        Channel::SelfService => t_string!(i18n, me.channel_self).to_string(),
        Channel::BadgeScan => t_string!(i18n, me.channel_scan).to_string(),
    }
}

fn kind_words(i18n: I18n, k: RequestKind) -> String {
    match k {
        RequestKind::Removal => t_string!(i18n, me.kind_removal).to_string(),
        RequestKind::Erasure => t_string!(i18n, me.kind_erasure).to_string(),
        RequestKind::Objection => t_string!(i18n, me.kind_objection).to_string(),
        RequestKind::Restriction => t_string!(i18n, me.kind_restriction).to_string(),
    }
}

fn status_words(i18n: I18n, s: CaseStatus) -> String {
    match s {
        CaseStatus::Received => t_string!(i18n, me.status_received).to_string(),
        CaseStatus::InReview => t_string!(i18n, me.status_in_review).to_string(),
        CaseStatus::Done => t_string!(i18n, me.status_done).to_string(),
        CaseStatus::Refused => t_string!(i18n, me.status_refused).to_string(),
    }
}

/// The keyboard a touch screen should offer for a field.
fn input_type(f: Field) -> &'static str {
    match f {
        Field::Email => "email",
        Field::Phone => "tel",
        _ => "text",
    }
}

/// The current UI language as the server expects it (`lv` or `en`).
fn lang(i18n: I18n) -> String {
    i18n.get_locale_untracked().as_str().to_string()
}

/// Icon and words, so the colour is never the only signal.

#[component]
pub fn MePage() -> AnyView {
    let i18n = use_i18n();
    let me = Me {
        code: RwSignal::new(String::new()),
        data: RwSignal::new(None),
        session: StoredValue::new(0),
    };
    // "Your data has been cleared" after forgetting.
    let forgotten = RwSignal::new(false);
    let idle = RwSignal::new(0u32);
    let forget = move || {
        me.forget();
        idle.set(0);
        forgotten.set(true);
    };

    // Idle timeout: a kiosk tablet left with someone's data forgets them.
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                if me.data.with_untracked(Option::is_none) {
                    idle.set(0);
                    return;
                }
                let n = idle.get_untracked() + 1;
                if n >= IDLE_SECS {
                    forget();
                } else {
                    idle.set(n);
                }
            },
            std::time::Duration::from_secs(1),
        );
        on_cleanup(move || {
            if let Ok(h) = handle {
                h.clear();
            }
        });
    });

    view! {
        <main
            id="main"
            class="page me-page"
            on:pointerdown=move |_| idle.set(0)
            on:keydown=move |_| idle.set(0)
            on:input=move |_| idle.set(0)
            on:wheel=move |_| idle.set(0)
        >
            <h1>{t!(i18n, me.title)}</h1>
            <Show
                when=move || me.data.with(Option::is_some)
                fallback=move || view! { <CodeEntry me forgotten/> }
            >
                <DataView me on_forget=Callback::new(move |_: ()| forget())/>
            </Show>
        </main>
    }
    .into_any()
}

// ---------------------------------------------------------------- code entry

#[component]
fn CodeEntry(me: Me, forgotten: RwSignal<bool>) -> AnyView {
    let i18n = use_i18n();
    let scanning = RwSignal::new(false);
    let open = me.action(|code, (): ()| me_open(code));
    // An empty code is not sent (it would count as a wrong attempt).
    let missing = RwSignal::new(false);
    let submit = move || {
        forgotten.set(false);
        missing.set(me.code.with_untracked(|c| c.trim().is_empty()));
        if !missing.get_untracked() {
            open.dispatch(());
        }
    };
    view! {
        <p class="lead">{t!(i18n, me.lead)}</p>
        {move || forgotten.get().then(|| view! { <p class="ok" role="status">{t!(i18n, me.forgotten)}</p> })}
        <form
            class="me-code-form"
            method="post"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
        >
            <div class="field">
                <label for="me-code">{t!(i18n, me.code_label)}</label>
                // No `name`: even a form sent without scripts carries no code.
                <input
                    id="me-code"
                    class="code-input"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby="me-code-help"
                    prop:value=move || me.code.get()
                    on:input=move |ev| me.code.set(event_target_value(&ev))
                />
                <p id="me-code-help" class="help">{t!(i18n, me.code_help)}</p>
            </div>
            {move || open.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, me.checking)}</p> })}
            {move || missing.get().then(|| view! { <ErrorText error=ApiError::BadInput(crate::types::BadInput::CodeMissing)/> })}
            {move || open.value().get().and_then(|r| r.err()).filter(|_| !missing.get()).map(|e| view! { <ErrorText error=e/> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || open.pending().get()>
                    {t!(i18n, me.show)}
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-expanded=move || scanning.get().to_string()
                    on:click=move |_| scanning.update(|s| *s = !*s)
                >
                    {move || if scanning.get() { t_string!(i18n, me.scan_stop).to_string() } else { t_string!(i18n, me.scan).to_string() }}
                </button>
            </div>
        </form>
        <Show when=move || scanning.get()>
            <p class="help">{t!(i18n, me.scan_help)}</p>
            <QrCamera
                on_decode=Callback::new(move |text: String| {
                    let text = text.trim().to_string();
                    if !text.is_empty() && !open.pending().get_untracked() {
                        me.code.set(text);
                        scanning.set(false);
                        submit();
                    }
                })
                active=Signal::derive(move || scanning.get() && !open.pending().get())
            />
        </Show>
    }
    .into_any()
}

// ---------------------------------------------------------------- data view

#[component]
fn DataView(me: Me, on_forget: Callback<()>) -> AnyView {
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

/// A heading whose button shows or hides the part under it (`aria-expanded`). A closed
/// part stays in the page, hidden, so what was typed into it survives closing it.
#[component]
fn Disclosure(
    /// The part's id; the button controls it.
    id: &'static str,
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <h3 class="me-disclosure">
            <button
                type="button"
                class="me-disclosure-button"
                aria-expanded=move || open.get().to_string()
                aria-controls=id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {title}
            </button>
        </h3>
        <div id=id class="me-panel" hidden=move || !open.get()>
            {children()}
        </div>
    }
}

// ---------------------------------------------------------------- details

#[component]
fn Details(me: Me) -> AnyView {
    let i18n = use_i18n();
    let fields = Memo::new(move |_| me.with(|d| d.fields.clone()).unwrap_or_default());
    let editing = RwSignal::new(None::<Field>);
    let draft = RwSignal::new(String::new());
    // The field whose "Edit" button gets the focus back when its editor closes.
    let refocus = RwSignal::new(None::<Field>);
    let correct = me.action(|code, (field, value): (Field, String)| me_correct(code, field, value));
    // A malformed email, caught before sending with the server's own rule.
    let bad_email = RwSignal::new(false);
    let close = move |f: Field| {
        bad_email.set(false);
        refocus.set(Some(f));
        editing.set(None);
    };
    // A saved field closes its editor.
    Effect::new(move |_| {
        if let Some(Ok((f, _))) = correct.value().get() {
            if editing.get_untracked() == Some(f) {
                close(f);
            }
        }
    });
    let facts = move || {
        me.with(|d| (d.is_minor, d.registered_at.clone(), d.checked_in_at.clone()))
            .map(|(minor, registered, checked_in)| {
                view! {
                    <dt>{t!(i18n, me.minor)}</dt>
                    <dd>{move || if minor { t_string!(i18n, me.yes).to_string() } else { t_string!(i18n, me.no).to_string() }}</dd>
                    <dt>{t!(i18n, me.registered_at)}</dt>
                    <dd>{short_time(&registered)}</dd>
                    <dt>{t!(i18n, me.checked_in_at)}</dt>
                    <dd>
                        {match checked_in {
                            Some(t) => short_time(&t).into_any(),
                            None => t!(i18n, me.not_checked_in).into_any(),
                        }}
                    </dd>
                }
            })
    };
    let rows = move || {
        fields
            .get()
            .into_iter()
            .map(|f| {
                let field = f.field;
                let label = field_label(i18n, field);
                let label_id = format!("me-f-{}", field.as_str());
                let value = f.value.clone();
                let shown = if value.trim().is_empty() {
                    t_string!(i18n, me.empty_value).to_string()
                } else {
                    value.clone()
                };
                let is_editing = move || editing.get() == Some(field);
                let edit_view = {
                    let label = label.clone();
                    let label_id = label_id.clone();
                    move || {
                        let label = label.clone();
                        let input = NodeRef::<leptos::html::Input>::new();
                        Effect::new(move |_| {
                            if let Some(el) = input.get() {
                                let _ = el.focus();
                            }
                        });
                        view! {
                            <form
                                class="me-edit"
                                method="post"
                                novalidate
                                on:submit=move |ev| {
                                    ev.prevent_default();
                                    let value = draft.get_untracked();
                                    let bad = field == Field::Email
                                        && !value.trim().is_empty()
                                        && !looks_like_email(value.trim());
                                    bad_email.set(bad);
                                    if !bad {
                                        correct.dispatch((field, value));
                                    }
                                }
                            >
                                <input
                                    node_ref=input
                                    id=format!("me-edit-{}", field.as_str())
                                    type=input_type(field)
                                    autocomplete="off"
                                    aria-labelledby=label_id.clone()
                                    required=f.required
                                    maxlength="200"
                                    prop:value=move || draft.get()
                                    on:input=move |ev| draft.set(event_target_value(&ev))
                                />
                                <button type="submit" class="primary" disabled=move || correct.pending().get()>
                                    {move || if correct.pending().get() { t_string!(i18n, me.saving).to_string() } else { t_string!(i18n, me.save).to_string() }}
                                    <span class="visually-hidden">" " {label.clone()}</span>
                                </button>
                                <button type="button" class="secondary" on:click=move |_| { correct.clear(); close(field); }>
                                    {t!(i18n, me.cancel)}
                                    <span class="visually-hidden">" " {label.clone()}</span>
                                </button>
                            </form>
                        }
                    }
                };
                let show_view = {
                    let label = label.clone();
                    move || {
                        let value = value.clone();
                        let button = NodeRef::<leptos::html::Button>::new();
                        Effect::new(move |_| {
                            if let Some(el) = button.get() {
                                if refocus.get_untracked() == Some(field) {
                                    refocus.set(None);
                                    let _ = el.focus();
                                }
                            }
                        });
                        view! {
                            <span class="me-value">{shown.clone()}</span>
                            <button
                                node_ref=button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    correct.clear();
                                    bad_email.set(false);
                                    draft.set(value.clone());
                                    editing.set(Some(field));
                                }
                            >
                                {t!(i18n, me.edit)}
                                <span class="visually-hidden">" " {label.clone()}</span>
                            </button>
                        }
                    }
                };
                view! {
                    <dt id=label_id.clone()>
                        {label.clone()}
                        {f.required.then(|| view! { " " <span class="req">{t!(i18n, kiosk.required_mark)}</span> })}
                    </dt>
                    <dd class="me-field">
                        <Show when=is_editing fallback=show_view.clone()>
                            {edit_view.clone()}
                        </Show>
                    </dd>
                }
            })
            .collect_view()
    };
    view! {
        <div class="me-details">
            {move || fields.with(Vec::is_empty).then(|| view! { <p class="help">{t!(i18n, me.no_fields)}</p> })}
            <dl class="facts me-facts">
                {rows}
                {facts}
            </dl>
            {move || bad_email.get().then(|| view! { <p class="error" role="alert">{t!(i18n, kiosk.email_invalid)}</p> })}
            {move || correct.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || {
                correct.value().get().and_then(|r| r.ok()).map(|(f, _)| {
                    let field = field_label(i18n, f);
                    view! { <p class="ok" role="status">{t!(i18n, me.saved, field)}</p> }
                })
            }}
        </div>
    }
    .into_any()
}

// ---------------------------------------------------------------- consent

#[component]
fn ConsentSection(me: Me) -> AnyView {
    let i18n = use_i18n();
    let state = Memo::new(move |_| me.with(|d| (d.consent, d.is_minor)));
    let history = Memo::new(move |_| me.with(|d| d.history.clone()).unwrap_or_default());
    let guardian_name = RwSignal::new(String::new());
    let guardian_confirmed = RwSignal::new(false);
    let signature = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let switch = me.action(move |code, choice: Consent| {
        let minor = me.with(|d| d.is_minor).unwrap_or(false);
        let guardian = if minor && choice == Consent::Green {
            ConsentInput {
                choice: Some(choice),
                guardian_name: guardian_name.get_untracked().trim().to_string(),
                guardian_confirmed: guardian_confirmed.get_untracked(),
                signature_data_url: signature.get_untracked(),
            }
        } else {
            ConsentInput {
                choice: Some(choice),
                ..Default::default()
            }
        };
        me_consent(code, choice, guardian, lang(i18n))
    });
    // The guardian's details are not kept after they were sent.
    Effect::new(move |_| {
        if let Some(Ok(_)) = switch.value().get() {
            guardian_name.set(String::new());
            guardian_confirmed.set(false);
            signature.set(None);
        }
    });
    let to = move |choice: Consent| {
        problem.set(None);
        let minor = me.with(|d| d.is_minor).unwrap_or(false);
        if minor
            && choice == Consent::Green
            && (guardian_name.get_untracked().trim().is_empty()
                || !guardian_confirmed.get_untracked()
                || signature.get_untracked().is_none())
        {
            // As at the kiosk: name, confirmation and a drawn signature.
            problem.set(Some(t_string!(i18n, kiosk.guardian_missing).to_string()));
            return;
        }
        switch.dispatch(choice);
    };
    let to_red = move || {
        view! {
            <p class="help">{t!(i18n, me.to_red_help)}</p>
            <button type="button" class="primary" disabled=move || switch.pending().get() on:click=move |_| to(Consent::Red)>
                {t!(i18n, me.to_red)}
            </button>
        }
    };
    let controls = move || {
        let Some((consent, minor)) = state.get() else {
            return ().into_any();
        };
        let green = (consent != Some(Consent::Green)).then(|| {
            view! {
                <div class="me-switch">
                    <p class="help">{t!(i18n, me.to_green_help)}</p>
                    {minor.then(|| view! {
                        <fieldset class="guardian">
                            <legend>{t!(i18n, kiosk.guardian_title)}</legend>
                            <p class="help">{t!(i18n, me.guardian_help)}</p>
                            <div class="field">
                                <label for="me-guardian-name">{t!(i18n, kiosk.guardian_name)}</label>
                                <input
                                    id="me-guardian-name"
                                    autocomplete="off"
                                    prop:value=move || guardian_name.get()
                                    on:input=move |ev| guardian_name.set(event_target_value(&ev))
                                />
                            </div>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || guardian_confirmed.get()
                                    on:change=move |ev| guardian_confirmed.set(event_target_checked(&ev))
                                />
                                <span>{t!(i18n, kiosk.guardian_confirm)}</span>
                            </label>
                            <SignaturePad signature/>
                        </fieldset>
                    })}
                    <button type="button" class="primary" disabled=move || switch.pending().get() on:click=move |_| to(Consent::Green)>
                        {t!(i18n, me.to_green)}
                    </button>
                </div>
            }
        });
        let red = (consent != Some(Consent::Red))
            .then(|| view! { <div class="me-switch">{to_red()}</div> });
        view! { {red} {green} }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="me-consent-title">
            <h2 id="me-consent-title">{t!(i18n, me.consent_title)}</h2>
            <p class="me-consent-now">
                {t!(i18n, me.consent_now)} " "
                {move || state.get().map(|(c, _)| view! { <ConsentTag consent=c/> })}
            </p>
            {controls}
            {move || problem.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {move || switch.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || {
                switch.value().get().and_then(|r| r.ok()).map(|c| {
                    let choice = consent_words(i18n, Some(c));
                    // What the change does to the printed badge, once there is a change.
                    view! {
                        <p class="ok" role="status">{t!(i18n, me.consent_saved, choice)}</p>
                        <p class="help">{t!(i18n, me.badge_note)}</p>
                    }
                })
            }}

            // A list, not a table: it fits a phone without sideways scrolling.
            <Disclosure id="me-history" title=Signal::derive(move || t_string!(i18n, me.history_title).to_string())>
                <p class="help">{t!(i18n, me.history_help)}</p>
                <Show
                    when=move || history.with(|h| !h.is_empty())
                    fallback=move || view! { <p class="empty">{t!(i18n, me.history_empty)}</p> }
                >
                    <ol class="me-list">
                        {move || {
                            history
                                .get()
                                .into_iter()
                                .map(|h| {
                                    let guardian = h.guardian_name.clone().filter(|g| !g.is_empty());
                                    view! {
                                        <li>
                                            <dl class="facts me-list-facts">
                                                <dt>{t!(i18n, me.col_time)}</dt>
                                                <dd>{short_time(&h.at)}</dd>
                                                <dt>{t!(i18n, me.col_choice)}</dt>
                                                <dd>
                                                    <ConsentTag consent=Some(h.choice)/>
                                                    {guardian.map(|name| view! { <span class="help">{t!(i18n, me.guardian_by, name)}</span> })}
                                                </dd>
                                                <dt>{t!(i18n, me.col_channel)}</dt>
                                                <dd>{move || channel_words(i18n, h.channel)}</dd>
                                                <dt>{t!(i18n, me.col_notice)}</dt>
                                                <dd class="me-notice">
                                                    <details>
                                                        <summary>{t!(i18n, me.notice_show)}</summary>
                                                        <div class="notice">
                                                            {h.notice_text.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                                        </div>
                                                    </details>
                                                    <p class="sha">
                                                        {t!(i18n, me.notice_hash)} " "
                                                        <code>{h.notice_sha256.clone()}</code>
                                                    </p>
                                                </dd>
                                            </dl>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                </Show>
            </Disclosure>
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------- photos

#[component]
fn Photos(me: Me) -> AnyView {
    let i18n = use_i18n();
    let state = Memo::new(move |_| me.with(|d| (d.photo_count, d.consent)));
    let photos = Memo::new(move |_| me.with(|d| d.photos.clone()).unwrap_or_default());
    // The thumbnails open on demand (they can be many).
    let open = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="me-photos-title">
            <h2 id="me-photos-title">{t!(i18n, me.photos_title)}</h2>
            {move || state.get().map(|(count, consent)| {
                let shown = photos.with(|p| !p.is_empty());
                let n = count.to_string();
                view! {
                    <p class="me-photo-count">{t!(i18n, me.photo_count, n)}</p>
                    {(count == 0).then(|| view! { <p class="help">{t!(i18n, me.photos_none)}</p> })}
                    {(count > 0 && !shown && consent != Some(Consent::Green)).then(|| view! {
                        <p class="me-hidden-note">
                            <ConsentIcon consent=Consent::Red/>
                            {t!(i18n, me.photos_hidden)}
                        </p>
                    })}
                }
            })}
            <Show when=move || photos.with(|p| !p.is_empty())>
                <button
                    type="button"
                    class="secondary me-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="me-photo-list"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {t!(i18n, me.photos_show)}
                </button>
                <ul id="me-photo-list" class="me-photos" hidden=move || !open.get()>
                    {move || {
                        photos
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, p)| {
                                let n = (i + 1).to_string();
                                view! {
                                    <li>
                                        <img src=p.thumb alt=move || { let n = n.clone(); t_string!(i18n, me.photo_alt, n).to_string() }/>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------- export

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

#[component]
fn Export(me: Me) -> AnyView {
    let i18n = use_i18n();
    let export = Action::new(move |format: &Format| {
        let format = *format;
        let session = me.session.get_value();
        let code = me.code.get_untracked();
        async move { me_export(code).await.map(|e| (format, session, e)) }
    });
    // The file saved, or `Err` when the browser would not save it.
    let started = RwSignal::new(None::<Result<String, ()>>);
    Effect::new(move |_| {
        if let Some(Ok((format, session, e))) = export.value().get() {
            if me.session.try_get_value() != Some(session) {
                return;
            }
            let (name, mime, body) = match format {
                Format::Json => (
                    format!("{}.json", e.file_stem),
                    "application/json;charset=utf-8",
                    &e.json,
                ),
                Format::Csv => (
                    format!("{}.csv", e.file_stem),
                    "text/csv;charset=utf-8",
                    &e.csv,
                ),
            };
            let saved = crate::components::files::download_text(&name, mime, body);
            started.set(Some(if saved { Ok(name) } else { Err(()) }));
        }
    });
    let start = move |format: Format| {
        started.set(None);
        export.dispatch(format);
    };
    view! {
        <div class="me-export">
            <p class="help">{t!(i18n, me.export_help)}</p>
            <div class="actions">
                <button type="button" class="primary" disabled=move || export.pending().get() on:click=move |_| start(Format::Json)>
                    {t!(i18n, me.export_json)}
                </button>
                <button type="button" class="primary" disabled=move || export.pending().get() on:click=move |_| start(Format::Csv)>
                    {t!(i18n, me.export_csv)}
                </button>
            </div>
            {move || export.pending().get().then(|| view! { <p class="loading" role="status">{t!(i18n, me.exporting)}</p> })}
            {move || export.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
            {move || started.get().map(|r| match r {
                Ok(file) => view! { <p class="ok" role="status">{t!(i18n, me.exported, file)}</p> }.into_any(),
                Err(()) => view! { <p class="error" role="alert">{t!(i18n, me.export_failed)}</p> }.into_any(),
            })}
        </div>
    }
    .into_any()
}

// ---------------------------------------------------------------- requests

#[component]
fn Requests(me: Me) -> AnyView {
    let i18n = use_i18n();
    let requests = Memo::new(move |_| me.with(|d| d.requests.clone()).unwrap_or_default());
    let photos = Memo::new(move |_| me.with(|d| d.photos.clone()).unwrap_or_default());
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

        <li>
            <Disclosure id="me-objection" title=Signal::derive(move || t_string!(i18n, me.open_objection).to_string())>
                <p>{t!(i18n, me.objection_help)}</p>
                <form method="post" on:submit=move |ev| { ev.prevent_default(); submit(RequestKind::Objection); }>
                    {message_field(RequestKind::Objection, "me-objection-message")}
                    <button type="submit" class="primary" disabled=busy>{t!(i18n, me.objection_submit)}</button>
                    {feedback(RequestKind::Objection)}
                </form>
            </Disclosure>
        </li>

        <li>
            <Disclosure id="me-restriction" title=Signal::derive(move || t_string!(i18n, me.open_restriction).to_string())>
                <p>{t!(i18n, me.restriction_help)}</p>
                <form method="post" on:submit=move |ev| { ev.prevent_default(); submit(RequestKind::Restriction); }>
                    {message_field(RequestKind::Restriction, "me-restriction-message")}
                    <button type="submit" class="primary" disabled=busy>{t!(i18n, me.restriction_submit)}</button>
                    {feedback(RequestKind::Restriction)}
                </form>
            </Disclosure>
        </li>
    }
    .into_any()
}

/// The attendee's requests with their status and due date, as a list (it fits a phone).
#[component]
fn RequestList(me: Me) -> AnyView {
    let i18n = use_i18n();
    let requests = Memo::new(move |_| me.with(|d| d.requests.clone()).unwrap_or_default());
    let list = move || {
        let list = requests.get();
        if list.is_empty() {
            return view! { <p class="empty">{t!(i18n, me.requests_empty)}</p> }.into_any();
        }
        view! {
            <ol class="me-list me-requests">
                {list.into_iter().map(|r| view! {
                    <li class=format!("case-{}", r.status.as_str())>
                        <dl class="facts me-list-facts">
                            <dt>{t!(i18n, me.col_kind)}</dt>
                            <dd>{move || kind_words(i18n, r.kind)}</dd>
                            <dt>{t!(i18n, me.col_status)}</dt>
                            <dd>{move || status_words(i18n, r.status)}</dd>
                            <dt>{t!(i18n, me.col_received)}</dt>
                            <dd>{short_time(&r.received_at)}</dd>
                            <dt>{t!(i18n, me.col_due)}</dt>
                            <dd>{r.due_on.clone()}</dd>
                        </dl>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="me-requests-title">
            <h2 id="me-requests-title">{t!(i18n, me.requests_title)}</h2>
            {move || requests.with(|r| !r.is_empty()).then(|| view! { <p class="help">{t!(i18n, me.requests_help)}</p> })}
            {list}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shortened_to_minutes() {
        assert_eq!(short_time("2026-11-23T10:15:02Z"), "2026-11-23 10:15");
        assert_eq!(
            short_time("2026-11-23T10:15:02.123+00:00"),
            "2026-11-23 10:15"
        );
        assert_eq!(short_time("2026-11-23"), "2026-11-23");
        assert_eq!(short_time(""), "");
    }
}
