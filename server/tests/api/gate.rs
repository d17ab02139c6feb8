//! The publish gate holds (issue 14, points 1–3; requirements 11, 14, 16, 17): each test
//! tries a way around a promise to an attendee and is refused. A photographer cannot
//! unblock a photo; only an organiser's review after the last change of its people makes
//! it publishable; an open request freezes it; an export built before a change is not
//! served; an erasure on which the organiser kept the photo leaves an anonymous hold.

use crate::common::{Client, TestApp};
use app::types::{GateReason, PhotoDetail, PhotoState, RequestView};
use serde_json::{json, Value};

async fn upload(client: &mut Client, ev: &str, seed: u64) -> String {
    client.upload_seeded(ev, seed).await
}

fn region(x: f32, y: f32, w: f32, h: f32) -> Value {
    json!({ "x": x, "y": y, "w": w, "h": h })
}

/// Posts to a photo function and returns (status, body).
async fn try_call(client: &mut Client, path: &str, body: Value) -> (u16, String) {
    let r = client.post_json(path, &body.to_string()).await;
    (r.status, r.body)
}

fn refused(reply: (u16, String), code: &str) {
    assert_eq!(reply.0, 400, "{}", reply.1);
    assert!(reply.1.contains(code), "{code} expected: {}", reply.1);
}

fn tag_id(d: &PhotoDetail, number: usize) -> i64 {
    d.tags.iter().find(|t| t.number == number).unwrap().id
}

/// The photo ids in the event's export: builds it and reads its manifest.
async fn exported(org: &mut Client, ev: &str) -> Vec<String> {
    let job = org.start_export(ev, 640).await.job;
    org.wait_for_export(&job).await;
    let (status, zip) = org.get_bytes(&format!("/media/exports/{job}.zip")).await;
    assert_eq!(status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("manifest.csv").unwrap(), &mut manifest)
        .unwrap();
    manifest
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect()
}

/// Issue 14, point 1: every way a photographer could unblock a photo of a red person —
/// untag them, mark the photo "no identifiable people", shrink or clear their region,
/// review it themselves — is refused, and the export never holds it.
#[tokio::test]
async fn photographers_cannot_unblock_a_photo() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let red = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Rasa" }), "red")
        .await;
    let green = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Gints" }), "green")
        .await;
    let mut ph = server
        .photographer_at("photo@example.lv", &mut org, &ev)
        .await;

    // The photographer tags the red person with her face's region, and a green one.
    let p = upload(&mut ph, &ev, 1).await;
    ph.tag_badge(&p, &red, region(0.3, 0.2, 0.3, 0.4)).await;
    let d = ph.tag_badge(&p, &green, Value::Null).await;
    assert_eq!(d.state, PhotoState::Blocked);
    let (rasa, gints) = (tag_id(&d, 1), tag_id(&d, 2));
    assert!(d.tags[0].can_remove && !d.tags[0].can_edit_region);

    // "No identifiable people" on a photo with people: refused.
    let no_people = json!({ "photo_id": p, "value": true });
    refused(
        try_call(&mut ph, "/api/photos/no-people", no_people.clone()).await,
        "no_people_after_tags",
    );
    // Her region shrunk to a corner, or cleared: refused.
    for r in [region(0.0, 0.0, 0.01, 0.01), Value::Null] {
        let body = json!({ "photo_id": p, "tag_id": rasa, "region": r });
        refused(
            try_call(&mut ph, "/api/photos/region", body).await,
            "region_locked",
        );
    }
    // The photographer does not review.
    let review = json!({ "photo_id": p, "value": true });
    let (status, _) = try_call(&mut ph, "/api/photos/review", review).await;
    assert_eq!(status, 403);

    // The organiser reviews it: still blocked (she is red). After the review the
    // photographer cannot remove even their own tag.
    assert_eq!(org.review(&p, true).await.state, PhotoState::Blocked);
    let untag = |tag: i64| json!({ "photo_id": p, "tag_id": tag });
    refused(
        try_call(&mut ph, "/api/photos/untag", untag(rasa)).await,
        "untag_not_allowed",
    );
    // A tag the organiser added is not the photographer's to remove, review or not.
    let q = upload(&mut ph, &ev, 2).await;
    let d = org.tag_badge(&q, &red, Value::Null).await;
    let (status, body) = try_call(
        &mut ph,
        "/api/photos/untag",
        json!({ "photo_id": q, "tag_id": tag_id(&d, 1) }),
    )
    .await;
    assert_eq!((status, body.contains("untag_not_allowed")), (400, true));

    // Their own tag before any review may go, but the photo remembers it had people.
    let r = upload(&mut ph, &ev, 3).await;
    let d = ph.tag_badge(&r, &red, Value::Null).await;
    let d: PhotoDetail = ph
        .call(
            "/api/photos/untag",
            json!({ "photo_id": r, "tag_id": tag_id(&d, 1) }),
        )
        .await;
    assert!(d.tags.is_empty() && d.no_people_locked);
    refused(
        try_call(
            &mut ph,
            "/api/photos/no-people",
            json!({ "photo_id": r, "value": true }),
        )
        .await,
        "no_people_after_tags",
    );
    assert_eq!(ph.photo_detail(&r).await.state, PhotoState::NeedsReview);

    // A photo never tagged may be marked, but waits for the organiser's review.
    let s = upload(&mut ph, &ev, 4).await;
    let d: PhotoDetail = ph
        .call(
            "/api/photos/no-people",
            json!({ "photo_id": s, "value": true }),
        )
        .await;
    assert_eq!(d.state, PhotoState::NeedsReview);
    assert_eq!(d.reasons.last(), Some(&GateReason::AwaitingReview));

    // Nothing the photographer did reaches the export; the organiser's review of the
    // never-tagged photo does.
    assert_eq!(exported(&mut org, &ev).await, Vec::<String>::new());
    org.review(&s, true).await;
    assert_eq!(exported(&mut org, &ev).await, vec![s.clone()]);
    // The review was audited with who made it.
    let reviews: i64 = server
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'photo.review'
                 AND actor LIKE 'user:%' AND subject LIKE 'photo:% value:true'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reviews, 2);
    let _ = gints;
}

