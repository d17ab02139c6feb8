//! Attendees and their consent history (requirements 1, 4, 5, 6, 13). A consent change
//! is a new row; rows are never edited (the table's triggers refuse it).

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::domain::consent::nfc;
use crate::types::{
    AttendeeDetail, AttendeeFilter, AttendeeList, AttendeeRow, Channel, Consent, ConsentRecord,
    EventStats, PersonFields,
};
use crate::types::{AttendeeId, EventId, NoticeRef, NoticeVersionId, Sha256Hex};
use rusqlite::{params, OptionalExtension, Transaction};

pub struct NewAttendee {
    pub event_id: EventId,
    pub fields: PersonFields,
    pub is_minor: bool,
    /// `kiosk`, `organiser` or `import`.
    pub source: &'static str,
    pub badge_token: String,
    pub private_code_hash: Option<String>,
    pub checkin_code_hash: Option<String>,
}

/// Most consent decisions recorded for one attendee within an hour: rows can never be
/// deleted, so a loop of switches must not grow the table without bound (issue 14
/// point 6).
pub const CONSENT_CHANGES_PER_HOUR: i64 = 20;

pub struct NewConsent {
    pub choice: Consent,
    /// The notice version the page showed: recorded only while it is the current one
    /// of its event and language (issue 14 point 4).
    pub notice: NoticeRef,
    pub channel: Channel,
    /// Who recorded it, as an id: `kiosk:3`, `user:2`, `self`.
    pub channel_ref: String,
    pub guardian_name: Option<String>,
    pub guardian_confirmed: bool,
    pub signature_png: Option<Vec<u8>>,
}

/// Checks, inside the transaction that records a decision, that the notice version the
/// page showed is one of the attendee's event (`NoticeWrongEvent`), with the text hash the
/// page got (`NoticeUnknown`), and still the newest of its language, which the event
/// still offers (`NoticeChanged`): an edit between the page's load and its submit is
/// caught here, not recorded as if it had been shown.
fn check_notice_current(tx: &Transaction, event_id: i64, shown: &NoticeRef) -> StoreResult<()> {
    use super::Conflict;
    let found: Option<(i64, String, Sha256Hex, i64)> = tx
        .query_row(
            "SELECT n.event_id, n.lang, n.sha256,
                    (SELECT MAX(id) FROM notice_versions WHERE event_id = n.event_id AND lang = n.lang)
             FROM notice_versions n WHERE n.id = ?1",
            [shown.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((notice_event, lang, sha256, newest)) = found else {
        return Err(StoreError::Conflict(Conflict::NoticeUnknown));
    };
    if notice_event != event_id {
        return Err(StoreError::Conflict(Conflict::NoticeWrongEvent));
    }
    if sha256 != shown.sha256 {
        return Err(StoreError::Conflict(Conflict::NoticeUnknown));
    }
    let settings: String = tx.query_row(
        "SELECT settings FROM events WHERE id = ?1",
        [event_id],
        |r| r.get(0),
    )?;
    let offered = serde_json::from_str::<crate::types::EventSettings>(&settings)
        .map_err(|e| StoreError::Internal(format!("settings of event {event_id}: {e}")))?
        .languages
        .contains(&lang);
    if newest != shown.id.get() || !offered {
        return Err(StoreError::Conflict(Conflict::NoticeChanged));
    }
    Ok(())
}

/// Refuses a decision once the attendee has `CONSENT_CHANGES_PER_HOUR` in the last hour.
fn check_consent_rate(tx: &Transaction, attendee_id: AttendeeId) -> StoreResult<()> {
    let hour_ago = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    let since = hour_ago
        .replace_nanosecond(0)
        .unwrap_or(hour_ago)
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| StoreError::Internal(e.to_string()))?;
    let recent: i64 = tx.query_row(
        "SELECT COUNT(*) FROM consents WHERE attendee_id = ?1 AND at > ?2",
        params![attendee_id, since],
        |r| r.get(0),
    )?;
    if recent >= CONSENT_CHANGES_PER_HOUR {
        return Err(StoreError::Conflict(super::Conflict::ConsentChangesTooMany));
    }
    Ok(())
}

/// Records a decision and its audit row. The row's subject names the choice and the
/// notice version, so the hash chain protects what was decided, not only that something
/// was (issue 14 point 4).
fn insert_consent(
    tx: &Transaction,
    actor: &Actor,
    attendee_id: AttendeeId,
    c: NewConsent,
) -> StoreResult<i64> {
    let event_id: i64 = tx
        .query_row(
            "SELECT event_id FROM attendees WHERE id = ?1",
            [attendee_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound)?;
    check_notice_current(tx, event_id, &c.notice)?;
    check_consent_rate(tx, attendee_id)?;
    let (choice, notice_id) = (c.choice, c.notice.id);
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
        // `clock_end`: the last day the notice's periods count from for this decision
        // (issue 16 point 4), so moving the last day later cannot lengthen them.
        "INSERT INTO consents (attendee_id, choice, at, notice_version_id, channel, channel_ref,
                               guardian_name, guardian_confirmed, signature_id, clock_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 (SELECT e.ends_on FROM attendees a JOIN events e ON e.id = a.event_id WHERE a.id = ?1))",
        params![
            attendee_id,
            c.choice.as_str(),
            now,
            c.notice.id,
            c.channel.as_str(),
            c.channel_ref,
            c.guardian_name,
            c.guardian_confirmed,
            signature_id
        ],
    )?;
    let consent_id = tx.last_insert_rowid();
    append(
        tx,
        actor,
        "consent.record",
        &consent_subject(attendee_id, consent_id, choice, notice_id),
    )?;
    Ok(consent_id)
}

