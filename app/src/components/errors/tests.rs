//! Issue 12 point 5: no error reaches the screen as a raw code. Every `BadInput`
//! variant has its own sentence in both languages.

use super::*;
use crate::types::{BadInput as B, UploadError};
use std::collections::HashMap;

const LOCALES: [Locale; 2] = [Locale::lv, Locale::en];

/// How many variants `BadInput` has: `index` numbers them `0..VARIANTS`.
const VARIANTS: usize = 123;

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
        B::BreachTimeInvalid => 105,
        B::BreachTimeSkipped => 106,
        B::BreachTimeAmbiguous => 107,
        B::BreachTimeFuture => 108,
        B::BreachNotifiedBeforeDiscovery => 109,
        B::BreachKindMissing => 110,
        B::BreachDescriptionMissing => 111,
        B::BreachDiscovererMissing => 112,
        B::BreachEventMissing => 113,
        B::BreachCategoryMissing => 114,
        B::BreachRiskMissing => 115,
        B::BreachRiskReasonMissing => 116,
        B::BreachHowMissing => 117,
        B::BreachDelayReasonMissing => 118,
        B::BreachCloseReasonMissing => 119,
        B::BreachClosed => 120,
        B::BreachChanged => 121,
        B::EmailTooLong => 122,
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
        B::BreachTimeInvalid,
        B::BreachTimeSkipped,
        B::BreachTimeAmbiguous,
        B::BreachTimeFuture,
        B::BreachNotifiedBeforeDiscovery,
        B::BreachKindMissing,
        B::BreachDescriptionMissing,
        B::BreachDiscovererMissing,
        B::BreachEventMissing,
        B::BreachCategoryMissing,
        B::BreachRiskMissing,
        B::BreachRiskReasonMissing,
        B::BreachHowMissing,
        B::BreachDelayReasonMissing,
        B::BreachCloseReasonMissing,
        B::BreachClosed,
        B::BreachChanged,
        B::EmailTooLong,
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
