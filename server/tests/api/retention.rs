//! Issue 15 point 3 (requirement 18): after an event's purge no file in the data dir
//! (database, WAL, photos, exports) holds a name, email, organisation, badge token,
//! guardian name or signature of its attendees; the counts are the ones from before;
//! the audit chain verifies; another event's data is untouched.

use crate::common::{Client, TestApp};
use crate::notice::{data_url, drawn_signature};
use app::domain::imaging::fixtures;
use app::types::{EventSettings, FieldRule, RetentionInfo};
use serde_json::{json, Value};
use std::path::Path;

const ON: FieldRule = FieldRule {
    enabled: true,
    required: false,
};

/// Every file under `dir`, recursively, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Which of `needles` occur in which file of the data dir.
fn found_in(dir: &Path, needles: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut hits = Vec::new();
    for (path, bytes) in files(dir) {
        for (what, needle) in needles {
            if find(&bytes, needle) {
                hits.push(format!("{what} in {path}"));
            }
        }
    }
    hits
}

struct Person {
    first: &'static str,
    last: &'static str,
    organisation: &'static str,
    email: &'static str,
}

const ZUZANNA: Person = Person {
    first: "Zuzanna",
    last: "Ķirsone-Purvciema",
    organisation: "Purvciema Vidusskola Nr. 7",
    email: "zuzanna.kirsone@example.lv",
};
const MĀRTIŅŠ: Person = Person {
    first: "Mārtiņš",
    last: "Ozoliņš-Kalniņš",
    organisation: "Latvijas Radio Ziņu dienests",
    email: "martins.ozolins@example.lv",
};
const OTHER: Person = Person {
    first: "Ēriks",
    last: "Citsnotikums-Paliek",
    organisation: "Cita Organizācija SIA",
    email: "eriks.cits@example.lv",
};

fn fields(p: &Person) -> Value {
    json!({ "first_name": p.first, "last_name": p.last, "organisation": p.organisation, "email": p.email })
}

async fn event_with_fields(org: &mut Client, name: &str) -> String {
    let ev = org.create_event(name, "en").await.id.into_string();
    let mut s = EventSettings::default();
    for f in [
        &mut s.fields.first_name,
        &mut s.fields.last_name,
        &mut s.fields.organisation,
        &mut s.fields.email,
    ] {
        *f = ON;
    }
    org.save_settings(&ev, &s).await;
    ev
}

