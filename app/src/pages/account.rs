//! One's own account (`/account`, linked from the header; issue 16 point 1): change the
//! password (the current one first) and sign out every other session.

use crate::api::accounts::{ChangePassword, SignOutOthers};
use crate::components::auth::{use_auth, RequireScanner};
use crate::components::errors::ErrorText;
use crate::components::words::role_words;
use crate::i18n::*;
use crate::types::Me;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <RequireScanner>
            <AccountPanel/>
        </RequireScanner>
    }
}

#[component]
fn AccountPanel() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let change = ServerAction::<ChangePassword>::new();
    let others = ServerAction::<SignOutOthers>::new();
    let who = move || match auth.me.get() {
        Some(Ok(Some(Me::User { email, role }))) => {
            let role = role_words(i18n, role);
            Some(t_string!(i18n, accounts.signed_in_as, email, role).to_string())
        }
        _ => None,
    };
    // The form empties after a change, so the new password is not left on screen.
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            if let Some(f) = form.get_untracked() {
                f.reset();
            }
        }
    });
    view! {
        <main id="main" class="page narrow">
            <h1>{t!(i18n, accounts.account_title)}</h1>
            <p>{who}</p>
            <section class="card" aria-labelledby="password-title">
                <h2 id="password-title">{t!(i18n, accounts.password_title)}</h2>
                <ActionForm action=change node_ref=form>
                    <div class="field">
                        <label for="current-password">{t!(i18n, accounts.current_password)}</label>
                        <input id="current-password" name="current_password" type="password" autocomplete="current-password" required/>
                    </div>
                    <div class="field">
                        <label for="new-password">{t!(i18n, accounts.new_password)}</label>
                        <input id="new-password" name="new_password" type="password" autocomplete="new-password" required aria-describedby="new-password-help"/>
                        <p id="new-password-help" class="help">{t!(i18n, accounts.password_rule)}</p>
                    </div>
                    <button type="submit" class="primary" disabled=move || change.pending().get()>
                        {t!(i18n, accounts.change_password)}
                    </button>
                </ActionForm>
                {move || change.value().get().map(|r| match r {
                    Ok(()) => view! { <p class="ok" role="status">{t!(i18n, accounts.password_changed)}</p> }.into_any(),
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                })}
            </section>
            <section class="card" aria-labelledby="sessions-title">
                <h2 id="sessions-title">{t!(i18n, accounts.sessions_title)}</h2>
                <p class="help">{t!(i18n, accounts.sessions_help)}</p>
                <button
                    type="button"
                    class="secondary"
                    disabled=move || others.pending().get()
                    on:click=move |_| {
                        others.dispatch(SignOutOthers {});
                    }
                >
                    {t!(i18n, accounts.sign_out_others)}
                </button>
                {move || others.value().get().map(|r| match r {
                    Ok(()) => view! { <p class="ok" role="status">{t!(i18n, accounts.signed_out_others)}</p> }.into_any(),
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                })}
            </section>
        </main>
    }
}
