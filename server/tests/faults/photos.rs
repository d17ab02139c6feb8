//! kill -9 during camera-size photo uploads (issue 18 point 7; requirements 16 and 22):
//! after the restart every photo row has its three files and every file its row. A
//! photo's files are written before its row, so a kill leaves at most files without a
//! row: the start-up sweep removes them and says how many (and names nothing).

use crate::binary::Served;
use crate::{audit_chain_intact, integrity, organiser, signed_in};
use app::domain::imaging::fixtures;
use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const UPLOADERS: usize = 6;

/// Public ids of the photo rows.
fn rows(data: &Path) -> HashSet<String> {
    let c = rusqlite::Connection::open(data.join("lanyard.sqlite3")).unwrap();
    let mut st = c.prepare("SELECT public_id FROM photos").unwrap();
    let ids = st
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    ids
}

/// The photo ids the files of `photos/{originals,thumbs,previews}` belong to, with how
/// many files each has.
fn files(data: &Path) -> std::collections::HashMap<String, usize> {
    let mut by_id = std::collections::HashMap::new();
    for dir in ["originals", "thumbs", "previews"] {
        for e in std::fs::read_dir(data.join("photos").join(dir)).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            let id = name.trim_end_matches(".jpg").to_string();
            *by_id.entry(id).or_insert(0) += 1;
        }
    }
    by_id
}

/// The number after `files_removed=` in the start-up log.
fn files_removed(log: &str) -> usize {
    let at = log
        .find("files_removed=")
        .unwrap_or_else(|| panic!("the sweep logs its count: {log}"));
    log[at + "files_removed=".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_kill_9_during_uploads_every_row_has_its_files_and_every_file_its_row() {
    let started = Instant::now();
    // Camera-size JPEGs (6 MP noise, about 9 MB): one per uploader, made different per upload
    // by bytes after the image's end (still the same picture to a decoder).
    let bases: Vec<Arc<Vec<u8>>> = (0..3)
        .map(|seed| Arc::new(fixtures::camera_jpeg(3000, 2000, seed)))
        .collect();
    for b in &bases {
        assert!(
            (4 * 1024 * 1024..12 * 1024 * 1024).contains(&b.len()),
            "camera-size: {} bytes",
            b.len()
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    organiser(&data);
    let server = Served::start(&data, &[]);
    let mut org = signed_in(&server.base).await;
    let event = org.create_event("Summit", "en").await.id.into_string();

    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let refused = Arc::new(Mutex::new(Vec::<(u16, String)>::new()));
    let uploads: Vec<_> = (0..UPLOADERS)
        .map(|u| {
            let c = org.with_base(&server.base);
            let base = bases[u % bases.len()].clone();
            let (acked, refused, event) = (acked.clone(), refused.clone(), event.clone());
            tokio::spawn(async move {
                for i in 0.. {
                    let mut bytes = base.as_ref().clone();
                    bytes.extend_from_slice(format!("upload {u} {i}").as_bytes());
                    let form = reqwest::multipart::Form::new()
                        .text("event", event.clone())
                        .part(
                            "file",
                            reqwest::multipart::Part::bytes(bytes)
                                .file_name(format!("DSC_{u}_{i}.JPG")),
                        );
                    let sent = c
                        .http
                        .post(format!("{}/media/photos", c.base))
                        .header("cookie", c.cookie.clone().unwrap())
                        .multipart(form)
                        .send()
                        .await;
                    match sent {
                        Ok(r) if r.status() == 201 => {
                            let v: serde_json::Value = r.json().await.unwrap();
                            acked
                                .lock()
                                .unwrap()
                                .push(v["photo"].as_str().unwrap().into());
                        }
                        Ok(r) => {
                            let status = r.status().as_u16();
                            let text = r.text().await.unwrap_or_default();
                            refused.lock().unwrap().push((status, text));
                        }
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();

    // Kill with uploads in flight: some stored, others being read or decoded.
    let deadline = Instant::now() + Duration::from_secs(90);
    while acked.lock().unwrap().len() < UPLOADERS && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    server.kill9();
    for u in uploads {
        u.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= UPLOADERS, "{} acknowledged", acked.len());
    assert!(
        refused.lock().unwrap().is_empty(),
        "{:?}",
        refused.lock().unwrap()
    );

    // What the kill left: files of photos whose row never came. One more orphan (all
    // three files) is put in, so the sweep has something to remove in every run.
    let before = rows(&data);
    let left = files(&data);
    let natural: usize = left
        .iter()
        .filter(|(id, _)| !before.contains(*id))
        .map(|(_, n)| n)
        .sum();
    let planted = "plantedorphan0000000000";
    for (dir, suffix) in [("originals", ""), ("thumbs", ".jpg"), ("previews", ".jpg")] {
        let path = data
            .join("photos")
            .join(dir)
            .join(format!("{planted}{suffix}"));
        std::fs::write(path, &bases[0][..1000]).unwrap();
    }

    let server = Served::start(&data, &[]);
    let log = server.stop();
    assert_eq!(
        files_removed(&log),
        natural + 3,
        "the sweep says how many it removed: {log}"
    );
    assert!(!log.contains("DSC_"), "no file names in the log");

    let after = rows(&data);
    let left = files(&data);
    for id in &acked {
        assert!(after.contains(id), "acknowledged photo {id} kept");
    }
    for id in &after {
        assert_eq!(left.get(id), Some(&3), "row {id} has its three files");
    }
    for id in left.keys() {
        assert!(after.contains(id), "file of {id} has its row");
    }
    let tmp = std::fs::read_dir(data.join("photos/tmp")).unwrap().count();
    assert_eq!(tmp, 0, "no half-written upload left");
    assert_eq!(integrity(&data), "ok");
    audit_chain_intact(&data);
    eprintln!(
        "kill -9 during uploads: {} acknowledged, {} rows, {natural} orphan files left by the kill, {:?}",
        acked.len(),
        after.len(),
        started.elapsed()
    );
}
