//! Issue 15: the purge on an injected clock (just before and just after each period),
//! the archive, shortening and refusing to lengthen, and the purge checked against the
//! policy column by column (requirement 18).

use super::*;
use crate::domain::store::test_support::{
    kiosk_attendee, kiosk_consent, register, store_with_event,
};
use crate::domain::store::{NewPhoto, NewRequestRow};
use crate::types::{
    AttendeeId, Consent, EventSettings, NoticeRef, PersonFields, PhotoId, Region, RequestKind,
    Role, ScanIn,
};
use time::macros::date;

const END: &str = "2027-03-10";

/// An event ending on [`END`] with `settings` and a notice stating them.
async fn event(settings: EventSettings) -> (AppState, EventId, Actor, NoticeRef) {
    let (s, ev, actor) = store_with_event().await;
    s.set_event_end_for_tests(ev, END).await;
    let notices = crate::domain::notice::render_all("E", &settings);
    s.save_event_settings(actor.clone(), ev, settings, notices)
        .await
        .unwrap();
    let notice = s.current_notice(ev, "lv".into()).await.unwrap().unwrap();
    (AppState::new(s), ev, actor, notice.reference())
}

fn person(first: &str, email: &str) -> PersonFields {
    PersonFields {
        first_name: Some(first.into()),
        last_name: Some("Bērziņa".into()),
        organisation: Some("Valsts kanceleja".into()),
        email: Some(email.into()),
        ..Default::default()
    }
}

/// Two attendees (an adult green, a minor green with guardian and signature), one red,
/// a scan, photos with tags and a request with its own words.
struct Seeded {
    green: AttendeeId,
    red: AttendeeId,
    photo_green: PhotoId,
    photo_red: PhotoId,
}

async fn seed(st: &AppState, ev: EventId, actor: &Actor, notice: &NoticeRef, tag: &str) -> Seeded {
    let s = &st.store;
    let green = register(
        s,
        actor,
        kiosk_attendee(
            ev,
            &format!("tok-green-{tag}"),
            person("Anna", &format!("anna-{tag}@x.lv")),
        ),
        kiosk_consent(Consent::Green, notice.clone()),
    )
    .await;
    let mut minor = kiosk_attendee(
        ev,
        &format!("tok-minor-{tag}"),
        person("Māris", &format!("maris-{tag}@x.lv")),
    );
    minor.is_minor = true;
    let mut guarded = kiosk_consent(Consent::Green, notice.clone());
    guarded.guardian_name = Some(format!("Guardian {tag}"));
    guarded.guardian_confirmed = true;
    guarded.signature_png = Some(crate::domain::imaging::fixtures::png(40, 20, 7));
    register(s, actor, minor, guarded).await;
    let red = register(
        s,
        actor,
        kiosk_attendee(
            ev,
            &format!("tok-red-{tag}"),
            person("Ilze", &format!("ilze-{tag}@x.lv")),
        ),
        kiosk_consent(Consent::Red, notice.clone()),
    )
    .await;
    let Actor::User { id: uid, .. } = actor.clone() else {
        unreachable!()
    };
    s.record_scans(
        actor.clone(),
        uid,
        vec![ScanIn {
            client_scan_id: format!("scan-{tag}"),
            token: format!("tok-green-{tag}"),
            device_time: None,
            shown: Some(Consent::Green),
        }],
        None,
    )
    .await
    .unwrap();
    let photo = |n: u8| {
        let s = s.clone();
        let tag = tag.to_string();
        async move {
            let (public_id, _) = s
                .insert_photo(
                    Actor::User {
                        id: uid,
                        role: Role::Organiser,
                    },
                    NewPhoto {
                        public_id: format!("photo{n}{tag}"),
                        event_id: ev,
                        uploaded_by: uid,
                        sha256: format!("{n}{tag}"),
                        format: "jpeg",
                        bytes: 10,
                        width: 10,
                        height: 10,
                        orientation: 1,
                        original_name: Some(format!("Anna_Berzina_{tag}.jpg")),
                        camera_time: None,
                        camera_serial: None,
                        taken_at: None,
                    },
                )
                .await
                .unwrap();
            s.photo_by_public_id(public_id.into()).await.unwrap().id
        }
    };
    let photo_green = photo(1).await;
    let photo_red = photo(2).await;
    let region = Some(Region {
        x: 0.1,
        y: 0.1,
        w: 0.2,
        h: 0.3,
    });
    s.add_tag(actor.clone(), photo_green, green, "search", region)
        .await
        .unwrap();
    s.add_tag(actor.clone(), photo_red, red, "search", region)
        .await
        .unwrap();
    s.set_reviewed(actor.clone(), photo_green, true)
        .await
        .unwrap();
    s.set_reviewed(actor.clone(), photo_red, true)
        .await
        .unwrap();
    s.open_request(
        actor.clone(),
        NewRequestRow {
            attendee_id: red,
            kind: RequestKind::Removal,
            channel: "organiser",
            identity_check: format!("passport of {tag}"),
            message: format!("Please remove me, Ilze {tag}"),
            lang: "lv".into(),
            photos: None,
        },
    )
    .await
    .unwrap();
    Seeded {
        green,
        red,
        photo_green,
        photo_red,
    }
}

