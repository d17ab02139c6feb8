//! Pairing kiosk tablets with events.

use crate::types::{ApiError, Me, PairingCode};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, register_err, store_err, SessionPrincipal};
#[cfg(feature = "ssr")]
use crate::types::BadInput;

/// An organiser makes a one-time pairing code for one of their events.
#[server(endpoint = "kiosk/pairing-code")]
pub async fn create_pairing_code(event_id: String) -> Result<PairingCode, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let code = crate::domain::kiosk::new_pairing_code(&m.state.store, m.actor, m.row)
        .await
        .map_err(store_err)?;
    Ok(PairingCode {
        code,
        event_name: m.event.name,
        expires_in_secs: crate::domain::kiosk::PAIRING_TTL_SECS,
    })
}

/// A tablet redeems a pairing code and becomes a kiosk for that event: a long-lived
/// session that may only register attendees for that event. Wrong codes are limited
/// per client address.
#[server(endpoint = "kiosk/pair")]
pub async fn pair_kiosk(code: String) -> Result<Me, ApiError> {
    let st = guard::state()?;
    let ip_key = format!("ip:{}", guard::client_ip().await);
    if st.pairing_by_ip.is_blocked(&ip_key) {
        return Err(fail(ApiError::RateLimited));
    }
    let Some(device) = crate::domain::kiosk::redeem(&st.store, &code)
        .await
        .map_err(store_err)?
    else {
        st.pairing_by_ip.record(&ip_key);
        return Err(fail(ApiError::BadInput(BadInput::PairingCodeInvalid)));
    };
    let session = guard::session().await?;
    guard::sign_in(
        &session,
        SessionPrincipal::Kiosk {
            device_id: device.id,
            event_id: device.event_id,
        },
    )
    .await?;
    // A kiosk stays paired for a year of use; each request renews it.
    session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
        time::Duration::days(365),
    )));
    let ev = st
        .store
        .event_by_id(device.event_id)
        .await
        .map_err(store_err)?;
    tracing::info!(kiosk_id = device.id, "kiosk paired");
    Ok(Me::Kiosk {
        event_id: ev.id,
        event_name: ev.name,
    })
}

/// Unpairs this tablet (e.g. at the end of the event): only once an organiser of its
/// event, or an admin, confirms with their email and password on the tablet (issue 12
/// point 3). The device is revoked and the tablet's session ends.
#[server(endpoint = "kiosk/unpair")]
pub async fn unpair_kiosk(email: String, password: String) -> Result<(), ApiError> {
    let (_, event_id, device_id) = kiosk_ids().await?;
    let st = guard::state()?;
    let ip = guard::client_ip().await;
    crate::domain::kiosk::unpair_by_staff(&st, device_id, event_id, &ip, &email, password)
        .await
        .map_err(guard::unpair_err)?;
    guard::session()
        .await?
        .flush()
        .await
        .map_err(|_| fail(ApiError::Server))?;
    Ok(())
}

/// The paired kiosk calling: its actor, event and device ids.
#[cfg(feature = "ssr")]
async fn kiosk_ids() -> Result<(crate::domain::Actor, i64, i64), ApiError> {
    match guard::require_kiosk().await? {
        actor @ crate::domain::Actor::Kiosk {
            event_id,
            device_id,
        } => Ok((actor, event_id, device_id)),
        _ => Err(fail(ApiError::Forbidden)),
    }
}

/// Look-ups of people and badges at a kiosk: 429 once this device missed too often.
/// Returns the limiter key to record misses under.
#[cfg(feature = "ssr")]
fn lookup_limit(st: &crate::domain::AppState, device_id: i64) -> Result<String, ApiError> {
    let key = format!("kiosk:{device_id}");
    if st.checkin_by_kiosk.is_blocked(&key) {
        return Err(fail(ApiError::RateLimited));
    }
    Ok(key)
}

