//! Store tests for requests and erasure on in-memory SQLite (requirements 4, 15, 17, 19).

use super::*;
use crate::domain::store::test_support::{
    english_notice, kiosk_attendee, kiosk_consent, register, store_with_event,
};
use crate::types::{AttendeeId, EventId};

/// Marta, green, with a private code; a minor with a guardian's signed consent when
/// `guardian`.
async fn person(s: &Store, ev: EventId, actor: &Actor, token: &str, guardian: bool) -> AttendeeId {
    let notice = english_notice(s, actor, ev).await;
    let fields = PersonFields {
        first_name: Some("Marta".into()),
        email: Some("marta@example.lv".into()),
        ..Default::default()
    };
    let mut a = kiosk_attendee(ev, token, fields);
    a.is_minor = guardian;
    a.private_code_hash = Some(format!("hash-{token}"));
    let mut c = kiosk_consent(Consent::Green, notice);
    c.guardian_name = guardian.then(|| "Guardian Name".into());
    c.guardian_confirmed = guardian;
    c.signature_png = guardian.then(|| b"\x89PNG\r\n\x1a\nsig".to_vec());
    register(s, actor, a, c).await
}

fn new_request(attendee_id: AttendeeId, kind: RequestKind) -> NewRequestRow {
    NewRequestRow {
        attendee_id,
        kind,
        channel: crate::types::RequestChannel::Organiser,
        identity_check: "called back".into(),
        message: "Marta wants out".into(),
        lang: "en".into(),
        photos: None,
    }
}

#[tokio::test]
async fn one_open_request_per_kind_and_closed_cases_refuse_changes() {
    let (s, ev, actor) = store_with_event().await;
    let a = person(&s, ev, &actor, "tok-a", false).await;
    let id = s
        .open_request(actor.clone(), new_request(a, RequestKind::Removal))
        .await
        .unwrap();
    assert!(matches!(
        s.open_request(actor.clone(), new_request(a, RequestKind::Removal))
            .await,
        Err(StoreError::Conflict(Conflict::RequestOpen))
    ));
    // Another kind may be open at the same time.
    s.open_request(actor.clone(), new_request(a, RequestKind::Objection))
        .await
        .unwrap();
    let (row, event) = s.request_ids(id.into()).await.unwrap();
    assert_eq!(event, ev);
    s.close_request(actor.clone(), row, RequestStatus::Refused, "no id".into())
        .await
        .unwrap();
    assert!(matches!(
        s.review_request(actor.clone(), row).await,
        Err(StoreError::Conflict(Conflict::RequestClosed))
    ));
    let b = s.request_bundle(actor, row).await.unwrap();
    assert_eq!(b.request.status, RequestStatus::Refused);
    let actions: Vec<&str> = b.trail.iter().map(|t| t.action.as_str()).collect();
    assert_eq!(
        actions,
        ["removal.open", "removal.status", "removal.view"],
        "the request's own trail"
    );
}

#[tokio::test]
async fn erasure_reduces_consent_rows_and_leaves_the_counts() {
    let (s, ev, actor) = store_with_event().await;
    let a = person(&s, ev, &actor, "tok-minor", true).await;
    let before = s.event_counts(ev).await.unwrap();
    let public = s
        .open_request(actor.clone(), new_request(a, RequestKind::Erasure))
        .await
        .unwrap();
    let (row, _) = s.request_ids(public.into()).await.unwrap();
    // A correction made at the person's request holds free text about them (issue 16
    // point 6): the erasure removes it.
    let note = crate::domain::store::CorrectionNote {
        asked_by: crate::types::AskedBy::Email,
        identity_check: "replied from marta@example.lv".into(),
        reason: "Marta's name misspelt".into(),
    };
    s.correct_on_request(
        actor.clone(),
        a,
        Field::FirstName,
        Some("Mārta".into()),
        note,
    )
    .await
    .unwrap();
    assert_eq!(s.corrections_of(a).await.unwrap().len(), 1);
    // A breach listing the person as affected (issue 17) loses them; its record stays.
    let breach = s
        .record_breach(
            actor.clone(),
            "br".into(),
            r#"{"people":1}"#.into(),
            vec![ev],
            vec![a],
        )
        .await
        .unwrap();
    assert_eq!(s.breach_people(breach).await.unwrap(), vec![a]);
    s.erase_subject(actor.clone(), row).await.unwrap();
    assert!(s.corrections_of(a).await.unwrap().is_empty());
    assert!(s.breach_people(breach).await.unwrap().is_empty());
    assert_eq!(s.breach_history(breach).await.unwrap().len(), 1);
    assert_eq!(s.event_counts(ev).await.unwrap(), before);
    let fields = s.subject_fields(a).await.unwrap();
    assert_eq!(fields, PersonFields::default());
    assert_eq!(
        s.subject_by_code("hash-tok-minor".into()).await.unwrap(),
        None
    );
    let (ref_, guardian, sig, sigs, token, message): (
        String,
        Option<String>,
        Option<i64>,
        i64,
        String,
        String,
    ) = s
        .with_conn(move |c| {
            Ok(c.query_row(
                "SELECT c.channel_ref, c.guardian_name, c.signature_id,
                        (SELECT count(*) FROM signatures), a.badge_token, r.message
                 FROM consents c JOIN attendees a ON a.id = c.attendee_id
                 JOIN requests r ON r.attendee_id = a.id WHERE a.id = ?1",
                [a],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )?)
        })
        .await
        .unwrap();
    assert_eq!(ref_, "erased");
    assert_eq!(guardian, None);
    assert_eq!(sig, None);
    assert_eq!(sigs, 0, "the drawn signature is gone");
    assert!(token.starts_with("erased-") && token != "tok-minor");
    assert_eq!(message, "");
    // The reduction is the only update the consent history allows.
    let err = s
        .with_conn(move |c| {
            Ok(c.execute(
                "UPDATE consents SET choice = 'red' WHERE attendee_id = ?1",
                [a],
            )?)
        })
        .await;
    assert!(err.is_err());
    // Erasing twice is refused: the request is closed.
    assert!(matches!(
        s.erase_subject(actor, row).await,
        Err(StoreError::Conflict(Conflict::RequestClosed))
    ));
}
