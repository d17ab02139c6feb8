//! Kiosk tablets: one-time pairing codes and the devices paired with them.

use super::audit::append;
use super::{now_rfc3339, now_unix, Actor, Store, StoreError, StoreResult};
use crate::types::EventId;
use rusqlite::{params, OptionalExtension};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskDevice {
    pub id: i64,
    pub event_id: EventId,
    pub revoked: bool,
    /// Its event is archived (issue 16 point 4): the tablet is refused like an
    /// unpaired one.
    pub event_archived: bool,
    /// Past its last day (issue 16 point 3): the day after the event's last day unless
    /// the organiser set a later one.
    pub expired: bool,
}

impl KioskDevice {
    /// Paired, not revoked, not expired, still for the event its session names, and
    /// that event not archived.
    pub fn serves(&self, event_id: EventId) -> bool {
        !self.revoked && !self.event_archived && !self.expired && self.event_id == event_id
    }

    /// Not working now only because it is past its last day: its session is kept, so a
    /// later last day set by the organiser brings the tablet back. A tablet of an
    /// archived event loses its session (it is paired again after un-archiving).
    pub fn may_come_back(&self, event_id: EventId) -> bool {
        !self.revoked && !self.event_archived && self.event_id == event_id
    }
}

/// A paired tablet as the event page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskDeviceRow {
    pub id: i64,
    pub label: String,
    pub paired_at: String,
    pub last_seen_at: Option<String>,
    pub registrations: i64,
    /// The last day it works (`YYYY-MM-DD`); `None` when the event has no last day.
    pub valid_until: Option<String>,
    pub revoked: bool,
    pub expired: bool,
}

/// The last day a device works, in SQL over `kiosk_devices d JOIN events e`.
const VALID_UNTIL: &str = "coalesce(d.valid_until, date(e.ends_on, '+1 day'))";

/// Deletes every session of a kiosk device at once (revocation): the sessions table
/// holds each session's values as JSON, the principal under `principal`.
fn delete_device_sessions(
    tx: &rusqlite::Transaction<'_>,
    device_id: i64,
) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM sessions
         WHERE json_valid(CAST(data AS TEXT))
           AND json_extract(CAST(data AS TEXT), '$.principal.kind') = 'kiosk'
           AND json_extract(CAST(data AS TEXT), '$.principal.device_id') = ?1",
        [device_id],
    )
}

