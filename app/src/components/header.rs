//! The bar at the top of every screen: name, menu, language, sign-in state. On a narrow
//! screen (a phone) everything but the name folds behind a menu button, so the bar is one
//! line and the page (the scanner's camera, above all) comes first; the CSS decides.

use crate::api::auth::Logout;
use crate::components::auth::use_auth;
use crate::components::lang_switch::LangSwitch;
use crate::i18n::*;
use crate::types::{Me, Role};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

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
    // The folded menu (narrow screens only): open or not. It closes on a new page and
    // on Escape, which gives the focus back to the menu button.
    let open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let path = use_location().pathname;
    Effect::new(move |_| {
        path.track();
        open.set(false);
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = menu_button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let brand =
        move |href: &'static str| view! { <a class="brand" href=href>{t!(i18n, app_name)}</a> };
    view! {
        <header class="topbar" class:menu-open=move || open.get() on:keydown=on_keydown>
            // On a paired kiosk the name leads back to registration, never to the start
            // page with its organiser links (issue 12 point 3).
            // Read inside a Transition, like the account part below: the resource is only
            // read where the server waits for it.
            <Transition fallback=move || brand("/")>
                {move || {
                    let kiosk = matches!(auth.me.get(), Some(Ok(Some(Me::Kiosk { .. }))));
                    brand(if kiosk { "/kiosk" } else { "/" })
                }}
            </Transition>
            <button
                type="button"
                class="menu-button secondary"
                node_ref=menu_button
                aria-expanded=move || open.get().to_string()
                aria-controls="topbar-menu"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="menu-icon" aria-hidden="true"></span>
                {t!(i18n, nav.menu)}
            </button>
            <div id="topbar-menu" class="topbar-menu">
                <nav aria-label=move || t_string!(i18n, nav.main).to_string()>
                    <Transition fallback=|| ()>
                        {move || {
                            user().map(|(_, role)| {
                                view! {
                                    {role.manages_events().then(|| view! {
                                        <a href="/dashboard">{t!(i18n, nav.events)}</a>
                                        <a href="/dashboard/audit">{t!(i18n, nav.audit)}</a>
                                        <a href="/dashboard/breaches">{t!(i18n, breaches.nav)}</a>
                                    })}
                                    {(role == Role::Admin).then(|| view! {
                                        <a href="/dashboard/users">{t!(i18n, nav.users)}</a>
                                    })}
                                    <a href="/scan">{t!(i18n, nav.scan)}</a>
                                    <a href="/account">{t!(i18n, nav.account)}</a>
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
            </div>
        </header>
    }
}
