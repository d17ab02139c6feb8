//! The kiosk: pairing a tablet with an event, and what an attendee does at it —
//! register, check in, see and withdraw their photo choice (requirements 1, 3–8).

use super::auth::{normalise_code, random_typed_code, token_hash};
use super::badges;
use super::consent::{self, Decision, RegisterError, Registration};
use super::store::{now_unix, Actor, CheckinKey, Conflict, KioskDevice, Store, StoreError};
use super::AppState;
use crate::types::AttendeeId;
use crate::types::EventId;
use crate::types::{
    BadInput, Badge, Channel, CheckinFound, Consent, ConsentInput, KioskEvent, KioskRegistration,
    KioskRemovalAsked, KioskTablet, Me, PersonFields, Registered, TabletStatus,
};

/// How long a pairing code works.
pub const PAIRING_TTL_SECS: i64 = 15 * 60;

/// Longest name of a tablet ("Entrance 1").
pub const TABLET_NAME_MAX: usize = 60;

/// A tablet's name as typed: trimmed, in NFC; empty is `None`; over
/// [`TABLET_NAME_MAX`] characters is refused.
pub fn tablet_name(typed: &str) -> Result<Option<String>, BadInput> {
    let name = super::consent::nfc(typed.trim()).into_owned();
    if name.chars().count() > TABLET_NAME_MAX {
        return Err(BadInput::TooLong);
    }
    Ok(Some(name).filter(|n| !n.is_empty()))
}

/// Makes a one-time code (3 groups of 4 = 12 symbols from 31, about 59 bits; it lives
/// 15 minutes and wrong guesses are rate-limited). Only its hash is stored. The tablet
/// paired with it gets `label` as its name.
pub async fn new_pairing_code(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    label: Option<String>,
) -> Result<String, StoreError> {
    super::events::open_by_id(store, event_id).await?;
    let code = random_typed_code(3);
    store
        .create_pairing(
            actor,
            event_id,
            token_hash(&normalise_code(&code)),
            now_unix() + PAIRING_TTL_SECS,
            label,
        )
        .await?;
    Ok(code)
}

/// The address a tablet's camera reads from the pairing QR: the kiosk page with the
/// code in the fragment (never sent to the server, so never in a log).
pub fn pairing_url(public_url: &str, code: &str) -> String {
    format!(
        "{}/kiosk{}{}",
        public_url.trim_end_matches('/'),
        crate::types::PAIRING_FRAGMENT,
        code
    )
}

/// The event's paired tablets for its page.
pub async fn tablets(store: &Store, event_id: EventId) -> Result<Vec<KioskTablet>, StoreError> {
    Ok(store
        .kiosk_devices_of(event_id)
        .await?
        .into_iter()
        .map(|d| KioskTablet {
            id: d.id,
            label: d.label,
            paired_at: d.paired_at,
            last_seen_at: d.last_seen_at,
            registrations: d.registrations,
            valid_until: d.valid_until,
            status: if d.revoked {
                TabletStatus::Revoked
            } else if d.expired {
                TabletStatus::Expired
            } else {
                TabletStatus::Active
            },
        })
        .collect())
}

/// What an organiser can do to one of the event's tablets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabletChange {
    Rename(String),
    Revoke,
    /// Works until the end of this day (`YYYY-MM-DD`).
    ValidUntil(String),
}

/// Applies `change` to the event's tablet `device_id` (audited) and answers the event's
/// tablets as they are now; `NotFound` when the tablet is not the event's. `today` is
/// the server's UTC date.
pub async fn change_tablet(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    device_id: i64,
    change: TabletChange,
    today: time::Date,
) -> Result<Vec<KioskTablet>, RegisterError> {
    match change {
        TabletChange::Rename(typed) => {
            let name = tablet_name(&typed)?.ok_or(BadInput::NameMissing)?;
            store
                .rename_kiosk_device(actor, event_id, device_id, name)
                .await?;
        }
        TabletChange::Revoke => {
            store
                .revoke_kiosk_device(actor, event_id, device_id)
                .await?
        }
        TabletChange::ValidUntil(day) => {
            let day = Some(day.trim())
                .filter(|d| d.len() == 10)
                .and_then(super::retention::parse_day)
                .ok_or(BadInput::DateInvalid)?;
            if day < today {
                return Err(BadInput::TabletUntilPast.into());
            }
            store
                .set_kiosk_valid_until(actor, event_id, device_id, day.to_string())
                .await?;
        }
    }
    Ok(tablets(store, event_id).await?)
}

