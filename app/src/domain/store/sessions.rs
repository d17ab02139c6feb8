//! tower-sessions storage in the same SQLite database, on the same pool and pragmas as
//! everything else, so sessions survive a restart and a 2xx that set a session means
//! the session is on disk.
//!
//! A user's session loads only while their account is enabled and its session epoch is
//! the one the session was signed in under (issue 16): disabling, a reset, a new role or
//! password, or "sign out my other sessions" raise the epoch, so every older session is
//! gone on its next request (401, and the sign-in page), whichever route it calls.
//!
//! Issue 18 point 5: the session id (the cookie's value) is never stored. A row is keyed
//! by the SHA-256 of the id ([`row_key`]), and `data` holds only the session's values,
//! not the tower-sessions record with its id; someone who reads the database or a
//! backup cannot take over a session with what they find there.

use super::{Store, StoreError};
use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

#[derive(Clone)]
pub struct SqliteSessionStore {
    store: Store,
    /// The time sessions expire by: the server's clock, which tests move.
    now: crate::domain::clock::Now,
}

impl std::fmt::Debug for SqliteSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteSessionStore")
    }
}

impl SqliteSessionStore {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            now: Default::default(),
        }
    }

    /// Sessions expire by `now` (the server's clock) instead of the system clock.
    pub fn with_clock(mut self, now: crate::domain::clock::Now) -> Self {
        self.now = now;
        self
    }

    /// Removes sessions past their expiry. Run now and then by the server.
    pub async fn delete_expired(&self) -> Result<usize, StoreError> {
        let now = self.now.unix();
        self.store
            .tx(move |c| Ok(c.execute("DELETE FROM sessions WHERE expiry_date <= ?1", [now])?))
            .await
    }
}

/// Session key under which the principal is stored (`api::guard::SessionPrincipal`).
pub const PRINCIPAL_KEY: &str = "principal";

/// The user a session is signed in as and the epoch it was signed in under; `None` for a
/// kiosk tablet or a session without a principal.
pub fn session_user(record: &Record) -> Option<(i64, i64)> {
    let p = record.data.get(PRINCIPAL_KEY)?;
    if p.get("kind")?.as_str()? != "user" {
        return None;
    }
    let epoch = p.get("epoch").and_then(|e| e.as_i64()).unwrap_or(0);
    Some((p.get("id")?.as_i64()?, epoch))
}

