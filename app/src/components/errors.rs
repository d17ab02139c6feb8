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
mod tests {
    //! Issue 12 point 5: no error reaches the screen as a raw code. Every `BadInput`
    //! variant has its own sentence in both languages.

    use super::*;
    use crate::types::{BadInput as B, UploadError};
    use std::collections::HashMap;

    const LOCALES: [Locale; 2] = [Locale::lv, Locale::en];

    /// How many variants `BadInput` has: `index` numbers them `0..VARIANTS`.
    const VARIANTS: usize = 105;

    /// Exhaustive on purpose: a new variant does not compile here until it is numbered
    /// (and `VARIANTS` raised); then `every_variant_is_sampled` fails until `samples`
    /// holds it, so every test below covers it.
    fn index(b: &B) -> usize {
        match b {
            B::MalformedRequest => 0,
            B::CredentialsMissing => 1,
            B::NameMissing => 2,
            B::TooLong => 3,
            B::DateInvalid => 4,
            B::DatesWrong => 5,
            B::LangInvalid => 6,
            B::LanguagesMissing => 7,
            B::RetentionInvalid => 8,
            B::IdleTimeoutInvalid => 9,
            B::PolicyUrlInvalid => 10,
            B::RequiredFieldOff => 11,
            B::PairingCodeInvalid => 12,
            B::FieldRequired(_) => 13,
            B::FieldTooLong(_) => 14,
            B::FieldInvalid(_) => 15,
            B::ChoiceMissing => 16,
            B::GuardianRequired => 17,
            B::SignatureInvalid => 18,
            B::NoticeMissing => 19,
            B::NoticeWrongEvent => 20,
            B::CheckinMissing => 21,
            B::CheckinEmailOff => 22,
            B::CheckinNotFound => 23,
            B::CheckinUsed => 24,
            B::CheckinExpired => 25,
            B::WithdrawUnknownBadge => 26,
            B::WithdrawNoChoice => 27,
            B::WithdrawAlreadyRed => 28,
            B::NoConsentYet => 29,
            B::EmailAlreadyRegistered => 30,
            B::ImportEmpty => 31,
            B::ImportTooLarge => 32,
            B::ImportNoColumns => 33,
            B::ImportNoRows => 34,
            B::ImportTooManyRows => 35,
            B::ImportCountOnly => 36,
            B::ImportMappingInvalid => 37,
            B::ImportMappingEmpty => 38,
            B::ImportCellCount => 39,
            B::ImportUnreadable => 40,
            B::ImportLine { .. } => 41,
            B::ScansTooMany => 42,
            B::ScanIdInvalid => 43,
            B::RegionInvalid => 44,
            B::BadgeCodeInvalid => 45,
            B::BadgeNotAtEvent => 46,
            B::BlurNeedsRegions => 47,
            B::ChannelInvalid => 48,
            B::UrlInvalid => 49,
            B::UrlMissing => 50,
            B::OffsetInvalid => 51,
            B::SizeInvalid => 52,
            B::PhotoEmpty => 53,
            B::PhotoNotImage => 54,
            B::PhotoTooLargePixels => 55,
            B::PhotoCorrupt => 56,
            B::PhotoTooBig => 57,
            B::UploadMalformed => 58,
            B::UploadNoFile => 59,
            B::CodeMissing => 60,
            B::CodeWrong => 61,
            B::FieldNotCollected => 62,
            B::PhotoUnknown => 63,
            B::RequestOpen => 64,
            B::RecordErased => 65,
            B::IdentityCheckMissing => 66,
            B::BadgeUnknown => 67,
            B::MessageTooLong => 68,
            B::RequestClosed => 69,
            B::RequestBlocked => 70,
            B::ReasonMissing => 71,
            B::RegionMissing => 72,
            B::NotErasure => 73,
            B::PhotoDeleted => 74,
            B::DecisionFinal => 75,
            B::PhotoHeldByRequest => 76,
            B::UntagNotAllowed => 77,
            B::RegionLocked => 78,
            B::NoPeopleAfterTags => 79,
            B::ExportBusy => 80,
            B::ExportStale => 81,
            B::GuardianNameTooLong => 82,
            B::SignatureTooBig => 83,
            B::SignatureTooLargePixels => 84,
            B::NoticeVersionMissing => 85,
            B::NoticeUnknown => 86,
            B::ConsentChangesTooMany => 87,
            B::EndDateMissing => 88,
            B::PhotoRetentionInvalid => 89,
            B::ArchiveInvalid => 90,
            B::ArchivePurposeMissing => 91,
            B::PeriodLengthened { .. } => 92,
            B::EndMovedTooLate { .. } => 93,
            B::EventArchived => 94,
            B::AuditActionInvalid => 95,
            B::AuditRangeWrong => 96,
            B::TabletUntilPast => 97,
            B::PasswordTooShort => 98,
            B::PasswordCommon => 99,
            B::PasswordWrong => 100,
            B::LastAdmin => 101,
            B::InvitationInvalid => 102,
            B::NotAPhotographer => 103,
            B::CorrectionReasonMissing => 104,
        }
    }

