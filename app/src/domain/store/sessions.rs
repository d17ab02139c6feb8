//! tower-sessions storage in the same SQLite database, on the same pool and pragmas as
//! everything else, so sessions survive a restart and a 2xx that set a session means
//! the session is on disk.

use super::{Store, StoreError};
use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

#[derive(Clone)]
pub struct SqliteSessionStore {
    store: Store,
}

impl std::fmt::Debug for SqliteSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteSessionStore")
    }
}

impl SqliteSessionStore {
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    /// Removes sessions past their expiry. Run now and then by the server.
    pub async fn delete_expired(&self) -> Result<usize, StoreError> {
        self.store
            .with_conn(|c| {
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                Ok(c.execute("DELETE FROM sessions WHERE expiry_date <= ?1", [now])?)
            })
            .await
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn encode(record: &Record) -> session_store::Result<Vec<u8>> {
    serde_json::to_vec(record).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for SqliteSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let mut rec = record.clone();
        let rec = self
            .store
            .with_conn(move |c| {
                // A fresh id on the (astronomically unlikely) collision.
                loop {
                    let data = encode(&rec).map_err(|e| StoreError::Internal(e.to_string()))?;
                    let inserted = c.execute(
                        "INSERT INTO sessions (id, data, expiry_date) VALUES (?1, ?2, ?3)
                         ON CONFLICT(id) DO NOTHING",
                        params![rec.id.to_string(), data, rec.expiry_date.unix_timestamp()],
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
        let id = record.id.to_string();
        let expiry = record.expiry_date.unix_timestamp();
        self.store
            .with_conn(move |c| {
                c.execute(
                    "INSERT INTO sessions (id, data, expiry_date) VALUES (?1, ?2, ?3)
                     ON CONFLICT(id) DO UPDATE SET data = excluded.data, expiry_date = excluded.expiry_date",
                    params![id, data, expiry],
                )?;
                Ok(())
            })
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let id = id.to_string();
        let data: Option<Vec<u8>> = self
            .store
            .with_conn(move |c| {
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                Ok(c.query_row(
                    "SELECT data FROM sessions WHERE id = ?1 AND expiry_date > ?2",
                    params![id, now],
                    |r| r.get(0),
                )
                .optional()?)
            })
            .await
            .map_err(backend)?;
        data.map(|d| {
            serde_json::from_slice(&d).map_err(|e| session_store::Error::Decode(e.to_string()))
        })
        .transpose()
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let id = id.to_string();
        self.store
            .with_conn(move |c| {
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
    use std::collections::HashMap;

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
