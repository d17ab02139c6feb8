//! What leaves the register as files (issue 17 points 3 and 4): the whole register as
//! JSON and CSV, and the affected people's contact fields as CSV to notify them. Both
//! are audited and go through the one formula-safe CSV writer.

use super::register::{find_settings, parse, user};
use crate::csv_text::CsvText;
use crate::domain::store::StoredBreach;
use crate::domain::{Actor, Store, StoreError};
use crate::types::{BreachContacts, BreachRecord, DataExport, Field, NotifiedTo};
use serde::Serialize;

/// One breach in the JSON export: its id, events, the record as it stands and its
/// history (who changed what, when; times UTC).
#[derive(Serialize)]
struct Exported {
    id: String,
    events: Vec<String>,
    record: BreachRecord,
    history: Vec<ExportedEntry>,
}

#[derive(Serialize)]
struct ExportedEntry {
    at: String,
    by: String,
    change: String,
}

fn first(r: &BreachRecord, to: NotifiedTo) -> Option<&crate::types::BreachNotification> {
    r.notifications.iter().find(|n| n.to == to)
}

fn words<T: Serialize>(v: &[T]) -> String {
    v.iter()
        .filter_map(|x| serde_json::to_value(x).ok())
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The register the caller may see, as pretty JSON and as CSV (one row per breach).
/// Audited `breach.export`.
pub async fn register(store: &Store, actor: Actor) -> Result<DataExport, StoreError> {
    let (user_id, role) = user(&actor)?;
    let breaches = store.list_breaches(user_id, role).await?;
    let mut out = Vec::with_capacity(breaches.len());
    let mut w = CsvText::new();
    w.row([
        "id",
        "discovered_at_utc",
        "discovered_by",
        "types",
        "events",
        "what_happened",
        "categories",
        "approx_people",
        "approx_records",
        "consequences",
        "measures_taken",
        "measures_planned",
        "risk",
        "risk_reason",
        "inspectorate_notified_at_utc",
        "inspectorate_how",
        "inspectorate_reference",
        "people_notified_at_utc",
        "people_how",
        "people_told",
        "delay_reasons",
        "closed_at_utc",
        "close_reason",
        "history_entries",
    ]);
    for b in &breaches {
        let r = parse(b)?;
        let history = store.breach_history_named(b.row).await?;
        let events: Vec<String> = b.events.iter().map(|e| e.name.clone()).collect();
        let dvi = first(&r, NotifiedTo::Inspectorate);
        let ppl = first(&r, NotifiedTo::People);
        let delays = r
            .notifications
            .iter()
            .map(|n| n.delay_reason.as_str())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let risk = words(&[r.risk]);
        let people_told = ppl.and_then(|n| n.people).map(|n| n.to_string());
        w.row([
            b.public_id.as_str(),
            &r.discovered_at,
            &r.discovered_by,
            &words(&r.kinds),
            &events.join("; "),
            &r.what_happened,
            &words(&r.categories),
            &r.approx_people.to_string(),
            &r.approx_records.to_string(),
            &r.consequences,
            &r.measures_taken,
            &r.measures_planned,
            &risk,
            &r.risk_reason,
            dvi.map(|n| n.at.as_str()).unwrap_or(""),
            dvi.map(|n| n.how.as_str()).unwrap_or(""),
            dvi.map(|n| n.reference.as_str()).unwrap_or(""),
            ppl.map(|n| n.at.as_str()).unwrap_or(""),
            ppl.map(|n| n.how.as_str()).unwrap_or(""),
            people_told.as_deref().unwrap_or(""),
            &delays,
            r.closed_at.as_deref().unwrap_or(""),
            &r.close_reason,
            &history.len().to_string(),
        ]);
        out.push(Exported {
            id: b.public_id.to_string(),
            events,
            record: r,
            history: history
                .into_iter()
                .map(|(e, by)| ExportedEntry {
                    at: e.at,
                    by,
                    change: e.change,
                })
                .collect(),
        });
    }
    store
        .audit(actor, "breach.export", "register".into())
        .await?;
    let today = crate::domain::requests::iso(crate::domain::requests::today());
    let json = serde_json::to_string_pretty(&serde_json::json!({
        "format": "lanyard-breach-register/1",
        "generated_at": crate::domain::store::now_rfc3339(),
        "breaches": out,
    }))
    .map_err(|e| StoreError::Internal(e.to_string()))?;
    Ok(DataExport {
        file_stem: format!("lanyard-breach-register-{today}"),
        json,
        csv: w.finish(),
    })
}

/// The contact fields a notification can use, in this order.
const CONTACT: [Field; 4] = [
    Field::FirstName,
    Field::LastName,
    Field::Email,
    Field::Phone,
];

/// The people a breach lists, with the contact fields any of its events collected (the
/// names to address them, email and phone to reach them), as CSV. Audited
/// `breach.contacts`. People erased since are no longer listed.
pub async fn contacts(
    store: &Store,
    actor: Actor,
    b: &StoredBreach,
) -> Result<BreachContacts, StoreError> {
    let settings = find_settings(store, b).await?;
    let fields: Vec<Field> = CONTACT
        .into_iter()
        .filter(|f| settings.iter().any(|s| s.fields.get(*f).enabled))
        .collect();
    let people = store
        .breach_affected(actor, b.row, "breach.contacts")
        .await?;
    let mut w = CsvText::new();
    w.row(std::iter::once("event").chain(fields.iter().map(|f| f.as_str())));
    for p in &people {
        w.row(
            std::iter::once(p.event_name.as_str())
                .chain(fields.iter().map(|f| p.fields.get(*f).unwrap_or(""))),
        );
    }
    let today = crate::domain::requests::iso(crate::domain::requests::today());
    Ok(BreachContacts {
        file_name: format!("lanyard-breach-contacts-{today}.csv"),
        csv: w.finish(),
        rows: people.len(),
    })
}
