//! The record of processing from settings and policy (issue 15 point 7).

use super::*;
use crate::domain::store::test_support::store_with_event;
use crate::types::{EventSettings, FieldRule, NewEvent, Periods, PublicId, Purpose, Role};

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap()
}

fn summary(id: &str, name: &str, ends_on: &str) -> EventSummary {
    EventSummary {
        id: PublicId::parse(id).unwrap(),
        name: name.into(),
        starts_on: Some(ends_on.into()),
        ends_on: Some(ends_on.into()),
        venue: "Rīga".into(),
        default_lang: "lv".into(),
        data_deleted_on: None,
        data_purged: false,
        archived_at: None,
    }
}

fn clock(row: i64, e: &EventSummary, settings: EventSettings) -> Clock {
    Clock {
        event_id: EventId::from(row),
        public_id: e.id.clone(),
        name: e.name.clone(),
        end: e.ends_on.clone().unwrap(),
        settings,
        purged_at: None,
        photos_purged_at: None,
        archive_purged_at: None,
    }
}

/// Settings asking for first name (required) and email only.
fn two_fields() -> EventSettings {
    let mut s = EventSettings::default();
    s.fields.first_name = FieldRule {
        enabled: true,
        required: true,
    };
    s.fields.email = FieldRule {
        enabled: true,
        required: false,
    };
    s
}

fn record_of(settings: EventSettings, lang: Lang) -> ProcessingRecord {
    let e = summary("ev1", "Spring conference", "2026-05-31");
    let c = clock(1, &e, settings);
    build(
        RecordScope::Event,
        lang,
        day(2026, 4, 1),
        "2026-04-01T10:00:00Z".into(),
        &[(e, c)],
    )
}

fn field_keys(a: &RecordActivity) -> Vec<&str> {
    a.data
        .iter()
        .map(|d| d.key.as_str())
        .filter(|k| Field::ALL.iter().any(|f| f.as_str() == *k))
        .collect()
}

fn attendee_columns(r: &ProcessingRecord) -> Vec<&str> {
    let t = r.policy.iter().find(|t| t.table == "attendees").unwrap();
    t.wiped.iter().map(|c| c.column.as_str()).collect()
}

#[test]
fn the_record_lists_exactly_the_fields_switched_on() {
    let r = record_of(two_fields(), Lang::En);
    let a = &r.activities[0];
    assert_eq!(field_keys(a), vec!["first_name", "email"]);
    let labels: Vec<_> = a.data.iter().map(|d| d.label.as_str()).collect();
    assert!(labels.contains(&"First name") && labels.contains(&"Email"));
    for off in ["Last name", "Organisation", "Role or title", "Phone"] {
        assert!(!labels.contains(&off), "{off} is not collected");
    }
    assert_eq!(a.data[0].detail, "Asked at registration; required");
    assert_eq!(a.data[1].detail, "Asked at registration; optional");
    // What the purge wipes lists the same fields and no other.
    let cols = attendee_columns(&r);
    assert!(cols.contains(&"first_name") && cols.contains(&"email"));
    for off in ["last_name", "organisation", "role_title", "phone"] {
        assert!(!cols.contains(&off), "{off} in the policy section");
    }
    // The CSV and the JSON say the same.
    let csv = to_csv(&r);
    assert!(csv.contains("data,Spring conference,first_name,label,First name\r\n"));
    assert!(csv.contains("data,Spring conference,email,label,Email\r\n"));
    for off in ["last_name", "organisation", "role_title", "phone"] {
        assert!(!csv.contains(off), "{off} in the CSV:\n{csv}");
    }
    // Photos, signatures, scans, codes and the log are there whatever the fields.
    for k in [
        "photos",
        "guardian",
        "badge_scans",
        "codes",
        "audit_log",
        "photo_choice",
    ] {
        assert!(a.data.iter().any(|d| d.key == k), "{k}");
    }
}

#[test]
fn a_count_only_event_lists_no_field_and_latvian_reads_latvian() {
    let r = record_of(EventSettings::default(), Lang::Lv);
    assert_eq!(field_keys(&r.activities[0]), Vec::<&str>::new());
    assert!(attendee_columns(&r).iter().all(|c| !c.contains("name")));
    let r = record_of(two_fields(), Lang::Lv);
    let a = &r.activities[0];
    assert_eq!(r.lang, "lv");
    assert_eq!(a.data[0].label, "Vārds");
    assert_eq!(a.data[1].label, "E-pasts");
    assert_eq!(a.subjects[1].key, "minors");
    assert_eq!(a.subjects[1].label, "Nepilngadīgie (līdz 18 gadiem)");
    let attendees = r.policy.iter().find(|t| t.table == "attendees").unwrap();
    assert_eq!(attendees.about, "Dalībnieki: reģistrācija");
    let first = attendees
        .wiped
        .iter()
        .find(|c| c.column == "first_name")
        .unwrap();
    assert_eq!(
        (first.how.as_str(), first.reason.as_str()),
        ("iztukšo", "reģistrācijas lauks")
    );
}