/// The row key of a session: the SHA-256 (hex) of its id, the cookie's value.
pub fn row_key(id: &Id) -> String {
    crate::domain::auth::token_hash(&id.to_string())
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

/// What a row's `data` holds: the session's values only (its id never; its expiry is the
/// `expiry_date` column).
fn encode(record: &Record) -> session_store::Result<Vec<u8>> {
    serde_json::to_vec(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for SqliteSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let mut rec = record.clone();
        let rec = self
            .store
            .tx(move |c| {
                // A fresh id on the (astronomically unlikely) collision.
                loop {
                    let data = encode(&rec).map_err(|e| StoreError::Internal(e.to_string()))?;
                    let inserted = c.execute(
                        "INSERT INTO sessions (id, data, expiry_date, user_id) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT(id) DO NOTHING",
                        params![
                            row_key(&rec.id),
                            data,
                            rec.expiry_date.unix_timestamp(),
                            session_user(&rec).map(|u| u.0)
                        ],
                    )?;
                    if inserted == 1 {
                        return Ok(rec);
                    }
                    rec.id = Id::default();
                }
            })
            .await
            .map_err(backend)?;
        *record = rec;
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = encode(record)?;
        let id = row_key(&record.id);
        let expiry = record.expiry_date.unix_timestamp();
        let user = session_user(record).map(|u| u.0);
        self.store
            .tx(move |c| {
                c.execute(
                    "INSERT INTO sessions (id, data, expiry_date, user_id) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(id) DO UPDATE SET data = excluded.data,
                         expiry_date = excluded.expiry_date, user_id = excluded.user_id",
                    params![id, data, expiry, user],
                )?;
                Ok(())
            })
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let session_id = *id;
        let key = row_key(id);
        let now = self.now.unix();
        self.store
            .with_conn(move |c| {
                let row: Option<(Vec<u8>, i64, Option<i64>, Option<String>, Option<i64>)> = c
                    .query_row(
                        "SELECT s.data, s.expiry_date, s.user_id, u.status, u.session_epoch
                         FROM sessions s LEFT JOIN users u ON u.id = s.user_id
                         WHERE s.id = ?1 AND s.expiry_date > ?2",
                        params![key, now],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                    )
                    .optional()?;
                let Some((data, expiry, user_id, status, epoch)) = row else {
                    return Ok(None);
                };
                let record = Record {
                    id: session_id,
                    data: serde_json::from_slice(&data)
                        .map_err(|e| StoreError::Internal(format!("session decode: {e}")))?,
                    expiry_date: time::OffsetDateTime::from_unix_timestamp(expiry)
                        .map_err(|e| StoreError::Internal(format!("session expiry: {e}")))?,
                };
                let live = match session_user(&record) {
                    None => true,
                    Some((user, signed_in_epoch)) => {
                        user_id == Some(user)
                            && status.as_deref() == Some("active")
                            && epoch == Some(signed_in_epoch)
                    }
                };
                if live {
                    Ok(Some(record))
                } else {
                    // Ended by a disable, reset, role or password change: gone for good.
                    c.execute("DELETE FROM sessions WHERE id = ?1", [key])?;
                    Ok(None)
                }
            })
            .await
            .map_err(|e| match e {
                StoreError::Internal(m) => session_store::Error::Decode(m),
                other => backend(other),
            })
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let id = row_key(id);
        self.store
            .tx(move |c| {
                c.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
                Ok(())
            })
            .await
            .map_err(backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::Actor;
    use crate::types::Role;
    use std::collections::HashMap;

    fn signed_in(principal: serde_json::Value) -> Record {
        let mut data = HashMap::new();
        data.insert(PRINCIPAL_KEY.to_string(), principal);
        Record {
            id: Id::default(),
            data,
            expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
        }
    }

    /// Issue 16: a user's sessions end at once when their epoch moves or the account is
    /// disabled, even one that a request in flight saves again; a kiosk's are untouched.
    #[tokio::test]
    async fn a_users_sessions_end_with_their_epoch_or_a_disable() {
        let s = Store::open_in_memory().await.unwrap();
        let id = s
            .create_user(Actor::Cli, "p@x.lv".into(), "h".into(), Role::Photographer)
            .await
            .unwrap();
        let store = SqliteSessionStore::new(s.clone());
        let user = |epoch: i64| {
            signed_in(
                serde_json::json!({ "kind": "user", "id": id, "role": "photographer", "epoch": epoch }),
            )
        };
        let mut phone = user(0);
        let mut laptop = user(0);
        let mut kiosk =
            signed_in(serde_json::json!({ "kind": "kiosk", "device_id": 1, "event_id": 1 }));
        for r in [&mut phone, &mut laptop, &mut kiosk] {
            store.create(r).await.unwrap();
            assert!(store.load(&r.id).await.unwrap().is_some());
        }
        assert_eq!(s.end_user_sessions(Actor::Cli, id).await.unwrap(), 1);
        assert!(store.load(&phone.id).await.unwrap().is_none());
        assert!(store.load(&laptop.id).await.unwrap().is_none());
        assert!(
            store.load(&kiosk.id).await.unwrap().is_some(),
            "kiosks stay"
        );
        store.save(&laptop).await.unwrap();
        assert!(
            store.load(&laptop.id).await.unwrap().is_none(),
            "saved again under the old epoch: still ended"
        );
        let mut fresh = user(1);
        store.create(&mut fresh).await.unwrap();
        assert!(store.load(&fresh.id).await.unwrap().is_some());
        s.set_user_disabled(Actor::Cli, id, true).await.unwrap();
        assert!(store.load(&fresh.id).await.unwrap().is_none(), "disabled");
    }

    #[tokio::test]
    async fn session_roundtrip_and_expiry() {
        let store = SqliteSessionStore::new(Store::open_in_memory().await.unwrap());
        let mut data = HashMap::new();
        data.insert("k".to_string(), serde_json::json!(1));
        let mut rec = Record {
            id: Id::default(),
            data,
            expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
        };
        store.create(&mut rec).await.unwrap();
        let loaded = store.load(&rec.id).await.unwrap().unwrap();
        assert_eq!(loaded.data, rec.data);
        rec.expiry_date = time::OffsetDateTime::now_utc() - time::Duration::seconds(1);
        store.save(&rec).await.unwrap();
        assert!(
            store.load(&rec.id).await.unwrap().is_none(),
            "expired sessions do not load"
        );
        assert_eq!(store.delete_expired().await.unwrap(), 1);
        store.delete(&rec.id).await.unwrap();
    }
}