/// The audit subject of a recorded decision: `attendee:{id},consent:{id},choice:{green|red},notice_version:{id}`.
pub fn consent_subject(
    attendee_id: AttendeeId,
    consent_id: i64,
    choice: Consent,
    notice: NoticeVersionId,
) -> String {
    format!(
        "attendee:{attendee_id},consent:{consent_id},choice:{},notice_version:{notice}",
        choice.as_str()
    )
}

/// Registration counts for the event page (requirement 13): no personal data.
pub type EventCounts = EventStats;

/// A pre-registered attendee's lookup key at the kiosk.
pub enum CheckinKey {
    /// Hash of the check-in code (see `auth::token_hash`).
    CodeHash(String),
    /// Exact email, only when the event allows it.
    Email(String),
}

/// A pre-registered attendee found at the kiosk.
pub struct CheckinCandidate {
    pub id: AttendeeId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub checked_in: bool,
}

/// An imported attendee, ready to insert.
pub struct ImportedAttendee {
    pub fields: PersonFields,
    pub badge_token: String,
    pub checkin_code_hash: String,
}

/// Most rows the list returns at once; the total tells how many matched.
pub const LIST_LIMIT: usize = 500;

pub(super) const PERSON_COLUMNS: &str =
    "first_name, last_name, organisation, role_title, email, phone";

pub(super) fn person(r: &rusqlite::Row, from: usize) -> rusqlite::Result<PersonFields> {
    Ok(PersonFields {
        first_name: r.get(from)?,
        last_name: r.get(from + 1)?,
        organisation: r.get(from + 2)?,
        role_title: r.get(from + 3)?,
        email: r.get(from + 4)?,
        phone: r.get(from + 5)?,
    })
}

fn matches(row: &AttendeeRow, f: &AttendeeFilter, q: &str) -> bool {
    let consent_ok = match f.consent.as_str() {
        "green" => row.consent == Some(Consent::Green),
        "red" => row.consent == Some(Consent::Red),
        "none" => row.consent.is_none(),
        _ => true,
    };
    let yes_no = |v: &str, b: bool| match v {
        "yes" => b,
        "no" => !b,
        _ => true,
    };
    let text_ok = q.is_empty() || {
        let p = &row.fields;
        [
            &p.first_name,
            &p.last_name,
            &p.organisation,
            &p.role_title,
            &p.email,
            &p.phone,
        ]
        .iter()
        .filter_map(|v| v.as_deref())
        .any(|v| nfc(v).to_lowercase().contains(q))
            || nfc(&format!(
                "{} {}",
                p.first_name.as_deref().unwrap_or(""),
                p.last_name.as_deref().unwrap_or("")
            ))
            .to_lowercase()
            .contains(q)
    };
    consent_ok && yes_no(&f.checked_in, row.checked_in) && yes_no(&f.minor, row.is_minor) && text_ok
}

