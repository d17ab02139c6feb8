//! Pairing kiosk tablets with events.

#[cfg(feature = "ssr")]
use crate::types::AttendeeId;
use crate::types::PublicId;
use crate::types::{ApiError, KioskTablet, Me, PairingCode, TabletChangeInput};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::guard::{self, fail, SessionPrincipal};
#[cfg(feature = "ssr")]
use crate::types::BadInput;

/// An organiser makes a one-time pairing code for one of their events; the tablet
/// paired with it is called `label` ("Entrance 1"). The answer carries a QR of the
/// kiosk address with the code, for the tablet's camera.
#[server(endpoint = "kiosk/pairing-code")]
pub async fn create_pairing_code(
    event_id: PublicId,
    #[server(default)] label: Option<String>,
) -> Result<PairingCode, ApiError> {
    let m = guard::managed_event(event_id).await?;
    let label = crate::domain::kiosk::tablet_name(label.as_deref().unwrap_or(""))?;
    let code =
        crate::domain::kiosk::new_pairing_code(&m.state.store, m.actor, m.row, label.clone())
            .await?;
    let qr_svg = crate::domain::badges::qr_svg(&crate::domain::kiosk::pairing_url(
        &m.state.public_url,
        &code,
    ));
    Ok(PairingCode {
        code,
        event_name: m.event.name,
        expires_in_secs: crate::domain::kiosk::PAIRING_TTL_SECS,
        label,
        qr_svg,
    })
}

/// The tablets paired with one of the organiser's events (issue 16 point 3).
#[server(endpoint = "kiosk/tablets", input = Json)]
pub async fn kiosk_tablets(event_id: PublicId) -> Result<Vec<KioskTablet>, ApiError> {
    let m = guard::managed_event(event_id).await?;
    Ok(crate::domain::kiosk::tablets(&m.state.store, m.row).await?)
}

/// Renames, revokes or extends one of the event's tablets. A revoked tablet's sessions
/// are deleted at once: its next action shows the pairing screen.
#[server(endpoint = "kiosk/tablets/change", input = Json)]
pub async fn change_kiosk_tablet(
    event_id: PublicId,
    device_id: i64,
    change: TabletChangeInput,
) -> Result<Vec<KioskTablet>, ApiError> {
    use crate::domain::kiosk::TabletChange;
    let m = guard::managed_event(event_id).await?;
    let change = match change {
        TabletChangeInput::Rename { label } => TabletChange::Rename(label),
        TabletChangeInput::Revoke => TabletChange::Revoke,
        TabletChangeInput::ValidUntil { day } => TabletChange::ValidUntil(day),
    };
    let today = crate::domain::requests::today();
    Ok(crate::domain::kiosk::change_tablet(
        &m.state.store,
        m.actor,
        m.row,
        device_id,
        change,
        today,
    )
    .await?)
}

/// A tablet redeems a pairing code and becomes a kiosk for that event: a long-lived
/// session that may only register attendees for that event. Wrong codes are limited
/// per client address.
#[server(endpoint = "kiosk/pair")]
pub async fn pair_kiosk(code: String) -> Result<Me, ApiError> {
    let st = guard::state()?;
    let ip = guard::client_ip().await;
    let (device, me) = crate::domain::kiosk::pair(&st, &ip, &code).await?;
    let session = guard::session().await?;
    guard::sign_in(
        &session,
        SessionPrincipal::Kiosk {
            device_id: device.id,
            event_id: device.event_id,
        },
    )
    .await?;
    Ok(me)
}

/// Unpairs this tablet (e.g. at the end of the event): only once an organiser of its
/// event, or an admin, confirms with their email and password on the tablet (issue 12
/// point 3). The device is revoked and the tablet's session ends.
#[server(endpoint = "kiosk/unpair")]
pub async fn unpair_kiosk(email: String, password: String) -> Result<(), ApiError> {
    let (_, event_id, device_id) = kiosk_ids().await?;
    let st = guard::state()?;
    let ip = guard::client_ip().await;
    crate::domain::kiosk::unpair_by_staff(&st, device_id, event_id, &ip, &email, password).await?;
    guard::session().await?.flush().await?;
    Ok(())
}

/// The paired kiosk calling: its actor, event and device ids.
#[cfg(feature = "ssr")]
async fn kiosk_ids() -> Result<(crate::domain::Actor, crate::types::EventId, i64), ApiError> {
    match guard::require_kiosk().await? {
        actor @ crate::domain::Actor::Kiosk {
            event_id,
            device_id,
        } => Ok((actor, event_id, device_id)),
        _ => Err(fail(ApiError::Forbidden)),
    }
}