#[tokio::test]
async fn after_a_purge_no_file_holds_the_events_people_and_the_counts_stay() {
    let server = TestApp::start().await;
    let mut org = server.organiser("org@example.lv").await;
    let ev = event_with_fields(&mut org, "Summit").await;
    let other = event_with_fields(&mut org, "Later conference").await;
    let mut kiosk = server.pair_kiosk(&mut org, &ev).await;
    let mut other_kiosk = server.pair_kiosk(&mut org, &other).await;

    // Zuzanna (green), Mārtiņš (red), a minor green with guardian and signature.
    let zuzanna = server
        .kiosk_attendee(&mut kiosk, fields(&ZUZANNA), "green")
        .await;
    let martins = server
        .kiosk_attendee(&mut kiosk, fields(&MĀRTIŅŠ), "red")
        .await;
    let guardian = "Guntars Aizbildnis-Ķirsons";
    let notice = kiosk.kiosk_notice("en").await;
    let minor = json!({ "registration": {
        "lang": "en", "notice": notice, "fields": { "first_name": "Līga", "last_name": "Mazā-Ķirsone" },
        "is_minor": true, "choice": "green", "guardian_name": guardian, "guardian_confirmed": true,
        "signature_data_url": data_url(&drawn_signature(600, 200))
    }});
    let r = kiosk
        .post_json("/api/kiosk/register", &minor.to_string())
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let minor_token = server.last_badge_token();
    // The signature as stored (re-encoded), and a slice of its pixel data to look for.
    let signature: Vec<u8> = server
        .db()
        .query_row("SELECT png FROM signatures", [], |r| r.get(0))
        .unwrap();
    let sig_slice = signature[signature.len() / 2..signature.len() / 2 + 48].to_vec();
    let other_token = server
        .kiosk_attendee(&mut other_kiosk, fields(&OTHER), "green")
        .await;

    // Scans, photos naming the person in their metadata and file name, tags, a review,
    // an export built, a request with the person's own words.
    let mut ph = server.photographer_at("ph@example.lv", &mut org, &ev).await;
    let scan = json!({ "scans": [{ "client_scan_id": "scan-0001-zuza", "token": zuzanna, "shown": "green" }] });
    let r = ph.post_json("/api/scan/record", &scan.to_string()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let full_name = format!("{} {}", ZUZANNA.first, ZUZANNA.last);
    let jpeg = fixtures::jpeg_naming(4000, 3000, 11, &full_name, ZUZANNA.email);
    let photo = org.upload(&ev, "Zuzanna_Kirsone-Purvciema.jpg", jpeg).await;
    let red_photo = org
        .upload(
            &ev,
            "Martins_Ozolins.jpg",
            fixtures::jpeg_naming(4000, 3000, 12, "Mārtiņš Ozoliņš-Kalniņš", MĀRTIŅŠ.email),
        )
        .await;
    let other_photo = org.upload_seeded(&other, 99).await;
    org.tag_badge(
        &photo,
        &zuzanna,
        json!({ "x": 0.2, "y": 0.2, "w": 0.3, "h": 0.5 }),
    )
    .await;
    org.tag_badge(
        &red_photo,
        &martins,
        json!({ "x": 0.1, "y": 0.1, "w": 0.3, "h": 0.5 }),
    )
    .await;
    org.review(&photo, true).await;
    let job = org.start_export(&ev, 1600).await;
    let built = org.wait_for_export(&job.job).await;
    assert!(built.ready, "the export was built: {built:?}");
    org.open_request(
        &ev,
        json!({ "subject": { "by": "badge", "value": martins }, "kind": "removal",
                "message": "Mārtiņš Ozoliņš-Kalniņš lūdz noņemt foto", "identity_check": "Pase LV1234567", "lang": "lv" }),
    )
    .await;

    let needles: Vec<(String, Vec<u8>)> = [
        ZUZANNA.first,
        ZUZANNA.last,
        ZUZANNA.organisation,
        ZUZANNA.email,
        MĀRTIŅŠ.first,
        MĀRTIŅŠ.last,
        MĀRTIŅŠ.organisation,
        MĀRTIŅŠ.email,
        "Mazā-Ķirsone",
        guardian,
        "Zuzanna_Kirsone",
        "Martins_Ozolins",
        "Pase LV1234567",
        "lūdz noņemt foto",
        &zuzanna,
        &martins,
        &minor_token,
    ]
    .iter()
    .map(|s| (s.to_string(), s.as_bytes().to_vec()))
    .chain([("signature".to_string(), sig_slice)])
    .collect();
    // The search finds them before: the test can see what it looks for.
    let before = found_in(server.dir(), &needles);
    for (what, _) in &needles {
        assert!(
            before.iter().any(|h| h.starts_with(&format!("{what} in "))),
            "{what} is in the data dir before the purge: {before:?}"
        );
    }
    let stats_before = org.event_stats(&ev).await.stats;

    // The organiser deletes the event's personal data now (what the period does on its own).
    let info: RetentionInfo = org
        .call("/api/events/purge", json!({ "event_id": ev }))
        .await;
    assert!(info.purged_at.is_some());

    let after = found_in(server.dir(), &needles);
    assert!(after.is_empty(), "left after the purge: {after:#?}");
    // The counts: the same numbers, and kept with the photos and requests.
    let overview = org.event_stats(&ev).await;
    assert_eq!(overview.stats, stats_before);
    let kept = overview.retention.counts.expect("counts kept");
    assert_eq!(
        (
            kept.registered,
            kept.green,
            kept.red,
            kept.minors,
            kept.photos,
            kept.requests_removal
        ),
        (3, 2, 1, 1, 2, 1)
    );
    assert!(server.state.store.verify_audit().await.unwrap().is_ok());
    // One audit row says what the purge did, with ids and counts only.
    let row: String = server
        .db()
        .query_row(
            "SELECT subject FROM audit_log WHERE action = 'event.purge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        row.contains("attendees:3") && row.contains("photos_deleted:2"),
        "{row}"
    );
    // Badges of the event no longer resolve; the other event's still does.
    assert_eq!(
        org.post("/api/badges/verdict", &[("token", &zuzanna)])
            .await
            .body,
        "null"
    );
    assert_eq!(
        org.post("/api/badges/verdict", &[("token", &other_token)])
            .await
            .body,
        "\"green\""
    );
    // The other event is untouched: its attendee, photo and files.
    let others = org.attendees(&other, json!({})).await;
    assert_eq!(others.rows.len(), 1);
    assert_eq!(
        others.rows[0].fields.first_name.as_deref(),
        Some(OTHER.first)
    );
    assert_eq!(
        org.photo_detail(&other_photo).await.id.as_str(),
        other_photo
    );
    let other_bytes = [(OTHER.last.to_string(), OTHER.last.as_bytes().to_vec())];
    assert!(!found_in(server.dir(), &other_bytes).is_empty());
    server.stop();
}

#[tokio::test]
async fn a_period_cannot_be_lengthened_once_people_registered() {
    let server = TestApp::start().await;
    let (mut org, mut kiosk, ev) = server.organiser_and_kiosk().await;
    server.kiosk_attendee(&mut kiosk, json!({}), "green").await;
    let s = EventSettings {
        retention_days: 366,
        ..Default::default()
    };
    let body = json!({ "event_id": ev, "settings": s }).to_string();
    let r = org.post_json("/api/events/settings/save", &body).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("period_lengthened"), "{}", r.body);
    // Shorter is fine.
    let s = EventSettings {
        retention_days: 200,
        photo_retention_days: 100,
        ..Default::default()
    };
    org.save_settings(&ev, &s).await;
    server.stop();
}
