//! The scan log (issue 4; requirements 10, 22): who scanned which badge when, and what
//! their screen showed. Uploads are idempotent by (user, client scan id).

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreResult};
use crate::types::EventId;
use crate::types::{Consent, EventScan, MyScan, ScanIn};
use rusqlite::{params, OptionalExtension};

const CURRENT: &str =
    "(SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1)";

impl Store {
    /// Stores scans not stored before and returns each badge's current consent. One
    /// audit row per upload (the scans are their own log). With `scope`, a badge of an
    /// event outside it is neither stored nor answered: it looks unknown. A badge of an
    /// archived event within the scope still gets its colour (a red badge stays red) but
    /// its scan is not stored: the event is read-only (issue 16 point 4).
    pub async fn record_scans(
        &self,
        actor: Actor,
        user_id: i64,
        scans: Vec<ScanIn>,
        scope: Option<Vec<EventId>>,
    ) -> StoreResult<Vec<(String, Option<Consent>)>> {
        self.tx(move |tx| {
            let now = now_rfc3339();
            let mut out = Vec::with_capacity(scans.len());
            let mut stored = 0;
            for s in scans {
                let found: Option<(i64, i64, Option<String>, bool)> = tx
                    .query_row(
                        &format!(
                            "SELECT a.id, a.event_id, {CURRENT}, e.archived_at IS NOT NULL
                             FROM attendees a JOIN events e ON e.id = a.event_id WHERE a.badge_token = ?1"
                        ),
                        [&s.token],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    )
                    .optional()?;
                let (attendee, event, current, archived) = match found {
                    Some((a, e, c, archived)) => {
                        (Some(a), Some(e), c.as_deref().and_then(Consent::parse), archived)
                    }
                    None => (None, None, None, false),
                };
                let outside = match (&scope, event) {
                    (Some(rows), Some(e)) => !rows.iter().any(|r| r.get() == e),
                    _ => false,
                };
                if outside {
                    out.push((s.client_scan_id, None));
                    continue;
                }
                if archived {
                    out.push((s.client_scan_id, current));
                    continue;
                }
                stored += tx.execute(
                    "INSERT OR IGNORE INTO scans (user_id, client_scan_id, badge_token, attendee_id,
                         event_id, device_time, received_at, shown)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        user_id,
                        s.client_scan_id,
                        s.token,
                        attendee,
                        event,
                        s.device_time,
                        now,
                        s.shown.map(Consent::as_str).unwrap_or("unknown")
                    ],
                )?;
                out.push((s.client_scan_id, current));
            }
            if stored > 0 {
                append(tx, &actor, "scan.record", &format!("scans:{stored}"))?;
            }
            Ok(out)
        })
        .await
    }

    /// Every badge token of an event that has a consent, with its colour.
    /// Every badge token of the event with its colour, for scanning offline. Audited
    /// (issue 14, point 7): the map names no one, but it is the event's consent list.
    pub async fn scan_cache(
        &self,
        actor: Actor,
        event_id: EventId,
    ) -> StoreResult<Vec<(String, Consent)>> {
        self.tx(move |c| {
            append(c, &actor, "scan.cache", &format!("event:{event_id}"))?;
            let mut stmt = c.prepare(&format!(
                "SELECT a.badge_token, {CURRENT} FROM attendees a WHERE a.event_id = ?1"
            ))?;
            let rows = stmt
                .query_map([event_id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows
                .into_iter()
                .filter_map(|(t, c)| c.as_deref().and_then(Consent::parse).map(|c| (t, c)))
                .collect())
        })
        .await
    }

    /// The user's own latest scans: time and colour only.
    pub async fn my_scans(&self, user_id: i64, limit: i64) -> StoreResult<Vec<MyScan>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT coalesce(device_time, received_at), shown FROM scans
                 WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![user_id, limit], |r| {
                    let shown: String = r.get(1)?;
                    Ok(MyScan {
                        at: r.get(0)?,
                        consent: Consent::parse(&shown),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// An event's scans with who scanned and the attendee's name. Audited.
    pub async fn event_scans(
        &self,
        actor: Actor,
        event_id: EventId,
        limit: i64,
    ) -> StoreResult<Vec<EventScan>> {
        self.tx(move |tx| {
            append(tx, &actor, "scan.list", &format!("event:{event_id}"))?;
            let mut stmt = tx.prepare(
                "SELECT s.received_at, s.device_time, u.email,
                        trim(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '')), s.shown
                 FROM scans s JOIN users u ON u.id = s.user_id
                 LEFT JOIN attendees a ON a.id = s.attendee_id
                 WHERE s.event_id = ?1 ORDER BY s.id DESC LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![event_id, limit], |r| {
                    let name: Option<String> = r.get(3)?;
                    let shown: String = r.get(4)?;
                    Ok(EventScan {
                        received_at: r.get(0)?,
                        device_time: r.get(1)?,
                        scanned_by: r.get(2)?,
                        name: name.filter(|n| !n.is_empty()),
                        shown: Consent::parse(&shown),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}