#[test]
fn subjects_are_attendees_minors_guardians_and_staff() {
    let r = record_of(two_fields(), Lang::En);
    let keys: Vec<_> = r.activities[0]
        .subjects
        .iter()
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(keys, vec!["attendees", "minors", "guardians", "staff"]);
    assert!(r.activities[0].subjects[1].detail.contains("guardian"));
}

#[test]
fn periods_and_their_days_come_from_the_settings_and_the_last_day() {
    let mut s = two_fields();
    s.retention_days = 200;
    s.photo_retention_days = 100;
    s.archive_purpose = "typed but the archive is off".into();
    let r = record_of(s, Lang::En);
    let t = &r.activities[0].retention;
    assert_eq!(
        t.periods,
        Periods {
            attendee_days: 200,
            photo_days: 100,
            archive_days: 0
        }
    );
    assert_eq!(t.end.as_deref(), Some("2026-05-31"));
    // The first day after end + days.
    assert_eq!(t.attendees_deleted_on.as_deref(), Some("2026-12-18"));
    assert_eq!(t.photos_deleted_on.as_deref(), Some("2026-09-09"));
    // No archive: no day, no purpose.
    assert_eq!(t.archive_deleted_on, None);
    assert_eq!(t.archive_purpose, "");
    let csv = to_csv(&r);
    assert!(csv.contains("retention,Spring conference,,attendee_days,200\r\n"));
    assert!(csv.contains("retention,Spring conference,,attendees_deleted_on,2026-12-18\r\n"));
    assert!(!csv.contains("typed but the archive is off"));
}

#[test]
fn the_archive_is_stated_only_when_it_is_on() {
    let mut s = two_fields();
    s.photo_retention_days = 100;
    s.archive_days = 400;
    s.retention_days = 400;
    s.archive_purpose = "The organiser's history of the conference".into();
    let r = record_of(s, Lang::En);
    let t = &r.activities[0].retention;
    assert_eq!(t.periods.archive_days, 400);
    assert_eq!(t.archive_deleted_on.as_deref(), Some("2027-07-06"));
    assert_eq!(
        t.archive_purpose,
        "The organiser's history of the conference"
    );
}

#[test]
fn recipients_transfers_controller_and_purposes_are_the_settings() {
    let mut s = two_fields();
    s.controller_name = "Biedrība Piemērs".into();
    s.controller_email = "dati@piemers.lv".into();
    s.dpo_contact = "dpo@piemers.lv".into();
    s.recipients = "Printing house SIA Druka".into();
    s.third_country_transfer = true;
    s.purposes = vec![Purpose {
        purpose: "=HYPERLINK(\"http://evil.example\",\"Click\")".into(),
        legal_basis: "consent".into(),
    }];
    let r = record_of(s.clone(), Lang::En);
    let a = &r.activities[0];
    assert_eq!(a.recipients, "Printing house SIA Druka");
    assert!(a.third_country_transfer);
    assert_eq!(a.controller.name, "Biedrība Piemērs");
    assert_eq!(a.controller.dpo, "dpo@piemers.lv");
    assert_eq!(a.purposes, s.purposes);
    let csv = to_csv(&r);
    assert!(csv.contains("recipients,Spring conference,,recipients,Printing house SIA Druka\r\n"));
    assert!(csv.contains("transfer,Spring conference,,third_country_transfer,yes\r\n"));
    // A purpose typed as a formula is text in a spreadsheet.
    assert!(
        csv.contains("purpose,Spring conference,1,purpose,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"\r\n"),
        "{csv}"
    );
    s.third_country_transfer = false;
    s.recipients.clear();
    let r = record_of(s, Lang::En);
    assert!(!r.activities[0].third_country_transfer);
    assert!(to_csv(&r).contains("transfer,Spring conference,,third_country_transfer,no\r\n"));
}

#[test]
fn the_policy_section_follows_the_retention_policy() {
    let r = record_of(two_fields(), Lang::En);
    assert_eq!(r.policy.len(), TABLES.len());
    let t = |name: &str| r.policy.iter().find(|t| t.table == name).unwrap();
    // Scans go whole; consents stay reduced with the guardian's data wiped.
    assert!(t("scans").rows_deleted && t("scans").columns.contains(&"badge_token".to_string()));
    let consents = t("consents");
    assert!(!consents.rows_deleted);
    let wiped: Vec<_> = consents.wiped.iter().map(|c| c.column.as_str()).collect();
    assert_eq!(
        wiped,
        vec![
            "channel_ref",
            "guardian_name",
            "guardian_confirmed",
            "signature_id"
        ]
    );
    let reduced = consents
        .kept
        .iter()
        .find(|k| k.class == KeptClass::Reduced)
        .unwrap();
    assert!(reduced.columns.contains(&"choice".to_string()));
    let badge = t("attendees")
        .wiped
        .iter()
        .find(|c| c.column == "badge_token")
        .unwrap();
    assert_eq!(badge.how, "replaced by a random value");
    assert!(t("attendees")
        .kept
        .iter()
        .any(|k| k.class == KeptClass::Counts && k.columns.contains(&"is_minor".to_string())));
    assert!(!t("audit_log").of_event);
    assert!(t("photos")
        .kept
        .iter()
        .any(|k| k.class == KeptClass::Photo && k.columns.contains(&"camera_serial".to_string())));
    assert_eq!(r.measures.len(), Measure::ALL.len());
}

async fn organiser(s: &Store, email: &str, role: Role) -> Actor {
    let id = s
        .create_user(Actor::Cli, email.into(), "h".into(), role)
        .await
        .unwrap();
    Actor::User { id, role }
}

async fn event_of(s: &Store, who: &Actor, public_id: &str, name: &str) -> EventId {
    let Actor::User { id, .. } = who else {
        unreachable!()
    };
    let e = NewEvent {
        name: name.into(),
        starts_on: None,
        ends_on: Some("2026-05-31".into()),
        venue: String::new(),
        default_lang: "en".into(),
    };
    s.create_event(who.clone(), *id, public_id.into(), e)
        .await
        .unwrap()
        .0
}

async fn audit_rows(s: &Store, action: &str) -> Vec<String> {
    s.list_audit(Actor::Cli, 1000, None, Default::default())
        .await
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.action == action)
        .map(|r| r.subject)
        .collect()
}

