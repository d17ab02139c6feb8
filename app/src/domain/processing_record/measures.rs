//! The technical and organisational measures Lanyard applies (GDPR Art. 30(1)(g), 32),
//! as the record of processing states them: one list, each measure a short sentence in
//! both languages (`ropa.m_*` in the locales) and the term by which the README's
//! "Security and privacy choices" section describes it. The test below fails when that
//! section no longer mentions a measure's term, so the record and the README cannot
//! drift apart silently.

use crate::i18n::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Passwords,
    SignInLimits,
    Sessions,
    AccessChecks,
    AuditLog,
    AuditReaders,
    PublishGate,
    Exports,
    Hold,
    ConsentHistory,
    NoticeShown,
    ConsentLimits,
    BadgeTokens,
    PrivateCode,
    CodesNotInUrls,
    SecureDelete,
    PhotoPixels,
    ExportCleanup,
    CsvFormulas,
    Nfc,
    ImageLimits,
    Backups,
    BreachRegister,
}

impl Measure {
    pub const ALL: [Measure; 23] = [
        Measure::Passwords,
        Measure::SignInLimits,
        Measure::Sessions,
        Measure::AccessChecks,
        Measure::AuditLog,
        Measure::AuditReaders,
        Measure::PublishGate,
        Measure::Exports,
        Measure::Hold,
        Measure::ConsentHistory,
        Measure::NoticeShown,
        Measure::ConsentLimits,
        Measure::BadgeTokens,
        Measure::PrivateCode,
        Measure::CodesNotInUrls,
        Measure::SecureDelete,
        Measure::PhotoPixels,
        Measure::ExportCleanup,
        Measure::CsvFormulas,
        Measure::Nfc,
        Measure::ImageLimits,
        Measure::Backups,
        Measure::BreachRegister,
    ];