impl Store {
    /// Stores the hash of a pairing code valid until `expires_at` (unix seconds).
    pub async fn create_pairing(
        &self,
        actor: Actor,
        event_id: EventId,
        code_hash: String,
        expires_at: i64,
        label: Option<String>,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let created_by = match actor {
                Actor::User { id, .. } => id,
                _ => return Err(super::StoreError::Conflict(super::Conflict::NotAUser)),
            };
            tx.execute(
                "INSERT INTO kiosk_pairings (event_id, code_hash, created_by, created_at, expires_at, label)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![event_id, code_hash, created_by, now_rfc3339(), expires_at, label],
            )?;
            append(tx, &actor, "kiosk.pairing_code.create", &format!("event:{event_id}"))?;
            Ok(())
        })
        .await
    }

    /// Uses up a pairing code and registers the device. `None` when the code is
    /// unknown, expired or already used.
    pub async fn redeem_pairing(&self, code_hash: String) -> StoreResult<Option<KioskDevice>> {
        self.tx(move |tx| {
            let found: Option<(i64, EventId, i64, Option<String>)> = tx
                .query_row(
                    "SELECT p.id, p.event_id, p.created_by, p.label FROM kiosk_pairings p
                     JOIN events e ON e.id = p.event_id
                     WHERE p.code_hash = ?1 AND p.used_at IS NULL AND p.expires_at > ?2
                       AND e.archived_at IS NULL",
                    params![code_hash, now_unix()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((pairing_id, event_id, paired_by, label)) = found else { return Ok(None) };
            let now = now_rfc3339();
            tx.execute("UPDATE kiosk_pairings SET used_at = ?1 WHERE id = ?2", params![now, pairing_id])?;
            let n: i64 = tx.query_row("SELECT count(*) + 1 FROM kiosk_devices WHERE event_id = ?1", [event_id], |r| r.get(0))?;
            let label = label.filter(|l| !l.is_empty()).unwrap_or_else(|| format!("Kiosk {n}"));
            // Paired after the event's last day: it works for the rest of today.
            tx.execute(
                "INSERT INTO kiosk_devices (event_id, label, paired_by, paired_at, last_seen_at, valid_until)
                 SELECT ?1, ?2, ?3, ?4, ?4,
                        CASE WHEN date(ends_on, '+1 day') < date('now') THEN date('now') END
                 FROM events WHERE id = ?1",
                params![event_id, label, paired_by, now],
            )?;
            let device_id = tx.last_insert_rowid();
            append(tx, &Actor::Kiosk { device_id, event_id }, "kiosk.paired", &format!("event:{event_id}"))?;
            Ok(Some(KioskDevice { id: device_id, event_id, revoked: false, event_archived: false, expired: false }))
        })
        .await
    }

    /// Revokes a paired tablet: its sessions are deleted at once, so its next request is
    /// unpaired (audited). `NotFound` when the device is not the event's.
    pub async fn revoke_kiosk_device(
        &self,
        actor: Actor,
        event_id: EventId,
        device_id: i64,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let n = tx.execute(
                "UPDATE kiosk_devices SET revoked_at = coalesce(revoked_at, ?1) WHERE id = ?2 AND event_id = ?3",
                params![now_rfc3339(), device_id, event_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            delete_device_sessions(tx, device_id)?;
            append(tx, &actor, "kiosk.revoked", &format!("event:{event_id} kiosk:{device_id}"))?;
            Ok(())
        })
        .await
    }

    /// Renames a paired tablet of the event (audited).
    pub async fn rename_kiosk_device(
        &self,
        actor: Actor,
        event_id: EventId,
        device_id: i64,
        label: String,
    ) -> StoreResult<()> {
        self.set_device_column(actor, event_id, device_id, "label", label, "kiosk.renamed")
            .await
    }

    /// Sets the last day a paired tablet of the event works (`YYYY-MM-DD`; audited).
    pub async fn set_kiosk_valid_until(
        &self,
        actor: Actor,
        event_id: EventId,
        device_id: i64,
        until: String,
    ) -> StoreResult<()> {
        self.set_device_column(
            actor,
            event_id,
            device_id,
            "valid_until",
            until,
            "kiosk.extended",
        )
        .await
    }

    /// Sets one column of the event's tablet and audits `action`; `NotFound` when the
    /// tablet is not the event's.
    async fn set_device_column(
        &self,
        actor: Actor,
        event_id: EventId,
        device_id: i64,
        column: &'static str,
        value: String,
        action: &'static str,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let n = tx.execute(
                &format!("UPDATE kiosk_devices SET {column} = ?1 WHERE id = ?2 AND event_id = ?3"),
                params![value, device_id, event_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            append(
                tx,
                &actor,
                action,
                &format!("event:{event_id} kiosk:{device_id}"),
            )?;
            Ok(())
        })
        .await
    }

    /// The event's paired tablets, newest first. Operational data, not personal: not
    /// audited as a read.
    pub async fn kiosk_devices_of(&self, event_id: EventId) -> StoreResult<Vec<KioskDeviceRow>> {
        self.with_conn(move |c| {
            let sql = format!(
                "SELECT d.id, d.label, d.paired_at, d.last_seen_at, d.registrations, {VALID_UNTIL},
                        d.revoked_at IS NOT NULL, coalesce({VALID_UNTIL} < date('now'), 0)
                 FROM kiosk_devices d JOIN events e ON e.id = d.event_id
                 WHERE d.event_id = ?1 ORDER BY d.id DESC"
            );
            let mut st = c.prepare(&sql)?;
            let rows = st.query_map([event_id], |r| {
                Ok(KioskDeviceRow {
                    id: r.get(0)?,
                    label: r.get(1)?,
                    paired_at: r.get(2)?,
                    last_seen_at: r.get(3)?,
                    registrations: r.get(4)?,
                    valid_until: r.get(5)?,
                    revoked: r.get(6)?,
                    expired: r.get(7)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .await
    }

    /// The device a kiosk session names, with whether it still works. Notes that it was
    /// seen, at most once a minute (a write per request would load the disk for nothing).
    pub async fn kiosk_device(&self, device_id: i64) -> StoreResult<Option<KioskDevice>> {
        self.with_conn(move |c| {
            let sql = format!(
                "SELECT d.id, d.event_id, d.revoked_at IS NOT NULL, coalesce({VALID_UNTIL} < date('now'), 0),
                        e.archived_at IS NOT NULL
                 FROM kiosk_devices d JOIN events e ON e.id = d.event_id WHERE d.id = ?1"
            );
            let found = c
                .query_row(&sql, [device_id], |r| {
                    Ok(KioskDevice {
                        id: r.get(0)?,
                        event_id: r.get(1)?,
                        revoked: r.get(2)?,
                        expired: r.get(3)?,
                        event_archived: r.get(4)?,
                    })
                })
                .optional()?;
            if found.as_ref().is_some_and(|d| d.serves(d.event_id)) {
                c.execute(
                    "UPDATE kiosk_devices SET last_seen_at = ?1
                     WHERE id = ?2 AND (last_seen_at IS NULL OR last_seen_at < ?3)",
                    params![now_rfc3339(), device_id, minute_ago()],
                )?;
            }
            Ok(found)
        })
        .await
    }
}

/// RFC 3339 time a minute ago (the last-seen time is written at most once a minute).
fn minute_ago() -> String {
    let t = time::OffsetDateTime::now_utc() - time::Duration::minutes(1);
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::store_with_event;

    #[tokio::test]
    async fn pairing_code_works_once_and_expires() {
        let (s, event_id, actor) = store_with_event().await;
        s.create_pairing(
            actor.clone(),
            event_id,
            "hash-1".into(),
            now_unix() + 600,
            None,
        )
        .await
        .unwrap();
        s.create_pairing(actor, event_id, "hash-old".into(), now_unix() - 1, None)
            .await
            .unwrap();
        let dev = s
            .redeem_pairing("hash-1".into())
            .await
            .unwrap()
            .expect("first use pairs");
        assert_eq!(dev.event_id, event_id);
        assert_eq!(
            s.redeem_pairing("hash-1".into()).await.unwrap(),
            None,
            "one-time"
        );
        assert_eq!(
            s.redeem_pairing("hash-old".into()).await.unwrap(),
            None,
            "expired"
        );
        assert_eq!(s.kiosk_device(dev.id).await.unwrap(), Some(dev));
    }

    /// A session row as the session store writes it (its values only), for the kiosk
    /// `device_id`, under the row key `id`.
    async fn kiosk_session(s: &Store, id: &str, device_id: i64, event_id: EventId) {
        let data = serde_json::json!({
            "principal": { "kind": "kiosk", "device_id": device_id, "event_id": event_id }
        })
        .to_string()
        .into_bytes();
        let id = id.to_string();
        s.with_conn(move |c| {
            c.execute(
                "INSERT INTO sessions (id, data, expiry_date) VALUES (?1, ?2, 4102444800)",
                params![id, data],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    }

    async fn sessions(s: &Store) -> Vec<String> {
        s.with_conn(|c| {
            let mut st = c.prepare("SELECT id FROM sessions ORDER BY id")?;
            let v = st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            Ok(v)
        })
        .await
        .unwrap()
    }

    /// Issue 16 point 3: the name given when pairing, registrations counted per tablet
    /// (not the organiser's on-behalf ones), revocation deleting only that tablet's
    /// sessions, and the last day: the day after the event's, or a later one set.
    #[tokio::test]
    async fn tablets_have_names_counts_a_last_day_and_revocation_ends_their_sessions() {
        use crate::domain::store::test_support::{
            english_notice, kiosk_attendee, kiosk_consent, register,
        };
        use crate::types::{Consent, PersonFields};
        let (s, ev, org) = store_with_event().await;
        s.set_event_end_for_tests(ev, "2099-06-30").await;
        s.create_pairing(
            org.clone(),
            ev,
            "h1".into(),
            now_unix() + 600,
            Some("Entrance 1".into()),
        )
        .await
        .unwrap();
        s.create_pairing(org.clone(), ev, "h2".into(), now_unix() + 600, None)
            .await
            .unwrap();
        let d1 = s.redeem_pairing("h1".into()).await.unwrap().unwrap();
        let d2 = s.redeem_pairing("h2".into()).await.unwrap().unwrap();
        let notice = english_notice(&s, &org, ev).await;
        let at = |d: &KioskDevice| Actor::Kiosk {
            device_id: d.id,
            event_id: ev,
        };
        register(
            &s,
            &at(&d1),
            kiosk_attendee(ev, "t1", PersonFields::default()),
            kiosk_consent(Consent::Green, notice.clone()),
        )
        .await;
        register(
            &s,
            &at(&d1),
            kiosk_attendee(ev, "t2", PersonFields::default()),
            kiosk_consent(Consent::Red, notice.clone()),
        )
        .await;
        register(
            &s,
            &org,
            kiosk_attendee(ev, "t3", PersonFields::default()),
            kiosk_consent(Consent::Red, notice),
        )
        .await;
        let rows = s.kiosk_devices_of(ev).await.unwrap();
        let row = |id: i64| rows.iter().find(|r| r.id == id).unwrap().clone();
        assert_eq!(row(d1.id).label, "Entrance 1");
        assert_eq!(row(d2.id).label, "Kiosk 2", "unnamed: numbered");
        assert_eq!((row(d1.id).registrations, row(d2.id).registrations), (2, 0));
        assert_eq!(row(d1.id).valid_until.as_deref(), Some("2099-07-01"));
        assert!(!row(d1.id).expired);

        kiosk_session(&s, "a", d1.id, ev).await;
        kiosk_session(&s, "b", d2.id, ev).await;
        s.revoke_kiosk_device(org.clone(), ev, d1.id).await.unwrap();
        assert_eq!(
            sessions(&s).await,
            vec!["b".to_string()],
            "only the revoked tablet's session goes"
        );
        assert!(!s.kiosk_device(d1.id).await.unwrap().unwrap().serves(ev));
        assert!(s.kiosk_device(d2.id).await.unwrap().unwrap().serves(ev));
        // Another event's id does not reach this event's tablet.
        assert!(matches!(
            s.revoke_kiosk_device(org.clone(), EventId::from(ev.get() + 1), d2.id)
                .await,
            Err(StoreError::NotFound)
        ));

        // The event ended long ago: the tablet expired, and a later last day brings it back.
        s.set_event_end_for_tests(ev, "2001-01-01").await;
        let d = s.kiosk_device(d2.id).await.unwrap().unwrap();
        assert!(d.expired && !d.serves(ev) && d.may_come_back(ev));
        s.set_kiosk_valid_until(org, ev, d2.id, "2100-01-01".into())
            .await
            .unwrap();
        assert!(s.kiosk_device(d2.id).await.unwrap().unwrap().serves(ev));
    }

    /// Issue 16 point 3: a tablet paired after the event's last day (a late desk, a
    /// follow-up day) works for the rest of the day it was paired, then expires like the
    /// others; a tablet paired before the last day keeps the day after it.
    #[tokio::test]
    async fn a_tablet_paired_after_the_last_day_works_for_the_rest_of_that_day() {
        let (s, ev, org) = store_with_event().await;
        s.set_event_end_for_tests(ev, "2001-01-01").await;
        s.create_pairing(org.clone(), ev, "late".into(), now_unix() + 600, None)
            .await
            .unwrap();
        let d = s.redeem_pairing("late".into()).await.unwrap().unwrap();
        let today = time::OffsetDateTime::now_utc().date();
        let row = s.kiosk_devices_of(ev).await.unwrap()[0].clone();
        assert_eq!(
            row.valid_until.as_deref(),
            Some(crate::domain::requests::iso(today).as_str())
        );
        let device = s.kiosk_device(d.id).await.unwrap().unwrap();
        assert!(!device.expired && device.serves(ev), "works today");
        // Its last day is stored: once that day is over (seen here as a last day of
        // yesterday), it is expired.
        let yesterday = today.previous_day().unwrap();
        s.set_kiosk_valid_until(org, ev, d.id, crate::domain::requests::iso(yesterday))
            .await
            .unwrap();
        let device = s.kiosk_device(d.id).await.unwrap().unwrap();
        assert!(device.expired && !device.serves(ev));
    }
}