/// Issue 14, point 1: any change of people after the review undoes it, and while a
/// request of a tagged person is open nobody — the organiser included — untags them,
/// moves their region or reviews the photo.
#[tokio::test]
async fn a_change_undoes_the_review_and_an_open_request_freezes_the_photo() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let green = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Gita" }), "green")
        .await;
    let other = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Ojārs" }), "green")
        .await;
    let mut ph = server
        .photographer_at("photo@example.lv", &mut org, &ev)
        .await;
    let p = upload(&mut ph, &ev, 5).await;
    let d = ph.tag_badge(&p, &green, region(0.1, 0.1, 0.3, 0.3)).await;
    let gita = tag_id(&d, 1);
    assert_eq!(org.review(&p, true).await.state, PhotoState::Publishable);

    // The photographer adds a person: the review is gone, the photo waits again.
    let d = ph.tag_badge(&p, &other, Value::Null).await;
    assert_eq!(d.state, PhotoState::NeedsReview);
    assert!(d.reviewed_at.is_none());
    assert_eq!(org.review(&p, true).await.state, PhotoState::Publishable);

    // Gita asks for her photos to be removed: blocked, and frozen for everyone.
    org.open_request(
        &ev,
        json!({ "subject": { "by": "badge", "value": green }, "kind": "removal", "message": "", "identity_check": "Read back the badge code", "lang": "en" }),
    )
    .await;
    assert_eq!(org.photo_detail(&p).await.state, PhotoState::Blocked);
    for client in [&mut org, &mut ph] {
        refused(
            try_call(
                client,
                "/api/photos/untag",
                json!({ "photo_id": p, "tag_id": gita }),
            )
            .await,
            "photo_held_by_request",
        );
        refused(
            try_call(
                client,
                "/api/photos/region",
                json!({ "photo_id": p, "tag_id": gita, "region": region(0.0, 0.0, 0.01, 0.01) }),
            )
            .await,
            "photo_held_by_request",
        );
    }
    // Withdrawing the review is always allowed; giving it back is not while it is open.
    assert!(!org.review(&p, false).await.can_review);
    refused(
        try_call(
            &mut org,
            "/api/photos/review",
            json!({ "photo_id": p, "value": true }),
        )
        .await,
        "photo_held_by_request",
    );
    assert_eq!(org.photo_detail(&p).await.state, PhotoState::Blocked);
    assert_eq!(exported(&mut org, &ev).await, Vec::<String>::new());
}

