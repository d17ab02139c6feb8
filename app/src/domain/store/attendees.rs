//! Attendees and their consent history (requirements 1, 4, 5, 6, 13). A consent change
//! is a new row; rows are never edited (the table's triggers refuse it).

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::types::{Channel, Consent, ConsentRecord, PersonFields};
use rusqlite::{params, OptionalExtension, Transaction};

pub struct NewAttendee {
    pub event_id: i64,
    pub fields: PersonFields,
    pub is_minor: bool,
    /// `kiosk`, `organiser` or `import`.
    pub source: &'static str,
    pub badge_token: String,
    pub private_code_hash: Option<String>,
    pub checkin_code_hash: Option<String>,
}

pub struct NewConsent {
    pub choice: Consent,
    pub notice_version_id: i64,
    pub channel: Channel,
    /// Who recorded it, as an id: `kiosk:3`, `user:2`, `self`.
    pub channel_ref: String,
    pub guardian_name: Option<String>,
    pub guardian_confirmed: bool,
    pub signature_png: Option<Vec<u8>>,
}

fn insert_consent(tx: &Transaction, attendee_id: i64, c: NewConsent) -> StoreResult<i64> {
    let (event_id, notice_event): (i64, Option<i64>) = tx.query_row(
        "SELECT a.event_id, (SELECT event_id FROM notice_versions WHERE id = ?2) FROM attendees a WHERE a.id = ?1",
        params![attendee_id, c.notice_version_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if notice_event != Some(event_id) {
        return Err(StoreError::Conflict("notice version is not this event's"));
    }
    let now = now_rfc3339();
    let signature_id = match c.signature_png {
        Some(png) => {
            tx.execute(
                "INSERT INTO signatures (attendee_id, png, created_at) VALUES (?1, ?2, ?3)",
                params![attendee_id, png, now],
            )?;
            Some(tx.last_insert_rowid())
        }
        None => None,
    };
    tx.execute(
        "INSERT INTO consents (attendee_id, choice, at, notice_version_id, channel, channel_ref,
                               guardian_name, guardian_confirmed, signature_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            attendee_id,
            c.choice.as_str(),
            now,
            c.notice_version_id,
            c.channel.as_str(),
            c.channel_ref,
            c.guardian_name,
            c.guardian_confirmed,
            signature_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Registration counts for the event page (requirement 13): no personal data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventCounts {
    pub registered: i64,
    pub checked_in: i64,
    pub green: i64,
    pub red: i64,
    pub minors: i64,
}

impl Store {
    /// Registers an attendee with their first consent decision in one transaction.
    pub async fn register_attendee(
        &self,
        actor: Actor,
        a: NewAttendee,
        consent: NewConsent,
    ) -> StoreResult<i64> {
        self.tx(move |tx| {
            let f = &a.fields;
            tx.execute(
                "INSERT INTO attendees (event_id, badge_token, private_code_hash, checkin_code_hash,
                     first_name, last_name, organisation, role_title, email, phone,
                     is_minor, source, registered_at, checked_in_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                params![
                    a.event_id,
                    a.badge_token,
                    a.private_code_hash,
                    a.checkin_code_hash,
                    f.first_name,
                    f.last_name,
                    f.organisation,
                    f.role_title,
                    f.email,
                    f.phone,
                    a.is_minor,
                    a.source,
                    now_rfc3339()
                ],
            )?;
            let id = tx.last_insert_rowid();
            let consent_id = insert_consent(tx, id, consent)?;
            append(tx, &actor, "attendee.register", &format!("attendee:{id}"))?;
            append(
                tx,
                &actor,
                "consent.record",
                &format!("attendee:{id},consent:{consent_id}"),
            )?;
            Ok(id)
        })
        .await
    }

    /// Appends a consent decision (a change never edits an earlier row).
    pub async fn record_consent(
        &self,
        actor: Actor,
        attendee_id: i64,
        c: NewConsent,
    ) -> StoreResult<i64> {
        self.tx(move |tx| {
            let consent_id = insert_consent(tx, attendee_id, c)?;
            append(
                tx,
                &actor,
                "consent.record",
                &format!("attendee:{attendee_id},consent:{consent_id}"),
            )?;
            Ok(consent_id)
        })
        .await
    }

    /// The current consent: the newest row.
    pub async fn current_consent(&self, attendee_id: i64) -> StoreResult<Option<Consent>> {
        self.with_conn(move |c| {
            let s: Option<String> = c
                .query_row(
                    "SELECT choice FROM consents WHERE attendee_id = ?1 ORDER BY id DESC LIMIT 1",
                    [attendee_id],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(s.as_deref().and_then(Consent::parse))
        })
        .await
    }

    /// Every decision in order, with the exact notice text shown. Audited.
    pub async fn consent_history(
        &self,
        actor: Actor,
        attendee_id: i64,
    ) -> StoreResult<Vec<ConsentRecord>> {
        self.tx(move |tx| {
            append(tx, &actor, "consent.history.view", &format!("attendee:{attendee_id}"))?;
            let mut stmt = tx.prepare(
                "SELECT c.id, c.choice, c.at, c.channel, c.channel_ref, c.notice_version_id, n.sha256, n.text,
                        c.guardian_name, c.guardian_confirmed, c.signature_id
                 FROM consents c JOIN notice_versions n ON n.id = c.notice_version_id
                 WHERE c.attendee_id = ?1 ORDER BY c.id",
            )?;
            let rows = stmt
                .query_map([attendee_id], |r| {
                    let choice: String = r.get(1)?;
                    let channel: String = r.get(3)?;
                    let sig: Option<i64> = r.get(10)?;
                    Ok(ConsentRecord {
                        id: r.get(0)?,
                        choice: Consent::parse(&choice).unwrap_or(Consent::Red),
                        at: r.get(2)?,
                        channel: Channel::parse(&channel).unwrap_or(Channel::Organiser),
                        channel_ref: r.get(4)?,
                        notice_version_id: r.get(5)?,
                        notice_sha256: r.get(6)?,
                        notice_text: r.get(7)?,
                        guardian_name: r.get(8)?,
                        guardian_confirmed: r.get(9)?,
                        signature_ref: sig.map(|id| format!("signature:{id}")),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Badge token → (attendee id, event id). The token is the only key a badge carries.
    pub async fn attendee_by_badge(&self, badge_token: String) -> StoreResult<Option<(i64, i64)>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id, event_id FROM attendees WHERE badge_token = ?1",
                [badge_token],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })
        .await
    }

    pub async fn event_counts(&self, event_id: i64) -> StoreResult<EventCounts> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "WITH cur AS (
                    SELECT a.id, a.is_minor, a.checked_in_at,
                           (SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1) AS choice
                    FROM attendees a WHERE a.event_id = ?1)
                 SELECT count(*), count(checked_in_at), coalesce(sum(choice = 'green'), 0),
                        coalesce(sum(choice = 'red'), 0), coalesce(sum(is_minor), 0) FROM cur",
                [event_id],
                |r| {
                    Ok(EventCounts {
                        registered: r.get(0)?,
                        checked_in: r.get(1)?,
                        green: r.get(2)?,
                        red: r.get(3)?,
                        minors: r.get(4)?,
                    })
                },
            )?)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::notices::tests::store_with_event;
    use crate::types::EventSettings;

    fn consent(choice: Consent, notice: i64, channel: Channel) -> NewConsent {
        NewConsent {
            choice,
            notice_version_id: notice,
            channel,
            channel_ref: "kiosk:1".into(),
            guardian_name: None,
            guardian_confirmed: false,
            signature_png: None,
        }
    }

    fn attendee(event_id: i64, token: &str) -> NewAttendee {
        NewAttendee {
            event_id,
            fields: PersonFields {
                first_name: Some("Anna".into()),
                ..Default::default()
            },
            is_minor: false,
            source: "kiosk",
            badge_token: token.into(),
            private_code_hash: Some(format!("hash-{token}")),
            checkin_code_hash: None,
        }
    }

    #[tokio::test]
    async fn consent_history_is_append_only_in_order_with_notice_text() {
        let (s, ev, actor) = store_with_event().await;
        s.save_event_settings(
            actor.clone(),
            ev,
            EventSettings::default(),
            vec![("en".into(), "Notice v1".into())],
        )
        .await
        .unwrap();
        let n1 = s.current_notice(ev, "en".into()).await.unwrap().unwrap();
        let id = s
            .register_attendee(
                actor.clone(),
                attendee(ev, "tok1"),
                consent(Consent::Green, n1.id, Channel::Kiosk),
            )
            .await
            .unwrap();
        s.save_event_settings(
            actor.clone(),
            ev,
            EventSettings::default(),
            vec![("en".into(), "Notice v2".into())],
        )
        .await
        .unwrap();
        let n2 = s.current_notice(ev, "en".into()).await.unwrap().unwrap();
        s.record_consent(
            actor.clone(),
            id,
            consent(Consent::Red, n2.id, Channel::BadgeScan),
        )
        .await
        .unwrap();
        assert_eq!(s.current_consent(id).await.unwrap(), Some(Consent::Red));

        let h = s.consent_history(actor.clone(), id).await.unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(
            (h[0].choice, h[0].channel, h[0].notice_text.as_str()),
            (Consent::Green, Channel::Kiosk, "Notice v1")
        );
        assert_eq!(
            (h[1].choice, h[1].channel, h[1].notice_text.as_str()),
            (Consent::Red, Channel::BadgeScan, "Notice v2")
        );

        // The database itself refuses edits and deletions of consent rows.
        let upd = s
            .with_conn(|c| Ok(c.execute("UPDATE consents SET choice = 'green'", [])))
            .await
            .unwrap();
        assert!(upd.unwrap_err().to_string().contains("append-only"));
        let del = s
            .with_conn(|c| Ok(c.execute("DELETE FROM consents", [])))
            .await
            .unwrap();
        assert!(del.unwrap_err().to_string().contains("append-only"));
        assert_eq!(s.consent_history(actor, id).await.unwrap().len(), 2);
    }

    #[tokio::test]
    async fn consent_needs_a_notice_version_of_the_same_event() {
        let (s, ev, actor) = store_with_event().await;
        let r = s
            .register_attendee(
                actor,
                attendee(ev, "tok1"),
                consent(Consent::Green, 999, Channel::Kiosk),
            )
            .await;
        assert!(matches!(
            r,
            Err(StoreError::Conflict(_)) | Err(StoreError::Sqlite(_))
        ));
        assert_eq!(
            s.event_counts(ev).await.unwrap().registered,
            0,
            "nothing half-saved"
        );
    }

    #[tokio::test]
    async fn counts_follow_current_consent() {
        let (s, ev, actor) = store_with_event().await;
        s.save_event_settings(
            actor.clone(),
            ev,
            EventSettings::default(),
            vec![("lv".into(), "T".into())],
        )
        .await
        .unwrap();
        let n = s.current_notice(ev, "lv".into()).await.unwrap().unwrap().id;
        let a = s
            .register_attendee(
                actor.clone(),
                attendee(ev, "a"),
                consent(Consent::Green, n, Channel::Kiosk),
            )
            .await
            .unwrap();
        let mut minor = attendee(ev, "b");
        minor.is_minor = true;
        s.register_attendee(
            actor.clone(),
            minor,
            consent(Consent::Red, n, Channel::Kiosk),
        )
        .await
        .unwrap();
        s.record_consent(actor, a, consent(Consent::Red, n, Channel::SelfService))
            .await
            .unwrap();
        let c = s.event_counts(ev).await.unwrap();
        assert_eq!(
            c,
            EventCounts {
                registered: 2,
                checked_in: 2,
                green: 0,
                red: 2,
                minors: 1
            }
        );
        assert_eq!(
            s.attendee_by_badge("a".into()).await.unwrap(),
            Some((a, ev))
        );
        assert_eq!(s.attendee_by_badge("nope".into()).await.unwrap(), None);
    }
}