    /// At least one value of every variant; those with a field once per field.
    fn samples() -> Vec<B> {
        let mut all = vec![
            B::MalformedRequest,
            B::CredentialsMissing,
            B::NameMissing,
            B::TooLong,
            B::DateInvalid,
            B::DatesWrong,
            B::LangInvalid,
            B::LanguagesMissing,
            B::RetentionInvalid,
            B::IdleTimeoutInvalid,
            B::PolicyUrlInvalid,
            B::RequiredFieldOff,
            B::EndDateMissing,
            B::PhotoRetentionInvalid,
            B::ArchiveInvalid,
            B::ArchivePurposeMissing,
            B::PeriodLengthened { promised_days: 30 },
            B::EndMovedTooLate {
                latest: "2027-03-12".into(),
            },
            B::EventArchived,
            B::AuditActionInvalid,
            B::AuditRangeWrong,
            B::PairingCodeInvalid,
            B::ChoiceMissing,
            B::GuardianRequired,
            B::SignatureInvalid,
            B::NoticeMissing,
            B::NoticeWrongEvent,
            B::CheckinMissing,
            B::CheckinEmailOff,
            B::CheckinNotFound,
            B::CheckinUsed,
            B::CheckinExpired,
            B::WithdrawUnknownBadge,
            B::WithdrawNoChoice,
            B::WithdrawAlreadyRed,
            B::NoConsentYet,
            B::EmailAlreadyRegistered,
            B::PasswordTooShort,
            B::PasswordCommon,
            B::PasswordWrong,
            B::LastAdmin,
            B::InvitationInvalid,
            B::NotAPhotographer,
            B::ImportEmpty,
            B::ImportTooLarge,
            B::ImportNoColumns,
            B::ImportNoRows,
            B::ImportTooManyRows,
            B::ImportCountOnly,
            B::ImportMappingInvalid,
            B::ImportMappingEmpty,
            B::ImportCellCount,
            B::ImportUnreadable,
            B::ImportLine {
                line: 4,
                problem: Box::new(B::ImportCellCount),
            },
            B::ImportLine {
                line: 3,
                problem: Box::new(B::FieldInvalid(Field::Email)),
            },
            B::ScansTooMany,
            B::ScanIdInvalid,
            B::RegionInvalid,
            B::BadgeCodeInvalid,
            B::BadgeNotAtEvent,
            B::BlurNeedsRegions,
            B::ChannelInvalid,
            B::UrlInvalid,
            B::UrlMissing,
            B::OffsetInvalid,
            B::SizeInvalid,
            B::PhotoEmpty,
            B::PhotoNotImage,
            B::PhotoTooLargePixels,
            B::PhotoCorrupt,
            B::PhotoTooBig,
            B::UploadMalformed,
            B::UploadNoFile,
            B::CodeMissing,
            B::CodeWrong,
            B::FieldNotCollected,
            B::PhotoUnknown,
            B::RequestOpen,
            B::RecordErased,
            B::IdentityCheckMissing,
            B::BadgeUnknown,
            B::MessageTooLong,
            B::RequestClosed,
            B::RequestBlocked,
            B::ReasonMissing,
            B::RegionMissing,
            B::NotErasure,
            B::PhotoDeleted,
            B::DecisionFinal,
            B::PhotoHeldByRequest,
            B::UntagNotAllowed,
            B::RegionLocked,
            B::NoPeopleAfterTags,
            B::ExportBusy,
            B::ExportStale,
            B::TabletUntilPast,
            B::CorrectionReasonMissing,
            B::GuardianNameTooLong,
            B::SignatureTooBig,
            B::SignatureTooLargePixels,
            B::NoticeVersionMissing,
            B::NoticeUnknown,
            B::ConsentChangesTooMany,
        ];
        for f in Field::ALL {
            all.extend([B::FieldRequired(f), B::FieldTooLong(f), B::FieldInvalid(f)]);
        }
        all
    }