/// The current notice of each language, as the kiosk shows and records it.
#[cfg(feature = "ssr")]
pub(crate) async fn current_notices(
    store: &crate::domain::Store,
    event_id: i64,
    languages: &[String],
) -> Result<Vec<crate::types::NoticeText>, ApiError> {
    let mut out = Vec::new();
    for lang in languages {
        if let Some(n) = store
            .current_notice(event_id, lang.clone())
            .await
            .map_err(store_err)?
        {
            out.push(crate::types::NoticeText {
                version_id: n.id,
                lang: n.lang,
                text: n.text,
                sha256: n.sha256,
            });
        }
    }
    Ok(out)
}

/// What this kiosk's event asks of attendees: fields, notice, languages, idle timeout.
#[server(endpoint = "kiosk/event")]
pub async fn kiosk_event() -> Result<crate::types::KioskEvent, ApiError> {
    let actor = guard::require_kiosk().await?;
    let crate::domain::Actor::Kiosk { event_id, .. } = actor else {
        return Err(fail(ApiError::Forbidden));
    };
    let st = guard::state()?;
    let event = st.store.event_by_id(event_id).await.map_err(store_err)?;
    let s = st.store.event_settings(event_id).await.map_err(store_err)?;
    let notices = current_notices(&st.store, event_id, &s.languages).await?;
    let policy_qr_svg =
        (!s.policy_url.is_empty()).then(|| crate::domain::badges::qr_svg(&s.policy_url));
    Ok(crate::types::KioskEvent {
        event_name: event.name,
        default_lang: event.default_lang,
        languages: s.languages,
        fields: s.fields,
        notices,
        idle_timeout_secs: s.idle_timeout_secs,
        policy_url: s.policy_url,
        policy_qr_svg,
        badge_stock: s.badge_stock,
        allow_email_lookup: s.allow_email_lookup,
    })
}

/// Session key of the pre-registered attendee found at this kiosk: (attendee id, unix
/// time found). Kept server-side so the browser never holds an attendee id.
#[cfg(feature = "ssr")]
const CHECKIN_KEY: &str = "checkin";
/// A found check-in must be completed within this many seconds.
#[cfg(feature = "ssr")]
const CHECKIN_TTL_SECS: i64 = 15 * 60;

/// A pre-registered attendee finds themselves by check-in code (typed or scanned) or,
/// when the event allows it, by exact email. Answers with their own name only; never a
/// list. Misses are limited per kiosk.
#[server(endpoint = "kiosk/checkin/find")]
pub async fn checkin_find(
    code: String,
    email: String,
) -> Result<crate::types::CheckinFound, ApiError> {
    use crate::domain::auth::{normalise_code, token_hash};
    use crate::domain::store::CheckinKey;
    let (actor, event_id, device_id) = kiosk_ids().await?;
    let st = guard::state()?;
    let limit_key = lookup_limit(&st, device_id)?;
    let code = normalise_code(&code);
    let key = if !code.is_empty() {
        CheckinKey::CodeHash(token_hash(&code))
    } else if !email.trim().is_empty() {
        let settings = st.store.event_settings(event_id).await.map_err(store_err)?;
        if !settings.allow_email_lookup {
            return Err(fail(ApiError::BadInput(BadInput::CheckinEmailOff)));
        }
        CheckinKey::Email(email)
    } else {
        return Err(fail(ApiError::BadInput(BadInput::CheckinMissing)));
    };
    let session = guard::session().await?;
    let _ = session.remove::<(i64, i64)>(CHECKIN_KEY).await;
    let found = st
        .store
        .find_for_checkin(actor, event_id, key)
        .await
        .map_err(store_err)?;
    let Some(found) = found else {
        st.checkin_by_kiosk.record(&limit_key);
        return Err(fail(ApiError::BadInput(BadInput::CheckinNotFound)));
    };
    if found.checked_in {
        return Err(fail(ApiError::BadInput(BadInput::CheckinUsed)));
    }
    session
        .insert(
            CHECKIN_KEY,
            (found.id, time::OffsetDateTime::now_utc().unix_timestamp()),
        )
        .await
        .map_err(|_| fail(ApiError::Server))?;
    let name = [found.first_name, found.last_name]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Ok(crate::types::CheckinFound {
        name: Some(name).filter(|n| !n.trim().is_empty()),
    })
}

