//! Registration and consent rules (requirements 1, 3, 4, 5, 6, 8).

use super::auth::{normalise_code, random_token, random_typed_code, token_hash};
use super::store::{Actor, Conflict, NewAttendee, NewConsent, NoticeVersion, Store, StoreError};
use crate::types::{AttendeeId, EventId, NoticeRef};
use crate::types::{BadInput, Channel, Consent, ConsentInput, Field, FieldRules, PersonFields};
use crate::validate::{looks_like_email, looks_like_phone};

/// Largest accepted signature image.
pub const MAX_SIGNATURE_BYTES: usize = 200 * 1024;
/// Largest accepted signature image size in pixels (the pad draws 600 × 200).
pub const MAX_SIGNATURE_WIDTH: u32 = 2000;
pub const MAX_SIGNATURE_HEIGHT: u32 = 1000;
/// Longest guardian's name, in characters (as the attendee's own fields).
pub const MAX_GUARDIAN_NAME: usize = 200;

/// `s` in Unicode NFC (issue 14, point 6): "Č" typed as C plus a combining caron is
/// stored as the one character "Č", so a search finds the name however it was typed.
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(s)
}

/// Keeps only the fields the event switched on (anything else sent is dropped, not
/// stored), trims them and stores them in Unicode NFC ([`nfc`]), and checks required
/// ones and formats. Errors name the field,
/// e.g. `BadInput::FieldRequired(Field::Email)`, for the UI to word.
pub fn clean_fields(rules: &FieldRules, raw: PersonFields) -> Result<PersonFields, BadInput> {
    let mut out = PersonFields::default();
    for f in Field::ALL {
        let rule = rules.get(f);
        if !rule.enabled {
            continue;
        }
        let v = raw
            .get(f)
            .map(|s| nfc(s.trim()).trim().to_string())
            .filter(|s| !s.is_empty());
        match &v {
            None if rule.required => return Err(BadInput::FieldRequired(f)),
            Some(s) if s.chars().count() > 200 => return Err(BadInput::FieldTooLong(f)),
            Some(s) if f == Field::Email && !looks_like_email(s) => {
                return Err(BadInput::FieldInvalid(f))
            }
            Some(s) if f == Field::Phone && !looks_like_phone(s) => {
                return Err(BadInput::FieldInvalid(f))
            }
            _ => {}
        }
        out.set(f, v);
    }
    Ok(out)
}

/// A guardian's consent for a minor who chooses green (requirement 6).
#[derive(Clone, Debug, Default)]
pub struct GuardianInput {
    pub name: String,
    pub confirmed: bool,
    pub signature_png: Option<Vec<u8>>,
}

/// A minor may be green only with a guardian's name, confirmation and drawn signature.
pub fn check_guardian(is_minor: bool, choice: Consent, g: &GuardianInput) -> Result<(), BadInput> {
    if !is_minor || choice == Consent::Red {
        return Ok(());
    }
    if g.name.trim().is_empty() || !g.confirmed {
        return Err(BadInput::GuardianRequired);
    }
    match &g.signature_png {
        Some(png) if png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() <= MAX_SIGNATURE_BYTES => {
            Ok(())
        }
        Some(_) => Err(BadInput::SignatureInvalid),
        None => Err(BadInput::GuardianRequired),
    }
}

/// Decodes the signature pad's `data:image/png;base64,…` URL (issue 14 point 6): at most
/// 200 KB, a PNG of at most 2000 × 1000 pixels, decoded and encoded again, so what is
/// stored is a plain PNG the server wrote (no extra chunks, nothing but pixels). Empty
/// means none.
pub fn decode_signature(url: Option<&str>) -> Result<Option<Vec<u8>>, BadInput> {
    use base64::Engine;
    let Some(url) = url.filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let b64 = url
        .strip_prefix("data:image/png;base64,")
        .ok_or(BadInput::SignatureInvalid)?;
    if b64.len() > MAX_SIGNATURE_BYTES.div_ceil(3) * 4 {
        return Err(BadInput::SignatureTooBig);
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|_| BadInput::SignatureInvalid)?;
    if bytes.len() > MAX_SIGNATURE_BYTES {
        return Err(BadInput::SignatureTooBig);
    }
    reencode_png(&bytes).map(Some)
}

