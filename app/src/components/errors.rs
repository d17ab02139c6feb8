//! Errors in plain words, from the locale files.

use crate::i18n::*;
use crate::types::ApiError;
use leptos::prelude::*;

/// The sentence for an error, in the current language.
pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, e: &ApiError) -> String {
    match e {
        ApiError::Unauthorized => t_string!(i18n, errors.unauthorized).to_string(),
        ApiError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        ApiError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        ApiError::RateLimited => t_string!(i18n, errors.rate_limited).to_string(),
        ApiError::WrongCredentials => t_string!(i18n, login.wrong).to_string(),
        ApiError::Network => t_string!(i18n, errors.network).to_string(),
        ApiError::Server => t_string!(i18n, errors.server).to_string(),
        ApiError::BadInput(code) => match code.as_str() {
            "credentials_missing" => t_string!(i18n, login.missing).to_string(),
            "name_missing" => t_string!(i18n, events.name_missing).to_string(),
            "dates_wrong" => t_string!(i18n, events.dates_wrong).to_string(),
            "pairing_code_invalid" => t_string!(i18n, kiosk.bad_code).to_string(),
            "retention_invalid" => t_string!(i18n, errors.err_retention).to_string(),
            "idle_timeout_invalid" => t_string!(i18n, errors.err_idle).to_string(),
            "languages_missing" => t_string!(i18n, errors.err_languages).to_string(),
            "policy_url_invalid" => t_string!(i18n, errors.err_policy_url).to_string(),
            "required_field_off" => t_string!(i18n, errors.err_required_off).to_string(),
            "field_invalid:email" => t_string!(i18n, errors.err_email).to_string(),
            "field_invalid:phone" => t_string!(i18n, errors.err_phone).to_string(),
            other => {
                let detail = other.replace('_', " ");
                t_string!(i18n, errors.bad_input, detail).to_string()
            }
        },
    }
}

/// An error announced to screen readers.
#[component]
pub fn ErrorText(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="error" role="alert">{move || error_text(i18n, &error)}</p> }
}
