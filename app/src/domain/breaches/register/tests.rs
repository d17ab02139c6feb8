//! The register's decisions on an in-memory store (issue 17 points 1-4; requirement 20).

use super::*;
use crate::domain::breaches::export;
use crate::domain::store::test_support::{
    kiosk_attendee, kiosk_consent, register, store_with_event,
};
use crate::types::{BreachKind, BreachRisk, Consent, EventSettings, FieldRule, NotifiedTo};

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// 2027-06-01 09:00 UTC is 12:00 in Riga (summer time).
const NOW: &str = "2027-06-01T10:00:00Z";

fn person(first: &str, last: &str, email: &str) -> PersonFields {
    PersonFields {
        first_name: Some(first.into()),
        last_name: Some(last.into()),
        email: Some(email.into()),
        ..Default::default()
    }
}

/// The event collects first and last name and email; its DPO is named.
async fn settings(s: &Store, actor: &Actor, ev: EventId) -> crate::types::NoticeRef {
    let mut set = EventSettings::default();
    let on = FieldRule {
        enabled: true,
        required: false,
    };
    set.fields.first_name = on;
    set.fields.last_name = on;
    set.fields.email = on;
    set.controller_name = "Biedrība Piemērs".into();
    set.controller_email = "info@piemers.lv".into();
    set.dpo_contact = "dpo@piemers.lv".into();
    s.save_event_settings(actor.clone(), ev, set, vec![("en".into(), "Notice".into())])
        .await
        .unwrap();
    s.current_notice(ev, "en".into())
        .await
        .unwrap()
        .unwrap()
        .reference()
}

fn input(events: Vec<PublicId>, risk: BreachRisk) -> BreachInput {
    BreachInput {
        // Riga time: 12:00 on 1 June is 09:00 UTC.
        discovered_at: "2027-06-01T12:00".into(),
        discovered_by: "Registration desk lead".into(),
        kinds: vec![BreachKind::Confidentiality],
        what_happened: "A printed attendee list was left on a table at the venue.".into(),
        events,
        categories: vec![DataCategory::FirstName, DataCategory::Email],
        everyone_at: vec![],
        people: vec![],
        approx_people: None,
        approx_records: None,
        consequences: "Names and emails seen by other visitors.".into(),
        measures_taken: "The list was collected.".into(),
        measures_planned: "No printed lists any more.".into(),
        risk: Some(risk),
        risk_reason: "Email addresses with names allow phishing.".into(),
    }
}

fn notification(to: NotifiedTo, at: &str, delay: &str) -> NotificationInput {
    NotificationInput {
        to,
        at: at.into(),
        how: "e-mail".into(),
        reference: "DVI-2027/15".into(),
        people: Some(2),
        delay_reason: delay.into(),
    }
}

fn bad<T: std::fmt::Debug>(r: Result<T, RegisterError>) -> BadInput {
    match r {
        Err(RegisterError::Invalid(b)) => b,
        other => panic!("expected a bad input, got {other:?}"),
    }
}

