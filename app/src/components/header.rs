//! The bar at the top of every screen: name, menu, language, sign-in state.

use crate::api::auth::Logout;
use crate::components::auth::use_auth;
use crate::components::lang_switch::LangSwitch;
use crate::i18n::*;
use crate::types::Me;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let logout = ServerAction::<Logout>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            auth.me.set(Some(Ok(None)));
            navigate("/login", Default::default());
        }
    });
    let user = move || match auth.me.get() {
        Some(Ok(Some(Me::User { email, role }))) => Some((email, role)),
        _ => None,
    };
    view! {
        <header class="topbar">
            <a class="brand" href="/">{t!(i18n, app_name)}</a>
            <nav aria-label=move || t_string!(i18n, nav.main).to_string()>
                <Transition fallback=|| ()>
                    {move || {
                        user().map(|(_, role)| {
                            view! {
                                {role.manages_events().then(|| view! {
                                    <a href="/dashboard">{t!(i18n, nav.events)}</a>
                                    <a href="/dashboard/audit">{t!(i18n, nav.audit)}</a>
                                })}
                                <a href="/scan">{t!(i18n, nav.scan)}</a>
                            }
                        })
                    }}
                </Transition>
            </nav>
            <LangSwitch/>
            <div class="account">
                <Transition fallback=|| ()>
                    {move || match user() {
                        Some((email, _)) => {
                            view! {
                                <span class="who">{t!(i18n, nav.signed_in_as, email)}</span>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        logout.dispatch(Logout {});
                                    }
                                >
                                    {t!(i18n, nav.sign_out)}
                                </button>
                            }
                                .into_any()
                        }
                        // A paired kiosk tablet offers attendees no sign-in.
                        None if matches!(auth.me.get(), Some(Ok(Some(Me::Kiosk { .. })))) => ().into_any(),
                        None => view! { <a class="button secondary" href="/login">{t!(i18n, nav.sign_in)}</a> }.into_any(),
                    }}
                </Transition>
            </div>
        </header>
    }
}
