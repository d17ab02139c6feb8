//! Errors in plain words, from the locale files.

use crate::components::person_fields::field_label_in;
use crate::i18n::*;
use crate::types::{ApiError, BadInput, Field};
use leptos::prelude::*;

/// The sentence for an error, in the current language (it follows a language switch).
pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, e: &ApiError) -> String {
    error_text_in(i18n.get_locale(), e)
}

/// The sentence for an error in `locale`.
pub fn error_text_in(locale: Locale, e: &ApiError) -> String {
    match e {
        ApiError::Unauthorized => td_string!(locale, errors.unauthorized).to_string(),
        ApiError::Forbidden => td_string!(locale, errors.forbidden).to_string(),
        ApiError::NotFound => td_string!(locale, errors.not_found).to_string(),
        ApiError::RateLimited => td_string!(locale, errors.rate_limited).to_string(),
        ApiError::NoticeChanged => td_string!(locale, errors.notice_changed).to_string(),
        ApiError::WrongCredentials => td_string!(locale, login.wrong).to_string(),
        ApiError::Network => td_string!(locale, errors.network).to_string(),
        ApiError::Server => td_string!(locale, errors.server).to_string(),
        ApiError::BadInput(b) => bad_input_text(locale, b),
    }
}

/// The sentence for what is wrong with the input. Deliberately without a catch-all arm
/// (issue 12 point 5): a new `BadInput` variant does not compile until it has a sentence
/// here, and the locale build fails until that sentence exists in both languages.
pub fn bad_input_text(locale: Locale, b: &BadInput) -> String {
    use BadInput as B;
    match b {
        B::MalformedRequest => td_string!(locale, errors.err_malformed_request).to_string(),
        B::CredentialsMissing => td_string!(locale, login.missing).to_string(),
        B::NameMissing => td_string!(locale, events.name_missing).to_string(),
        B::TooLong => td_string!(locale, errors.err_too_long).to_string(),
        B::DateInvalid => td_string!(locale, errors.err_date).to_string(),
        B::DatesWrong => td_string!(locale, events.dates_wrong).to_string(),
        B::LangInvalid => td_string!(locale, errors.err_lang_invalid).to_string(),
        B::LanguagesMissing => td_string!(locale, errors.err_languages).to_string(),
        B::RetentionInvalid => td_string!(locale, errors.err_retention).to_string(),
        B::IdleTimeoutInvalid => td_string!(locale, errors.err_idle).to_string(),
        B::PolicyUrlInvalid => td_string!(locale, errors.err_policy_url).to_string(),
        B::RequiredFieldOff => td_string!(locale, errors.err_required_off).to_string(),
        B::EndDateMissing => td_string!(locale, errors.err_end_date_missing).to_string(),
        B::PhotoRetentionInvalid => td_string!(locale, errors.err_photo_retention).to_string(),
        B::ArchiveInvalid => td_string!(locale, errors.err_archive_invalid).to_string(),
        B::ArchivePurposeMissing => td_string!(locale, errors.err_archive_purpose).to_string(),
        B::PeriodLengthened { promised_days } => {
            let days = promised_days.to_string();
            td_string!(locale, errors.err_period_lengthened, days).to_string()
        }
        B::EndMovedTooLate { latest } => {
            let latest = latest.clone();
            td_string!(locale, errors.err_end_moved, latest).to_string()
        }
        B::EventArchived => td_string!(locale, errors.err_event_archived).to_string(),
        B::AuditActionInvalid => td_string!(locale, errors.err_audit_action).to_string(),
        B::AuditRangeWrong => td_string!(locale, errors.err_audit_range).to_string(),
        B::PairingCodeInvalid => td_string!(locale, kiosk.bad_code).to_string(),
        B::FieldRequired(f) => {
            let field = field_label_in(locale, *f);
            td_string!(locale, kiosk.fill_required, field).to_string()
        }
        B::FieldTooLong(f) => {
            let field = field_label_in(locale, *f);
            td_string!(locale, errors.too_long, field).to_string()
        }
        B::FieldInvalid(f) => match f {
            Field::Email => td_string!(locale, errors.err_email).to_string(),
            Field::Phone => td_string!(locale, errors.err_phone).to_string(),
            Field::FirstName | Field::LastName | Field::Organisation | Field::RoleTitle => {
                let field = field_label_in(locale, *f);
                td_string!(locale, errors.err_field_invalid, field).to_string()
            }
        },
        B::ChoiceMissing => td_string!(locale, errors.choice_missing).to_string(),
        B::GuardianRequired => td_string!(locale, kiosk.guardian_missing).to_string(),
        B::GuardianNameTooLong => td_string!(locale, errors.guardian_name_too_long).to_string(),
        B::SignatureInvalid => td_string!(locale, errors.signature_invalid).to_string(),
        B::SignatureTooBig => td_string!(locale, errors.signature_too_big).to_string(),
        B::SignatureTooLargePixels => {
            td_string!(locale, errors.signature_too_large_pixels).to_string()
        }
        B::NoticeMissing => td_string!(locale, errors.err_notice_missing).to_string(),
        B::NoticeWrongEvent => td_string!(locale, errors.err_notice_wrong_event).to_string(),
        B::NoticeVersionMissing => {
            td_string!(locale, errors.err_notice_version_missing).to_string()
        }
        B::NoticeUnknown => td_string!(locale, errors.err_notice_unknown).to_string(),
        B::ConsentChangesTooMany => {
            td_string!(locale, errors.err_consent_changes_too_many).to_string()
        }
        B::CheckinMissing => td_string!(locale, kiosk.checkin_missing).to_string(),
        B::CheckinEmailOff => td_string!(locale, errors.err_checkin_email_off).to_string(),
        B::CheckinNotFound => td_string!(locale, kiosk.checkin_not_found).to_string(),
        B::CheckinUsed => td_string!(locale, kiosk.checkin_used).to_string(),
        B::CheckinExpired => td_string!(locale, kiosk.checkin_expired).to_string(),
        B::WithdrawUnknownBadge => td_string!(locale, kiosk.withdraw_unknown).to_string(),
        B::WithdrawNoChoice => td_string!(locale, kiosk.withdraw_no_choice).to_string(),
        B::WithdrawAlreadyRed => td_string!(locale, errors.err_withdraw_already_red).to_string(),
        B::NoConsentYet => td_string!(locale, errors.no_consent_yet).to_string(),
        B::EmailAlreadyRegistered => {
            td_string!(locale, errors.err_email_already_registered).to_string()
        }
        B::PasswordTooShort => td_string!(locale, errors.err_password_short).to_string(),
        B::PasswordCommon => td_string!(locale, errors.err_password_common).to_string(),
        B::PasswordWrong => td_string!(locale, errors.err_password_wrong).to_string(),
        B::LastAdmin => td_string!(locale, errors.err_last_admin).to_string(),
        B::InvitationInvalid => td_string!(locale, errors.err_invitation_invalid).to_string(),
        B::NotAPhotographer => td_string!(locale, errors.err_not_a_photographer).to_string(),
        B::ImportEmpty => td_string!(locale, errors.import_empty).to_string(),
        B::ImportTooLarge => td_string!(locale, errors.import_too_large).to_string(),
        B::ImportNoColumns => td_string!(locale, errors.import_no_columns).to_string(),
        B::ImportNoRows => td_string!(locale, errors.import_no_rows).to_string(),
        B::ImportTooManyRows => td_string!(locale, errors.import_too_many_rows).to_string(),
        B::ImportCountOnly => td_string!(locale, errors.import_count_only).to_string(),
        B::ImportMappingInvalid => td_string!(locale, errors.import_mapping_invalid).to_string(),
        B::ImportMappingEmpty => td_string!(locale, errors.import_mapping_empty).to_string(),
        B::ImportCellCount => td_string!(locale, errors.import_cell_count).to_string(),
        B::ImportUnreadable => td_string!(locale, errors.import_unreadable).to_string(),
        B::ImportLine { line, problem } => {
            let line = line.to_string();
            let problem = bad_input_text(locale, problem);
            td_string!(locale, errors.line, line, problem).to_string()
        }
        B::ScansTooMany => td_string!(locale, errors.err_scans_too_many).to_string(),
        B::ScanIdInvalid => td_string!(locale, errors.err_scan_id_invalid).to_string(),
        B::RegionInvalid => td_string!(locale, errors.err_region).to_string(),
        B::BadgeCodeInvalid => td_string!(locale, errors.err_badge_code).to_string(),
        B::BadgeNotAtEvent => td_string!(locale, errors.err_badge_not_here).to_string(),
        B::BlurNeedsRegions => td_string!(locale, errors.err_blur_regions).to_string(),
        B::ChannelInvalid => td_string!(locale, errors.err_channel_invalid).to_string(),
        B::UrlInvalid => td_string!(locale, errors.err_url).to_string(),
        B::UrlMissing => td_string!(locale, errors.err_url_missing).to_string(),
        B::OffsetInvalid => td_string!(locale, errors.err_offset).to_string(),
        B::SizeInvalid => td_string!(locale, errors.err_size_invalid).to_string(),
        B::PhotoEmpty => td_string!(locale, errors.err_photo_empty).to_string(),
        B::PhotoNotImage => td_string!(locale, errors.err_photo_not_image).to_string(),
        B::PhotoTooLargePixels => td_string!(locale, errors.err_photo_too_large_pixels).to_string(),
        B::PhotoCorrupt => td_string!(locale, errors.err_photo_corrupt).to_string(),
        B::PhotoTooBig => td_string!(locale, errors.err_photo_too_big).to_string(),
        B::UploadMalformed => td_string!(locale, errors.err_upload_malformed).to_string(),
        B::UploadNoFile => td_string!(locale, errors.err_upload_no_file).to_string(),
        B::CodeMissing => td_string!(locale, errors.err_code_missing).to_string(),
        B::CodeWrong => td_string!(locale, errors.err_code_wrong).to_string(),
        B::FieldNotCollected => td_string!(locale, errors.err_field_not_collected).to_string(),
        B::PhotoUnknown => td_string!(locale, errors.err_photo_unknown).to_string(),
        B::RequestOpen => td_string!(locale, errors.err_request_open).to_string(),
        B::RecordErased => td_string!(locale, errors.err_record_erased).to_string(),
        B::IdentityCheckMissing => td_string!(locale, errors.err_identity_check).to_string(),
        B::BadgeUnknown => td_string!(locale, errors.err_badge_unknown).to_string(),
        B::MessageTooLong => td_string!(locale, errors.err_message_too_long).to_string(),
        B::RequestClosed => td_string!(locale, errors.err_request_closed).to_string(),
        B::RequestBlocked => td_string!(locale, errors.err_request_blocked).to_string(),
        B::ReasonMissing => td_string!(locale, errors.err_reason_missing).to_string(),
        B::RegionMissing => td_string!(locale, errors.err_region_missing).to_string(),
        B::NotErasure => td_string!(locale, errors.err_not_erasure).to_string(),
        B::PhotoDeleted => td_string!(locale, errors.err_photo_deleted).to_string(),
        B::DecisionFinal => td_string!(locale, errors.err_decision_final).to_string(),
        B::PhotoHeldByRequest => td_string!(locale, errors.err_photo_held).to_string(),
        B::UntagNotAllowed => td_string!(locale, errors.err_untag_not_allowed).to_string(),
        B::RegionLocked => td_string!(locale, errors.err_region_locked).to_string(),
        B::NoPeopleAfterTags => td_string!(locale, errors.err_no_people_after_tags).to_string(),
        B::ExportBusy => td_string!(locale, errors.err_export_busy).to_string(),
        B::ExportStale => td_string!(locale, errors.err_export_stale).to_string(),
        B::TabletUntilPast => td_string!(locale, errors.err_tablet_until_past).to_string(),
        B::CorrectionReasonMissing => td_string!(locale, errors.err_correction_reason).to_string(),
        B::BreachTimeInvalid => td_string!(locale, errors.err_breach_time_invalid).to_string(),
        B::BreachTimeSkipped => td_string!(locale, errors.err_breach_time_skipped).to_string(),
        B::BreachTimeAmbiguous => td_string!(locale, errors.err_breach_time_ambiguous).to_string(),
        B::BreachTimeFuture => td_string!(locale, errors.err_breach_time_future).to_string(),
        B::BreachNotifiedBeforeDiscovery => {
            td_string!(locale, errors.err_breach_notified_before).to_string()
        }
        B::BreachKindMissing => td_string!(locale, errors.err_breach_kind_missing).to_string(),
        B::BreachDescriptionMissing => {
            td_string!(locale, errors.err_breach_description_missing).to_string()
        }
        B::BreachDiscovererMissing => {
            td_string!(locale, errors.err_breach_discoverer_missing).to_string()
        }
        B::BreachEventMissing => td_string!(locale, errors.err_breach_event_missing).to_string(),
        B::BreachCategoryMissing => {
            td_string!(locale, errors.err_breach_category_missing).to_string()
        }
        B::BreachRiskMissing => td_string!(locale, errors.err_breach_risk_missing).to_string(),
        B::BreachRiskReasonMissing => {
            td_string!(locale, errors.err_breach_risk_reason_missing).to_string()
        }
        B::BreachHowMissing => td_string!(locale, errors.err_breach_how_missing).to_string(),
        B::BreachDelayReasonMissing => {
            td_string!(locale, errors.err_breach_delay_reason_missing).to_string()
        }
        B::BreachCloseReasonMissing => {
            td_string!(locale, errors.err_breach_close_reason_missing).to_string()
        }
        B::BreachClosed => td_string!(locale, errors.err_breach_closed).to_string(),
        B::BreachChanged => td_string!(locale, errors.err_breach_changed).to_string(),
        B::EmailTooLong => td_string!(locale, errors.err_email_too_long).to_string(),
    }
}

/// An error announced to screen readers.
#[component]
pub fn ErrorText(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    if error == ApiError::Unauthorized {
        Effect::new(move |_| signed_out());
    }
    view! { <p class="error" role="alert">{move || error_text(i18n, &error)}</p> }
}

/// A signed-in user's session ended under an open page (their account was disabled or
/// reset, or they signed out elsewhere; issue 16): forget who was signed in, so a guarded
/// page turns into the sign-in page and the header offers "Sign in". A kiosk tablet is
/// left alone (it shows its own pairing screen).
fn signed_out() {
    use crate::components::auth::Auth;
    use crate::types::Me;
    if let Some(auth) = use_context::<Auth>() {
        if matches!(auth.me.get_untracked(), Some(Ok(Some(Me::User { .. })))) {
            auth.me.set(Some(Ok(None)));
        }
    }
}

#[cfg(test)]
mod tests;
