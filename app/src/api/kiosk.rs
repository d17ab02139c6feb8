//! Pairing kiosk tablets with events.

use crate::types::{ApiError, Me, PairingCode};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, store_err, SessionPrincipal};

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
        return Err(fail(ApiError::BadInput("pairing_code_invalid".into())));
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

/// The kiosk forgets its pairing (e.g. at the end of the event).
#[server(endpoint = "kiosk/unpair")]
pub async fn unpair_kiosk() -> Result<(), ApiError> {
    let actor = guard::require_kiosk().await?;
    let st = guard::state()?;
    if let crate::domain::Actor::Kiosk { event_id, .. } = &actor {
        let subject = format!("event:{event_id}");
        st.store
            .audit(actor.clone(), "kiosk.unpaired", subject)
            .await
            .map_err(store_err)?;
    }
    guard::session()
        .await?
        .flush()
        .await
        .map_err(|_| fail(ApiError::Server))?;
    Ok(())
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
    })
}

/// Registers a walk-in attendee at the kiosk and returns the badge and the private code
/// (shown once). Nothing about the person is logged.
#[server(endpoint = "kiosk/register", input = leptos::server_fn::codec::Json)]
pub async fn kiosk_register(
    registration: crate::types::KioskRegistration,
) -> Result<crate::types::Registered, ApiError> {
    use crate::domain::consent::{register, GuardianInput, RegisterError, Registration};
    use crate::types::{Badge, Channel, Field, Registered};
    use base64::Engine;

    let actor = guard::require_kiosk().await?;
    let crate::domain::Actor::Kiosk {
        event_id,
        device_id,
    } = actor
    else {
        return Err(fail(ApiError::Forbidden));
    };
    let r = registration;
    let Some(choice) = r.choice else {
        return Err(fail(ApiError::BadInput("choice_missing".into())));
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
        .ok_or_else(|| fail(ApiError::BadInput("notice_missing".into())))?;
    let signature_png = match r.signature_data_url.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(url) => {
            let b64 = url
                .strip_prefix("data:image/png;base64,")
                .ok_or_else(|| fail(ApiError::BadInput("signature_invalid".into())))?;
            if b64.len() > 400 * 1024 {
                return Err(fail(ApiError::BadInput("signature_invalid".into())));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map_err(|_| fail(ApiError::BadInput("signature_invalid".into())))?;
            Some(bytes)
        }
    };
    let registration = Registration {
        event_id,
        fields: r.fields,
        is_minor: r.is_minor,
        choice,
        guardian: GuardianInput {
            name: r.guardian_name,
            confirmed: r.guardian_confirmed,
            signature_png,
        },
        notice_version_id: notice.id,
        channel: Channel::Kiosk,
        channel_ref: format!("kiosk:{device_id}"),
        source: "kiosk",
    };
    let kept_fields = registration.fields.clone();
    let issued = match register(&st.store, actor, &settings.fields, registration).await {
        Ok(i) => i,
        Err(RegisterError::Invalid(code)) => return Err(fail(ApiError::BadInput(code))),
        Err(RegisterError::Store(e)) => return Err(store_err(e)),
    };
    tracing::info!(
        attendee_id = issued.attendee_id,
        kiosk_id = device_id,
        "registered at kiosk"
    );
    let name = if settings.print_name {
        let first = settings
            .fields
            .get(Field::FirstName)
            .enabled
            .then_some(kept_fields.first_name)
            .flatten();
        let last = settings
            .fields
            .get(Field::LastName)
            .enabled
            .then_some(kept_fields.last_name)
            .flatten();
        let n = [first, last]
            .into_iter()
            .flatten()
            .map(|s| s.trim().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        Some(n).filter(|n| !n.is_empty())
    } else {
        None
    };
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
