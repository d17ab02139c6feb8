//! Data-subject requests (issue 6; requirements 15, 16, 17, 19): the request, the
//! photos it covers and the decision on each, the takedown checklist, the self-service
//! look-up by private code, corrections, and erasure. Every read of a request and every
//! change is audited with the subject `removal:{id}` (plus ids), so a request can show its
//! own trail; no value of personal data is ever written to the log.

use super::audit::append;
use super::{now_rfc3339, Actor, Conflict, Store, StoreError, StoreResult};
use crate::domain::journal::Erasure;
use crate::types::{AttendeeId, EventId, PhotoId, PublicId, RequestId};
use crate::types::{
    AuditRow, Consent, Field, PersonFields, PhotoDecision, Region, RequestKind, RequestStatus,
    Takedown,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A request as stored.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    pub id: RequestId,
    pub public_id: PublicId,
    pub attendee_id: AttendeeId,
    pub event_id: EventId,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub channel: String,
    pub identity_check: String,
    pub message: String,
    pub lang: String,
    pub received_at: String,
    pub closed_at: Option<String>,
    pub outcome_note: String,
    pub all_photos: bool,
    /// The person's name ("" without names or once erased).
    pub person: String,
    pub consent: Option<Consent>,
    pub erased: bool,
}

/// A request to open.
pub struct NewRequestRow {
    pub attendee_id: AttendeeId,
    pub kind: RequestKind,
    pub channel: crate::types::RequestChannel,
    pub identity_check: String,
    pub message: String,
    pub lang: String,
    /// The photos chosen (row ids); `None` = every photo of the person.
    pub photos: Option<Vec<PhotoId>>,
}

/// A photo in a request, with the decision on it.
#[derive(Clone, Debug)]
pub struct RequestItemRow {
    pub item: i64,
    pub label: i64,
    pub photo_id: Option<i64>,
    pub public_id: Option<String>,
    pub requested: bool,
    pub taken_at: Option<String>,
    pub region: Option<Region>,
    pub decision: Option<PhotoDecision>,
    pub reason: String,
    pub decided_at: Option<String>,
    pub published: usize,
}

/// A photo the attendee is tagged in.
#[derive(Clone, Debug)]
pub struct SubjectPhoto {
    pub id: PhotoId,
    pub public_id: PublicId,
    pub taken_at: Option<String>,
    pub uploaded_at: String,
}

const CASE_COLS: &str = "r.id, r.public_id, r.attendee_id, a.event_id, r.kind, r.status, r.channel,
     r.identity_check, r.message, r.lang, r.received_at, r.closed_at, r.outcome_note, r.all_photos,
     trim(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '')),
     (SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1),
     a.erased_at IS NOT NULL";

fn request_row(r: &rusqlite::Row) -> rusqlite::Result<RequestRecord> {
    let kind: String = r.get(4)?;
    let status: String = r.get(5)?;
    let consent: Option<String> = r.get(15)?;
    Ok(RequestRecord {
        id: r.get(0)?,
        public_id: r.get(1)?,
        attendee_id: r.get(2)?,
        event_id: r.get(3)?,
        kind: RequestKind::parse(&kind).unwrap_or(RequestKind::Removal),
        status: RequestStatus::parse(&status).unwrap_or(RequestStatus::Received),
        channel: r.get(6)?,
        identity_check: r.get(7)?,
        message: r.get(8)?,
        lang: r.get(9)?,
        received_at: r.get(10)?,
        closed_at: r.get(11)?,
        outcome_note: r.get(12)?,
        all_photos: r.get(13)?,
        person: r.get(14)?,
        consent: consent.as_deref().and_then(Consent::parse),
        erased: r.get(16)?,
    })
}

fn request_by_id(c: &Connection, id: RequestId) -> StoreResult<RequestRecord> {
    c.query_row(
        &format!(
            "SELECT {CASE_COLS} FROM requests r JOIN attendees a ON a.id = r.attendee_id
             WHERE r.id = ?1"
        ),
        [id],
        request_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound)
}

fn open_request_of(tx: &Transaction, request_id: RequestId) -> StoreResult<RequestRecord> {
    let request = request_by_id(tx, request_id)?;
    if !request.status.is_open() {
        return Err(StoreError::Conflict(Conflict::RequestClosed));
    }
    Ok(request)
}

