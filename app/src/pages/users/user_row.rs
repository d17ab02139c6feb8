//! One account on the admins' list, with what an admin can do to it: disable or enable
//! (disabling ends its sessions at once), reset (a new invitation link; the password and
//! sessions end), and another role. Refusals (the last active admin) are said in words.

use crate::api::accounts::{ResetUser, SetUserDisabled, SetUserRole};
use crate::components::errors::ErrorText;
use crate::components::invitation::InvitationCard;
use crate::components::time::short_time;
use crate::components::words::{role_words, status_words};
use crate::i18n::*;
use crate::types::{AccountStatus, Role, UserRow};
use leptos::prelude::*;

#[component]
pub(super) fn UserRowView(user: UserRow, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let disable = ServerAction::<SetUserDisabled>::new();
    let reset = ServerAction::<ResetUser>::new();
    let set_role = ServerAction::<SetUserRole>::new();
    let id = user.id;
    let disabled = user.status == AccountStatus::Disabled;
    let role = RwSignal::new(user.role);
    // A change reloads the list, except a reset, whose link must stay in view.
    Effect::new(move |_| {
        let done = matches!(disable.value().get(), Some(Ok(())))
            || matches!(set_role.value().get(), Some(Ok(())));
        if done {
            changed.update(|n| *n += 1);
        }
    });
    let email = user.email.clone();
    let role_id = format!("user-{id}-role");
    let label_email = email.clone();
    let toggle_label = move || {
        let email = label_email.clone();
        if disabled {
            t_string!(i18n, accounts.enable_label, email).to_string()
        } else {
            t_string!(i18n, accounts.disable_label, email).to_string()
        }
    };
    let reset_email = email.clone();
    let role_email = email.clone();
    let error = move || {
        [
            disable.value().get().and_then(|r| r.err()),
            reset.value().get().and_then(|r| r.err()),
            set_role.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        .next()
    };
    view! {
        <tr>
            <td>{user.email.clone()}</td>
            <td>{move || role_words(i18n, user.role)}</td>
            <td>{move || status_words(i18n, user.status)}</td>
            <td>{user.last_login_at.as_deref().map(short_time).unwrap_or_else(|| "—".into())}</td>
            <td><div class="actions">
                <button
                    type="button"
                    class=if disabled { "secondary" } else { "danger" }
                    aria-label=toggle_label
                    disabled=move || disable.pending().get()
                    on:click=move |_| {
                        disable.dispatch(SetUserDisabled { user_id: id, disabled: !disabled });
                    }
                >
                    {move || if disabled { t_string!(i18n, accounts.enable).to_string() } else { t_string!(i18n, accounts.disable).to_string() }}
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-label=move || { let email = reset_email.clone(); t_string!(i18n, accounts.reset_label, email).to_string() }
                    disabled=move || reset.pending().get()
                    on:click=move |_| {
                        reset.dispatch(ResetUser { user_id: id });
                    }
                >
                    {t!(i18n, accounts.reset)}
                </button>
                <div class="role-change">
                    <label for=role_id.clone() class="visually-hidden">
                        {move || { let email = role_email.clone(); t_string!(i18n, accounts.role_label, email).to_string() }}
                    </label>
                    <select
                        id=role_id
                        on:change=move |ev| {
                            if let Some(r) = Role::parse(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {[Role::Photographer, Role::Organiser, Role::Admin]
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.as_str() selected=r == user.role>{move || role_words(i18n, r)}</option>
                            })
                            .collect_view()}
                    </select>
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || set_role.pending().get() || role.get() == user.role
                        on:click=move |_| {
                            set_role.dispatch(SetUserRole { user_id: id, role: role.get_untracked() });
                        }
                    >
                        {t!(i18n, accounts.change_role)}
                    </button>
                </div>
                {move || reset.value().get().and_then(|r| r.ok()).map(|link| view! { <InvitationCard link id_prefix=format!("reset-{id}")/> })}
                {move || error().map(|e| view! { <ErrorText error=e/> })}
            </div></td>
        </tr>
    }
}
