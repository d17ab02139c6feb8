//! Event settings (requirement 12): notice contents, fields, badge, kiosk behaviour.
//! Saving renders the notice again; a changed text becomes a new notice version.
//!
//! One component per file under `settings/`: the form (`settings_form`), its fieldsets
//! (`purposes`, `field_table`, `badge_settings`), the notice preview and the bound
//! inputs (`inputs`).

mod badge_settings;
mod field_table;
mod inputs;
mod invitation_box;
mod invitation_card;
mod notice_preview;
mod purposes;
mod retention_settings;
mod settings_form;

use crate::api::privacy::invitation_text;
use crate::api::settings::get_event_settings;
use crate::components::auth::RequireManager;
use crate::components::loaded::loaded;
use crate::i18n::*;
use invitation_card::InvitationCard;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use settings_form::SettingsForm;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <RequireManager>
            <SettingsPanel/>
        </RequireManager>
    }
}

#[component]
fn SettingsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let event_id = move || crate::types::PublicId::from_route(params.read().get("id"));
    let data = Resource::new(event_id, get_event_settings);
    // Counts successful saves; the invitation text is read again after each. Both
    // resources are created here, side by side: a resource created inside another
    // resource's Transition breaks hydration of a page loaded directly.
    let saved = RwSignal::new(0usize);
    let invitation = Resource::new(
        move || (event_id(), saved.get()),
        |(id, _)| invitation_text(id),
    );
    view! {
        <main id="main" class="page">
            <a href="/dashboard">{t!(i18n, settings.back)}</a>
            <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, settings.loading)}</p> }>
                {move || data.get().map(|r| loaded(r, |v| view! { <SettingsForm initial=v saved/> }))}
            </Transition>
            <InvitationCard data=invitation/>
        </main>
    }
}