/// Adds every photo the person is tagged in that the request does not list yet (requests for
/// all photos only), numbering them after the last label.
fn sync_items(tx: &Transaction, request: &RequestRecord) -> StoreResult<()> {
    if !request.kind.decides_photos() || !request.status.is_open() {
        return Ok(());
    }
    let mut stmt = tx.prepare(
        "SELECT t.photo_id FROM photo_tags t JOIN photos p ON p.id = t.photo_id
         WHERE t.attendee_id = ?1
           AND NOT EXISTS (SELECT 1 FROM request_photos i WHERE i.request_id = ?2 AND i.photo_id = t.photo_id)
         ORDER BY coalesce(p.taken_at, p.uploaded_at), p.id",
    )?;
    let missing = stmt
        .query_map(params![request.attendee_id, request.id], |r| {
            r.get::<_, PhotoId>(0)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for photo in missing {
        add_item(tx, request.id, photo, request.all_photos)?;
    }
    Ok(())
}

fn add_item(
    tx: &Transaction,
    request_id: RequestId,
    photo_id: PhotoId,
    requested: bool,
) -> StoreResult<i64> {
    let label: i64 = tx.query_row(
        "SELECT coalesce(max(label), 0) + 1 FROM request_photos WHERE request_id = ?1",
        [request_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO request_photos (request_id, photo_id, label, requested) VALUES (?1, ?2, ?3, ?4)",
        params![request_id, photo_id, label, requested],
    )?;
    Ok(tx.last_insert_rowid())
}

fn items(c: &Connection, request: &RequestRecord) -> StoreResult<Vec<RequestItemRow>> {
    let mut stmt = c.prepare(
        "SELECT i.id, i.label, i.photo_id, p.public_id, i.requested, p.taken_at,
                t.region_x, t.region_y, t.region_w, t.region_h, i.decision, i.reason, i.decided_at,
                (SELECT count(*) FROM publications pb WHERE pb.photo_id = i.photo_id)
         FROM request_photos i
         LEFT JOIN photos p ON p.id = i.photo_id
         LEFT JOIN photo_tags t ON t.photo_id = i.photo_id AND t.attendee_id = ?2
         WHERE i.request_id = ?1 ORDER BY i.label",
    )?;
    let rows = stmt
        .query_map(params![request.id, request.attendee_id], |r| {
            let region = match (
                r.get::<_, Option<f32>>(6)?,
                r.get::<_, Option<f32>>(7)?,
                r.get::<_, Option<f32>>(8)?,
                r.get::<_, Option<f32>>(9)?,
            ) {
                (Some(x), Some(y), Some(w), Some(h)) => Some(Region { x, y, w, h }),
                _ => None,
            };
            let decision: Option<String> = r.get(10)?;
            Ok(RequestItemRow {
                item: r.get(0)?,
                label: r.get(1)?,
                photo_id: r.get(2)?,
                public_id: r.get(3)?,
                requested: r.get(4)?,
                taken_at: r.get(5)?,
                region,
                decision: decision.as_deref().and_then(PhotoDecision::parse),
                reason: r.get(11)?,
                decided_at: r.get(12)?,
                published: r.get::<_, i64>(13)? as usize,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn takedowns(c: &Connection, request_id: RequestId) -> StoreResult<Vec<Takedown>> {
    let mut stmt = c.prepare(
        "SELECT d.id, i.label, d.channel, d.url, d.published_on, d.done_at, d.note
         FROM request_takedowns d JOIN request_photos i ON i.id = d.item_id
         WHERE d.request_id = ?1 ORDER BY i.label, d.id",
    )?;
    let rows = stmt
        .query_map([request_id], |r| {
            Ok(Takedown {
                id: r.get(0)?,
                label: r.get(1)?,
                channel: r.get(2)?,
                url: r.get(3)?,
                published_on: r.get(4)?,
                done_at: r.get(5)?,
                note: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The photos (public ids) an attendee is tagged in.
fn tagged_photos(c: &Connection, attendee_id: AttendeeId) -> StoreResult<Vec<PublicId>> {
    let mut stmt = c.prepare(
        "SELECT p.public_id FROM photos p
         WHERE p.id IN (SELECT photo_id FROM photo_tags WHERE attendee_id = ?1)
         ORDER BY p.id",
    )?;
    let rows = stmt
        .query_map([attendee_id], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn request_subject(request_id: RequestId) -> String {
    format!("removal:{request_id}")
}

/// Everything a request page needs, read in one go.
pub struct RequestBundle {
    pub request: RequestRecord,
    pub items: Vec<RequestItemRow>,
    pub takedowns: Vec<Takedown>,
    pub trail: Vec<AuditRow>,
}

fn bundle(tx: &Transaction, request_id: RequestId) -> StoreResult<RequestBundle> {
    let request = request_by_id(tx, request_id)?;
    sync_items(tx, &request)?;
    let items = items(tx, &request)?;
    let takedowns = takedowns(tx, request_id)?;
    let subject = request_subject(request_id);
    let mut stmt = tx.prepare(
        "SELECT id, at, actor, principal_kind, action, subject FROM audit_log
         WHERE subject = ?1 OR subject LIKE ?1 || ' %' ORDER BY id",
    )?;
    let trail = stmt
        .query_map([subject], super::audit::audit_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RequestBundle {
        request,
        items,
        takedowns,
        trail,
    })
}

/// What a decision changed, for the domain to finish on disk.
pub struct Decided {
    /// The photo's public id when its files must go (delete) or be replaced (blur).
    pub public_id: Option<String>,
    pub event_id: EventId,
}

/// Erases one person (issue 14 point 3 and 5, requirement 17): personal fields, code
/// hashes, the badge token (replaced by a fresh random one no badge carries), guardian
/// names and signatures, scans, tags (a photo still showing them is held, naming no
/// one), the uploaded file names of their photos, the free text of their requests and
/// corrections, and their place in breach lists. Consent rows keep only (row id, choice,
/// time, notice version, channel). Idempotent: erasing an erased person again changes
/// nothing that matters. `hold_lead` starts the subject of each `photo.hold` row,
/// `erase_lead` the `attendee.erase` row's. Returns the photos they were tagged in.
pub(super) fn wipe_person(
    tx: &Transaction,
    actor: &Actor,
    a: AttendeeId,
    hold_lead: &str,
    erase_lead: &str,
) -> StoreResult<Vec<PublicId>> {
    let token: String = tx.query_row(
        "SELECT badge_token FROM attendees WHERE id = ?1",
        [a],
        |r| r.get(0),
    )?;
    tx.execute(
        "DELETE FROM scans WHERE attendee_id = ?1 OR badge_token = ?2",
        params![a, token],
    )?;
    // Issue 14, point 3: a photo still showing the person (kept, or never decided)
    // loses their tag but not the block: an anonymous hold that names no one.
    let held: Vec<String> = tx
        .prepare(
            "SELECT p.public_id FROM photos p JOIN photo_tags t ON t.photo_id = p.id
             WHERE t.attendee_id = ?1 AND t.blurred_at IS NULL AND p.held_at IS NULL
             ORDER BY p.id",
        )?
        .query_map([a], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    tx.execute(
        "UPDATE photos SET held_at = ?2, reviewed_by = NULL, reviewed_at = NULL
         WHERE held_at IS NULL AND id IN
             (SELECT photo_id FROM photo_tags WHERE attendee_id = ?1 AND blurred_at IS NULL)",
        params![a, now_rfc3339()],
    )?;
    for public_id in held {
        append(
            tx,
            actor,
            "photo.hold",
            &format!("{hold_lead} photo:{public_id}"),
        )?;
    }
    let photos = tagged_photos(tx, a)?;
    tx.execute(
        "UPDATE photos SET original_name = NULL
     WHERE id IN (SELECT photo_id FROM photo_tags WHERE attendee_id = ?1)",
        [a],
    )?;
    tx.execute("DELETE FROM photo_tags WHERE attendee_id = ?1", [a])?;
    tx.execute(
        "UPDATE consents SET channel_ref = 'erased', guardian_name = NULL,
         guardian_confirmed = 0, signature_id = NULL WHERE attendee_id = ?1",
        [a],
    )?;
    tx.execute("DELETE FROM signatures WHERE attendee_id = ?1", [a])?;
    tx.execute(
        "UPDATE attendees SET first_name = NULL, last_name = NULL, organisation = NULL,
         role_title = NULL, email = NULL, phone = NULL, private_code_hash = NULL,
         checkin_code_hash = NULL, badge_token = ?2, erased_at = ?3
     WHERE id = ?1",
        params![
            a,
            format!("erased-{}", crate::domain::auth::random_token(16)),
            now_rfc3339()
        ],
    )?;
    tx.execute(
        "UPDATE requests SET message = '', identity_check = '' WHERE attendee_id = ?1",
        [a],
    )?;
    // Corrections made on the person's request hold free text about them.
    tx.execute(
        "DELETE FROM attendee_corrections WHERE attendee_id = ?1",
        [a],
    )?;
    // A breach's list of the people affected loses them; the record keeps the
    // number (issue 17).
    tx.execute("DELETE FROM breach_people WHERE attendee_id = ?1", [a])?;
    append(
        tx,
        actor,
        "attendee.erase",
        &format!("{erase_lead} photo_names_cleared:{}", photos.len()),
    )?;
    Ok(photos)
}

impl Store {
    /// The attendee a private code belongs to (by its hash): (attendee, event).
    /// Erased records have no code any more.
    pub async fn subject_by_code(
        &self,
        code_hash: String,
    ) -> StoreResult<Option<(AttendeeId, EventId)>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id, event_id FROM attendees WHERE private_code_hash = ?1 AND erased_at IS NULL",
                [code_hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })
        .await
    }

    /// The photos the attendee is tagged in, oldest first. Audited as `photo.list`.
    pub async fn subject_photos(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<SubjectPhoto>> {
        self.tx(move |tx| {
            append(tx, &actor, "photo.list", &format!("attendee:{attendee_id}"))?;
            let mut stmt = tx.prepare(
                "SELECT p.id, p.public_id, p.taken_at, p.uploaded_at FROM photo_tags t
                 JOIN photos p ON p.id = t.photo_id WHERE t.attendee_id = ?1
                 ORDER BY coalesce(p.taken_at, p.uploaded_at), p.id",
            )?;
            let rows = stmt
                .query_map([attendee_id], |r| {
                    Ok(SubjectPhoto {
                        id: r.get(0)?,
                        public_id: r.get(1)?,
                        taken_at: r.get(2)?,
                        uploaded_at: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Sets one personal field to `value` (already checked against the event's rules).
    /// Audited with the field's name, never its value.
    pub async fn correct_field(
        &self,
        actor: Actor,
        attendee_id: AttendeeId,
        field: Field,
        value: Option<String>,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            // The column name comes from the closed Field enum, never from input.
            let column = field.as_str();
            let n = tx.execute(
                &format!("UPDATE attendees SET {column} = ?2 WHERE id = ?1 AND erased_at IS NULL"),
                params![attendee_id, value],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            append(
                tx,
                &actor,
                "attendee.correct",
                &format!("attendee:{attendee_id} field:{column}"),
            )?;
            Ok(())
        })
        .await
    }

    /// The attendee's fields as stored (for a correction's rule check).
    pub async fn subject_fields(&self, attendee_id: AttendeeId) -> StoreResult<PersonFields> {
        self.with_conn(move |c| {
            c.query_row(
                "SELECT first_name, last_name, organisation, role_title, email, phone
                 FROM attendees WHERE id = ?1",
                [attendee_id],
                |r| {
                    Ok(PersonFields {
                        first_name: r.get(0)?,
                        last_name: r.get(1)?,
                        organisation: r.get(2)?,
                        role_title: r.get(3)?,
                        email: r.get(4)?,
                        phone: r.get(5)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// Opens a request. `Conflict::RequestOpen` when the person already has an open
    /// request of that kind; `Conflict::RecordErased` for an erased record.
    pub async fn open_request(&self, actor: Actor, c: NewRequestRow) -> StoreResult<String> {
        self.tx(move |tx| {
            let erased: bool = tx
                .query_row(
                    "SELECT erased_at IS NOT NULL FROM attendees WHERE id = ?1",
                    [c.attendee_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if erased {
                return Err(StoreError::Conflict(Conflict::RecordErased));
            }
            let open: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM requests WHERE attendee_id = ?1 AND kind = ?2
                                AND status IN ('received', 'in_review'))",
                params![c.attendee_id, c.kind.as_str()],
                |r| r.get(0),
            )?;
            if open {
                return Err(StoreError::Conflict(Conflict::RequestOpen));
            }
            let public_id = crate::domain::auth::random_token(16);
            tx.execute(
                "INSERT INTO requests (attendee_id, status, received_at, message, public_id,
                     kind, channel, identity_check, lang, all_photos)
                 VALUES (?1, 'received', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    c.attendee_id,
                    now_rfc3339(),
                    c.message,
                    public_id,
                    c.kind.as_str(),
                    c.channel.as_str(),
                    c.identity_check,
                    c.lang,
                    c.photos.is_none()
                ],
            )?;
            let id = RequestId::inserted(tx.last_insert_rowid());
            append(
                tx,
                &actor,
                "removal.open",
                &format!(
                    "{} attendee:{} kind:{}",
                    request_subject(id),
                    c.attendee_id,
                    c.kind.as_str()
                ),
            )?;
            if c.kind.decides_photos() {
                if let Some(chosen) = &c.photos {
                    for photo in chosen {
                        let tagged: bool = tx.query_row(
                            "SELECT EXISTS (SELECT 1 FROM photo_tags WHERE photo_id = ?1 AND attendee_id = ?2)",
                            params![photo, c.attendee_id],
                            |r| r.get(0),
                        )?;
                        if !tagged {
                            return Err(StoreError::Conflict(Conflict::PhotoUnknown));
                        }
                        add_item(tx, id, *photo, true)?;
                    }
                }
                let request = request_by_id(tx, id)?;
                sync_items(tx, &request)?;
            }
            Ok(public_id)
        })
        .await
    }

    /// A request's row id and event by its public id (no audit: ids only, for access checks).
    pub async fn request_ids(&self, public_id: PublicId) -> StoreResult<(RequestId, EventId)> {
        self.with_conn(move |c| {
            c.query_row(
                "SELECT r.id, a.event_id FROM requests r JOIN attendees a ON a.id = r.attendee_id
                 WHERE r.public_id = ?1",
                [public_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// The request with its photos (adding any newly tagged ones), takedowns and trail.
    /// Audited as `removal.view`.
    pub async fn request_bundle(
        &self,
        actor: Actor,
        request_id: RequestId,
    ) -> StoreResult<RequestBundle> {
        self.tx(move |tx| {
            append(tx, &actor, "removal.view", &request_subject(request_id))?;
            bundle(tx, request_id)
        })
        .await
    }

    /// The event's requests, open ones first. Audited as `removal.list`.
    pub async fn event_requests(
        &self,
        actor: Actor,
        event_id: EventId,
    ) -> StoreResult<Vec<RequestRecord>> {
        self.tx(move |tx| {
            append(tx, &actor, "removal.list", &format!("event:{event_id}"))?;
            let mut stmt = tx.prepare(&format!(
                "SELECT {CASE_COLS} FROM requests r JOIN attendees a ON a.id = r.attendee_id
                 WHERE a.event_id = ?1
                 ORDER BY r.status IN ('done', 'refused'), r.received_at, r.id"
            ))?;
            let rows = stmt
                .query_map([event_id], request_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// The attendee's own requests, newest first (they are the subject; not audited
    /// separately from the view that reads them).
    pub async fn subject_requests(
        &self,
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<RequestRecord>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {CASE_COLS} FROM requests r JOIN attendees a ON a.id = r.attendee_id
                 WHERE r.attendee_id = ?1 ORDER BY r.id DESC"
            ))?;
            let rows = stmt
                .query_map([attendee_id], request_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// received → in review.
    pub async fn review_request(&self, actor: Actor, request_id: RequestId) -> StoreResult<()> {
        self.tx(move |tx| {
            let request = open_request_of(tx, request_id)?;
            if request.status == RequestStatus::Received {
                tx.execute(
                    "UPDATE requests SET status = 'in_review' WHERE id = ?1",
                    [request_id],
                )?;
                append(
                    tx,
                    &actor,
                    "removal.status",
                    &format!("{} status:in_review", request_subject(request_id)),
                )?;
            }
            Ok(())
        })
        .await
    }

    /// Tags the person in a photo of their event (a scan-time suggestion accepted from
    /// the request page); the request lists it at once.
    pub async fn tag_for_request(
        &self,
        actor: Actor,
        request_id: RequestId,
        photo_id: PhotoId,
    ) -> StoreResult<()> {
        let user = match &actor {
            Actor::User { id, .. } => *id,
            _ => return Err(StoreError::Conflict(Conflict::NotAUser)),
        };
        self.tx(move |tx| {
            let request = open_request_of(tx, request_id)?;
            let photo_event: EventId = tx
                .query_row("SELECT event_id FROM photos WHERE id = ?1", [photo_id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if photo_event != request.event_id {
                return Err(StoreError::NotFound);
            }
            tx.execute(
                "INSERT OR IGNORE INTO photo_tags (photo_id, attendee_id, source, tagged_by, tagged_at)
                 VALUES (?1, ?2, 'suggestion', ?3, ?4)",
                params![photo_id, request.attendee_id, user, now_rfc3339()],
            )?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM request_photos WHERE request_id = ?1 AND photo_id = ?2)",
                params![request_id, photo_id],
                |r| r.get(0),
            )?;
            if !exists {
                add_item(tx, request_id, photo_id, false)?;
            }
            let public_id: String =
                tx.query_row("SELECT public_id FROM photos WHERE id = ?1", [photo_id], |r| {
                    r.get(0)
                })?;
            append(
                tx,
                &actor,
                "removal.tag",
                &format!(
                    "{} photo:{public_id} attendee:{}",
                    request_subject(request_id),
                    request.attendee_id
                ),
            )?;
            Ok(())
        })
        .await
    }

    /// The item's photo (row id, public id) in an open request, for the domain's checks.
    pub async fn request_item_photo(
        &self,
        request_id: RequestId,
        item: i64,
    ) -> StoreResult<(Option<i64>, Option<String>)> {
        self.with_conn(move |c| {
            c.query_row(
                "SELECT i.photo_id, p.public_id FROM request_photos i LEFT JOIN photos p ON p.id = i.photo_id
                 WHERE i.id = ?1 AND i.request_id = ?2",
                params![item, request_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// Records a decision. For delete and blur the photo's publications become takedown
    /// items; delete removes the photo's row (tags and ledger go with it, the request keeps
    /// its label); blur marks the person's tag as blurred with `region`. The files are
    /// the domain's: it replaced them before (blur) or removes them after (delete).
    pub async fn decide(
        &self,
        actor: Actor,
        request_id: RequestId,
        item: i64,
        decision: PhotoDecision,
        reason: String,
        region: Option<Region>,
    ) -> StoreResult<Decided> {
        let user = match &actor {
            Actor::User { id, .. } => *id,
            _ => return Err(StoreError::Conflict(Conflict::NotAUser)),
        };
        let journal = self.journal.clone();
        self.tx(move |tx| {
            let request = open_request_of(tx, request_id)?;
            let (photo_id, public_id): (Option<PhotoId>, Option<String>) = tx
                .query_row(
                    "SELECT i.photo_id, p.public_id FROM request_photos i
                     LEFT JOIN photos p ON p.id = i.photo_id WHERE i.id = ?1 AND i.request_id = ?2",
                    params![item, request_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            let (Some(photo_id), Some(public_id)) = (photo_id, public_id) else {
                return Err(StoreError::Conflict(Conflict::PhotoDeleted));
            };
            tx.execute(
                "UPDATE request_photos SET decision = ?2, reason = ?3, decided_by = ?4, decided_at = ?5
                 WHERE id = ?1",
                params![item, decision.as_str(), reason, user, now_rfc3339()],
            )?;
            // Takedowns still to do for this photo are replaced by what the new decision needs.
            tx.execute(
                "DELETE FROM request_takedowns WHERE item_id = ?1 AND done_at IS NULL AND note = ''",
                [item],
            )?;
            if decision != PhotoDecision::Keep {
                tx.execute(
                    "INSERT INTO request_takedowns (request_id, item_id, channel, url, published_on)
                     SELECT ?1, ?2, channel, url, published_on FROM publications WHERE photo_id = ?3
                       AND NOT EXISTS (SELECT 1 FROM request_takedowns d WHERE d.item_id = ?2
                                       AND d.channel = publications.channel AND d.url = publications.url)",
                    params![request_id, item, photo_id],
                )?;
            }
            let subject = format!(
                "{} item:{item} photo:{public_id} decision:{}",
                request_subject(request_id),
                decision.as_str()
            );
            append(tx, &actor, "removal.decide", &subject)?;
            match decision {
                PhotoDecision::Keep => Ok(Decided {
                    public_id: None,
                    event_id: request.event_id,
                }),
                PhotoDecision::Blur => {
                    let region = region.ok_or(StoreError::Conflict(Conflict::RegionMissing))?;
                    tx.execute(
                        "UPDATE photo_tags SET region_x = ?3, region_y = ?4, region_w = ?5,
                             region_h = ?6, blurred_at = ?7
                         WHERE photo_id = ?1 AND attendee_id = ?2",
                        params![
                            photo_id,
                            request.attendee_id,
                            region.x,
                            region.y,
                            region.w,
                            region.h,
                            now_rfc3339()
                        ],
                    )?;
                    tx.execute(
                        "UPDATE photos SET format = 'jpeg', orientation = 1 WHERE id = ?1",
                        [photo_id],
                    )?;
                    // Issue 17 point 8: a restored original would show the person again.
                    super::journal::record(
                        tx,
                        journal.as_deref(),
                        Erasure::PhotoBlur {
                            photo: photo_id,
                            attendee: request.attendee_id,
                            region,
                        },
                    )?;
                    Ok(Decided {
                        public_id: Some(public_id),
                        event_id: request.event_id,
                    })
                }
                PhotoDecision::Delete => {
                    tx.execute("DELETE FROM photos WHERE id = ?1", [photo_id])?;
                    append(
                        tx,
                        &actor,
                        "photo.delete",
                        &format!("{} photo:{public_id}", request_subject(request_id)),
                    )?;
                    super::journal::record(
                        tx,
                        journal.as_deref(),
                        Erasure::PhotoDelete { photo: photo_id },
                    )?;
                    Ok(Decided {
                        public_id: Some(public_id),
                        event_id: request.event_id,
                    })
                }
            }
        })
        .await
    }

    /// Sets a photo's stored size after its files were replaced by a blurred version.
    pub async fn set_photo_size(
        &self,
        public_id: String,
        width: u32,
        height: u32,
    ) -> StoreResult<()> {
        self.tx(move |c| {
            c.execute(
                "UPDATE photos SET width = ?2, height = ?3 WHERE public_id = ?1",
                params![public_id, width, height],
            )?;
            Ok(())
        })
        .await
    }

    /// Marks a takedown done, or explains why not (`note`), or reopens it.
    pub async fn update_takedown(
        &self,
        actor: Actor,
        request_id: RequestId,
        takedown_id: i64,
        done: bool,
        note: String,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            open_request_of(tx, request_id)?;
            let done_at = done.then(now_rfc3339);
            let n = tx.execute(
                "UPDATE request_takedowns SET done_at = ?3, note = ?4 WHERE id = ?1 AND request_id = ?2",
                params![takedown_id, request_id, done_at, note],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            let what = if done {
                "done"
            } else if note.is_empty() {
                "reopened"
            } else {
                "explained"
            };
            append(
                tx,
                &actor,
                "removal.takedown",
                &format!("{} takedown:{takedown_id} {what}", request_subject(request_id)),
            )?;
            Ok(())
        })
        .await
    }

    /// Closes a request as `done` or `refused` with a note. The domain checked the blockers.
    pub async fn close_request(
        &self,
        actor: Actor,
        request_id: RequestId,
        status: RequestStatus,
        note: String,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            open_request_of(tx, request_id)?;
            tx.execute(
                "UPDATE requests SET status = ?2, closed_at = ?3, outcome_note = ?4 WHERE id = ?1",
                params![request_id, status.as_str(), now_rfc3339(), note],
            )?;
            append(
                tx,
                &actor,
                "removal.status",
                &format!("{} status:{}", request_subject(request_id), status.as_str()),
            )?;
            Ok(())
        })
        .await
    }

    /// The public ids of the photos the person is tagged in (issue 14, point 5: their
    /// originals are rewritten without metadata before the person is erased).
    pub async fn tagged_photos_of(&self, attendee_id: AttendeeId) -> StoreResult<Vec<PublicId>> {
        self.with_conn(move |c| tagged_photos(c, attendee_id)).await
    }

    /// Records that a photo's original was rewritten (oriented, no metadata, JPEG):
    /// its stored size, orientation 1, format and byte count. The content hash of the
    /// upload stays, only as the duplicate check (the same file uploaded again is still
    /// the same photo). Audited as `photo.file.replace` with `subject` (ids only).
    pub async fn original_rewritten(
        &self,
        actor: Actor,
        public_id: PublicId,
        width: u32,
        height: u32,
        bytes: u64,
        subject: String,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            tx.execute(
                "UPDATE photos SET width = ?2, height = ?3, orientation = 1, format = 'jpeg',
                     bytes = ?4
                 WHERE public_id = ?1",
                params![public_id, width, height, bytes as i64],
            )?;
            append(tx, &actor, "photo.file.replace", &subject)?;
            Ok(())
        })
        .await
    }

    /// Erases the person of an erasure request and closes it as done, in one transaction:
    /// personal fields, private and check-in code hashes, the badge token (replaced by a
    /// fresh random one no badge carries), guardian names and signatures, scans, tags,
    /// the uploaded file name of every photo they are tagged in (it may be their name),
    /// and the free text of their requests and of the corrections made at their request. Consent rows keep only (attendee row id,
    /// choice, time, notice version, channel), so every count still adds up. The audit
    /// row names ids only. Returns the photos they were tagged in (whose originals the
    /// caller rewrites without metadata).
    pub async fn erase_subject(
        &self,
        actor: Actor,
        request_id: RequestId,
    ) -> StoreResult<Vec<PublicId>> {
        let journal = self.journal.clone();
        let photos = self
            .tx(move |tx| {
                let request = open_request_of(tx, request_id)?;
                if request.kind != RequestKind::Erasure {
                    return Err(StoreError::Conflict(Conflict::NotErasure));
                }
                let a = request.attendee_id;
                let lead = request_subject(request_id);
                let photos = wipe_person(tx, &actor, a, &lead, &format!("{lead} attendee:{a}"))?;
                tx.execute(
                    "UPDATE requests SET status = 'done', closed_at = ?2 WHERE id = ?1",
                    params![request_id, now_rfc3339()],
                )?;
                append(
                    tx,
                    &actor,
                    "removal.status",
                    &format!("{} status:done", request_subject(request_id)),
                )?;
                // Issue 17 point 8: in the erasure journal before the commit.
                super::journal::record(
                    tx,
                    journal.as_deref(),
                    Erasure::Attendee {
                        attendee: a,
                        request: request_id,
                    },
                )?;
                Ok(photos)
            })
            .await?;
        // Move the committed pages into the database file and empty the WAL, so the
        // erased values survive in no file (secure_delete zeroed their old cells).
        self.with_conn(|c| {
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            Ok(())
        })
        .await?;
        Ok(photos)
    }

    /// Photos of the event the person is not tagged in, with a capture time, for the
    /// scan-time suggestions: (photo row id, public id, uploader id, uploader email,
    /// taken_at).
    pub async fn untagged_photos_for(
        &self,
        event_id: EventId,
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<(PhotoId, PublicId, i64, String, String)>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT p.id, p.public_id, p.uploaded_by, u.email, p.taken_at FROM photos p
                 JOIN users u ON u.id = p.uploaded_by
                 WHERE p.event_id = ?1 AND p.taken_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM photo_tags t WHERE t.photo_id = p.id AND t.attendee_id = ?2)
                 ORDER BY p.taken_at",
            )?;
            let rows = stmt
                .query_map(params![event_id, attendee_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// The person's scans at the event: (scanning user, time the scan happened).
    pub async fn subject_scans(
        &self,
        attendee_id: AttendeeId,
    ) -> StoreResult<Vec<(i64, i64, String)>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT id, user_id, coalesce(device_time, received_at) FROM scans
                 WHERE attendee_id = ?1 ORDER BY id",
            )?;
            let rows = stmt
                .query_map([attendee_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

#[cfg(test)]
mod tests;