/// What a badge is made from: the attendee's name fields, token and current consent.
pub struct BadgeSource {
    pub event_id: EventId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub badge_token: String,
    /// `None` for a pre-registered attendee who has not chosen yet.
    pub consent: Option<Consent>,
}

impl Store {
    /// Reads what a (re)printed badge shows. Audited: the name is personal data.
    pub async fn badge_source(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
    ) -> StoreResult<BadgeSource> {
        self.tx(move |tx| {
            let found = tx
                .query_row(
                    "SELECT event_id, first_name, last_name, badge_token,
                            (SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1)
                     FROM attendees a WHERE id = ?1",
                    [attendee_id],
                    |r| {
                        let choice: Option<String> = r.get(4)?;
                        Ok(BadgeSource {
                            event_id: r.get(0)?,
                            first_name: r.get(1)?,
                            last_name: r.get(2)?,
                            badge_token: r.get(3)?,
                            consent: choice.as_deref().and_then(Consent::parse),
                        })
                    },
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            append(tx, &actor, "attendee.badge", &format!("attendee:{attendee_id}"))?;
            Ok(found)
        })
        .await
    }

    /// Registers an attendee with their first consent decision in one transaction.
    pub async fn register_attendee(
        &self,
        actor: Actor,
        a: NewAttendee,
        consent: NewConsent,
    ) -> StoreResult<AttendeeId> {
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
            let id = AttendeeId::inserted(tx.last_insert_rowid());
            append(tx, &actor, "attendee.register", &format!("attendee:{id}"))?;
            if let Actor::Kiosk { device_id, .. } = actor {
                // The event page lists how many registrations each tablet made.
                tx.execute(
                    "UPDATE kiosk_devices SET registrations = registrations + 1 WHERE id = ?1",
                    [device_id],
                )?;
            }
            insert_consent(tx, &actor, id, consent)?;
            Ok(id)
        })
        .await
    }

    /// Appends a consent decision (a change never edits an earlier row).
    pub async fn record_consent(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
        c: NewConsent,
    ) -> StoreResult<i64> {
        self.tx(move |tx| insert_consent(tx, &actor, attendee_id, c))
            .await
    }

    /// The current consent: the newest row.
    pub async fn current_consent(&self, attendee_id: AttendeeId) -> StoreResult<Option<Consent>> {
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
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<ConsentRecord>> {
        self.audit(
            actor,
            "consent.history.view",
            format!("attendee:{attendee_id}"),
        )
        .await?;
        self.consent_history_rows(attendee_id).await
    }

    /// The history without an audit row; callers audit the read themselves.
    async fn consent_history_rows(
        &self,
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<ConsentRecord>> {
        self.with_conn(move |tx| {
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
    pub async fn attendee_by_badge(
        &self,
        badge_token: String,
    ) -> StoreResult<Option<(AttendeeId, EventId)>> {
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

    /// The organiser's attendee list of one event, filtered. Audited (the search text
    /// is not: it may be a name).
    pub async fn list_attendees(
        &self,
        actor: Actor,
        event_id: EventId,
        filter: AttendeeFilter,
    ) -> StoreResult<AttendeeList> {
        self.tx(move |tx| {
            append(tx, &actor, "attendee.list", &format!("event:{event_id}"))?;
            let mut stmt = tx.prepare(&format!(
                "SELECT a.id, a.is_minor, a.checked_in_at IS NOT NULL, a.source,
                        (SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1),
                        a.erased_at IS NOT NULL,
                        {PERSON_COLUMNS}
                 FROM attendees a WHERE a.event_id = ?1
                 ORDER BY lower(coalesce(a.last_name, '')), lower(coalesce(a.first_name, '')), a.id"
            ))?;
            // Both sides in NFC: a name stored before names were normalised, or a query
            // typed with combining marks, still matches (issue 14, point 6).
            let q = nfc(filter.q.trim()).to_lowercase();
            let mut rows = Vec::new();
            let mut total = 0;
            for row in stmt.query_map([event_id], |r| {
                let choice: Option<String> = r.get(4)?;
                Ok(AttendeeRow {
                    id: r.get(0)?,
                    is_minor: r.get(1)?,
                    checked_in: r.get(2)?,
                    source: r.get(3)?,
                    consent: choice.as_deref().and_then(Consent::parse),
                    erased: r.get(5)?,
                    fields: person(r, 6)?,
                })
            })? {
                let row = row?;
                if matches(&row, &filter, &q) {
                    total += 1;
                    if rows.len() < LIST_LIMIT {
                        rows.push(row);
                    }
                }
            }
            Ok(AttendeeList { rows, total })
        })
        .await
    }

    /// One attendee with every consent decision and the notice text shown. Audited.
    /// Returns the attendee's event row id with it, for the caller's access check.
    pub async fn attendee_detail(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
    ) -> StoreResult<(EventId, AttendeeDetail)> {
        let (event_id, mut detail) = self
            .tx(move |tx| {
                let found = tx
                    .query_row(
                        &format!(
                            "SELECT event_id, id, is_minor, source, registered_at, checked_in_at, badge_token, {PERSON_COLUMNS}
                             FROM attendees WHERE id = ?1"
                        ),
                        [attendee_id],
                        |r| {
                            Ok((
                                r.get::<_, EventId>(0)?,
                                AttendeeDetail {
                                    id: r.get(1)?,
                                    is_minor: r.get(2)?,
                                    source: r.get(3)?,
                                    registered_at: r.get(4)?,
                                    checked_in_at: r.get(5)?,
                                    badge_path: format!("/b/{}", r.get::<_, String>(6)?),
                                    fields: person(r, 7)?,
                                    consent: None,
                                    history: Vec::new(),
                                    collected: Vec::new(),
                                    corrections: Vec::new(),
                                },
                            ))
                        },
                    )
                    .optional()?
                    .ok_or(StoreError::NotFound)?;
                append(tx, &actor, "attendee.view", &format!("attendee:{attendee_id}"))?;
                Ok(found)
            })
            .await?;
        detail.history = self.consent_history_rows(attendee_id).await?;
        detail.consent = detail.history.last().map(|c| c.choice);
        detail.corrections = self.corrections_of(attendee_id).await?;
        Ok((event_id, detail))
    }

    /// Stores imported attendees, all or none. Each gets an audit row.
    pub async fn import_attendees(
        &self,
        actor: Actor,
        event_id: EventId,
        people: Vec<ImportedAttendee>,
    ) -> StoreResult<Vec<AttendeeId>> {
        self.tx(move |tx| {
            let now = now_rfc3339();
            let mut ids = Vec::with_capacity(people.len());
            for p in people {
                let f = &p.fields;
                tx.execute(
                    "INSERT INTO attendees (event_id, badge_token, checkin_code_hash,
                         first_name, last_name, organisation, role_title, email, phone,
                         is_minor, source, registered_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 'import', ?10)",
                    params![
                        event_id,
                        p.badge_token,
                        p.checkin_code_hash,
                        f.first_name,
                        f.last_name,
                        f.organisation,
                        f.role_title,
                        f.email,
                        f.phone,
                        now
                    ],
                )?;
                let id = AttendeeId::inserted(tx.last_insert_rowid());
                append(tx, &actor, "attendee.import", &format!("attendee:{id}"))?;
                ids.push(id);
            }
            Ok(ids)
        })
        .await
    }

    /// Finds a pre-registered attendee of `event_id` by check-in code hash or exact email
    /// (case-insensitive). Only a single exact match is returned; several attendees with
    /// the same email are not told apart (the attendee uses the code instead). Audited.
    pub async fn find_for_checkin(
        &self,
        actor: Actor,
        event_id: EventId,
        key: CheckinKey,
    ) -> StoreResult<Option<CheckinCandidate>> {
        self.tx(move |tx| {
            let (sql, value) = match key {
                CheckinKey::CodeHash(h) => (
                    "SELECT id, first_name, last_name, checked_in_at IS NOT NULL FROM attendees
                     WHERE event_id = ?1 AND checkin_code_hash = ?2 LIMIT 2",
                    h,
                ),
                CheckinKey::Email(e) => (
                    "SELECT id, first_name, last_name, checked_in_at IS NOT NULL FROM attendees
                     WHERE event_id = ?1 AND source = 'import' AND lower(email) = lower(?2) LIMIT 2",
                    e.trim().to_string(),
                ),
            };
            let mut stmt = tx.prepare(sql)?;
            let mut found = stmt
                .query_map(params![event_id, value], |r| {
                    Ok(CheckinCandidate {
                        id: r.get(0)?,
                        first_name: r.get(1)?,
                        last_name: r.get(2)?,
                        checked_in: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            if found.len() != 1 {
                return Ok(None);
            }
            let c = found.remove(0);
            append(tx, &actor, "attendee.checkin.find", &format!("attendee:{}", c.id))?;
            Ok(Some(c))
        })
        .await
    }

    /// Checks in a pre-registered attendee: their first consent, the minor flag and the
    /// private code, in one transaction. `Conflict` when already checked in.
    pub async fn check_in(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
        is_minor: bool,
        private_code_hash: String,
        consent: NewConsent,
    ) -> StoreResult<String> {
        self.tx(move |tx| {
            let changed = tx.execute(
                "UPDATE attendees SET checked_in_at = ?2, is_minor = ?3, private_code_hash = ?4
                 WHERE id = ?1 AND checked_in_at IS NULL",
                params![attendee_id, now_rfc3339(), is_minor, private_code_hash],
            )?;
            if changed != 1 {
                return Err(StoreError::Conflict(super::Conflict::CheckinUsed));
            }
            append(
                tx,
                &actor,
                "attendee.checkin",
                &format!("attendee:{attendee_id}"),
            )?;
            insert_consent(tx, &actor, attendee_id, consent)?;
            Ok(tx.query_row(
                "SELECT badge_token FROM attendees WHERE id = ?1",
                [attendee_id],
                |r| r.get(0),
            )?)
        })
        .await
    }

    /// The attendee's event and minor flag, for rule checks (not shown to anyone).
    pub async fn attendee_event_and_minor(
        &self,
        attendee_id: AttendeeId,
    ) -> StoreResult<(EventId, bool)> {
        self.with_conn(move |c| {
            c.query_row(
                "SELECT event_id, is_minor FROM attendees WHERE id = ?1",
                [attendee_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    pub async fn event_counts(&self, event_id: EventId) -> StoreResult<EventCounts> {
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
    use crate::domain::store::test_support::store_with_event;
    use crate::types::EventSettings;

    fn consent(choice: Consent, notice: NoticeRef, channel: Channel) -> NewConsent {
        NewConsent {
            choice,
            notice,
            channel,
            channel_ref: "kiosk:1".into(),
            guardian_name: None,
            guardian_confirmed: false,
            signature_png: None,
        }
    }

    fn attendee(event_id: EventId, token: &str) -> NewAttendee {
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
                consent(Consent::Green, n1.reference(), Channel::Kiosk),
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
            consent(Consent::Red, n2.reference(), Channel::BadgeScan),
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
                consent(
                    Consent::Green,
                    NoticeRef {
                        id: NoticeVersionId::from(999),
                        sha256: Sha256Hex::parse(&"0".repeat(64)).unwrap(),
                    },
                    Channel::Kiosk,
                ),
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
        let n = s
            .current_notice(ev, "lv".into())
            .await
            .unwrap()
            .unwrap()
            .reference();
        let a = s
            .register_attendee(
                actor.clone(),
                attendee(ev, "a"),
                consent(Consent::Green, n.clone(), Channel::Kiosk),
            )
            .await
            .unwrap();
        let mut minor = attendee(ev, "b");
        minor.is_minor = true;
        s.register_attendee(
            actor.clone(),
            minor,
            consent(Consent::Red, n.clone(), Channel::Kiosk),
        )
        .await
        .unwrap();
        s.record_consent(
            actor,
            a,
            consent(Consent::Red, n.clone(), Channel::SelfService),
        )
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

    /// Issue 14 point 4: a decision records the notice version the page showed only while
    /// it is the newest of its language; an edit in between is `NoticeChanged` and
    /// nothing is recorded; a version with another text hash is `NoticeUnknown`. The
    /// audit row names the choice and the version, inside the hash chain.
    #[tokio::test]
    async fn a_decision_records_the_notice_shown_only_while_it_is_current() {
        let (s, ev, actor) = store_with_event().await;
        let save = |text: &'static str| {
            let (s, actor) = (s.clone(), actor.clone());
            async move {
                s.save_event_settings(
                    actor,
                    ev,
                    EventSettings::default(),
                    vec![("lv".into(), text.into())],
                )
                .await
                .unwrap();
                s.current_notice(ev, "lv".into()).await.unwrap().unwrap()
            }
        };
        let v1 = save("Paziņojums v1").await;
        let id = s
            .register_attendee(
                actor.clone(),
                attendee(ev, "tok"),
                consent(Consent::Red, v1.reference(), Channel::Kiosk),
            )
            .await
            .unwrap();
        let v2 = save("Paziņojums v2").await;
        let stale = s
            .record_consent(
                actor.clone(),
                id,
                consent(Consent::Green, v1.reference(), Channel::SelfService),
            )
            .await;
        assert!(
            matches!(
                stale,
                Err(StoreError::Conflict(super::super::Conflict::NoticeChanged))
            ),
            "{stale:?}"
        );
        let forged = NoticeRef {
            id: v2.id,
            sha256: v1.sha256.clone(),
        };
        let wrong_hash = s
            .record_consent(
                actor.clone(),
                id,
                consent(Consent::Green, forged, Channel::SelfService),
            )
            .await;
        assert!(
            matches!(
                wrong_hash,
                Err(StoreError::Conflict(super::super::Conflict::NoticeUnknown))
            ),
            "{wrong_hash:?}"
        );
        assert_eq!(s.current_consent(id).await.unwrap(), Some(Consent::Red));
        let cid = s
            .record_consent(
                actor.clone(),
                id,
                consent(Consent::Green, v2.reference(), Channel::SelfService),
            )
            .await
            .unwrap();
        let h = s.consent_history(actor.clone(), id).await.unwrap();
        assert_eq!(
            (h.len(), h[1].notice_version_id, h[1].notice_text.as_str()),
            (2, v2.id.get(), "Paziņojums v2")
        );
        let subject: String = s
            .with_conn(|c| {
                Ok(c.query_row(
                    "SELECT subject FROM audit_log WHERE action = 'consent.record' ORDER BY id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )?)
            })
            .await
            .unwrap();
        assert_eq!(
            subject,
            format!(
                "attendee:{id},consent:{cid},choice:green,notice_version:{}",
                v2.id
            )
        );
    }

    /// Issue 14 point 6: consent rows can never be deleted, so one attendee's decisions
    /// are limited to `CONSENT_CHANGES_PER_HOUR` an hour; the one over is refused and not
    /// recorded.
    #[tokio::test]
    async fn consent_changes_are_limited_per_attendee_and_hour() {
        let (s, ev, actor) = store_with_event().await;
        let n = crate::domain::store::test_support::english_notice(&s, &actor, ev).await;
        let id = s
            .register_attendee(
                actor.clone(),
                attendee(ev, "tok"),
                consent(Consent::Red, n.clone(), Channel::Kiosk),
            )
            .await
            .unwrap();
        for i in 1..CONSENT_CHANGES_PER_HOUR {
            let c = if i % 2 == 1 {
                Consent::Green
            } else {
                Consent::Red
            };
            s.record_consent(
                actor.clone(),
                id,
                consent(c, n.clone(), Channel::SelfService),
            )
            .await
            .unwrap();
        }
        let over = s
            .record_consent(
                actor.clone(),
                id,
                consent(Consent::Red, n.clone(), Channel::SelfService),
            )
            .await;
        assert!(
            matches!(
                over,
                Err(StoreError::Conflict(
                    super::super::Conflict::ConsentChangesTooMany
                ))
            ),
            "{over:?}"
        );
        let h = s.consent_history(actor.clone(), id).await.unwrap();
        assert_eq!(h.len() as i64, CONSENT_CHANGES_PER_HOUR);
        // Another attendee is not limited by the first one's changes.
        let other = s
            .register_attendee(
                actor,
                attendee(ev, "tok2"),
                consent(Consent::Green, n, Channel::Kiosk),
            )
            .await;
        assert!(other.is_ok(), "{other:?}");
    }
}
