//! Who is signed in, shared by the header and the pages.

use crate::api::auth::whoami;
use crate::i18n::*;
use crate::types::{ApiError, Me, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[derive(Clone, Copy)]
pub struct Auth {
    pub me: Resource<Result<Option<Me>, ApiError>>,
}

pub fn provide_auth() {
    provide_context(Auth {
        me: Resource::new(|| (), |_| whoami()),
    });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Shows `children` only to a signed-in organiser or admin. Without a session it sends
/// the browser to the sign-in page (the server does the same for a full page load).
#[component]
pub fn RequireManager(children: ChildrenFn) -> impl IntoView {
    view! { <RequireUser allow=Role::manages_events children/> }
}

/// Shows `children` only to a signed-in admin (the accounts page, issue 16).
#[component]
pub fn RequireAdmin(children: ChildrenFn) -> impl IntoView {
    view! { <RequireUser allow=|r| r == Role::Admin children/> }
}

/// Shows `children` to any signed-in user: photographers, organisers and admins scan.
/// When the server cannot be reached (the page is the service worker's offline shell,
/// issue 18 point 6), the scanner is shown too: it scans from the map it stored.
#[component]
pub fn RequireScanner(children: ChildrenFn) -> impl IntoView {
    view! { <RequireUser allow=|_| true offline=children.clone() children/> }
}

/// Shows `children` to a signed-in user whose role `allow` accepts. A page that says
/// nobody is signed in asks the server once more before sending the browser to sign in:
/// the offline shell was made without cookies. When the server cannot be reached, the
/// page shows `offline` (or the error).
#[component]
fn RequireUser(
    allow: fn(Role) -> bool,
    children: ChildrenFn,
    #[prop(optional)] offline: Option<ChildrenFn>,
) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let unreachable = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        if let Some(Ok(None)) = auth.me.get() {
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                match whoami().await {
                    Ok(None) => navigate("/login", Default::default()),
                    Ok(me) => auth.me.set(Some(Ok(me))),
                    Err(e) => unreachable.set(Some(e)),
                }
            });
        }
    });
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{t!(i18n, kiosk.loading)}</p> }>
            {move || {
                if let Some(e) = unreachable.get() {
                    return Some(match offline.clone() {
                        Some(offline) => offline().into_any(),
                        None => view! { <crate::components::errors::ErrorText error=e/> }.into_any(),
                    });
                }
                let children = children.clone();
                auth.me
                    .get()
                    .map(move |r| match r {
                        Ok(Some(Me::User { role, .. })) if allow(role) => children().into_any(),
                        Ok(Some(_)) => {
                            view! { <p class="error" role="alert">{t!(i18n, errors.forbidden)}</p> }.into_any()
                        }
                        Ok(None) => {
                            view! {
                                <p class="error" role="alert">
                                    {t!(i18n, errors.unauthorized)} " "
                                    <a href="/login">{t!(i18n, nav.sign_in)}</a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <crate::components::errors::ErrorText error=e/> }.into_any(),
                    })
            }}
        </Transition>
    }
}
