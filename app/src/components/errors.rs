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
        ApiError::BadInput(code) => bad_input(i18n, code),
    }
}

/// The sentence for a `BadInput` code; `import_line:N:CODE` becomes "Line N: …".
fn bad_input(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    use crate::components::person_fields::field_label;
    if let Some(rest) = code.strip_prefix("import_line:") {
        if let Some((line, inner)) = rest.split_once(':') {
            let line = line.to_string();
            let problem = bad_input(i18n, inner);
            return t_string!(i18n, errors.line, line, problem).to_string();
        }
    }
    let field_of = |prefix: &str| {
        code.strip_prefix(prefix)
            .and_then(|name| {
                crate::types::Field::ALL
                    .into_iter()
                    .find(|f| f.as_str() == name)
            })
            .map(|f| field_label(i18n, f))
    };
    if let Some(field) = field_of("field_required:") {
        return t_string!(i18n, kiosk.fill_required, field).to_string();
    }
    if let Some(field) = field_of("field_too_long:") {
        return t_string!(i18n, errors.too_long, field).to_string();
    }
    match code {
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
        "checkin_not_found" => t_string!(i18n, kiosk.checkin_not_found).to_string(),
        "checkin_used" => t_string!(i18n, kiosk.checkin_used).to_string(),
        "checkin_expired" => t_string!(i18n, kiosk.checkin_expired).to_string(),
        "checkin_missing" | "checkin_email_off" => {
            t_string!(i18n, kiosk.checkin_missing).to_string()
        }
        "guardian_required" => t_string!(i18n, kiosk.guardian_missing).to_string(),
        "choice_missing" => t_string!(i18n, errors.choice_missing).to_string(),
        "no_consent_yet" => t_string!(i18n, errors.no_consent_yet).to_string(),
        "signature_invalid" => t_string!(i18n, errors.signature_invalid).to_string(),
        "import_empty" => t_string!(i18n, errors.import_empty).to_string(),
        "import_too_large" => t_string!(i18n, errors.import_too_large).to_string(),
        "import_no_columns" => t_string!(i18n, errors.import_no_columns).to_string(),
        "import_no_rows" => t_string!(i18n, errors.import_no_rows).to_string(),
        "import_too_many_rows" => t_string!(i18n, errors.import_too_many_rows).to_string(),
        "import_count_only" => t_string!(i18n, errors.import_count_only).to_string(),
        "import_mapping_invalid" => t_string!(i18n, errors.import_mapping_invalid).to_string(),
        "import_mapping_empty" => t_string!(i18n, errors.import_mapping_empty).to_string(),
        "import_cell_count" => t_string!(i18n, errors.import_cell_count).to_string(),
        "import_unreadable" => t_string!(i18n, errors.import_unreadable).to_string(),
        "region_invalid" => t_string!(i18n, errors.err_region).to_string(),
        "badge_code_invalid" => t_string!(i18n, errors.err_badge_code).to_string(),
        "badge_not_at_event" => t_string!(i18n, errors.err_badge_not_here).to_string(),
        "blur_needs_regions" => t_string!(i18n, errors.err_blur_regions).to_string(),
        "url_invalid" => t_string!(i18n, errors.err_url).to_string(),
        "url_missing" => t_string!(i18n, errors.err_url_missing).to_string(),
        "date_invalid" => t_string!(i18n, errors.err_date).to_string(),
        "offset_invalid" => t_string!(i18n, errors.err_offset).to_string(),
        "code_missing" => t_string!(i18n, errors.err_code_missing).to_string(),
        "code_wrong" => t_string!(i18n, errors.err_code_wrong).to_string(),
        "field_not_collected" => t_string!(i18n, errors.err_field_not_collected).to_string(),
        "request_open" => t_string!(i18n, errors.err_request_open).to_string(),
        "photo_unknown" => t_string!(i18n, errors.err_photo_unknown).to_string(),
        "record_erased" => t_string!(i18n, errors.err_record_erased).to_string(),
        "identity_check_missing" => t_string!(i18n, errors.err_identity_check).to_string(),
        "badge_unknown" => t_string!(i18n, errors.err_badge_unknown).to_string(),
        "case_closed" => t_string!(i18n, errors.err_case_closed).to_string(),
        "reason_missing" => t_string!(i18n, errors.err_reason_missing).to_string(),
        "region_missing" => t_string!(i18n, errors.err_region_missing).to_string(),
        "case_blocked" => t_string!(i18n, errors.err_case_blocked).to_string(),
        "not_erasure" => t_string!(i18n, errors.err_not_erasure).to_string(),
        "message_too_long" => t_string!(i18n, errors.err_message_too_long).to_string(),
        "photo_deleted" => t_string!(i18n, errors.err_photo_deleted).to_string(),
        "decision_final" => t_string!(i18n, errors.err_decision_final).to_string(),
        other => {
            let detail = other.replace('_', " ");
            t_string!(i18n, errors.bad_input, detail).to_string()
        }
    }
}

/// An error announced to screen readers.
#[component]
pub fn ErrorText(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="error" role="alert">{move || error_text(i18n, &error)}</p> }
}
