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
            channel: crate::types::RequestChannel::Organiser,
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
    assert!(check_promise(
        promise(&st.store, ev).await.unwrap(),
        date!(2027 - 03 - 10),
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

/// The organiser's edit of the event with the days it keeps (issue 16 point 4).
fn edited(e: &crate::types::EventSummary, ends_on: &str) -> crate::types::NewEvent {
    crate::types::NewEvent {
        name: e.name.clone(),
        starts_on: None,
        ends_on: Some(ends_on.into()),
        venue: e.venue.clone(),
        default_lang: e.default_lang.clone(),
    }
}

/// Issue 16 point 4: the last day moves the whole clock, so moving it later is the
/// same decision as a longer period. Refused past the promise (with the latest day it
/// may be), allowed earlier or within what a shortened period left; and the promise
/// keeps counting from the day people were told, so steps that each fit cannot add up
/// to more; settings saved after the move are checked against the same promise.
#[tokio::test]
async fn moving_the_last_day_later_cannot_lengthen_what_people_were_promised() {
    use crate::domain::consent::RegisterError;
    use crate::domain::events::{edit, update_settings};
    let (st, ev, actor, notice) = event(settings(60, 30, 0)).await;
    seed(&st, ev, &actor, &notice, "m").await;
    let event = || async { st.store.event_by_id(ev).await.unwrap() };
    let move_to = |day: &'static str| {
        let (st, actor) = (st.clone(), actor.clone());
        async move {
            let e = st.store.event_by_id(ev).await.unwrap();
            edit(&st.store, actor, ev, e.clone(), edited(&e, day)).await
        }
    };
    // One day later with the same periods: refused, naming the last day allowed.
    match move_to("2027-03-11").await {
        Err(RegisterError::Invalid(BadInput::EndMovedTooLate { latest })) => {
            assert_eq!(latest, "2027-03-10")
        }
        other => panic!("expected EndMovedTooLate, got {other:?}"),
    }
    assert_eq!(event().await.ends_on.as_deref(), Some("2027-03-10"));
    // Earlier: always fine (the data goes sooner).
    move_to("2027-03-05").await.unwrap();
    move_to("2027-03-10").await.unwrap();
    // With shorter periods (40 and 20 days) the last day may move up to 10 days later:
    // photos were promised 30 days after 10 March, 20 days after 20 March is the same.
    update_settings(
        &st.store,
        actor.clone(),
        ev,
        event().await,
        settings(40, 20, 0),
    )
    .await
    .unwrap();
    move_to("2027-03-20").await.unwrap();
    // One more day, a step that alone would fit a 30-day promise, is refused: the
    // promise counts from 10 March, the day people were told.
    match move_to("2027-03-21").await {
        Err(RegisterError::Invalid(BadInput::EndMovedTooLate { latest })) => {
            assert_eq!(latest, "2027-03-20")
        }
        other => panic!("expected EndMovedTooLate, got {other:?}"),
    }
    // And the periods cannot grow back now that the clock starts 10 days later.
    match update_settings(
        &st.store,
        actor.clone(),
        ev,
        event().await,
        settings(60, 30, 0),
    )
    .await
    {
        Err(RegisterError::Invalid(BadInput::PeriodLengthened { promised_days })) => {
            assert_eq!(promised_days, 50)
        }
        other => panic!("expected PeriodLengthened, got {other:?}"),
    }
    update_settings(
        &st.store,
        actor.clone(),
        ev,
        event().await,
        settings(50, 20, 0),
    )
    .await
    .unwrap();
    // The purge follows the moved clock: the attendee data of 20 March + 50 days goes
    // on 10 May, exactly the day the first notice's 60 days after 10 March ran out.
    let clock = st.store.retention_clock(ev).await.unwrap();
    let d = due_of(&clock).unwrap().1;
    assert_eq!(d.attendees, date!(2027 - 05 - 10));
    assert_eq!(d.photos, date!(2027 - 04 - 10));
    // The last day is still required.
    let e = event().await;
    let mut no_end = edited(&e, "");
    no_end.ends_on = None;
    assert!(matches!(
        edit(&st.store, actor.clone(), ev, e, no_end).await,
        Err(RegisterError::Invalid(BadInput::EndDateMissing))
    ));
}

/// A decision recorded before the last day could move (or at an event without one)
/// counts from the clock as it stood: the first move gives it that day for good, so a
/// second move cannot drag it along (issue 16 point 4).
#[tokio::test]
async fn decisions_from_before_the_last_day_moved_keep_the_day_they_counted_from() {
    use crate::domain::consent::RegisterError;
    use crate::domain::events::edit;
    // An event from before the last day was required: its clock is the last
    // registration day (today, at this test's registrations).
    let (s, ev, actor) = store_with_event().await;
    let settings = settings(60, 30, 0);
    let notices = crate::domain::notice::render_all("E", &settings);
    s.save_event_settings(actor.clone(), ev, settings, notices)
        .await
        .unwrap();
    let notice = s.current_notice(ev, "lv".into()).await.unwrap().unwrap();
    let st = AppState::new(s);
    seed(&st, ev, &actor, &notice.reference(), "n").await;
    let null_rows = st.store.clock_ends_for_tests().await;
    assert!(
        !null_rows.is_empty() && null_rows.iter().all(Option::is_none),
        "no last day: the decisions count from the clock"
    );
    // Giving the day cannot carry another change with it (the choice rewritten).
    let rewrite = st
        .store
        .execute_for_tests("UPDATE consents SET choice = 'green', clock_end = '2099-01-01'")
        .await;
    assert!(rewrite.unwrap_err().contains("append-only"));
    let today = crate::domain::requests::today();
    let e = st.store.event_by_id(ev).await.unwrap();
    let later = crate::domain::requests::iso(today + days(5));
    assert!(matches!(
        edit(&st.store, actor.clone(), ev, e.clone(), edited(&e, &later)).await,
        Err(RegisterError::Invalid(BadInput::EndMovedTooLate { .. }))
    ));
    // Setting the last day to today keeps the promise and freezes the decisions' day.
    let day = crate::domain::requests::iso(today);
    edit(&st.store, actor.clone(), ev, e.clone(), edited(&e, &day))
        .await
        .unwrap();
    let frozen = st.store.clock_ends_for_tests().await;
    assert!(
        frozen.iter().all(|d| d.as_deref() == Some(day.as_str())),
        "{frozen:?}"
    );
    // Earlier and back: the decisions still count from today.
    let e = st.store.event_by_id(ev).await.unwrap();
    let earlier = crate::domain::requests::iso(today - days(3));
    edit(
        &st.store,
        actor.clone(),
        ev,
        e.clone(),
        edited(&e, &earlier),
    )
    .await
    .unwrap();
    let e = st.store.event_by_id(ev).await.unwrap();
    edit(&st.store, actor.clone(), ev, e.clone(), edited(&e, &day))
        .await
        .unwrap();
    let e = st.store.event_by_id(ev).await.unwrap();
    let tomorrow = crate::domain::requests::iso(today + days(1));
    assert!(matches!(
        edit(
            &st.store,
            actor.clone(),
            ev,
            e.clone(),
            edited(&e, &tomorrow)
        )
        .await,
        Err(RegisterError::Invalid(BadInput::EndMovedTooLate { .. }))
    ));
    // The append-only trigger allows nothing else: a frozen day cannot change again.
    let again = st
        .store
        .execute_for_tests("UPDATE consents SET clock_end = '2099-01-01'")
        .await;
    assert!(again.unwrap_err().contains("append-only"));
}

/// Issue 16 point 4 (requirement 18): an archived event is still purged on schedule,
/// stage by stage, like any other; archiving changes none of its days.
#[tokio::test]
async fn an_archived_event_is_still_purged_on_schedule() {
    let (st, ev, actor, notice) = event(settings(30, 10, 0)).await;
    seed(&st, ev, &actor, &notice, "arch").await;
    st.store
        .set_event_archived(actor.clone(), ev, true)
        .await
        .unwrap();
    let end = date!(2027 - 03 - 10);
    assert!(purge_due(&st, end + days(10)).await.unwrap().is_empty());
    let photos = purge_due(&st, end + days(11)).await.unwrap();
    assert_eq!(photos.len(), 1);
    assert!(photos[0].1.stages.photos && !photos[0].1.stages.attendees);
    let people = purge_due(&st, end + days(31)).await.unwrap();
    assert_eq!(people.len(), 1);
    assert!(people[0].1.stages.attendees);
    assert!(st.store.purge_leftovers(ev).await.unwrap().is_empty());
    let e = st.store.event_by_id(ev).await.unwrap();
    assert!(e.archived_at.is_some(), "still archived after its purge");
}
