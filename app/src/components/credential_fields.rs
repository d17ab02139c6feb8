//! The email and password fields of a form that checks a person's credentials: the
//! sign-in page, and staff confirming an unpairing on a kiosk tablet.

use crate::i18n::*;
use leptos::prelude::*;

/// Email and password inputs named `email` and `password` (for an `ActionForm`). On a
/// shared device (`remember = false`) the browser is asked not to offer to keep them.
#[component]
pub fn CredentialFields(
    /// Prefix of the input ids, unique on the page (`login`, `staff`).
    id_prefix: &'static str,
    remember: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let email_id = format!("{id_prefix}-email");
    let password_id = format!("{id_prefix}-password");
    let (email_auto, password_auto) = if remember {
        ("username", "current-password")
    } else {
        ("off", "off")
    };
    view! {
        <div class="field">
            <label for=email_id.clone()>{t!(i18n, login.email)}</label>
            <input id=email_id type="email" name="email" autocomplete=email_auto required/>
        </div>
        <div class="field">
            <label for=password_id.clone()>{t!(i18n, login.password)}</label>
            <input id=password_id type="password" name="password" autocomplete=password_auto required/>
        </div>
    }
}