fn days(n: i64) -> time::Duration {
    time::Duration::days(n)
}

fn settings(attendee_days: u32, photo_days: u32, archive_days: u32) -> EventSettings {
    EventSettings {
        retention_days: attendee_days,
        photo_retention_days: photo_days,
        archive_days,
        archive_purpose: if archive_days > 0 {
            "The event's history".into()
        } else {
            String::new()
        },
        ..Default::default()
    }
}

#[tokio::test]
async fn the_purge_waits_for_each_period_then_runs_once() {
    let (st, ev, actor, notice) = event(settings(30, 10, 0)).await;
    let seeded = seed(&st, ev, &actor, &notice, "a").await;
    let end = date!(2027 - 03 - 10);
    let counts_before = st.store.event_counts(ev).await.unwrap();

    // The last day of each period: nothing goes.
    assert!(purge_due(&st, end + days(10)).await.unwrap().is_empty());
    assert_eq!(st.store.purge_preview(ev).await.unwrap().photos, 2);

    // The day after the photo period: the photos go, the attendee data stays.
    let done = purge_due(&st, end + days(11)).await.unwrap();
    assert_eq!(done.len(), 1);
    assert!(done[0].1.stages.photos && !done[0].1.stages.attendees);
    assert_eq!(done[0].1.photos_deleted.len(), 2);
    assert_eq!(st.store.purge_preview(ev).await.unwrap().photos, 0);
    assert!(
        !st.store.purge_leftovers(ev).await.unwrap().is_empty(),
        "attendee data stays"
    );
    assert!(purge_due(&st, end + days(30)).await.unwrap().is_empty());

    // The day after the attendee period: the attendee data goes, exactly as the policy says.
    let done = purge_due(&st, end + days(31)).await.unwrap();
    assert_eq!(done.len(), 1);
    assert!(done[0].1.stages.attendees);
    assert_eq!(done[0].1.attendees, 3);
    assert_eq!(
        st.store.purge_leftovers(ev).await.unwrap(),
        Vec::<String>::new()
    );
    // Counts kept: the same as before, the photos counted before they went.
    let kept = st.store.kept_counts(ev).await.unwrap().unwrap();
    assert_eq!(
        (
            kept.registered,
            kept.checked_in,
            kept.green,
            kept.red,
            kept.minors
        ),
        (
            counts_before.registered,
            counts_before.checked_in,
            counts_before.green,
            counts_before.red,
            counts_before.minors
        )
    );
    assert_eq!(
        (kept.registered, kept.green, kept.red, kept.minors),
        (3, 2, 1, 1)
    );
    assert_eq!(
        (kept.photos, kept.requests_removal, kept.requests_erasure),
        (2, 1, 0)
    );
    // Badges no longer resolve; the reduced consent rows still count.
    assert!(st
        .store
        .attendee_at_event_by_badge(ev, "tok-green-a".into())
        .await
        .unwrap()
        .is_none());
    assert_eq!(st.store.event_counts(ev).await.unwrap().green, 2);
    let _ = (
        seeded.green,
        seeded.red,
        seeded.photo_green,
        seeded.photo_red,
    );

    // Once is enough: a later run does nothing.
    assert!(purge_due(&st, end + days(400)).await.unwrap().is_empty());
    // The audit chain holds and has one row per purge.
    assert!(st.store.verify_audit().await.unwrap().is_ok());
}

