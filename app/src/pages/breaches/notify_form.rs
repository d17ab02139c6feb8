//! Record a notification made (point 3): to the inspectorate (when, how, the reference
//! number) or to the people affected (when, how, how many). One made after its deadline
//! needs the reason for the delay; the server says so when it is missing.

use super::breach_detail::{Area, Ctx};
use super::note::Note;
use crate::api::breaches::notify_breach;
use crate::components::breach_words::to_in;
use crate::i18n::*;
use crate::types::{NotificationInput, NotifiedTo};
use leptos::prelude::*;

#[component]
pub(super) fn NotifyForm(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let first = ctx
        .view
        .with_untracked(|v| v.missing.first().copied())
        .unwrap_or(NotifiedTo::Inspectorate);
    let to = RwSignal::new(first);
    let at = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let count = RwSignal::new(String::new());
    let delay = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = NotificationInput {
            to: to.get_untracked(),
            at: at.get_untracked(),
            how: how.get_untracked(),
            reference: reference.get_untracked(),
            people: count.get_untracked().trim().parse().ok(),
            delay_reason: delay.get_untracked(),
        };
        let id = ctx.id();
        ctx.run(Area::Notify, notify_breach(id, n));
    };
    // A saved notification clears the form.
    Effect::new(move |_| {
        if let Some((Area::Notify, Ok(()))) = ctx.outcome.get() {
            for s in [at, how, reference, count, delay] {
                s.set(String::new());
            }
        }
    });
    let option = move |t: NotifiedTo| {
        let id = match t {
            NotifiedTo::Inspectorate => "notify-to-inspectorate",
            NotifiedTo::People => "notify-to-people",
        };
        view! {
            <label class="check" for=id>
                <input id=id type="radio" name="notify-to" prop:checked=move || to.get() == t on:change=move |_| to.set(t)/>
                <span>{move || to_in(i18n.get_locale(), t)}</span>
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="breach-notify-title">
            <h2 id="breach-notify-title">{t!(i18n, breaches.h_notify)}</h2>
            <form on:submit=submit novalidate>
                <fieldset class="breach-choices">
                    <legend>{t!(i18n, breaches.notify_to)}</legend>
                    {option(NotifiedTo::Inspectorate)}
                    {option(NotifiedTo::People)}
                </fieldset>
                <div class="field">
                    <label for="notify-at">{t!(i18n, breaches.notify_at)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span></label>
                    <input id="notify-at" type="datetime-local" aria-required="true" prop:value=move || at.get() on:input=move |e| at.set(event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="notify-how">{t!(i18n, breaches.notify_how)} " " <span class="req">{t!(i18n, kiosk.required_mark)}</span></label>
                    <input id="notify-how" type="text" aria-required="true" prop:value=move || how.get() on:input=move |e| how.set(event_target_value(&e))/>
                </div>
                {move || match to.get() {
                    NotifiedTo::Inspectorate => view! {
                        <div class="field">
                            <label for="notify-ref">{t!(i18n, breaches.notify_reference)}</label>
                            <input id="notify-ref" type="text" prop:value=move || reference.get() on:input=move |e| reference.set(event_target_value(&e))/>
                        </div>
                    }.into_any(),
                    NotifiedTo::People => view! {
                        <div class="field">
                            <label for="notify-count">{t!(i18n, breaches.notify_count)}</label>
                            <input id="notify-count" type="number" min="0" inputmode="numeric" prop:value=move || count.get() on:input=move |e| count.set(event_target_value(&e))/>
                        </div>
                    }.into_any(),
                }}
                <Note id="notify-delay" label=move || t!(i18n, breaches.notify_delay) value=delay/>
                {ctx.outcome_of(Area::Notify, move || view! { <p class="ok" role="status">{t!(i18n, breaches.notify_saved)}</p> }.into_any())}
                <button type="submit" class="primary" disabled=move || ctx.running.get().is_some()>{t!(i18n, breaches.notify_save)}</button>
            </form>
        </section>
    }
}
