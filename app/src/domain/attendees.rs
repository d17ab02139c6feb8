//! What an organiser does with an event's attendees (requirements 3, 4, 5, 8): look one
//! up, register on their behalf, record a changed decision at their request, import a
//! list. Every read and change goes through the store, which audits it.

use super::badges;
use super::consent::{self, Decision, RegisterError, Registration};
use super::store::{Actor, CorrectionNote, Store, StoreError};
use super::AppState;
use crate::types::{
    AttendeeDetail, BadInput, Channel, ColumnMapping, ConsentInput, CorrectionDone,
    CorrectionInput, ImportOutcome, OrganiserRegistration, Registered,
};
use crate::types::{AttendeeId, EventId};

/// One attendee of the event with their whole consent history: 404 for an attendee of
/// another event.
pub async fn detail(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    attendee_id: AttendeeId,
) -> Result<AttendeeDetail, StoreError> {
    // Ownership first: a refused look-up reads nothing, so it logs no read (issue 14, 7).
    let (event_row, _) = store.attendee_event_and_minor(attendee_id).await?;
    if event_row != event_id {
        return Err(StoreError::NotFound);
    }
    let mut detail = store.attendee_detail(actor, attendee_id).await?.1;
    let settings = store.event_settings(event_id).await?;
    detail.collected = crate::types::Field::ALL
        .into_iter()
        .filter(|f| settings.fields.get(*f).enabled)
        .collect();
    Ok(detail)
}

/// An organiser corrects one field at the person's request, by email, phone or in
/// person (issue 16 point 6; requirement 17, rectification). How their identity was
/// checked and why are required; only a field the event collects, under the event's
/// rules (names in NFC, a required field stays filled). The correction is added to the
/// attendee's history and audited in one transaction. Allowed on an archived event
/// like every other data-subject right. `reprint` says whether the name printed on the
/// badge changed. 404 for an attendee of another event.
pub async fn correct_on_request(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    attendee_id: AttendeeId,
    input: CorrectionInput,
) -> Result<CorrectionDone, RegisterError> {
    let (event_row, _) = store.attendee_event_and_minor(attendee_id).await?;
    if event_row != event_id {
        return Err(StoreError::NotFound.into());
    }
    let identity_check = note_text(&input.identity_check, BadInput::IdentityCheckMissing)?;
    let reason = note_text(&input.reason, BadInput::CorrectionReasonMissing)?;
    let settings = store.event_settings(event_id).await?;
    if !settings.fields.get(input.field).enabled {
        return Err(BadInput::FieldNotCollected.into());
    }
    let before = store.subject_fields(attendee_id).await?;
    let mut fields = before.clone();
    fields.set(input.field, Some(input.value));
    let clean = consent::clean_fields(&settings.fields, fields)?;
    let value = clean.get(input.field).map(String::from);
    let printed = |f: &crate::types::PersonFields| {
        badges::printed_name(&settings, f.first_name.clone(), f.last_name.clone())
    };
    let mut after = before.clone();
    after.set(input.field, value.clone());
    let reprint = printed(&before) != printed(&after);
    let note = CorrectionNote {
        asked_by: input.asked_by,
        identity_check,
        reason,
    };
    store
        .correct_on_request(actor.clone(), attendee_id, input.field, value, note)
        .await?;
    let detail = detail(store, actor, event_id, attendee_id).await?;
    Ok(CorrectionDone { detail, reprint })
}

/// A required free text of a correction: trimmed, not empty, at most
/// [`requests::MAX_TEXT`](super::requests::MAX_TEXT) characters.
fn note_text(s: &str, missing: BadInput) -> Result<String, BadInput> {
    let s = s.trim();
    if s.is_empty() {
        return Err(missing);
    }
    if s.chars().count() > super::requests::MAX_TEXT {
        return Err(BadInput::MessageTooLong);
    }
    Ok(s.to_string())
}

/// Registers an attendee on their behalf (channel "organiser", the notice version the
/// form showed). Returns the badge and the private code to hand over, shown once.
pub async fn register_on_behalf(
    st: &AppState,
    actor: Actor,
    event_id: EventId,
    r: OrganiserRegistration,
) -> Result<Registered, RegisterError> {
    super::events::open_by_id(&st.store, event_id).await?;
    let settings = st.store.event_settings(event_id).await?;
    let decision = Decision::from_input(&actor, Channel::Organiser, r.consent)?;
    let registration = Registration {
        event_id,
        fields: r.fields,
        is_minor: r.is_minor,
        decision,
        source: "organiser",
    };
    let issued =
        consent::register(&st.store, actor.clone(), &settings.fields, registration).await?;
    let badge = badges::badge_for_attendee(
        &st.store,
        actor,
        event_id,
        issued.attendee_id,
        &st.public_url,
    )
    .await?;
    Ok(badges::registered(badge.to_wire(), issued.private_code))
}

/// Records a changed photo decision at the attendee's request: a new consent row with
/// channel "organiser", the organiser's id and the notice version the form showed;
/// earlier rows stay. 404 for an attendee of another event.
pub async fn change_consent(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    attendee_id: AttendeeId,
    input: ConsentInput,
) -> Result<AttendeeDetail, RegisterError> {
    let (event_row, _) = store.attendee_event_and_minor(attendee_id).await?;
    if event_row != event_id {
        return Err(StoreError::NotFound.into());
    }
    let d = Decision::from_input(&actor, Channel::Organiser, input)?;
    consent::change(store, actor.clone(), attendee_id, d).await?;
    Ok(detail(store, actor, event_id, attendee_id).await?)
}

/// Imports every line of the CSV with the chosen mapping under the event's field rules,
/// or none when a line is bad.
pub async fn import(
    store: &Store,
    actor: Actor,
    event_id: EventId,
    csv: &str,
    mapping: &ColumnMapping,
) -> Result<ImportOutcome, super::import::ImportError> {
    super::events::open_by_id(store, event_id)
        .await
        .map_err(super::import::ImportError::Store)?;
    let settings = store
        .event_settings(event_id)
        .await
        .map_err(super::import::ImportError::Store)?;
    let out = super::import::import(store, actor, event_id, &settings.fields, csv, mapping).await?;
    tracing::info!(imported = out.imported, "attendees imported");
    Ok(out)
}