/// Requirement 20 (seed 000: 72 h / 12 h; seed 002 §5.2-5.3): a high-risk breach with
/// two chosen attendees owes both notifications, counts down from its discovery, takes
/// a late notification only with its reason, closes, and then no longer changes; every
/// step is a dated entry of its history.
#[tokio::test]
async fn a_high_risk_breach_is_notified_closed_and_its_history_kept() {
    let (s, ev, org) = store_with_event().await;
    let notice = settings(&s, &org, ev).await;
    let mut ids = vec![];
    for (i, (f, l)) in [("Anna", "Bērziņa"), ("Jānis", "Ozols"), ("Third", "Person")]
        .into_iter()
        .enumerate()
    {
        ids.push(
            register(
                &s,
                &org,
                kiosk_attendee(ev, &format!("tok-{i}"), person(f, l, &format!("p{i}@x.lv"))),
                kiosk_consent(Consent::Green, notice.clone()),
            )
            .await,
        );
    }
    let now = at(NOW);
    let mut i = input(vec!["pub".into()], BreachRisk::High);
    i.people = vec![ids[0], ids[1]];
    let id = record(&s, org.clone(), i.clone(), now).await.unwrap();

    let b = find(&s, &org, id.clone()).await.unwrap();
    let v = view(&s, org.clone(), &b, now).await.unwrap();
    assert_eq!(
        v.record.discovered_at, "2027-06-01T09:00:00Z",
        "stored in UTC"
    );
    assert_eq!(
        v.discovered, "2027-06-01 12:00 (UTC+03:00)",
        "shown in Riga time"
    );
    assert_eq!(v.record.approx_people, 2, "counted from the people chosen");
    let mut names: Vec<_> = v.people.iter().map(|p| p.label.clone()).collect();
    names.sort();
    assert_eq!(names, ["Anna Bērziņa", "Jānis Ozols"]);
    // One hour after discovery: 71 h and 11 h left.
    assert_eq!(
        v.clocks
            .iter()
            .map(|c| (c.to, c.status, c.seconds))
            .collect::<Vec<_>>(),
        [
            (NotifiedTo::Inspectorate, ClockStatus::Running, 71 * 3600),
            (NotifiedTo::People, ClockStatus::Running, 11 * 3600)
        ]
    );
    assert_eq!(v.missing, [NotifiedTo::Inspectorate, NotifiedTo::People]);

    // Closing without the notifications owed needs a reason.
    let b = find(&s, &org, id.clone()).await.unwrap();
    assert_eq!(
        bad(close(&s, org.clone(), &b, String::new(), now).await),
        BadInput::BreachCloseReasonMissing
    );
    // The inspectorate in time (Riga 2 June 10:00 = 07:00 UTC, 22 h after discovery).
    let later = at("2027-06-03T08:00:00Z");
    notify(
        &s,
        org.clone(),
        &b,
        notification(NotifiedTo::Inspectorate, "2027-06-02T10:00", ""),
        later,
    )
    .await
    .unwrap();
    // The people told 25 h after discovery (due at 12 h): the delay needs its reason.
    let b = find(&s, &org, id.clone()).await.unwrap();
    let late = notification(NotifiedTo::People, "2027-06-02T13:00", "");
    assert_eq!(
        bad(notify(&s, org.clone(), &b, late.clone(), later).await),
        BadInput::BreachDelayReasonMissing
    );
    // Not before the discovery, not in the future.
    let early = notification(NotifiedTo::People, "2027-06-01T11:00", "x");
    assert_eq!(
        bad(notify(&s, org.clone(), &b, early, later).await),
        BadInput::BreachNotifiedBeforeDiscovery
    );
    let future = notification(NotifiedTo::People, "2027-06-04T13:00", "x");
    assert_eq!(
        bad(notify(&s, org.clone(), &b, future, later).await),
        BadInput::BreachTimeFuture
    );
    let with_reason = NotificationInput {
        delay_reason: "The contact list had to be restored from a backup first.".into(),
        ..late
    };
    notify(&s, org.clone(), &b, with_reason, later)
        .await
        .unwrap();
    let b = find(&s, &org, id.clone()).await.unwrap();
    let v = view(&s, org.clone(), &b, later).await.unwrap();
    assert_eq!(
        v.clocks.iter().map(|c| c.status).collect::<Vec<_>>(),
        [ClockStatus::Done, ClockStatus::DoneLate]
    );
    assert!(v.missing.is_empty());
    assert!(v.notifications[1].late && !v.notifications[0].late);

    // A change made from a page that is no longer current is refused, not lost.
    let stale = b.clone();
    close(&s, org.clone(), &b, String::new(), later)
        .await
        .unwrap();
    assert!(matches!(
        close(&s, org.clone(), &stale, String::new(), later).await,
        Err(RegisterError::Store(StoreError::Conflict(
            Conflict::BreachChanged
        )))
    ));
    let b = find(&s, &org, id.clone()).await.unwrap();
    let a = BreachAssessment {
        approx_people: 3,
        approx_records: 3,
        consequences: String::new(),
        measures_taken: String::new(),
        measures_planned: String::new(),
        risk: BreachRisk::Likely,
        risk_reason: "x".into(),
    };
    assert_eq!(
        bad(assess(&s, org.clone(), &b, a).await),
        BadInput::BreachClosed
    );
    let v = view(&s, org.clone(), &b, later).await.unwrap();
    assert_eq!(
        v.history
            .iter()
            .map(|h| h.change.as_str())
            .collect::<Vec<_>>(),
        [
            "recorded",
            "notified:inspectorate",
            "notified:people",
            "closed"
        ]
    );
    assert!(v.history.iter().all(|h| h.by == "o@x.lv"));
    assert!(v.closed.is_some());
}

