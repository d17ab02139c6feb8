//! The event's settings form and the notice it renders.

use super::badge_settings::BadgeSettings;
use super::field_table::FieldTable;
use super::inputs::{checkbox, lang_box, text_input};
use super::notice_preview::NoticePreview;
use super::purposes::Purposes;
use super::retention_settings::RetentionSettings;
use crate::api::settings::SaveEventSettings;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::EventSettingsView;
use leptos::prelude::*;

#[component]
pub(super) fn SettingsForm(initial: EventSettingsView, saved: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let s = RwSignal::new(initial.settings.clone());
    let notices = RwSignal::new(initial.notices.clone());
    let event_id = initial.event.id.clone();
    let event_name = initial.event.name.clone();
    let save = ServerAction::<SaveEventSettings>::new();
    Effect::new(move |_| {
        if let Some(Ok(v)) = save.value().get() {
            s.set(v.settings);
            notices.set(v.notices);
            // The invitation text follows the saved settings: read it again.
            saved.update(|n| *n += 1);
        }
    });
    let title_event = event_name.clone();
    view! {
        <h1>{move || { let event = title_event.clone(); t_string!(i18n, settings.title, event).to_string() }}</h1>
        <form
            class="settings"
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveEventSettings { event_id: event_id.clone(), settings: s.get_untracked() });
            }
        >
            <fieldset>
                <legend>{t!(i18n, settings.languages)}</legend>
                {lang_box(s, i18n, "lv")}
                {lang_box(s, i18n, "en")}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, settings.controller)}</legend>
                {text_input(s, "st-controller-name", move || t_string!(i18n, settings.controller_name).to_string(), "text", |x| x.controller_name.clone(), |x, v| x.controller_name = v)}
                {text_input(s, "st-controller-address", move || t_string!(i18n, settings.controller_address).to_string(), "text", |x| x.controller_address.clone(), |x, v| x.controller_address = v)}
                {text_input(s, "st-controller-email", move || t_string!(i18n, settings.controller_email).to_string(), "email", |x| x.controller_email.clone(), |x, v| x.controller_email = v)}
                {text_input(s, "st-dpo", move || t_string!(i18n, settings.dpo_contact).to_string(), "text", |x| x.dpo_contact.clone(), |x, v| x.dpo_contact = v)}
                {text_input(s, "st-recipients", move || t_string!(i18n, settings.recipients).to_string(), "text", |x| x.recipients.clone(), |x, v| x.recipients = v)}
                {text_input(s, "st-policy", move || t_string!(i18n, settings.policy_url).to_string(), "url", |x| x.policy_url.clone(), |x, v| x.policy_url = v)}
                {checkbox(s, move || t_string!(i18n, settings.transfer).to_string(), |x| x.third_country_transfer, |x, v| x.third_country_transfer = v)}
            </fieldset>
            <RetentionSettings s/>
            <Purposes s/>
            <FieldTable s/>
            <BadgeSettings s/>
            {move || {
                save.value()
                    .get()
                    .map(|r| match r {
                        Ok(_) => view! { <p class="ok" role="status">{t!(i18n, settings.saved)}</p> }.into_any(),
                        Err(e) => view! { <ErrorText error=e/> }.into_any(),
                    })
            }}
            <button type="submit" class="primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t_string!(i18n, settings.saving).to_string() } else { t_string!(i18n, settings.save).to_string() }}
            </button>
        </form>
        <NoticePreview notices/>
    }
}
