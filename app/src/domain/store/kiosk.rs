//! Kiosk tablets: one-time pairing codes and the devices paired with them.

use super::audit::append;
use super::{now_rfc3339, now_unix, Actor, Store, StoreResult};
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
}

impl KioskDevice {
    /// Paired, not revoked, still for the event its session names, and that event not
    /// archived.
    pub fn serves(&self, event_id: EventId) -> bool {
        !self.revoked && !self.event_archived && self.event_id == event_id
    }
}

impl Store {
    /// Stores the hash of a pairing code valid until `expires_at` (unix seconds).
    pub async fn create_pairing(
        &self,
        actor: Actor,
        event_id: EventId,
        code_hash: String,
        expires_at: i64,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let created_by = match actor {
                Actor::User { id, .. } => id,
                _ => return Err(super::StoreError::Conflict(super::Conflict::NotAUser)),
            };
            tx.execute(
                "INSERT INTO kiosk_pairings (event_id, code_hash, created_by, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![event_id, code_hash, created_by, now_rfc3339(), expires_at],
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
            let found: Option<(i64, EventId, i64)> = tx
                .query_row(
                    "SELECT p.id, p.event_id, p.created_by FROM kiosk_pairings p
                     JOIN events e ON e.id = p.event_id
                     WHERE p.code_hash = ?1 AND p.used_at IS NULL AND p.expires_at > ?2
                       AND e.archived_at IS NULL",
                    params![code_hash, now_unix()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((pairing_id, event_id, paired_by)) = found else { return Ok(None) };
            let now = now_rfc3339();
            tx.execute("UPDATE kiosk_pairings SET used_at = ?1 WHERE id = ?2", params![now, pairing_id])?;
            let n: i64 = tx.query_row("SELECT count(*) + 1 FROM kiosk_devices WHERE event_id = ?1", [event_id], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO kiosk_devices (event_id, label, paired_by, paired_at) VALUES (?1, ?2, ?3, ?4)",
                params![event_id, format!("Kiosk {n}"), paired_by, now],
            )?;
            let device_id = tx.last_insert_rowid();
            append(tx, &Actor::Kiosk { device_id, event_id }, "kiosk.paired", &format!("event:{event_id}"))?;
            Ok(Some(KioskDevice { id: device_id, event_id, revoked: false, event_archived: false }))
        })
        .await
    }

    /// Revokes a paired tablet: its session serves no event any more (audited).
    pub async fn revoke_kiosk_device(&self, actor: Actor, device_id: i64) -> StoreResult<()> {
        self.tx(move |tx| {
            let event_id: EventId = tx.query_row(
                "SELECT event_id FROM kiosk_devices WHERE id = ?1",
                [device_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE kiosk_devices SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
                params![now_rfc3339(), device_id],
            )?;
            append(tx, &actor, "kiosk.unpaired", &format!("event:{event_id}"))?;
            Ok(())
        })
        .await
    }

    pub async fn kiosk_device(&self, device_id: i64) -> StoreResult<Option<KioskDevice>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT d.id, d.event_id, d.revoked_at IS NOT NULL, e.archived_at IS NOT NULL
                 FROM kiosk_devices d JOIN events e ON e.id = d.event_id WHERE d.id = ?1",
                [device_id],
                |r| {
                    Ok(KioskDevice {
                        id: r.get(0)?,
                        event_id: r.get(1)?,
                        revoked: r.get(2)?,
                        event_archived: r.get(3)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::store_with_event;

    #[tokio::test]
    async fn pairing_code_works_once_and_expires() {
        let (s, event_id, actor) = store_with_event().await;
        s.create_pairing(actor.clone(), event_id, "hash-1".into(), now_unix() + 600)
            .await
            .unwrap();
        s.create_pairing(actor, event_id, "hash-old".into(), now_unix() - 1)
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
}