/// Point 1: the form's rules, each with its own sentence; "everyone registered" lists
/// every attendee of the event; a change of the assessment names what changed.
#[tokio::test]
async fn the_record_is_checked_and_everyone_at_an_event_is_listed() {
    let (s, ev, org) = store_with_event().await;
    let notice = settings(&s, &org, ev).await;
    for i in 0..3 {
        register(
            &s,
            &org,
            kiosk_attendee(
                ev,
                &format!("t{i}"),
                person("A", &format!("N{i}"), "a@x.lv"),
            ),
            kiosk_consent(Consent::Red, notice.clone()),
        )
        .await;
    }
    let now = at(NOW);
    let base = input(vec!["pub".into()], BreachRisk::Likely);
    type Change = Box<dyn Fn(&mut BreachInput)>;
    let cases: Vec<(Change, BadInput)> = vec![
        (
            Box::new(|i| i.discovered_at = "yesterday".into()),
            BadInput::BreachTimeInvalid,
        ),
        // 28 March 2027, 03:30 does not exist in Riga; 31 October 03:30 happens twice.
        (
            Box::new(|i| i.discovered_at = "2027-03-28T03:30".into()),
            BadInput::BreachTimeSkipped,
        ),
        (
            Box::new(|i| i.discovered_at = "2026-10-25T03:30".into()),
            BadInput::BreachTimeAmbiguous,
        ),
        (
            Box::new(|i| i.discovered_at = "2027-06-01T14:00".into()),
            BadInput::BreachTimeFuture,
        ),
        (
            Box::new(|i| i.discovered_by = " ".into()),
            BadInput::BreachDiscovererMissing,
        ),
        (Box::new(|i| i.kinds.clear()), BadInput::BreachKindMissing),
        (
            Box::new(|i| i.what_happened.clear()),
            BadInput::BreachDescriptionMissing,
        ),
        (Box::new(|i| i.events.clear()), BadInput::BreachEventMissing),
        (
            Box::new(|i| i.categories.clear()),
            BadInput::BreachCategoryMissing,
        ),
        (Box::new(|i| i.risk = None), BadInput::BreachRiskMissing),
        (
            Box::new(|i| i.risk_reason.clear()),
            BadInput::BreachRiskReasonMissing,
        ),
        (
            Box::new(|i| i.consequences = "x".repeat(2001)),
            BadInput::MessageTooLong,
        ),
    ];
    for (change, want) in cases {
        let mut i = base.clone();
        change(&mut i);
        assert_eq!(bad(record(&s, org.clone(), i, now).await), want);
    }
    assert!(
        s.list_breaches(1, Role::Admin).await.unwrap().is_empty(),
        "nothing saved"
    );

    let mut i = base.clone();
    i.everyone_at = vec!["pub".into()];
    let id = record(&s, org.clone(), i, now).await.unwrap();
    let b = find(&s, &org, id.clone()).await.unwrap();
    let v = view(&s, org.clone(), &b, now).await.unwrap();
    assert_eq!(v.people.len(), 3);
    assert_eq!(v.record.approx_people, 3);
    assert_eq!(v.clocks.len(), 1, "likely: the inspectorate only");
    let a = BreachAssessment {
        approx_people: 3,
        approx_records: 3,
        consequences: v.record.consequences.clone(),
        measures_taken: v.record.measures_taken.clone(),
        measures_planned: "Lists are kept in a locked drawer.".into(),
        risk: BreachRisk::High,
        risk_reason: v.record.risk_reason.clone(),
    };
    assess(&s, org.clone(), &b, a).await.unwrap();
    let b = find(&s, &org, id).await.unwrap();
    let v = view(&s, org.clone(), &b, now).await.unwrap();
    assert_eq!(v.history[1].change, "assessment: measures_planned, risk");
    assert_eq!(v.clocks.len(), 2, "high: the people's clock starts too");
}