/// A PNG checked by its header's size before any pixel is decoded, then decoded and
/// written again as 8-bit RGBA.
fn reencode_png(bytes: &[u8]) -> Result<Vec<u8>, BadInput> {
    use image::codecs::png::{PngDecoder, PngEncoder};
    use image::{DynamicImage, ImageDecoder, ImageEncoder};
    let decoder =
        PngDecoder::new(std::io::Cursor::new(bytes)).map_err(|_| BadInput::SignatureInvalid)?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(BadInput::SignatureInvalid);
    }
    if w > MAX_SIGNATURE_WIDTH || h > MAX_SIGNATURE_HEIGHT {
        return Err(BadInput::SignatureTooLargePixels);
    }
    let rgba = DynamicImage::from_decoder(decoder)
        .map_err(|_| BadInput::SignatureInvalid)?
        .into_rgba8();
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(rgba.as_raw(), w, h, image::ExtendedColorType::Rgba8)
        .map_err(|_| BadInput::SignatureInvalid)?;
    Ok(out)
}

/// The attendee's secrets, returned once and never stored in clear.
#[derive(Clone, Debug)]
pub struct Issued {
    pub attendee_id: AttendeeId,
    /// Printed in the badge QR as `{base}/b/{token}`.
    pub badge_token: String,
    /// For self-service later: 7 groups of 4 symbols (~138 bits).
    pub private_code: String,
}

pub struct Registration {
    pub event_id: EventId,
    pub fields: PersonFields,
    pub is_minor: bool,
    pub decision: Decision,
    pub source: &'static str,
}

/// Why a decision was refused: a broken rule for the UI to word, too many misses from
/// one kiosk, or the store's error.
#[derive(Debug)]
pub enum RegisterError {
    /// A rule the input breaks, for the UI to word.
    Invalid(BadInput),
    /// Too many misses from this kiosk or client address lately.
    RateLimited,
    /// The caller may not do this (e.g. a photographer using an organiser's tool).
    Forbidden,
    Store(StoreError),
}

impl From<StoreError> for RegisterError {
    fn from(e: StoreError) -> Self {
        RegisterError::Store(e)
    }
}

impl From<super::requests::RequestError> for RegisterError {
    fn from(e: super::requests::RequestError) -> Self {
        match e {
            super::requests::RequestError::Invalid(b) => RegisterError::Invalid(b),
            super::requests::RequestError::Store(e) => RegisterError::Store(e),
        }
    }
}

impl From<BadInput> for RegisterError {
    fn from(b: BadInput) -> Self {
        RegisterError::Invalid(b)
    }
}

/// Validates and stores a registration with its first consent decision.
pub async fn register(
    store: &Store,
    actor: Actor,
    rules: &FieldRules,
    r: Registration,
) -> Result<Issued, RegisterError> {
    let fields = clean_fields(rules, r.fields)?;
    let consent = r.decision.into_consent(r.is_minor)?;
    let badge_token = random_token(16);
    let private_code = random_typed_code(7);
    let attendee = NewAttendee {
        event_id: r.event_id,
        fields,
        is_minor: r.is_minor,
        source: r.source,
        badge_token: badge_token.clone(),
        private_code_hash: Some(token_hash(&normalise_code(&private_code))),
        checkin_code_hash: None,
    };
    let attendee_id = store.register_attendee(actor, attendee, consent).await?;
    Ok(Issued {
        attendee_id,
        badge_token,
        private_code,
    })
}

/// The consent part of a decision, with the notice version shown and who recorded it.
pub struct Decision {
    pub choice: Consent,
    pub guardian: GuardianInput,
    /// The notice version the page showed; required once the rest is valid, and
    /// recorded only while it is current (checked in the store's transaction).
    pub notice: Option<NoticeRef>,
    pub channel: Channel,
    pub channel_ref: String,
}

