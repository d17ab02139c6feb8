use crate::api::auth::Login;
use crate::components::auth::use_auth;
use crate::components::credential_fields::CredentialFields;
use crate::components::errors::ErrorText;
use crate::i18n::*;
use crate::types::Me;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let login = ServerAction::<Login>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(me)) = login.value().get() {
            // Known now: set it rather than refetch, so the next page sees it at once.
            auth.me.set(Some(Ok(Some(me.clone()))));
            let to = match me {
                Me::User { role, .. } if role.manages_events() => "/dashboard",
                _ => "/",
            };
            navigate(to, Default::default());
        }
    });
    let pending = login.pending();
    view! {
        <main id="main" class="page narrow">
            <h1>{t!(i18n, login.title)}</h1>
            <ActionForm action=login>
                <CredentialFields id_prefix="login" remember=true/>
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || {
                        if pending.get() {
                            t_string!(i18n, login.working).to_string()
                        } else {
                            t_string!(i18n, login.submit).to_string()
                        }
                    }}
                </button>
            </ActionForm>
            {move || login.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorText error=e/> })}
        </main>
    }
}