/// Requirement 22: an organiser reaches only breaches of their own events; another's
/// breach, event or attendee looks unknown; an admin sees every breach.
#[tokio::test]
async fn organisers_reach_only_breaches_of_their_own_events() {
    let (s, ev, org) = store_with_event().await;
    let notice = settings(&s, &org, ev).await;
    let anna = register(
        &s,
        &org,
        kiosk_attendee(ev, "tok-a", person("Anna", "B", "a@x.lv")),
        kiosk_consent(Consent::Green, notice),
    )
    .await;
    let now = at(NOW);
    let id = record(
        &s,
        org.clone(),
        input(vec!["pub".into()], BreachRisk::Unlikely),
        now,
    )
    .await
    .unwrap();
    let other = s
        .create_user(Actor::Cli, "b@x.lv".into(), "h".into(), Role::Organiser)
        .await
        .unwrap();
    let b = Actor::User {
        id: other,
        role: Role::Organiser,
    };
    assert!(matches!(
        find(&s, &b, id.clone()).await,
        Err(StoreError::NotFound)
    ));
    assert!(list(&s, b.clone(), now).await.unwrap().rows.is_empty());
    assert!(matches!(
        record(
            &s,
            b.clone(),
            input(vec!["pub".into()], BreachRisk::Unlikely),
            now
        )
        .await,
        Err(RegisterError::Store(StoreError::NotFound))
    ));
    // B's own event with A's attendee: unknown.
    let (own, _) = s
        .create_event(
            b.clone(),
            other,
            "bpub".into(),
            crate::types::NewEvent {
                name: "B".into(),
                starts_on: None,
                ends_on: None,
                venue: String::new(),
                default_lang: "lv".into(),
            },
        )
        .await
        .unwrap();
    let _ = own;
    let mut i = input(vec!["bpub".into()], BreachRisk::Unlikely);
    i.people = vec![anna];
    assert!(matches!(
        record(&s, b.clone(), i, now).await,
        Err(RegisterError::Store(StoreError::NotFound))
    ));
    let admin = s
        .create_user(Actor::Cli, "adm@x.lv".into(), "h".into(), Role::Admin)
        .await
        .unwrap();
    let admin = Actor::User {
        id: admin,
        role: Role::Admin,
    };
    assert_eq!(list(&s, admin.clone(), now).await.unwrap().rows.len(), 1);
    assert!(find(&s, &admin, id).await.is_ok());
}

/// Point 3: the drafts carry GDPR Art. 33(3)'s items (nature, categories, numbers of
/// people and records, DPO contact, consequences, measures) in both languages; the
/// message to people (Art. 34(2)) only when the risk is high. The contact CSV has the
/// contact fields the event collects, formula-safe, and is audited.
#[tokio::test]
async fn drafts_carry_article_33_items_and_contacts_are_formula_safe() {
    let (s, ev, org) = store_with_event().await;
    let notice = settings(&s, &org, ev).await;
    let hostile = register(
        &s,
        &org,
        kiosk_attendee(ev, "tok-h", person("=HYPERLINK(\"x\")", "Ozola", "h@x.lv")),
        kiosk_consent(Consent::Green, notice),
    )
    .await;
    let now = at(NOW);
    let mut i = input(vec!["pub".into()], BreachRisk::High);
    i.people = vec![hostile];
    i.approx_records = Some(40);
    let id = record(&s, org.clone(), i, now).await.unwrap();
    let b = find(&s, &org, id.clone()).await.unwrap();
    let en = drafts(&s, &b, Lang::En, now).await.unwrap();
    for item in [
        "Confidentiality",
        "A printed attendee list was left",
        "First name",
        "Email",
        "data subjects concerned: 1",
        "records concerned: 40",
        "dpo@piemers.lv",
        "Names and emails seen by other visitors.",
        "The list was collected.",
        "No printed lists any more.",
        "Biedrība Piemērs",
        "2027-06-01 12:00 (UTC+03:00)",
    ] {
        assert!(
            en.inspectorate.contains(item),
            "{item} in:\n{}",
            en.inspectorate
        );
    }
    let people = en.people.expect("high risk: a message to people");
    assert!(people.contains("dpo@piemers.lv") && people.contains("The list was collected."));
    let lv = drafts(&s, &b, Lang::Lv, now).await.unwrap();
    assert!(lv.inspectorate.contains("Datu valsts inspekcija"));
    assert!(lv.inspectorate.contains("Vārds"), "{}", lv.inspectorate);
    assert!(lv.people.is_some());

    let csv = export::contacts(&s, org.clone(), &b).await.unwrap();
    assert_eq!(csv.rows, 1);
    let mut lines = csv.csv.lines();
    assert_eq!(lines.next(), Some("event,first_name,last_name,email"));
    let row = lines.next().unwrap();
    assert!(row.contains("'=HYPERLINK"), "formula-safe: {row}");
    assert!(row.contains("h@x.lv"));
    let q = crate::domain::store::AuditQuery {
        action: Some("breach.contacts".into()),
        ..Default::default()
    };
    let audited = s.list_audit(org.clone(), 10, None, q).await.unwrap();
    assert_eq!(audited.total, 1, "the download is audited");

    // The register export lists it as JSON and CSV.
    let all = export::register(&s, org.clone()).await.unwrap();
    assert!(all.json.contains(id.as_str()) && all.json.contains("\"risk\": \"high\""));
    assert_eq!(all.csv.lines().count(), 2);
    assert!(all.csv.lines().nth(1).unwrap().contains(id.as_str()));
}