/// The attendee found by `checkin_find` in this kiosk session, taken out of it.
#[cfg(feature = "ssr")]
async fn take_checkin() -> Result<i64, ApiError> {
    let session = guard::session().await?;
    let found = session
        .remove::<(i64, i64)>(CHECKIN_KEY)
        .await
        .map_err(|_| fail(ApiError::Server))?;
    match found {
        Some((id, at))
            if time::OffsetDateTime::now_utc().unix_timestamp() - at <= CHECKIN_TTL_SECS =>
        {
            Ok(id)
        }
        _ => Err(fail(ApiError::BadInput(BadInput::CheckinExpired))),
    }
}

/// Registers a walk-in attendee at the kiosk and returns the badge and the private code
/// (shown once). Nothing about the person is logged.
#[server(endpoint = "kiosk/register", input = leptos::server_fn::codec::Json)]
pub async fn kiosk_register(
    registration: crate::types::KioskRegistration,
) -> Result<crate::types::Registered, ApiError> {
    use crate::domain::consent::{check_in, register, Decision, GuardianInput, Registration};
    use crate::types::{Badge, Channel, Registered};

    let (actor, event_id, device_id) = kiosk_ids().await?;
    let r = registration;
    let Some(choice) = r.choice else {
        return Err(fail(ApiError::BadInput(BadInput::ChoiceMissing)));
    };
    let st = guard::state()?;
    let event = st.store.event_by_id(event_id).await.map_err(store_err)?;
    let settings = st.store.event_settings(event_id).await.map_err(store_err)?;
    let lang = if settings.languages.contains(&r.lang) {
        r.lang.clone()
    } else {
        event.default_lang.clone()
    };
    let notice = st
        .store
        .current_notice(event_id, lang)
        .await
        .map_err(store_err)?
        .ok_or_else(|| fail(ApiError::BadInput(BadInput::NoticeMissing)))?;
    let signature_png = crate::domain::consent::decode_signature(r.signature_data_url.as_deref())
        .map_err(|b| fail(ApiError::BadInput(b)))?;
    let guardian = GuardianInput {
        name: r.guardian_name,
        confirmed: r.guardian_confirmed,
        signature_png,
    };
    let channel_ref = format!("kiosk:{device_id}");
    let (issued, kept_fields) = if r.checkin {
        let attendee_id = take_checkin().await?;
        let d = Decision {
            choice,
            guardian,
            notice_version_id: notice.id,
            channel: Channel::Kiosk,
            channel_ref,
        };
        let issued = check_in(&st.store, actor.clone(), attendee_id, r.is_minor, d)
            .await
            .map_err(register_err)?;
        let src = st
            .store
            .badge_source(actor, attendee_id)
            .await
            .map_err(store_err)?;
        let fields = crate::types::PersonFields {
            first_name: src.first_name,
            last_name: src.last_name,
            ..Default::default()
        };
        (issued, fields)
    } else {
        let registration = Registration {
            event_id,
            fields: r.fields,
            is_minor: r.is_minor,
            choice,
            guardian,
            notice_version_id: notice.id,
            channel: Channel::Kiosk,
            channel_ref,
            source: "kiosk",
        };
        let kept_fields = registration.fields.clone();
        let issued = register(&st.store, actor, &settings.fields, registration)
            .await
            .map_err(register_err)?;
        (issued, kept_fields)
    };
    tracing::info!(
        attendee_id = issued.attendee_id,
        kiosk_id = device_id,
        "registered at kiosk"
    );
    let name = crate::domain::badges::printed_name(
        &settings,
        kept_fields.first_name,
        kept_fields.last_name,
    );
    let url = crate::domain::badges::badge_url(&st.public_url, &issued.badge_token);
    Ok(Registered {
        badge: Badge {
            consent: choice,
            event_name: event.name,
            name,
            qr_svg: crate::domain::badges::qr_svg(&url),
            stock: settings.badge_stock,
            lang: event.default_lang,
        },
        private_code_qr_svg: crate::domain::badges::qr_svg(&issued.private_code),
        private_code: issued.private_code,
    })
}