#[tokio::test]
async fn an_organisers_instance_record_holds_only_their_events() {
    let (s, first, a) = store_with_event().await;
    let mut settings = two_fields();
    settings.recipients = "A's printer".into();
    s.save_event_settings(a.clone(), first, settings, vec![])
        .await
        .unwrap();
    let b = organiser(&s, "b@x.lv", Role::Organiser).await;
    event_of(&s, &b, "bee", "B's festival").await;
    event_of(&s, &a, "second", "A's second").await;
    let names = |r: &ProcessingRecord| -> Vec<String> {
        r.activities.iter().map(|a| a.event.name.clone()).collect()
    };

    let mine = view(&s, a.clone(), Scope::Instance, Lang::En)
        .await
        .unwrap();
    assert_eq!(mine.scope, RecordScope::Instance);
    assert_eq!(names(&mine), vec!["E", "A's second"]);
    assert_eq!(mine.activities[0].recipients, "A's printer");
    let theirs = view(&s, b.clone(), Scope::Instance, Lang::En)
        .await
        .unwrap();
    assert_eq!(names(&theirs), vec!["B's festival"]);
    let admin = organiser(&s, "admin@x.lv", Role::Admin).await;
    let all = view(&s, admin, Scope::Instance, Lang::En).await.unwrap();
    assert_eq!(all.activities.len(), 3);
    // The fields of A's events only: B's event collects none, and A's second none.
    let fields: Vec<_> = attendee_columns(&mine)
        .into_iter()
        .filter(|c| Field::ALL.iter().any(|f| f.as_str() == *c))
        .collect();
    assert_eq!(fields, vec!["first_name", "email"]);
    assert_eq!(audit_rows(&s, "record.view").await.len(), 3);
    assert!(audit_rows(&s, "record.view")
        .await
        .iter()
        .all(|s| s == "instance"));
}

#[tokio::test]
async fn views_and_exports_are_audited_with_the_event() {
    let (s, ev, a) = store_with_event().await;
    let event = s.event_by_id(ev).await.unwrap();
    let scope = || Scope::Event {
        row: ev,
        event: Box::new(event.clone()),
    };
    assert!(audit_rows(&s, "record.view").await.is_empty());
    let r = view(&s, a.clone(), scope(), Lang::Lv).await.unwrap();
    assert_eq!(r.activities.len(), 1);
    assert_eq!(
        audit_rows(&s, "record.view").await,
        vec![format!("event:{ev}")]
    );
    let x = export(&s, a, scope(), Lang::En).await.unwrap();
    assert_eq!(
        audit_rows(&s, "record.export").await,
        vec![format!("event:{ev}")]
    );
    let json: ProcessingRecord = serde_json::from_str(&x.json).unwrap();
    assert_eq!(json.activities[0].event.name, "E");
    assert!(x
        .json
        .contains("\n  \"format\": \"lanyard-processing-record/1\""));
    assert!(x.csv.starts_with("section,event,item,key,value\r\n"));
    assert!(x.file_stem.starts_with("lanyard-record-of-processing-pub-"));
}
