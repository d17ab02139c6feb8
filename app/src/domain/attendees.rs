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

#[cfg(test)]
mod tests {
    //! Issue 16 point 6 (requirement 17): corrections on a person's request.

    use super::*;
    use crate::domain::store::test_support::{
        kiosk_attendee, kiosk_consent, register, store_with_event,
    };
    use crate::types::{AskedBy, EventSettings, Field, FieldRule, NewEvent, PersonFields};

    const ON: FieldRule = FieldRule {
        enabled: true,
        required: false,
    };

    /// The event collects first name (required), last name and organisation and prints
    /// names; Marts Bērziņš registered at the kiosk.
    async fn setup() -> (Store, EventId, Actor, AttendeeId) {
        let (s, ev, actor) = store_with_event().await;
        let mut settings = EventSettings {
            print_name: true,
            ..Default::default()
        };
        settings.fields.first_name = FieldRule {
            enabled: true,
            required: true,
        };
        settings.fields.last_name = ON;
        settings.fields.organisation = ON;
        s.save_event_settings(
            actor.clone(),
            ev,
            settings,
            vec![("en".into(), "Notice".into())],
        )
        .await
        .unwrap();
        let notice = s
            .current_notice(ev, "en".into())
            .await
            .unwrap()
            .unwrap()
            .reference();
        let fields = PersonFields {
            first_name: Some("Marts".into()),
            last_name: Some("Bērziņš".into()),
            ..Default::default()
        };
        let a = register(
            &s,
            &actor,
            kiosk_attendee(ev, "tok-m", fields),
            kiosk_consent(crate::types::Consent::Green, notice),
        )
        .await;
        (s, ev, actor, a)
    }

    fn input(field: Field, value: &str, identity: &str, reason: &str) -> CorrectionInput {
        CorrectionInput {
            field,
            value: value.into(),
            asked_by: AskedBy::Phone,
            identity_check: identity.into(),
            reason: reason.into(),
        }
    }

    fn refused(r: Result<CorrectionDone, RegisterError>) -> BadInput {
        match r {
            Err(RegisterError::Invalid(b)) => b,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_correction_needs_an_identity_check_and_a_reason_and_changes_nothing_without() {
        let (s, ev, actor, a) = setup().await;
        let no_identity = input(Field::FirstName, "Mārta", "  ", "misspelt at the kiosk");
        assert_eq!(
            refused(correct_on_request(&s, actor.clone(), ev, a, no_identity).await),
            BadInput::IdentityCheckMissing
        );
        let no_reason = input(
            Field::FirstName,
            "Mārta",
            "called back the registered number",
            "",
        );
        assert_eq!(
            refused(correct_on_request(&s, actor.clone(), ev, a, no_reason).await),
            BadInput::CorrectionReasonMissing
        );
        let not_collected = input(Field::Phone, "+371 2000 0000", "called back", "new phone");
        assert_eq!(
            refused(correct_on_request(&s, actor.clone(), ev, a, not_collected).await),
            BadInput::FieldNotCollected
        );
        let emptied = input(Field::FirstName, " ", "called back", "remove my name");
        assert_eq!(
            refused(correct_on_request(&s, actor.clone(), ev, a, emptied).await),
            BadInput::FieldRequired(Field::FirstName)
        );
        let d = detail(&s, actor, ev, a).await.unwrap();
        assert_eq!(d.fields.first_name.as_deref(), Some("Marts"));
        assert!(d.corrections.is_empty());
    }

    #[tokio::test]
    async fn a_correction_is_stored_in_nfc_with_its_history_and_asks_for_a_reprint() {
        let (s, ev, actor, a) = setup().await;
        // "Mārta" typed with a combining macron.
        let typed = input(
            Field::FirstName,
            "Ma\u{0304}rta",
            " called back the registered number ",
            "Name misspelt at the kiosk",
        );
        let done = correct_on_request(&s, actor.clone(), ev, a, typed)
            .await
            .unwrap();
        assert!(done.reprint, "the printed name changed");
        assert_eq!(
            done.detail.fields.first_name.as_deref(),
            Some("M\u{0101}rta")
        );
        assert_eq!(
            done.detail.collected,
            vec![Field::FirstName, Field::LastName, Field::Organisation]
        );
        let c = &done.detail.corrections;
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].by, "o@x.lv");
        assert_eq!(c[0].field, Field::FirstName);
        assert_eq!(c[0].asked_by, AskedBy::Phone);
        assert_eq!(c[0].identity_check, "called back the registered number");
        assert_eq!(c[0].reason, "Name misspelt at the kiosk");
        assert!(!c[0].at.is_empty());
        // A field the badge does not print: no reprint.
        let org = input(
            Field::Organisation,
            "LU",
            "same call",
            "added their university",
        );
        let done = correct_on_request(&s, actor.clone(), ev, a, org)
            .await
            .unwrap();
        assert!(!done.reprint);
        assert_eq!(done.detail.corrections.len(), 2);
    }

    #[tokio::test]
    async fn another_events_attendee_is_not_found() {
        let (s, ev, actor, a) = setup().await;
        let owner = match &actor {
            Actor::User { id, .. } => *id,
            _ => unreachable!(),
        };
        let other = NewEvent {
            name: "Other".into(),
            starts_on: None,
            ends_on: None,
            venue: String::new(),
            default_lang: "lv".into(),
        };
        let (ev2, _) = s
            .create_event(actor.clone(), owner, "pub2".into(), other)
            .await
            .unwrap();
        assert_ne!(ev, ev2);
        let fix = input(Field::FirstName, "Mārta", "called back", "misspelt");
        assert!(matches!(
            correct_on_request(&s, actor, ev2, a, fix).await,
            Err(RegisterError::Store(StoreError::NotFound))
        ));
    }
}
