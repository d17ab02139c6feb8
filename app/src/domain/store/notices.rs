//! Event settings and the versions of the notice they produce (requirements 2, 4, 12).

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::types::EventSettings;
use crate::types::{EventId, NoticeRef, NoticeVersionId, Sha256Hex};
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

/// One version of the notice text in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeVersion {
    pub id: NoticeVersionId,
    pub lang: String,
    pub text: String,
    pub sha256: Sha256Hex,
}

impl NoticeVersion {
    /// What a page that shows this version sends back with a decision.
    pub fn reference(&self) -> NoticeRef {
        NoticeRef {
            id: self.id,
            sha256: self.sha256.clone(),
        }
    }
}

/// A new notice version for each language whose rendered text differs from its latest
/// version (audited), stating `p`; an unchanged text makes none. Returns the new ids.
/// Used by a settings save and by an edit of the event (issue 16 point 4), so both
/// version the notice the same way.
pub(super) fn new_versions(
    tx: &rusqlite::Transaction,
    actor: &Actor,
    event_id: EventId,
    p: crate::types::Periods,
    notices: Vec<(String, String)>,
) -> StoreResult<Vec<i64>> {
    let mut created = Vec::new();
    // The periods the text states (issue 15): never lengthened for data already
    // collected under it.
    for (lang, text) in notices {
        let sha = hex::encode(Sha256::digest(text.as_bytes()));
        let latest: Option<String> = tx
            .query_row(
                "SELECT sha256 FROM notice_versions WHERE event_id = ?1 AND lang = ?2 ORDER BY id DESC LIMIT 1",
                params![event_id, lang],
                |r| r.get(0),
            )
            .optional()?;
        if latest.as_deref() != Some(sha.as_str()) {
            tx.execute(
                "INSERT INTO notice_versions (event_id, lang, text, sha256, created_at, attendee_days, photo_days, archive_days)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![event_id, lang, text, sha, now_rfc3339(), p.attendee_days, p.photo_days, p.archive_days],
            )?;
            let id = tx.last_insert_rowid();
            append(
                tx,
                actor,
                "notice.version.create",
                &format!("notice_version:{id}"),
            )?;
            created.push(id);
        }
    }
    Ok(created)
}

impl Store {
    pub async fn event_settings(&self, event_id: EventId) -> StoreResult<EventSettings> {
        self.with_conn(move |c| {
            let json: Option<String> = c
                .query_row(
                    "SELECT settings FROM events WHERE id = ?1",
                    [event_id],
                    |r| r.get(0),
                )
                .optional()?;
            let json = json.ok_or(StoreError::NotFound)?;
            serde_json::from_str(&json)
                .map_err(|e| StoreError::Internal(format!("settings of event {event_id}: {e}")))
        })
        .await
    }

    /// Saves the settings and, for each language whose rendered notice differs from
    /// its latest version, a new notice version. Returns the ids of new versions.
    pub async fn save_event_settings(
        &self,
        actor: Actor,
        event_id: EventId,
        settings: EventSettings,
        notices: Vec<(String, String)>,
    ) -> StoreResult<Vec<i64>> {
        self.tx(move |tx| {
            let json = serde_json::to_string(&settings)
                .map_err(|e| StoreError::Internal(e.to_string()))?;
            let n = tx.execute(
                "UPDATE events SET settings = ?1 WHERE id = ?2",
                params![json, event_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            append(
                tx,
                &actor,
                "event.settings.update",
                &format!("event:{event_id}"),
            )?;
            let created = new_versions(tx, &actor, event_id, settings.periods(), notices)?;
            Ok(created)
        })
        .await
    }

    /// The newest notice version of an event in a language.
    pub async fn current_notice(
        &self,
        event_id: EventId,
        lang: String,
    ) -> StoreResult<Option<NoticeVersion>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id, lang, text, sha256 FROM notice_versions WHERE event_id = ?1 AND lang = ?2
                 ORDER BY id DESC LIMIT 1",
                params![event_id, lang],
                |r| Ok(NoticeVersion { id: r.get(0)?, lang: r.get(1)?, text: r.get(2)?, sha256: r.get(3)? }),
            )
            .optional()?)
        })
        .await
    }

    pub async fn notice_versions(&self, event_id: EventId) -> StoreResult<Vec<NoticeVersion>> {
        self.with_conn(move |c| {
            let mut stmt =
                c.prepare("SELECT id, lang, text, sha256 FROM notice_versions WHERE event_id = ?1 ORDER BY id")?;
            let rows = stmt
                .query_map([event_id], |r| {
                    Ok(NoticeVersion { id: r.get(0)?, lang: r.get(1)?, text: r.get(2)?, sha256: r.get(3)? })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::test_support::store_with_event;

    #[tokio::test]
    async fn editing_the_notice_adds_a_version_and_keeps_the_old_one() {
        let (s, ev, actor) = store_with_event().await;
        assert_eq!(
            s.event_settings(ev).await.unwrap(),
            EventSettings::default(),
            "defaults on a new event"
        );
        let mut settings = EventSettings::default();
        let v1 = s
            .save_event_settings(
                actor.clone(),
                ev,
                settings.clone(),
                vec![("lv".into(), "A".into()), ("en".into(), "B".into())],
            )
            .await
            .unwrap();
        assert_eq!(v1.len(), 2);
        // Same texts: no new version. Changed English only: one new version.
        settings.retention_days = 30;
        let v2 = s
            .save_event_settings(
                actor.clone(),
                ev,
                settings.clone(),
                vec![("lv".into(), "A".into()), ("en".into(), "B".into())],
            )
            .await
            .unwrap();
        assert!(v2.is_empty());
        assert_eq!(s.event_settings(ev).await.unwrap().retention_days, 30);
        let v3 = s
            .save_event_settings(
                actor,
                ev,
                settings,
                vec![("lv".into(), "A".into()), ("en".into(), "B2".into())],
            )
            .await
            .unwrap();
        assert_eq!(v3.len(), 1);
        let en = s.current_notice(ev, "en".into()).await.unwrap().unwrap();
        assert_eq!(en.text, "B2");
        assert_eq!(en.sha256.as_str(), hex::encode(Sha256::digest(b"B2")));
        let all = s.notice_versions(ev).await.unwrap();
        assert_eq!(
            all.iter().map(|v| v.text.as_str()).collect::<Vec<_>>(),
            vec!["A", "B", "B2"]
        );
    }
}
