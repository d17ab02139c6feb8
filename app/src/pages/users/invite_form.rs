//! Invite a new organiser, photographer or admin: the link is shown once, to copy.

use crate::api::accounts::InviteUser;
use crate::components::errors::ErrorText;
use crate::components::invitation::InvitationCard;
use crate::components::text_field::{FieldKind, TextField};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub(super) fn InviteForm(changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InviteUser>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = invite.value().get() {
            changed.update(|n| *n += 1);
        }
    });
    view! {
        <section class="card" aria-labelledby="invite-title">
            <h2 id="invite-title">{t!(i18n, accounts.invite_title)}</h2>
            <p class="help">{t!(i18n, accounts.invite_help)}</p>
            <ActionForm action=invite>
                <TextField
                    id="invite-email"
                    name="email"
                    kind=FieldKind::Email
                    required=true
                    label=move || t!(i18n, accounts.email)
                />
                <div class="field">
                    <label for="invite-role">{t!(i18n, accounts.col_role)}</label>
                    <select id="invite-role" name="role">
                        <option value="photographer">{t!(i18n, accounts.role_photographer)}</option>
                        <option value="organiser">{t!(i18n, accounts.role_organiser)}</option>
                        <option value="admin">{t!(i18n, accounts.role_admin)}</option>
                    </select>
                </div>
                <button type="submit" class="primary" disabled=move || invite.pending().get()>
                    {t!(i18n, accounts.invite)}
                </button>
            </ActionForm>
            {move || invite.value().get().map(|r| match r {
                Ok(link) => view! { <InvitationCard link id_prefix="invite"/> }.into_any(),
                Err(e) => view! { <ErrorText error=e/> }.into_any(),
            })}
        </section>
    }
}