#[tokio::test]
async fn the_archive_keeps_reviewed_photos_of_green_people_until_its_own_end() {
    let (st, ev, actor, notice) = event(settings(20, 10, 100)).await;
    let seeded = seed(&st, ev, &actor, &notice, "b").await;
    let end = date!(2027 - 03 - 10);
    let done = purge_due(&st, end + days(11)).await.unwrap();
    let r = &done[0].1;
    assert_eq!(r.photos_archived, 1, "the reviewed photo of a green person");
    assert_eq!(r.photos_deleted.len(), 1, "the photo of a red person goes");
    assert!(
        st.store.photo_by_public_id("photo2b".into()).await.is_err(),
        "the photo of a red person is deleted"
    );
    // After the attendee data: the archived photo stays, without tags or file name.
    purge_due(&st, end + days(21)).await.unwrap();
    let kept = st.store.photo_by_public_id("photo1b".into()).await.unwrap();
    assert_eq!(kept.id, seeded.photo_green);
    assert_eq!(kept.original_name, None);
    assert!(st
        .store
        .tag_facts(seeded.photo_green)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(st.store.purge_preview(ev).await.unwrap().archived, 1);
    // Restricted access: the event's organisers, not the photographer who uploaded it.
    let Actor::User { id: uploader, .. } = actor.clone() else {
        unreachable!()
    };
    assert_eq!(
        crate::domain::photos::access(&st.store, uploader, Role::Photographer, &kept, end)
            .await
            .unwrap(),
        None
    );
    assert!(
        crate::domain::photos::access(&st.store, uploader, Role::Organiser, &kept, end)
            .await
            .unwrap()
            .is_some()
    );
    // The day before the archive ends it is there; the day after it is gone.
    assert!(purge_due(&st, end + days(100)).await.unwrap().is_empty());
    let done = purge_due(&st, end + days(101)).await.unwrap();
    assert!(done[0].1.stages.archive);
    assert!(st.store.photo_by_public_id("photo1b".into()).await.is_err());
}

#[tokio::test]
async fn another_events_data_is_untouched() {
    let (st, ev, actor, notice) = event(settings(5, 5, 0)).await;
    seed(&st, ev, &actor, &notice, "c").await;
    // A second event of the same organiser, ending much later.
    let Actor::User { id: uid, .. } = actor.clone() else {
        unreachable!()
    };
    let (other, _) = st
        .store
        .create_event(
            actor.clone(),
            uid,
            "other".into(),
            crate::types::NewEvent {
                name: "Later".into(),
                starts_on: None,
                ends_on: Some("2099-01-01".into()),
                venue: String::new(),
                default_lang: "lv".into(),
            },
        )
        .await
        .unwrap();
    let s2 = settings(5, 5, 0);
    let n2 = crate::domain::notice::render_all("Later", &s2);
    st.store
        .save_event_settings(actor.clone(), other, s2, n2)
        .await
        .unwrap();
    let notice2 = st
        .store
        .current_notice(other, "lv".into())
        .await
        .unwrap()
        .unwrap()
        .reference();
    seed(&st, other, &actor, &notice2, "d").await;
    let done = purge_due(&st, date!(2027 - 06 - 01)).await.unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].0, ev);
    assert!(st.store.purge_leftovers(ev).await.unwrap().is_empty());
    let left = st.store.purge_leftovers(other).await.unwrap();
    for table in [
        "scans",
        "photo_tags",
        "signatures",
        "attendees.first_name",
        "attendees.email",
        "consents.guardian_name",
        "requests.message",
    ] {
        assert!(
            left.iter().any(|l| l.starts_with(table)),
            "{table} of the other event kept: {left:?}"
        );
    }
    assert_eq!(st.store.purge_preview(other).await.unwrap().photos, 2);
}

#[tokio::test]
async fn delete_now_purges_before_the_period_and_is_audited() {
    let (st, ev, actor, notice) = event(settings(365, 365, 0)).await;
    seed(&st, ev, &actor, &notice, "e").await;
    let info = delete_now(&st, actor.clone(), ev).await.unwrap();
    assert!(info.purged_at.is_some() && info.photos_purged_at.is_some());
    assert_eq!(info.counts.as_ref().map(|c| c.registered), Some(3));
    assert!(st.store.purge_leftovers(ev).await.unwrap().is_empty());
    assert_eq!(st.store.purge_preview(ev).await.unwrap().photos, 0);
    // The hourly run finds nothing more to do for the attendee data or photos.
    let later = purge_due(&st, date!(2028 - 04 - 01)).await.unwrap();
    assert!(later
        .iter()
        .all(|(_, r)| !r.stages.attendees && !r.stages.photos));
}

#[test]
fn due_days_count_whole_days_after_the_last_day() {
    let p = Periods {
        attendee_days: 365,
        photo_days: 30,
        archive_days: 0,
    };
    let d = due(date!(2027 - 03 - 10), p);
    assert_eq!(d.photos, date!(2027 - 04 - 10));
    assert_eq!(d.attendees, date!(2028 - 03 - 10));
    assert_eq!(d.archive, None);
}

#[tokio::test]
async fn a_period_can_be_shortened_but_never_lengthened_for_data_collected() {
    let (st, ev, actor, notice) = event(settings(60, 30, 0)).await;
    let event = st.store.event_by_id(ev).await.unwrap();
    // Nobody registered yet: any valid period.
    assert!(check_not_lengthened(
        st.store.promised_periods(ev).await.unwrap(),
        settings(90, 90, 0).periods()
    )
    .is_ok());
    seed(&st, ev, &actor, &notice, "f").await;
    let update = |s: EventSettings| {
        crate::domain::events::update_settings(&st.store, actor.clone(), ev, event.clone(), s)
    };
    // Shortening: fine, and the new notice states it.
    update(settings(40, 20, 0)).await.unwrap();
    let lv = st
        .store
        .current_notice(ev, "lv".into())
        .await
        .unwrap()
        .unwrap();
    assert!(
        lv.text.contains("40 dienas") && lv.text.contains("20 dienas"),
        "{}",
        lv.text
    );
    // Lengthening past what the first notice promised them: refused, whichever period.
    for (s, promised) in [
        (settings(61, 20, 0), 60),
        (settings(40, 31, 0), 30),
        (settings(40, 20, 100), 0),
    ] {
        match update(s).await {
            Err(crate::domain::consent::RegisterError::Invalid(BadInput::PeriodLengthened {
                promised_days,
            })) => {
                assert_eq!(promised_days, promised)
            }
            other => panic!("expected PeriodLengthened, got {other:?}"),
        }
    }
    // Back up to exactly what was promised: allowed (the first notice said 60 and 30).
    update(settings(60, 30, 0)).await.unwrap();
}