/// Issue 14, point 2: an export built before a change is not served: 410 with a plain
/// sentence, and its file is gone from the disk. Sizes over 4096 px are refused.
#[tokio::test]
async fn an_export_built_before_a_change_is_refused_and_deleted() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let green = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Gita" }), "green")
        .await;
    let p = upload(&mut org, &ev, 6).await;
    org.tag_badge(&p, &green, Value::Null).await;
    org.review(&p, true).await;

    let too_big = json!({ "event_id": ev, "max_side": 4097 });
    refused(
        try_call(&mut org, "/api/photos/export", too_big).await,
        "size_invalid",
    );
    let job = org.start_export(&ev, 4096).await.job;
    let ready = org.wait_for_export(&job).await;
    assert_eq!((ready.total, ready.stale), (1, false));
    let exports = server.dir().join("photos").join("exports");
    let zips = || {
        std::fs::read_dir(&exports)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "zip")
            })
            .count()
    };
    assert_eq!(zips(), 1);

    // Gita asks for removal after the export was built.
    org.open_request(
        &ev,
        json!({ "subject": { "by": "badge", "value": green }, "kind": "removal", "message": "", "identity_check": "Read back the badge code", "lang": "en" }),
    )
    .await;
    let status: app::types::ExportStatus = org
        .call("/api/photos/export-status", json!({ "job": job }))
        .await;
    assert!(status.stale, "the page is told before it downloads");
    let r = org.get(&format!("/media/exports/{job}.zip")).await;
    assert_eq!(r.status, 410, "{}", r.body);
    assert!(r
        .body
        .contains("This export is out of date: build it again."));
    assert!(r.body.contains("export_stale"));
    assert_eq!(zips(), 0, "the out-of-date file is deleted");
    let (status, _) = org.get_bytes(&format!("/media/exports/{job}.zip")).await;
    assert_eq!(status, 404);
    // Built again, the blocked photo is not in it.
    assert_eq!(exported(&mut org, &ev).await, Vec::<String>::new());
}

/// Issue 14, points 2 and 3: an erasure on which the organiser kept the photo leaves an
/// anonymous hold (the photo is never publishable again, and names no one), and the
/// erasure deletes the event's built exports at once.
#[tokio::test]
async fn erasure_after_keep_leaves_an_anonymous_hold() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    let erased = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Zane" }), "green")
        .await;
    let stays = server
        .kiosk_attendee(&mut kiosk, json!({ "first_name": "Oskars" }), "green")
        .await;
    let kept = upload(&mut org, &ev, 7).await;
    let untouched = upload(&mut org, &ev, 8).await;
    org.tag_badge(&kept, &erased, Value::Null).await;
    org.tag_badge(&kept, &stays, Value::Null).await;
    org.tag_badge(&untouched, &stays, Value::Null).await;
    for p in [&kept, &untouched] {
        assert_eq!(org.review(p, true).await.state, PhotoState::Publishable);
    }
    let job = org.start_export(&ev, 640).await.job;
    org.wait_for_export(&job).await;

    let request = org
        .open_request(
            &ev,
            json!({ "subject": { "by": "badge", "value": erased }, "kind": "erasure", "message": "", "identity_check": "In person, with the badge", "lang": "en" }),
        )
        .await;
    let v: RequestView = org
        .call("/api/requests/get", json!({ "request_id": request }))
        .await;
    let item = v.photos[0].item;
    let _: RequestView = org
        .call(
            "/api/requests/decide",
            json!({ "request_id": request, "decision": { "item": item, "decision": "keep", "reason": "Board minutes archive" } }),
        )
        .await;
    // The decision deleted the built export at once.
    let (status, _) = org.get_bytes(&format!("/media/exports/{job}.zip")).await;
    assert_eq!(status, 404);
    let _: RequestView = org
        .call("/api/requests/erase", json!({ "request_id": request }))
        .await;

    // Zane's tag is gone, but the photo is held: blocked, naming no one, even after
    // another review; the photo without her stays publishable.
    let d = org.photo_detail(&kept).await;
    assert_eq!(d.tags.len(), 1);
    assert_eq!(d.state, PhotoState::Blocked);
    assert_eq!(d.reasons[0], GateReason::Held);
    let d = org.review(&kept, true).await;
    assert_eq!(d.state, PhotoState::Blocked);
    assert_eq!(exported(&mut org, &ev).await, vec![untouched.clone()]);
    let holds: i64 = server
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'photo.hold'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(holds, 1);
}