    /// Stable across languages (the JSON and CSV name it).
    pub fn key(self) -> &'static str {
        match self {
            Measure::Passwords => "passwords",
            Measure::SignInLimits => "sign_in_limits",
            Measure::Sessions => "sessions",
            Measure::AccessChecks => "access_checks",
            Measure::AuditLog => "audit_log",
            Measure::AuditReaders => "audit_readers",
            Measure::PublishGate => "publish_gate",
            Measure::Exports => "exports",
            Measure::Hold => "hold",
            Measure::ConsentHistory => "consent_history",
            Measure::NoticeShown => "notice_shown",
            Measure::ConsentLimits => "consent_limits",
            Measure::BadgeTokens => "badge_tokens",
            Measure::PrivateCode => "private_code",
            Measure::CodesNotInUrls => "codes_not_in_urls",
            Measure::SecureDelete => "secure_delete",
            Measure::PhotoPixels => "photo_pixels",
            Measure::ExportCleanup => "export_cleanup",
            Measure::CsvFormulas => "csv_formulas",
            Measure::Nfc => "nfc",
            Measure::ImageLimits => "image_limits",
            Measure::Backups => "backups",
            Measure::BreachRegister => "breach_register",
        }
    }

    /// The words the README's security section uses for it.
    pub fn readme_term(self) -> &'static str {
        match self {
            Measure::Passwords => "argon2id",
            Measure::SignInLimits => "Failed sign-ins are limited",
            Measure::Sessions => "12 hours of inactivity",
            Measure::AccessChecks => "access table",
            Measure::AuditLog => "hash-chained",
            Measure::AuditReaders => "Who reads the log",
            Measure::PublishGate => "publish gate",
            Measure::Exports => "Exports cannot outlive a change",
            Measure::Hold => "anonymous hold",
            Measure::ConsentHistory => "Consent history is append-only",
            Measure::NoticeShown => "notice_changed",
            Measure::ConsentLimits => "Consent input is bounded",
            Measure::BadgeTokens => "128-bit random",
            Measure::PrivateCode => "SHA-256 hash",
            Measure::CodesNotInUrls => "POST bodies",
            Measure::SecureDelete => "secure_delete",
            Measure::PhotoPixels => "nothing but its pixels",
            Measure::ExportCleanup => "deleted at start-up",
            Measure::CsvFormulas => "formula injection",
            Measure::Nfc => "NFC",
            Measure::ImageLimits => "ancillary chunks",
            Measure::Backups => "encrypted with age",
            Measure::BreachRegister => "The breach register",
        }
    }

    /// The measure in one short sentence.
    pub fn text(self, l: Locale) -> String {
        match self {
            Measure::Passwords => td_string!(l, ropa.m_passwords).to_string(),
            Measure::SignInLimits => td_string!(l, ropa.m_sign_in_limits).to_string(),
            Measure::Sessions => td_string!(l, ropa.m_sessions).to_string(),
            Measure::AccessChecks => td_string!(l, ropa.m_access_checks).to_string(),
            Measure::AuditLog => td_string!(l, ropa.m_audit_log).to_string(),
            Measure::AuditReaders => td_string!(l, ropa.m_audit_readers).to_string(),
            Measure::PublishGate => td_string!(l, ropa.m_publish_gate).to_string(),
            Measure::Exports => td_string!(l, ropa.m_exports).to_string(),
            Measure::Hold => td_string!(l, ropa.m_hold).to_string(),
            Measure::ConsentHistory => td_string!(l, ropa.m_consent_history).to_string(),
            Measure::NoticeShown => td_string!(l, ropa.m_notice_shown).to_string(),
            Measure::ConsentLimits => td_string!(l, ropa.m_consent_limits).to_string(),
            Measure::BadgeTokens => td_string!(l, ropa.m_badge_tokens).to_string(),
            Measure::PrivateCode => td_string!(l, ropa.m_private_code).to_string(),
            Measure::CodesNotInUrls => td_string!(l, ropa.m_codes_not_in_urls).to_string(),
            Measure::SecureDelete => td_string!(l, ropa.m_secure_delete).to_string(),
            Measure::PhotoPixels => td_string!(l, ropa.m_photo_pixels).to_string(),
            Measure::ExportCleanup => td_string!(l, ropa.m_export_cleanup).to_string(),
            Measure::CsvFormulas => td_string!(l, ropa.m_csv_formulas).to_string(),
            Measure::Nfc => td_string!(l, ropa.m_nfc).to_string(),
            Measure::ImageLimits => td_string!(l, ropa.m_image_limits).to_string(),
            Measure::Backups => td_string!(l, ropa.m_backups).to_string(),
            Measure::BreachRegister => td_string!(l, ropa.m_breach_register).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's "Security and privacy choices" section, up to the next heading.
    fn security_section(readme: &str) -> &str {
        let start = readme
            .find("### Security and privacy choices")
            .expect("the README has its security section");
        let rest = &readme[start..];
        let body_start = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let end = rest[body_start..]
            .find("\n#")
            .map_or(rest.len(), |i| body_start + i);
        &rest[..end]
    }

    /// The terms the section lacks; line breaks and indentation count as one space.
    fn missing_terms(readme: &str) -> Vec<&'static str> {
        let section = security_section(readme)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Measure::ALL
            .into_iter()
            .map(Measure::readme_term)
            .filter(|t| !section.contains(t))
            .collect()
    }

    /// Issue 15 point 7: every measure the record states is one the README's security
    /// section describes, by its term; a measure dropped from the README (or a term
    /// reworded) fails here until the record's list follows.
    #[test]
    fn the_readme_security_section_mentions_every_measure() {
        let readme = include_str!("../../../../README.md");
        assert_eq!(missing_terms(readme), Vec::<&str>::new());
    }

    #[test]
    fn a_measure_missing_from_the_readme_section_is_caught() {
        let readme = include_str!("../../../../README.md");
        // The term elsewhere in the README does not count: only the security section.
        let cut = readme.replace("argon2id", "a slow hash");
        let moved = format!("{cut}\n## Elsewhere\n\nargon2id\n");
        assert_eq!(missing_terms(&moved), vec!["argon2id"]);
    }

    #[test]
    fn measures_have_distinct_keys_and_both_languages() {
        let mut keys: Vec<_> = Measure::ALL.iter().map(|m| m.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Measure::ALL.len());
        for m in Measure::ALL {
            let (en, lv) = (m.text(Locale::en), m.text(Locale::lv));
            assert!(!en.is_empty() && !lv.is_empty() && en != lv, "{m:?}");
        }
    }
}