/// What this kiosk's event asks of attendees: fields, notice, languages, idle timeout.
#[server(endpoint = "kiosk/event")]
pub async fn kiosk_event() -> Result<crate::types::KioskEvent, ApiError> {
    let (_, event_id, _) = kiosk_ids().await?;
    Ok(crate::domain::kiosk::event_for_kiosk(&guard::state()?.store, event_id).await?)
}

/// Session key of the pre-registered attendee found at this kiosk: (attendee id, unix
/// time found). Kept server-side so the browser never holds an attendee id.
#[cfg(feature = "ssr")]
const CHECKIN_KEY: &str = "checkin";
/// A found check-in must be completed within this many seconds.
#[cfg(feature = "ssr")]
const CHECKIN_TTL_SECS: i64 = 15 * 60;

/// A pre-registered attendee finds themselves by check-in code (typed or scanned) or,
/// when the event allows it, by exact email. Answers with their own name only; the
/// attendee id stays in the kiosk session, never in the browser.
#[server(endpoint = "kiosk/checkin/find")]
pub async fn checkin_find(
    code: String,
    email: String,
) -> Result<crate::types::CheckinFound, ApiError> {
    let (actor, _, _) = kiosk_ids().await?;
    let session = guard::session().await?;
    let _ = session.remove::<(AttendeeId, i64)>(CHECKIN_KEY).await;
    let (attendee, found) =
        crate::domain::kiosk::find_for_checkin(&guard::state()?, actor, &code, &email).await?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    session.insert(CHECKIN_KEY, (attendee, now)).await?;
    Ok(found)
}

/// The attendee found by `checkin_find` in this kiosk session, taken out of it.
#[cfg(feature = "ssr")]
async fn take_checkin() -> Result<AttendeeId, ApiError> {
    let found = guard::session()
        .await?
        .remove::<(AttendeeId, i64)>(CHECKIN_KEY)
        .await?;
    match found {
        Some((id, at))
            if time::OffsetDateTime::now_utc().unix_timestamp() - at <= CHECKIN_TTL_SECS =>
        {
            Ok(id)
        }
        _ => Err(super::error::bad(BadInput::CheckinExpired)),
    }
}

/// Registers a walk-in attendee at the kiosk (or checks in the one found) and returns
/// the badge and the private code (shown once).
#[server(endpoint = "kiosk/register", input = leptos::server_fn::codec::Json)]
pub async fn kiosk_register(
    registration: crate::types::KioskRegistration,
) -> Result<crate::types::Registered, ApiError> {
    let (actor, _, _) = kiosk_ids().await?;
    let checked_in = match registration.checkin {
        true => Some(take_checkin().await?),
        false => None,
    };
    let st = guard::state()?;
    Ok(crate::domain::kiosk::register(&st, actor, registration, checked_in).await?)
}

/// "Change my photo choice": the attendee scans their own badge at the kiosk and sees
/// its colour (nothing else). Limited like check-in look-ups.
#[server(endpoint = "kiosk/withdraw/check")]
pub async fn withdraw_check(code: String) -> Result<crate::types::Consent, ApiError> {
    let (actor, _, _) = kiosk_ids().await?;
    Ok(crate::domain::kiosk::badge_colour(&guard::state()?, actor, &code).await?)
}

/// Switches a green badge to red in one step and returns the new red badge to print.
/// Red → green is refused: it needs the attendee's private code.
#[server(endpoint = "kiosk/withdraw")]
pub async fn withdraw(code: String, lang: String) -> Result<crate::types::Badge, ApiError> {
    let (actor, _, _) = kiosk_ids().await?;
    Ok(crate::domain::kiosk::withdraw(&guard::state()?, actor, &code, &lang).await?)
}

/// "Ask for my photos to be removed" after the attendee scanned their own badge: opens a
/// removal request of all their photos with channel "kiosk" (issue 16 point 6) and
/// answers the organiser's deadline. The kiosk keeps nothing about the person.
#[server(endpoint = "kiosk/removal")]
pub async fn kiosk_removal(
    code: String,
    lang: String,
) -> Result<crate::types::KioskRemovalAsked, ApiError> {
    let (actor, _, _) = kiosk_ids().await?;
    Ok(crate::domain::kiosk::ask_removal(&guard::state()?, actor, &code, &lang).await?)
}
