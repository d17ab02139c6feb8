//! An invitation link (`/welcome#TOKEN`; issue 16 point 1): the invitee sets their own
//! password and is signed in. The token travels in the link's fragment, which browsers
//! never send to a server, so it is in no server log; this page reads it, takes it out of
//! the address bar and posts it in request bodies.

use crate::api::accounts::{AcceptInvitation, CheckInvitation};
use crate::components::auth::use_auth;
use crate::components::errors::ErrorText;
use crate::components::words::role_words;
use crate::i18n::*;
use crate::types::Me;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let location = use_location();
    let navigate = use_navigate();
    let token = RwSignal::new(String::new());
    // Only the browser has the fragment: without one after hydration, the link is broken.
    let read = RwSignal::new(false);
    let check = ServerAction::<CheckInvitation>::new();
    let accept = ServerAction::<AcceptInvitation>::new();
    {
        let navigate = navigate.clone();
        Effect::new(move |_| {
            let hash = location.hash.get();
            let t = hash.trim_start_matches('#').trim().to_string();
            if !t.is_empty() {
                token.set(t.clone());
                check.dispatch(CheckInvitation { token: t });
                // Out of the address bar and the history.
                navigate(
                    "/welcome",
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            }
            read.set(true);
        });
    }
    Effect::new(move |_| {
        if let Some(Ok(me)) = accept.value().get() {
            auth.me.set(Some(Ok(Some(me.clone()))));
            let to = match me {
                Me::User { role, .. } if role.manages_events() => "/dashboard",
                _ => "/scan",
            };
            navigate(to, Default::default());
        }
    });
    let pending = accept.pending();
    view! {
        <main id="main" class="page narrow">
            <h1>{t!(i18n, accounts.welcome_title)}</h1>
            {move || match check.value().get() {
                None if read.get() && token.with(String::is_empty) => {
                    view! { <p class="error" role="alert">{t!(i18n, accounts.welcome_no_token)}</p> }.into_any()
                }
                None => view! { <p class="loading" role="status">{t!(i18n, accounts.welcome_loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
                Some(Ok(info)) => {
                    let email = info.email.clone();
                    let role = info.role;
                    view! {
                        <p>{move || {
                            let email = email.clone();
                            let role = role_words(i18n, role);
                            t_string!(i18n, accounts.welcome_for, email, role).to_string()
                        }}</p>
                        <ActionForm action=accept>
                            <input type="hidden" name="token" prop:value=move || token.get()/>
                            // For password managers: the account this password is for.
                            <input type="hidden" autocomplete="username" value=info.email.clone()/>
                            <div class="field">
                                <label for="welcome-password">{t!(i18n, accounts.new_password)}</label>
                                <input id="welcome-password" name="password" type="password" autocomplete="new-password" required aria-describedby="welcome-password-help"/>
                                <p id="welcome-password-help" class="help">{t!(i18n, accounts.password_rule)}</p>
                            </div>
                            <button type="submit" class="primary" disabled=move || pending.get()>
                                {t!(i18n, accounts.welcome_submit)}
                            </button>
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
            {move || accept.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
        </main>
    }
}