impl Decision {
    /// The one way a decision is built from what a page sent (issue 13): a choice is
    /// required, the guardian's name is at most 200 characters, the signature pad's
    /// image is decoded within limits, and who recorded it follows from the actor
    /// (`kiosk:{device}`, `user:{id}`, `self`). The notice is the version the page
    /// showed (`input.notice`; issue 14 point 4).
    pub fn from_input(
        actor: &Actor,
        channel: Channel,
        input: ConsentInput,
    ) -> Result<Decision, RegisterError> {
        let choice = input.choice.ok_or(BadInput::ChoiceMissing)?;
        if input.guardian_name.trim().chars().count() > MAX_GUARDIAN_NAME {
            return Err(BadInput::GuardianNameTooLong.into());
        }
        let channel_ref = match actor {
            Actor::Kiosk { device_id, .. } => format!("kiosk:{device_id}"),
            Actor::User { id, .. } => format!("user:{id}"),
            Actor::DataSubject { .. } => "self".to_string(),
            _ => return Err(StoreError::Conflict(Conflict::NotAUser).into()),
        };
        let signature_png = decode_signature(input.signature_data_url.as_deref())?;
        Ok(Decision {
            choice,
            guardian: GuardianInput {
                name: input.guardian_name,
                confirmed: input.guardian_confirmed,
                signature_png,
            },
            notice: input.notice,
            channel,
            channel_ref,
        })
    }

    /// A decision the server makes on the attendee's word without a page that showed a
    /// notice (a badge-scan withdrawal at the kiosk): the current notice of the
    /// language asked for is recorded.
    pub fn with_current_notice(mut self, notice: &NoticeVersion) -> Decision {
        self.notice = Some(notice.reference());
        self
    }

    /// Checks the guardian rule and that the page named the notice it showed, and builds
    /// the consent row: guardian data is kept only for a minor's green choice.
    fn into_consent(self, is_minor: bool) -> Result<NewConsent, RegisterError> {
        check_guardian(is_minor, self.choice, &self.guardian)?;
        let notice = self.notice.ok_or(BadInput::NoticeVersionMissing)?;
        let minor_green = is_minor && self.choice == Consent::Green;
        Ok(NewConsent {
            choice: self.choice,
            notice,
            channel: self.channel,
            channel_ref: self.channel_ref,
            guardian_name: minor_green.then(|| nfc(self.guardian.name.trim()).into_owned()),
            guardian_confirmed: minor_green && self.guardian.confirmed,
            signature_png: if minor_green {
                self.guardian.signature_png
            } else {
                None
            },
        })
    }
}

/// Checks in a pre-registered attendee at the kiosk: their first consent and a new
/// private code. `Invalid(BadInput::CheckinUsed)` when they already checked in.
pub async fn check_in(
    store: &Store,
    actor: Actor,
    attendee_id: AttendeeId,
    is_minor: bool,
    d: Decision,
) -> Result<Issued, RegisterError> {
    let consent = d.into_consent(is_minor)?;
    let private_code = random_typed_code(7);
    let hash = token_hash(&normalise_code(&private_code));
    let badge_token = match store
        .check_in(actor, attendee_id, is_minor, hash, consent)
        .await
    {
        Err(StoreError::Conflict(Conflict::CheckinUsed)) => {
            return Err(RegisterError::Invalid(BadInput::CheckinUsed))
        }
        other => other?,
    };
    Ok(Issued {
        attendee_id,
        badge_token,
        private_code,
    })
}

