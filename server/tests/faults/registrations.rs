//! kill -9 during a burst of kiosk registrations from 20 concurrent tablets (issue 18
//! point 7; requirements 7 and 19): every registration the server acknowledged is in
//! the database after the restart, the database is sound and the audit chain intact.

use crate::binary::Served;
use crate::common::registration_seen;
use crate::{audit_chain_intact, client, integrity, organiser, signed_in};
use app::types::{EventSettings, Field, FieldRule};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TABLETS: usize = 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_registration_survives_a_kill_9() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    organiser(&data);
    let server = Served::start(&data, &[]);
    let base = server.base.clone();
    let mut org = signed_in(&base).await;
    let event = org.create_event("Summit", "en").await;
    let event_id = event.id.as_str().to_string();
    // The kiosk asks for a first name: each registration is told apart by it.
    let mut settings = EventSettings::default();
    *settings.fields.get_mut(Field::FirstName) = FieldRule {
        enabled: true,
        required: true,
    };
    org.save_settings(&event_id, &settings).await;

    // Twenty tablets paired with the event, each with the notice it shows.
    let mut tablets = Vec::new();
    for _ in 0..TABLETS {
        let code = org.pairing_code(&event_id).await;
        let mut kiosk = client(&base);
        let paired = kiosk.post("/api/kiosk/pair", &[("code", &code.code)]).await;
        assert_eq!(paired.status, 200, "{}", paired.body);
        let notice = kiosk.kiosk_notice("en").await;
        tablets.push((kiosk, notice));
    }

    // Each tablet registers one person after another until the server is gone.
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let refused = Arc::new(Mutex::new(Vec::<(u16, String)>::new()));
    let bursts: Vec<_> = tablets
        .into_iter()
        .enumerate()
        .map(|(t, (kiosk, notice))| {
            let (acked, refused) = (acked.clone(), refused.clone());
            tokio::spawn(async move {
                for i in 0.. {
                    let name = format!("T{t}P{i}");
                    let body = registration_seen(
                        serde_json::json!({ "first_name": name }),
                        false,
                        Some("green"),
                        &notice,
                    );
                    let req = kiosk
                        .http
                        .post(format!("{}/api/kiosk/register", kiosk.base))
                        .header("cookie", kiosk.cookie.clone().unwrap())
                        .header("content-type", "application/json")
                        .body(body);
                    match req.send().await {
                        Ok(r) if r.status().is_success() => acked.lock().unwrap().push(name),
                        Ok(r) => {
                            let status = r.status().as_u16();
                            let text = r.text().await.unwrap_or_default();
                            refused.lock().unwrap().push((status, text));
                        }
                        // The server was killed: this answer never came.
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();

    // Kill once the burst is well under way.
    let deadline = Instant::now() + Duration::from_secs(60);
    while acked.lock().unwrap().len() < 100 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    server.kill9();
    for b in bursts {
        b.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= 100,
        "the burst ran: {} acknowledged",
        acked.len()
    );
    assert!(
        refused.lock().unwrap().is_empty(),
        "no registration refused before the kill: {:?}",
        refused.lock().unwrap()
    );

    // Restart on the same data dir: it starts, and shows every acknowledged person.
    let server = Served::start(&data, &[]);
    let mut org = signed_in(&server.base).await;
    let stats = org.event_stats(&event_id).await;
    let log = server.stop();
    assert!(!log.contains("panicked"), "{log}");

    assert_eq!(integrity(&data), "ok");
    let db = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    let mut lookup = db
        .prepare("SELECT count(*) FROM attendees WHERE first_name = ?1")
        .unwrap();
    let missing: Vec<&String> = acked
        .iter()
        .filter(|n| {
            lookup
                .query_row([n.as_str()], |r| r.get::<_, i64>(0))
                .unwrap()
                != 1
        })
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {missing:?}"
    );
    let stored: i64 = db
        .query_row("SELECT count(*) FROM attendees", [], |r| r.get(0))
        .unwrap();
    // At most one in flight per tablet was stored without its answer arriving.
    assert!(
        (acked.len() as i64..=(acked.len() + TABLETS) as i64).contains(&stored),
        "{stored} stored, {} acknowledged",
        acked.len()
    );
    assert_eq!(
        stats.stats.registered, stored,
        "the restarted server counts them"
    );
    drop(lookup);
    drop(db);
    audit_chain_intact(&data);
    eprintln!(
        "kill -9 during registrations: {} acknowledged, {stored} stored, {:?}",
        acked.len(),
        started.elapsed()
    );
}