    /// The snake_case names a value travels as: variant tags and field names, nested
    /// ones included (`{"import_line":{"line":3,"problem":{"field_invalid":"email"}}}`
    /// gives `import_line`, `field_invalid`, `email`).
    fn wire_names(b: &B) -> Vec<String> {
        fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Object(m) => {
                    for (k, inner) in m {
                        // `line` and `problem` are struct fields, not codes.
                        if k != "line" && k != "problem" {
                            out.push(k.clone());
                        }
                        walk(inner, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&serde_json::to_value(b).unwrap(), &mut out);
        out
    }

    #[test]
    fn every_variant_is_sampled() {
        let mut seen: Vec<usize> = samples().iter().map(index).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
    }

    #[test]
    fn every_bad_input_has_its_own_sentence_in_both_languages() {
        for locale in LOCALES {
            let mut by_sentence: HashMap<String, B> = HashMap::new();
            for b in samples() {
                let sentence = error_text_in(locale, &ApiError::BadInput(b.clone()));
                assert!(!sentence.trim().is_empty(), "{locale:?} {b:?}: empty");
                assert!(
                    !sentence.contains('_'),
                    "{locale:?} {b:?}: looks like a raw code: {sentence}"
                );
                // Single words such as `email` may well appear in a sentence.
                for name in wire_names(&b).into_iter().filter(|n| n.contains('_')) {
                    assert!(
                        !sentence.contains(&name),
                        "{locale:?} {b:?}: shows its code {name}: {sentence}"
                    );
                }
                if let Some(other) = by_sentence.insert(sentence.clone(), b.clone()) {
                    panic!("{locale:?}: {other:?} and {b:?} share the sentence {sentence:?}");
                }
            }
        }
    }

    #[test]
    fn the_languages_differ() {
        for b in samples() {
            let bad = ApiError::BadInput(b.clone());
            assert_ne!(
                error_text_in(Locale::lv, &bad),
                error_text_in(Locale::en, &bad),
                "{b:?}: the Latvian sentence is the English one"
            );
        }
    }

    #[test]
    fn nested_problems_are_worded_inside_the_line() {
        let b = B::ImportLine {
            line: 3,
            problem: Box::new(B::FieldInvalid(Field::Email)),
        };
        assert_eq!(
            error_text_in(Locale::en, &ApiError::BadInput(b.clone())),
            "Line 3: Check the email address."
        );
        assert_eq!(
            error_text_in(Locale::lv, &ApiError::BadInput(b)),
            "3. rinda: Pārbaudiet e-pasta adresi."
        );
        assert_eq!(
            error_text_in(
                Locale::en,
                &ApiError::BadInput(B::FieldRequired(Field::FirstName))
            ),
            "Please fill in: First name"
        );
    }

    /// The JSON a client gets: unit variants as a string, the others as a one-key
    /// object, always starting `{"BadInput"` (the server's `bad_input_is_400` relies on
    /// it), and every value reads back unchanged.
    #[test]
    fn bad_input_travels_as_snake_case_json() {
        let json = |b: B| serde_json::to_string(&ApiError::BadInput(b)).unwrap();
        assert_eq!(
            json(B::WithdrawUnknownBadge),
            r#"{"BadInput":"withdraw_unknown_badge"}"#
        );
        assert_eq!(
            json(B::FieldRequired(Field::FirstName)),
            r#"{"BadInput":{"field_required":"first_name"}}"#
        );
        assert_eq!(
            json(B::ImportLine {
                line: 4,
                problem: Box::new(B::ImportCellCount)
            }),
            r#"{"BadInput":{"import_line":{"line":4,"problem":"import_cell_count"}}}"#
        );
        assert_eq!(
            json(B::ImportLine {
                line: 3,
                problem: Box::new(B::FieldInvalid(Field::Email))
            }),
            r#"{"BadInput":{"import_line":{"line":3,"problem":{"field_invalid":"email"}}}}"#
        );
        for b in samples() {
            let text = json(b.clone());
            assert!(text.starts_with(r#"{"BadInput""#), "{text}");
            let back: ApiError = serde_json::from_str(&text).unwrap();
            assert_eq!(back, ApiError::BadInput(b));
        }
    }

    /// Every code the photo upload route answers is worded through `ApiError`.
    #[test]
    fn upload_codes_are_worded() {
        let codes = [
            "unauthorized",
            "forbidden",
            "not_found",
            "event_not_found",
            "export_not_found",
            "export_stale",
            "event_archived",
            "upload_malformed",
            "upload_no_file",
            "photo_too_big",
            "photo_empty",
            "photo_not_image",
            "photo_too_large_pixels",
            "photo_corrupt",
            "photo_internal",
            "server",
        ];
        for code in codes {
            let e: UploadError = serde_json::from_value(serde_json::json!(code)).unwrap();
            for locale in LOCALES {
                let sentence = error_text_in(locale, &ApiError::from(e));
                assert!(!sentence.is_empty() && !sentence.contains('_'), "{code}");
            }
        }
    }

    /// The image checks' codes (sent by the upload route) are all `UploadError`s.
    #[cfg(feature = "ssr")]
    #[test]
    fn image_error_codes_are_upload_errors() {
        use crate::domain::imaging::ImageError;
        for e in [
            ImageError::Empty,
            ImageError::NotImage,
            ImageError::TooLarge {
                width: 1,
                height: 1,
            },
            ImageError::Corrupt(String::new()),
            ImageError::Internal(String::new()),
        ] {
            let parsed = serde_json::from_value::<UploadError>(serde_json::json!(e.code()));
            assert_eq!(parsed.ok(), Some(e.upload_error()), "{}", e.code());
        }
    }
}