/// Records a changed decision (a new row; the old ones stay). The attendee's minor flag
/// decides whether a guardian is needed.
pub async fn change(
    store: &Store,
    actor: Actor,
    attendee_id: AttendeeId,
    d: Decision,
) -> Result<i64, RegisterError> {
    let (_, is_minor) = store.attendee_event_and_minor(attendee_id).await?;
    let consent = d.into_consent(is_minor)?;
    Ok(store.record_consent(actor, attendee_id, consent).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{EventSettings, FieldRule};

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\nrest";

    fn rules(fields: &[(Field, bool)]) -> FieldRules {
        let mut r = FieldRules::default();
        for (f, required) in fields {
            let rule = FieldRule {
                enabled: true,
                required: *required,
            };
            match f {
                Field::FirstName => r.first_name = rule,
                Field::LastName => r.last_name = rule,
                Field::Organisation => r.organisation = rule,
                Field::RoleTitle => r.role_title = rule,
                Field::Email => r.email = rule,
                Field::Phone => r.phone = rule,
            }
        }
        r
    }

    /// Issue 14, point 6: names are stored in NFC, whatever the keyboard sent.
    #[test]
    fn names_are_stored_in_nfc() {
        let r = rules(&[(Field::FirstName, true), (Field::LastName, false)]);
        let raw = PersonFields {
            // "Jānis" and "Čakste" with combining marks: a + U+0304, C + U+030C.
            first_name: Some(" Ja\u{304}nis ".into()),
            last_name: Some("C\u{30C}akste".into()),
            ..Default::default()
        };
        let clean = clean_fields(&r, raw).unwrap();
        assert_eq!(clean.first_name.as_deref(), Some("J\u{101}nis"));
        assert_eq!(clean.last_name.as_deref(), Some("\u{10C}akste"));
        assert_eq!(clean.last_name.as_deref(), Some("Čakste"));
        assert_eq!(nfc("Anna"), "Anna");
    }

    #[test]
    fn count_only_event_stores_no_personal_data() {
        let raw = PersonFields {
            first_name: Some("Anna".into()),
            email: Some("a@b.lv".into()),
            ..Default::default()
        };
        assert_eq!(
            clean_fields(&FieldRules::default(), raw),
            Ok(PersonFields::default())
        );
    }

    #[test]
    fn only_enabled_fields_are_kept_and_required_ones_enforced() {
        let r = rules(&[(Field::FirstName, true), (Field::Email, false)]);
        let raw = PersonFields {
            first_name: Some("  ".into()),
            phone: Some("123456".into()),
            ..Default::default()
        };
        assert_eq!(
            clean_fields(&r, raw),
            Err(BadInput::FieldRequired(Field::FirstName))
        );
        let raw = PersonFields {
            first_name: Some(" Anna ".into()),
            email: Some("not-an-email".into()),
            ..Default::default()
        };
        assert_eq!(
            clean_fields(&r, raw),
            Err(BadInput::FieldInvalid(Field::Email))
        );
        let raw = PersonFields {
            first_name: Some("Anna".into()),
            phone: Some("+371 2000 0000".into()),
            ..Default::default()
        };
        let clean = clean_fields(&r, raw).unwrap();
        assert_eq!(clean.first_name.as_deref(), Some("Anna"));
        assert_eq!(clean.phone, None, "phone is off for this event: dropped");
        assert_eq!(clean.email, None, "optional and empty");
    }

    #[test]
    fn minors_need_a_full_guardian_consent_for_green() {
        let full = GuardianInput {
            name: "Parent".into(),
            confirmed: true,
            signature_png: Some(PNG.to_vec()),
        };
        assert_eq!(check_guardian(true, Consent::Green, &full), Ok(()));
        assert_eq!(
            check_guardian(true, Consent::Red, &GuardianInput::default()),
            Ok(())
        );
        assert_eq!(
            check_guardian(false, Consent::Green, &GuardianInput::default()),
            Ok(())
        );
        let no_sig = GuardianInput {
            signature_png: None,
            ..full.clone()
        };
        assert_eq!(
            check_guardian(true, Consent::Green, &no_sig),
            Err(BadInput::GuardianRequired)
        );
        let unconfirmed = GuardianInput {
            confirmed: false,
            ..full.clone()
        };
        assert_eq!(
            check_guardian(true, Consent::Green, &unconfirmed),
            Err(BadInput::GuardianRequired)
        );
        let no_name = GuardianInput {
            name: " ".into(),
            ..full.clone()
        };
        assert_eq!(
            check_guardian(true, Consent::Green, &no_name),
            Err(BadInput::GuardianRequired)
        );
        let not_png = GuardianInput {
            signature_png: Some(b"GIF89a".to_vec()),
            ..full
        };
        assert_eq!(
            check_guardian(true, Consent::Green, &not_png),
            Err(BadInput::SignatureInvalid)
        );
    }

    #[tokio::test]
    async fn register_issues_unrelated_random_tokens_and_records_guardian() {
        let (s, ev, actor) = crate::domain::store::test_support::store_with_event().await;
        s.save_event_settings(
            actor.clone(),
            ev,
            EventSettings::default(),
            vec![("lv".into(), "N".into())],
        )
        .await
        .unwrap();
        let notice = s
            .current_notice(ev, "lv".into())
            .await
            .unwrap()
            .unwrap()
            .reference();
        let r = rules(&[(Field::FirstName, true)]);
        let reg = |is_minor, choice, guardian| Registration {
            event_id: ev,
            fields: PersonFields {
                first_name: Some("Anna".into()),
                ..Default::default()
            },
            is_minor,
            decision: Decision {
                choice,
                guardian,
                notice: Some(notice.clone()),
                channel: Channel::Kiosk,
                channel_ref: "kiosk:1".into(),
            },
            source: "kiosk",
        };
        let err = register(
            &s,
            actor.clone(),
            &r,
            reg(true, Consent::Green, GuardianInput::default()),
        )
        .await;
        assert!(matches!(
            err,
            Err(RegisterError::Invalid(BadInput::GuardianRequired))
        ));
        assert_eq!(s.event_counts(ev).await.unwrap().registered, 0);

        let g = GuardianInput {
            name: "Parent Name".into(),
            confirmed: true,
            signature_png: Some(PNG.to_vec()),
        };
        let a = register(&s, actor.clone(), &r, reg(true, Consent::Green, g))
            .await
            .unwrap();
        let b = register(
            &s,
            actor.clone(),
            &r,
            reg(false, Consent::Red, GuardianInput::default()),
        )
        .await
        .unwrap();
        assert_eq!(a.badge_token.len(), 22, "128-bit token");
        assert_ne!(a.badge_token, b.badge_token);
        assert!(!a.badge_token.contains("Anna") && !a.private_code.contains("ANNA"));
        assert_eq!(a.private_code.len(), 34);
        let h = s.consent_history(actor, a.attendee_id).await.unwrap();
        assert_eq!(h[0].guardian_name.as_deref(), Some("Parent Name"));
        assert!(h[0].guardian_confirmed);
        assert!(h[0]
            .signature_ref
            .as_deref()
            .unwrap()
            .starts_with("signature:"));
    }

    fn shown() -> NoticeRef {
        NoticeRef {
            id: crate::types::NoticeVersionId::from(7),
            sha256: crate::types::Sha256Hex::parse(&"ab".repeat(32)).unwrap(),
        }
    }

    /// The one way a decision is built (issue 13): a choice is required, who recorded
    /// it follows from the actor, the signature is decoded, the notice is the one the
    /// page sent (issue 14 point 4).
    #[test]
    fn decisions_are_built_one_way() {
        let input = |choice| ConsentInput {
            choice,
            notice: Some(shown()),
            guardian_name: " Anna ".into(),
            guardian_confirmed: true,
            signature_data_url: None,
        };
        let kiosk = Actor::Kiosk {
            device_id: 3,
            event_id: 1.into(),
        };
        let missing = Decision::from_input(&kiosk, Channel::Kiosk, input(None));
        assert!(matches!(
            missing,
            Err(RegisterError::Invalid(BadInput::ChoiceMissing))
        ));
        let d = Decision::from_input(&kiosk, Channel::Kiosk, input(Some(Consent::Green))).unwrap();
        assert_eq!(
            (
                d.choice,
                d.notice.clone(),
                d.channel,
                d.channel_ref.as_str()
            ),
            (Consent::Green, Some(shown()), Channel::Kiosk, "kiosk:3")
        );
        assert_eq!(d.guardian.name, " Anna ");
        let user = Actor::User {
            id: 5,
            role: crate::types::Role::Organiser,
        };
        let by_user = |c| Decision::from_input(&user, c, input(Some(Consent::Red)));
        assert_eq!(by_user(Channel::Organiser).unwrap().channel_ref, "user:5");
        let me = Actor::DataSubject {
            attendee_id: 9.into(),
        };
        let d = Decision::from_input(&me, Channel::SelfService, input(Some(Consent::Red)));
        assert_eq!(d.unwrap().channel_ref, "self");
        let nobody = Decision::from_input(&Actor::Cli, Channel::Kiosk, input(Some(Consent::Red)));
        assert!(matches!(
            nobody,
            Err(RegisterError::Store(StoreError::Conflict(
                Conflict::NotAUser
            )))
        ));
        let bad_signature = ConsentInput {
            signature_data_url: Some("data:image/gif;base64,R0lG".into()),
            ..input(Some(Consent::Green))
        };
        assert!(matches!(
            Decision::from_input(&kiosk, Channel::Kiosk, bad_signature),
            Err(RegisterError::Invalid(BadInput::SignatureInvalid))
        ));
        // Issue 14 point 6: the guardian's name is at most 200 characters.
        let long_name = ConsentInput {
            guardian_name: "Ā".repeat(201),
            ..input(Some(Consent::Green))
        };
        assert!(matches!(
            Decision::from_input(&kiosk, Channel::Kiosk, long_name),
            Err(RegisterError::Invalid(BadInput::GuardianNameTooLong))
        ));
        let just_fits = ConsentInput {
            guardian_name: "Ā".repeat(200),
            ..input(Some(Consent::Green))
        };
        assert!(Decision::from_input(&kiosk, Channel::Kiosk, just_fits).is_ok());
        // Without the notice the page showed, nothing is recorded.
        let no_notice = ConsentInput {
            notice: None,
            ..input(Some(Consent::Red))
        };
        let d = Decision::from_input(&kiosk, Channel::Kiosk, no_notice).unwrap();
        assert!(matches!(
            d.into_consent(false),
            Err(RegisterError::Invalid(BadInput::NoticeVersionMissing))
        ));
    }

    fn png_of(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| {
            image::Rgba([0, 0, 0, if (x + y) % 7 == 0 { 255 } else { 0 }])
        });
        let mut out = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    fn data_url(bytes: &[u8]) -> String {
        use base64::Engine;
        format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    }

    /// Issue 14 point 6: a signature is a PNG of at most 200 KB and 2000 × 1000 pixels,
    /// decoded and written again (extra chunks do not survive); anything else is
    /// refused with its own sentence.
    #[test]
    fn signatures_are_decoded_within_limits_and_reencoded() {
        let pad = png_of(600, 200);
        // A text chunk with something that is not a signature, before the image end.
        let mut with_chunk = pad[..pad.len() - 12].to_vec();
        let text = b"tEXtComment\0not a signature";
        with_chunk.extend_from_slice(&((text.len() - 4) as u32).to_be_bytes());
        with_chunk.extend_from_slice(text);
        let crc = crc32(text);
        with_chunk.extend_from_slice(&crc.to_be_bytes());
        with_chunk.extend_from_slice(&pad[pad.len() - 12..]);
        let stored = decode_signature(Some(&data_url(&with_chunk)))
            .unwrap()
            .unwrap();
        assert!(stored.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(
            !stored.windows(14).any(|w| w == b"not a signatur"),
            "re-encoded: the extra chunk is gone"
        );
        let back = image::load_from_memory(&stored).unwrap();
        assert_eq!((back.width(), back.height()), (600, 200));
        assert_eq!(decode_signature(None), Ok(None));
        assert_eq!(decode_signature(Some("")), Ok(None));
        assert_eq!(
            decode_signature(Some(&data_url(&png_of(2001, 10)))),
            Err(BadInput::SignatureTooLargePixels)
        );
        assert_eq!(
            decode_signature(Some(&data_url(&png_of(10, 1001)))),
            Err(BadInput::SignatureTooLargePixels)
        );
        assert_eq!(
            decode_signature(Some(&data_url(&vec![0u8; MAX_SIGNATURE_BYTES + 1]))),
            Err(BadInput::SignatureTooBig)
        );
        assert_eq!(
            decode_signature(Some(&data_url(b"GIF89a not a png"))),
            Err(BadInput::SignatureInvalid)
        );
        let cut = &pad[..pad.len() / 2];
        assert_eq!(
            decode_signature(Some(&data_url(cut))),
            Err(BadInput::SignatureInvalid)
        );
    }

    /// CRC-32 (PNG's), for building a chunk by hand.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for b in bytes {
            c ^= u32::from(*b);
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
}