/// The badge of this kiosk's event behind a scanned or typed code, with its attendee
/// id and current consent. Unknown, malformed and other events' badges look the same.
#[cfg(feature = "ssr")]
async fn own_badge(
    st: &crate::domain::AppState,
    event_id: i64,
    code: &str,
) -> Result<(i64, Option<crate::types::Consent>), ApiError> {
    let unknown = || fail(ApiError::BadInput(BadInput::WithdrawUnknownBadge));
    let token = crate::types::token_from_scan(code).ok_or_else(unknown)?;
    let (attendee, event) = st
        .store
        .attendee_by_badge(token)
        .await
        .map_err(store_err)?
        .ok_or_else(unknown)?;
    if event != event_id {
        return Err(unknown());
    }
    let consent = st
        .store
        .current_consent(attendee)
        .await
        .map_err(store_err)?;
    Ok((attendee, consent))
}

/// "Change my photo choice": the attendee scans their own badge at the kiosk and sees
/// its colour (nothing else). Limited like check-in look-ups.
#[server(endpoint = "kiosk/withdraw/check")]
pub async fn withdraw_check(code: String) -> Result<crate::types::Consent, ApiError> {
    let (_, event_id, device_id) = kiosk_ids().await?;
    let st = guard::state()?;
    let limit_key = lookup_limit(&st, device_id)?;
    match own_badge(&st, event_id, &code).await {
        Ok((_, Some(c))) => Ok(c),
        Ok((_, None)) => Err(fail(ApiError::BadInput(BadInput::WithdrawNoChoice))),
        Err(e) => {
            st.checkin_by_kiosk.record(&limit_key);
            Err(e)
        }
    }
}

/// Switches a green badge to red in one step (a consent row with channel "badge scan")
/// and returns the new red badge to print. Red → green is refused: it needs the
/// attendee's private code.
#[server(endpoint = "kiosk/withdraw")]
pub async fn withdraw(code: String, lang: String) -> Result<crate::types::Badge, ApiError> {
    use crate::domain::store::NewConsent;
    use crate::types::{Channel, Consent};
    let (actor, event_id, device_id) = kiosk_ids().await?;
    let st = guard::state()?;
    let (attendee, consent) = own_badge(&st, event_id, &code).await?;
    if consent != Some(Consent::Green) {
        return Err(fail(ApiError::BadInput(BadInput::WithdrawAlreadyRed)));
    }
    let settings = st.store.event_settings(event_id).await.map_err(store_err)?;
    let event = st.store.event_by_id(event_id).await.map_err(store_err)?;
    let lang = if settings.languages.contains(&lang) {
        lang
    } else {
        event.default_lang
    };
    let notice = st
        .store
        .current_notice(event_id, lang)
        .await
        .map_err(store_err)?
        .ok_or_else(|| fail(ApiError::BadInput(BadInput::NoticeMissing)))?;
    st.store
        .record_consent(
            actor.clone(),
            attendee,
            NewConsent {
                choice: Consent::Red,
                notice_version_id: notice.id,
                channel: Channel::BadgeScan,
                channel_ref: format!("kiosk:{device_id}"),
                guardian_name: None,
                guardian_confirmed: false,
                signature_png: None,
            },
        )
        .await
        .map_err(store_err)?;
    tracing::info!(
        attendee_id = attendee,
        kiosk_id = device_id,
        "withdrawn at kiosk"
    );
    let badge = crate::domain::badges::badge_for_attendee(
        &st.store,
        actor,
        event_id,
        attendee,
        &st.public_url,
    )
    .await
    .map_err(store_err)?;
    Ok(badge.to_wire())
}