pub async fn redeem(store: &Store, typed: &str) -> Result<Option<KioskDevice>, StoreError> {
    let code = normalise_code(typed);
    if code.len() != 12 {
        return Ok(None);
    }
    store.redeem_pairing(token_hash(&code)).await
}

/// A tablet redeems a pairing code: the device it now is and what the tablet's header
/// shows. Wrong codes count against the client address (`pairing_by_ip`).
pub async fn pair(
    st: &AppState,
    client_ip: &str,
    code: &str,
) -> Result<(KioskDevice, Me), RegisterError> {
    let ip_key = format!("ip:{client_ip}");
    if st.pairing_by_ip.is_blocked(&ip_key) {
        return Err(RegisterError::RateLimited);
    }
    let Some(device) = redeem(&st.store, code).await? else {
        st.pairing_by_ip.record(&ip_key);
        return Err(BadInput::PairingCodeInvalid.into());
    };
    let ev = st.store.event_by_id(device.event_id).await?;
    tracing::info!(kiosk_id = device.id, "kiosk paired");
    let me = Me::Kiosk {
        event_id: ev.id,
        event_name: ev.name,
    };
    Ok((device, me))
}

/// What a kiosk's event asks of attendees: fields, notices, languages, idle timeout.
pub async fn event_for_kiosk(store: &Store, event_id: EventId) -> Result<KioskEvent, StoreError> {
    let event = store.event_by_id(event_id).await?;
    let s = store.event_settings(event_id).await?;
    let notices = super::notice::current_all(store, event_id, &s.languages).await?;
    let policy_qr_svg = (!s.policy_url.is_empty()).then(|| badges::qr_svg(&s.policy_url));
    Ok(KioskEvent {
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

/// Why a tablet was not unpaired.
#[derive(Debug)]
pub enum UnpairError {
    Credentials(super::auth::CredentialError),
    /// The account is neither an admin nor the organiser of the kiosk's event.
    NotStaffOfEvent,
    Store(StoreError),
}

/// Unpairs a kiosk tablet once an organiser of its event (or an admin) has confirmed
/// with their own email and password on it (issue 12 point 3; requirement 22): an
/// attendee at the kiosk cannot take the registration desk offline. The device is
/// revoked, so its session pairs nothing any more; the tablet is not signed in as the
/// organiser.
pub async fn unpair_by_staff(
    st: &super::AppState,
    device_id: i64,
    event_id: EventId,
    client_ip: &str,
    email: &str,
    password: String,
) -> Result<(), UnpairError> {
    use crate::types::Role;
    let rec = super::auth::check_credentials(st, client_ip, email, password)
        .await
        .map_err(UnpairError::Credentials)?;
    let allowed = match rec.role {
        Role::Admin => true,
        Role::Organiser => {
            let event = st
                .store
                .event_by_id(event_id)
                .await
                .map_err(UnpairError::Store)?;
            match st.store.event_for_user(rec.id, rec.role, event.id).await {
                Ok(_) => true,
                Err(StoreError::NotFound) => false,
                Err(e) => return Err(UnpairError::Store(e)),
            }
        }
        _ => false,
    };
    let actor = Actor::User {
        id: rec.id,
        role: rec.role,
    };
    if !allowed {
        st.store
            .audit(actor, "kiosk.unpair_refused", format!("event:{event_id}"))
            .await
            .map_err(UnpairError::Store)?;
        return Err(UnpairError::NotStaffOfEvent);
    }
    st.store
        .revoke_kiosk_device(actor, event_id, device_id)
        .await
        .map_err(UnpairError::Store)
}

/// The kiosk making a call: its device and the event it serves.
fn kiosk_of(actor: &Actor) -> Result<(i64, EventId), RegisterError> {
    match actor {
        Actor::Kiosk {
            device_id,
            event_id,
        } => Ok((*device_id, *event_id)),
        _ => Err(StoreError::Conflict(Conflict::NotAUser).into()),
    }
}

/// Look-ups of people and badges at a kiosk stop once this device missed too often;
/// returns the limiter key to record misses under.
fn lookup_limit(st: &AppState, device_id: i64) -> Result<String, RegisterError> {
    let key = format!("kiosk:{device_id}");
    if st.checkin_by_kiosk.is_blocked(&key) {
        return Err(RegisterError::RateLimited);
    }
    Ok(key)
}

/// A pre-registered attendee finds themselves by check-in code (typed or scanned) or,
/// when the event allows it, by exact email. Returns their attendee id (for the kiosk
/// session, never the browser) and their own name only; never a list. Misses count
/// against the kiosk.
pub async fn find_for_checkin(
    st: &AppState,
    actor: Actor,
    code: &str,
    email: &str,
) -> Result<(AttendeeId, CheckinFound), RegisterError> {
    let (device_id, event_id) = kiosk_of(&actor)?;
    let limit_key = lookup_limit(st, device_id)?;
    let code = normalise_code(code);
    let key = if !code.is_empty() {
        CheckinKey::CodeHash(token_hash(&code))
    } else if !email.trim().is_empty() {
        if !st.store.event_settings(event_id).await?.allow_email_lookup {
            return Err(BadInput::CheckinEmailOff.into());
        }
        CheckinKey::Email(email.to_string())
    } else {
        return Err(BadInput::CheckinMissing.into());
    };
    let Some(found) = st.store.find_for_checkin(actor, event_id, key).await? else {
        st.checkin_by_kiosk.record(&limit_key);
        return Err(BadInput::CheckinNotFound.into());
    };
    if found.checked_in {
        return Err(BadInput::CheckinUsed.into());
    }
    let name = [found.first_name, found.last_name]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Ok((
        found.id,
        CheckinFound {
            name: Some(name).filter(|n| !n.trim().is_empty()),
        },
    ))
}

/// Registers a walk-in at the kiosk, or checks in the pre-registered attendee the kiosk
/// session found (`checked_in`: their stored fields are kept and `r.fields` ignored).
/// The consent records the notice version the kiosk showed (`r.notice`) while it is
/// current; an edit since the kiosk loaded it is 409 `notice_changed` (issue 14 point
/// 4). Returns the badge and the private code, shown once. Nothing about the person is
/// logged.
pub async fn register(
    st: &AppState,
    actor: Actor,
    r: KioskRegistration,
    checked_in: Option<AttendeeId>,
) -> Result<Registered, RegisterError> {
    let (device_id, event_id) = kiosk_of(&actor)?;
    if r.choice.is_none() {
        return Err(BadInput::ChoiceMissing.into());
    }
    let event = st.store.event_by_id(event_id).await?;
    let settings = st.store.event_settings(event_id).await?;
    let input = ConsentInput {
        choice: r.choice,
        notice: r.notice,
        guardian_name: r.guardian_name,
        guardian_confirmed: r.guardian_confirmed,
        signature_data_url: r.signature_data_url,
    };
    let d = Decision::from_input(&actor, Channel::Kiosk, input)?;
    let choice = d.choice;
    let (issued, kept) = match checked_in {
        Some(attendee_id) => {
            let issued =
                consent::check_in(&st.store, actor.clone(), attendee_id, r.is_minor, d).await?;
            let src = st.store.badge_source(actor, attendee_id).await?;
            let kept = PersonFields {
                first_name: src.first_name,
                last_name: src.last_name,
                ..Default::default()
            };
            (issued, kept)
        }
        None => {
            let kept = r.fields.clone();
            let registration = Registration {
                event_id,
                fields: r.fields,
                is_minor: r.is_minor,
                decision: d,
                source: "kiosk",
            };
            let issued =
                consent::register(&st.store, actor, &settings.fields, registration).await?;
            (issued, kept)
        }
    };
    tracing::info!(
        attendee_id = issued.attendee_id.get(),
        kiosk_id = device_id,
        "registered at kiosk"
    );
    let url = badges::badge_url(&st.public_url, &issued.badge_token);
    let badge = Badge {
        consent: choice,
        event_name: event.name,
        name: badges::printed_name(&settings, kept.first_name, kept.last_name),
        qr_svg: badges::qr_svg(&url),
        stock: settings.badge_stock,
        lang: event.default_lang,
    };
    Ok(badges::registered(badge, issued.private_code))
}

/// The attendee and current consent behind a badge of this kiosk's event, scanned or
/// typed. Unknown, malformed and other events' badges look the same.
async fn own_badge(
    st: &AppState,
    event_id: EventId,
    code: &str,
) -> Result<(AttendeeId, Option<Consent>), RegisterError> {
    let unknown = || RegisterError::Invalid(BadInput::WithdrawUnknownBadge);
    let token = crate::types::BadgeToken::from_scan(code).ok_or_else(unknown)?;
    let (attendee, event) = st
        .store
        .attendee_by_badge(token.into_string())
        .await?
        .ok_or_else(unknown)?;
    if event != event_id {
        return Err(unknown());
    }
    Ok((attendee, st.store.current_consent(attendee).await?))
}

/// "Change my photo choice": the colour of the attendee's own badge (nothing else).
/// Misses count against the kiosk like check-in look-ups.
pub async fn badge_colour(
    st: &AppState,
    actor: Actor,
    code: &str,
) -> Result<Consent, RegisterError> {
    let (device_id, event_id) = kiosk_of(&actor)?;
    let limit_key = lookup_limit(st, device_id)?;
    match own_badge(st, event_id, code).await {
        Ok((_, Some(c))) => Ok(c),
        Ok((_, None)) => Err(BadInput::WithdrawNoChoice.into()),
        Err(e) => {
            st.checkin_by_kiosk.record(&limit_key);
            Err(e)
        }
    }
}

/// Switches a green badge to red in one step (a consent row with channel "badge scan"
/// and the notice of the language shown) and returns the new red badge to print. Red →
/// green is refused: it needs the attendee's private code.
pub async fn withdraw(
    st: &AppState,
    actor: Actor,
    code: &str,
    lang: &str,
) -> Result<Badge, RegisterError> {
    let (device_id, event_id) = kiosk_of(&actor)?;
    let (attendee, consent) = own_badge(st, event_id, code).await?;
    if consent != Some(Consent::Green) {
        return Err(BadInput::WithdrawAlreadyRed.into());
    }
    let notice = super::notice::for_lang(&st.store, event_id, Some(lang)).await?;
    let input = ConsentInput {
        choice: Some(Consent::Red),
        ..Default::default()
    };
    let d = Decision::from_input(&actor, Channel::BadgeScan, input)?.with_current_notice(&notice);
    consent::change(&st.store, actor.clone(), attendee, d).await?;
    tracing::info!(
        attendee_id = attendee.get(),
        kiosk_id = device_id,
        "withdrawn at kiosk"
    );
    let badge =
        badges::badge_for_attendee(&st.store, actor, event_id, attendee, &st.public_url).await?;
    Ok(badge.to_wire())
}

/// "Ask for my photos to be removed" after the attendee scanned their own badge in
/// "Change my photo choice" (issue 16 point 6; requirement 15): opens a removal request
/// of every photo of them with channel "kiosk", audited with this kiosk as the actor.
/// Misses count against the kiosk like check-in look-ups. Answers the organiser's
/// deadline (one month) for the kiosk to show; nothing about the person.
pub async fn ask_removal(
    st: &AppState,
    actor: Actor,
    code: &str,
    lang: &str,
) -> Result<KioskRemovalAsked, RegisterError> {
    let (device_id, event_id) = kiosk_of(&actor)?;
    let limit_key = lookup_limit(st, device_id)?;
    let attendee = match own_badge(st, event_id, code).await {
        Ok((attendee, _)) => attendee,
        Err(e) => {
            st.checkin_by_kiosk.record(&limit_key);
            return Err(e);
        }
    };
    let lang = crate::types::Lang::or_latvian(lang);
    super::requests::open_at_kiosk(&st.store, actor, attendee, lang).await?;
    tracing::info!(kiosk_id = device_id, "removal requested at kiosk");
    let due = super::requests::due_on(super::requests::today());
    Ok(KioskRemovalAsked {
        due_on: super::requests::iso(due),
    })
}
