//! The event's photographers (issue 16 point 2): who may scan, upload and tag here and
//! on which days; add one by email (an existing photographer, or a new account with an
//! invitation link to pass on), remove one (at once), or set other days.

use crate::api::photographers::{
    AddPhotographer, GetPhotographers, RemovePhotographer, SetPhotographerDays,
};
use crate::components::errors::ErrorText;
use crate::components::invitation::InvitationCard;
use crate::components::loaded::loaded;
use crate::components::text_field::{FieldKind, TextField};
use crate::components::words::status_words;
use crate::i18n::*;
use crate::types::{ApiError, Assignment, PublicId};
use leptos::prelude::*;

#[component]
pub fn PhotographersCard(event_id: PublicId) -> impl IntoView {
    let i18n = use_i18n();
    let event_id = StoredValue::new(event_id);
    let changed = RwSignal::new(0u32);
    // Read in the browser once the page is up (and after every change), not streamed
    // with the page: a second resource streamed inside the event's own broke hydration.
    let load = ServerAction::<GetPhotographers>::new();
    Effect::new(move |_| {
        changed.track();
        load.dispatch(GetPhotographers {
            event_id: event_id.get_value(),
        });
    });
    let add = ServerAction::<AddPhotographer>::new();
    let email = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            email.set(String::new());
            changed.update(|n| *n += 1);
        }
    });
    view! {
        <section class="card" aria-labelledby="photographers-title">
            <h2 id="photographers-title">{t!(i18n, staff.title)}</h2>
            <p class="help">{t!(i18n, staff.help)}</p>
            {move || match load.value().get() {
                None => view! { <p class="loading" role="status">{t!(i18n, staff.loading)}</p> }.into_any(),
                Some(r) => loaded(r, move |l| {
                    if l.photographers.is_empty() {
                        view! { <p class="empty">{t!(i18n, staff.none)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="photographers">
                                {l.photographers.into_iter().map(|a| view! {
                                    <PhotographerItem a event_id=event_id.get_value() changed/>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }),
            }}
            <form on:submit=move |ev| {
                ev.prevent_default();
                add.dispatch(AddPhotographer { event_id: event_id.get_value(), email: email.get_untracked() });
            }>
                <TextField
                    id="photographer-email"
                    kind=FieldKind::Email
                    required=true
                    value=email
                    on_input=Callback::new(move |v| email.set(v))
                    label=move || t!(i18n, staff.email)
                    help=move || t!(i18n, staff.email_help)
                />
                <button type="submit" class="primary" disabled=move || add.pending().get()>
                    {t!(i18n, staff.add)}
                </button>
            </form>
            {move || add.value().get().map(|r| match r {
                Ok(done) => match done.invitation {
                    Some(link) => view! { <InvitationCard link id_prefix="photographer"/> }.into_any(),
                    None => view! { <p class="ok" role="status">{t!(i18n, staff.added)}</p> }.into_any(),
                },
                Err(e) => view! { <ErrorText error=e/> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn PhotographerItem(a: Assignment, event_id: PublicId, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemovePhotographer>::new();
    let days = ServerAction::<SetPhotographerDays>::new();
    let from = RwSignal::new(a.from.clone().unwrap_or_default());
    let until = RwSignal::new(a.until.clone().unwrap_or_default());
    Effect::new(move |_| {
        let done = matches!(remove.value().get(), Some(Ok(_)))
            || matches!(days.value().get(), Some(Ok(_)));
        if done {
            changed.update(|n| *n += 1);
        }
    });
    let user_id = a.user_id;
    let event_id = StoredValue::new(event_id);
    let (from_id, until_id) = (format!("ph-{user_id}-from"), format!("ph-{user_id}-until"));
    let email = StoredValue::new(a.email.clone());
    let span = match (&a.from, &a.until) {
        (Some(f), Some(u)) => format!("{f} – {u}"),
        (Some(f), None) => format!("{f} –"),
        (None, Some(u)) => format!("– {u}"),
        (None, None) => String::new(),
    };
    let custom = a.custom;
    let status = a.status;
    let error = move || -> Option<ApiError> {
        remove
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| days.value().get().and_then(|r| r.err()))
    };
    view! {
        <li class="photographer">
            <p>
                <strong>{a.email.clone()}</strong>
                " · " {move || status_words(i18n, status)}
                " · "
                {move || {
                    let span = span.clone();
                    if span.is_empty() {
                        t_string!(i18n, staff.days_open).to_string()
                    } else if custom {
                        t_string!(i18n, staff.days_custom, span).to_string()
                    } else {
                        t_string!(i18n, staff.days_event, span).to_string()
                    }
                }}
            </p>
            <div class="field-row">
                <div class="field">
                    <label for=from_id.clone()>{move || { let email = email.get_value(); t_string!(i18n, staff.first_day, email).to_string() }}</label>
                    <input id=from_id type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=until_id.clone()>{move || { let email = email.get_value(); t_string!(i18n, staff.last_day, email).to_string() }}</label>
                    <input id=until_id type="date" prop:value=move || until.get() on:input=move |ev| until.set(event_target_value(&ev))/>
                </div>
            </div>
            <button
                type="button"
                class="secondary"
                disabled=move || days.pending().get()
                on:click=move |_| {
                    days.dispatch(SetPhotographerDays { event_id: event_id.get_value(), user_id, from: from.get_untracked(), until: until.get_untracked() });
                }
            >
                {t!(i18n, staff.save_days)}
            </button>
            {custom.then(|| view! {
                <button
                    type="button"
                    class="secondary"
                    disabled=move || days.pending().get()
                    on:click=move |_| {
                        days.dispatch(SetPhotographerDays { event_id: event_id.get_value(), user_id, from: String::new(), until: String::new() });
                    }
                >
                    {t!(i18n, staff.event_days)}
                </button>
            })}
            <button
                type="button"
                class="danger"
                aria-label=move || { let email = email.get_value(); t_string!(i18n, staff.remove_label, email).to_string() }
                disabled=move || remove.pending().get()
                on:click=move |_| {
                    remove.dispatch(RemovePhotographer { event_id: event_id.get_value(), user_id });
                }
            >
                {t!(i18n, staff.remove)}
            </button>
            {move || error().map(|e| view! { <ErrorText error=e/> })}
        </li>
    }
}
