//! The photo library (issue 5; requirements 11, 14, 16, 22, 23): photos, who is tagged
//! in them, photographers' clock offsets, the publication ledger and whether a removal
//! request is pending. Reads of photos and tags are audited; the files are the domain's.

use super::audit::append;
use super::{now_rfc3339, Actor, Store, StoreError, StoreResult};
use crate::types::{AttendeeId, EventId, PhotoId, PublicId};
use crate::types::{Consent, Photographer, Publication, Region};
use rusqlite::{params, Connection, OptionalExtension};

const CURRENT: &str =
    "(SELECT choice FROM consents WHERE attendee_id = a.id ORDER BY id DESC LIMIT 1)";
/// Held back: a request of the person is open, or they objected to or restricted
/// processing and the organiser accepted it (issue 6).
const PENDING: &str = "EXISTS (SELECT 1 FROM requests r
     WHERE r.attendee_id = a.id AND (r.status IN ('received', 'in_review')
        OR (r.status = 'done' AND r.kind IN ('objection', 'restriction'))))";
const NAME: &str = "trim(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, ''))";

/// A photo as ingested, before it has a row.
pub struct NewPhoto {
    pub public_id: String,
    pub event_id: EventId,
    pub uploaded_by: i64,
    pub sha256: String,
    /// `jpeg` or `png`.
    pub format: &'static str,
    pub bytes: i64,
    pub width: u32,
    pub height: u32,
    pub orientation: u16,
    pub original_name: Option<String>,
    pub camera_time: Option<String>,
    pub camera_serial: Option<String>,
    pub taken_at: Option<String>,
}

/// A photo's row.
#[derive(Clone, Debug)]
pub struct PhotoRow {
    pub id: PhotoId,
    pub public_id: PublicId,
    pub event_id: EventId,
    pub uploaded_by: i64,
    pub photographer: String,
    pub format: String,
    pub width: u32,
    pub height: u32,
    pub taken_at: Option<String>,
    pub uploaded_at: String,
    pub no_people: bool,
    pub publish_blurred: bool,
    pub original_name: Option<String>,
    pub camera_time: Option<String>,
    pub camera_serial: Option<String>,
    /// The organiser or admin who marked it reviewed after its last change, and when
    /// (issue 14, point 1); `None` until one does, and again after any change.
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    /// Someone was tagged in it at some time (so it cannot become "no people").
    pub ever_tagged: bool,
    /// Held for good by an erasure whose organiser kept the photo (issue 14, point 3).
    pub held: bool,
    /// Kept in the event's internal archive past the photo period (issue 15): its
    /// organisers only.
    pub archived: bool,
}

/// A person tagged in a photo, with their current consent.
#[derive(Clone, Debug)]
pub struct TagRow {
    pub id: i64,
    pub photo_id: PhotoId,
    pub attendee_id: AttendeeId,
    /// First and last name; empty when the event collects no names.
    pub name: String,
    pub consent: Option<Consent>,
    pub removal_pending: bool,
    pub region: Option<Region>,
    pub source: String,
    /// Blurred out of the photo for good by a removal decision: no longer identifiable.
    pub blurred: bool,
    /// The account that added the tag.
    pub tagged_by: i64,
}

/// What the publish gate's rules need to know about one tag before a change (issue 14,
/// point 1): no names, read only to decide whether the change is allowed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TagFacts {
    pub tag_id: i64,
    pub tagged_by: i64,
    /// The person's current choice is red.
    pub red: bool,
    pub has_region: bool,
    /// A request of the person is open (or an accepted objection or restriction).
    pub pending: bool,
    /// Blurred out for good by a removal decision.
    pub blurred: bool,
}

/// A badge scan by the photographer, with the attendee it belongs to.
#[derive(Clone, Debug)]
pub struct ScanRow {
    pub scan_id: i64,
    pub attendee_id: AttendeeId,
    /// The scanning device's time if it sent one, else the server's, RFC 3339.
    pub at: String,
    pub name: String,
    pub consent: Option<Consent>,
}

const PHOTO_COLS: &str = "p.id, p.public_id, p.event_id, p.uploaded_by, u.email, p.format, p.width,
     p.height, p.taken_at, p.uploaded_at, p.no_people, p.publish_blurred, p.original_name,
     p.camera_time, p.camera_serial, (SELECT email FROM users r WHERE r.id = p.reviewed_by),
     p.reviewed_at, p.ever_tagged, p.held_at IS NOT NULL, p.archived_at IS NOT NULL";

fn photo_row(r: &rusqlite::Row) -> rusqlite::Result<PhotoRow> {
    Ok(PhotoRow {
        id: r.get(0)?,
        public_id: r.get(1)?,
        event_id: r.get(2)?,
        uploaded_by: r.get(3)?,
        photographer: r.get(4)?,
        format: r.get(5)?,
        width: r.get(6)?,
        height: r.get(7)?,
        taken_at: r.get(8)?,
        uploaded_at: r.get(9)?,
        no_people: r.get(10)?,
        publish_blurred: r.get(11)?,
        original_name: r.get(12)?,
        camera_time: r.get(13)?,
        camera_serial: r.get(14)?,
        reviewed_by: r.get(15)?,
        reviewed_at: r.get(16)?,
        ever_tagged: r.get(17)?,
        held: r.get(18)?,
        archived: r.get(19)?,
    })
}

/// Photos of an event (optionally one uploader's, or one photo) with their tags.
pub(super) fn photos_with_tags(
    c: &Connection,
    event_id: EventId,
    uploader: Option<i64>,
    photo: Option<PhotoId>,
) -> StoreResult<Vec<(PhotoRow, Vec<TagRow>)>> {
    let mut stmt = c.prepare(&format!(
        "SELECT {PHOTO_COLS} FROM photos p JOIN users u ON u.id = p.uploaded_by
         WHERE p.event_id = ?1 AND (?2 IS NULL OR (p.uploaded_by = ?2 AND p.archived_at IS NULL))
           AND (?3 IS NULL OR p.id = ?3)
         ORDER BY coalesce(p.taken_at, p.uploaded_at) DESC, p.id DESC"
    ))?;
    let photos = stmt
        .query_map(params![event_id, uploader, photo], photo_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let mut stmt = c.prepare(&format!(
        "SELECT t.id, t.photo_id, t.attendee_id, {NAME}, {CURRENT}, {PENDING},
                t.region_x, t.region_y, t.region_w, t.region_h, t.source, t.blurred_at IS NOT NULL,
                t.tagged_by
         FROM photo_tags t JOIN photos p ON p.id = t.photo_id JOIN attendees a ON a.id = t.attendee_id
         WHERE p.event_id = ?1 AND (?2 IS NULL OR p.uploaded_by = ?2) AND (?3 IS NULL OR p.id = ?3)
         ORDER BY t.id"
    ))?;
    let tags = stmt
        .query_map(params![event_id, uploader, photo], |r| {
            let consent: Option<String> = r.get(4)?;
            let region = match (
                r.get::<_, Option<f32>>(6)?,
                r.get::<_, Option<f32>>(7)?,
                r.get::<_, Option<f32>>(8)?,
                r.get::<_, Option<f32>>(9)?,
            ) {
                (Some(x), Some(y), Some(w), Some(h)) => Some(Region { x, y, w, h }),
                _ => None,
            };
            Ok(TagRow {
                id: r.get(0)?,
                photo_id: r.get(1)?,
                attendee_id: r.get(2)?,
                name: r.get(3)?,
                consent: consent.as_deref().and_then(Consent::parse),
                removal_pending: r.get(5)?,
                region,
                source: r.get(10)?,
                blurred: r.get(11)?,
                tagged_by: r.get(12)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut by_photo: std::collections::HashMap<PhotoId, Vec<TagRow>> = Default::default();
    for t in tags {
        by_photo.entry(t.photo_id).or_default().push(t);
    }
    Ok(photos
        .into_iter()
        .map(|p| {
            let tags = by_photo.remove(&p.id).unwrap_or_default();
            (p, tags)
        })
        .collect())
}

impl Store {
    /// Adds a photo unless the event already has one with the same content: then the
    /// existing photo's public id comes back with `duplicate = true`. Audited.
    pub async fn insert_photo(&self, actor: Actor, p: NewPhoto) -> StoreResult<(String, bool)> {
        self.tx(move |tx| {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT public_id FROM photos WHERE event_id = ?1 AND sha256 = ?2",
                    params![p.event_id, p.sha256],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Ok((id, true));
            }
            tx.execute(
                "INSERT INTO photos (public_id, event_id, uploaded_by, sha256, format, bytes, width,
                     height, orientation, original_name, camera_time, camera_serial, taken_at,
                     uploaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    p.public_id,
                    p.event_id,
                    p.uploaded_by,
                    p.sha256,
                    p.format,
                    p.bytes,
                    p.width,
                    p.height,
                    p.orientation,
                    p.original_name,
                    p.camera_time,
                    p.camera_serial,
                    p.taken_at,
                    now_rfc3339()
                ],
            )?;
            append(
                tx,
                &actor,
                "photo.upload",
                &format!("photo:{}", p.public_id),
            )?;
            Ok((p.public_id, false))
        })
        .await
    }

    /// The public id of the event's photo with this content hash, if any.
    pub async fn photo_by_hash(
        &self,
        event_id: EventId,
        sha256: String,
    ) -> StoreResult<Option<String>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT public_id FROM photos WHERE event_id = ?1 AND sha256 = ?2",
                params![event_id, sha256],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    /// Every photo's public id (the start-up sweep matches files to rows; no personal
    /// data, not audited).
    pub async fn photo_public_ids(&self) -> StoreResult<std::collections::HashSet<String>> {
        self.with_conn(|c| {
            let mut st = c.prepare("SELECT public_id FROM photos")?;
            let ids = st
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()?;
            Ok(ids)
        })
        .await
    }

    /// A photo's row by its public id (for access checks and serving files; not audited
    /// here, the caller audits what it shows).
    pub async fn photo_by_public_id(&self, public_id: PublicId) -> StoreResult<PhotoRow> {
        self.with_conn(move |c| {
            c.query_row(
                &format!(
                    "SELECT {PHOTO_COLS} FROM photos p JOIN users u ON u.id = p.uploaded_by
                     WHERE p.public_id = ?1"
                ),
                [public_id],
                photo_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// The library: photos of an event with their tags (`uploader` limits it to one
    /// photographer's own uploads). Audited as `photo.list`.
    pub async fn photo_library(
        &self,
        actor: Actor,
        event_id: EventId,
        uploader: Option<i64>,
    ) -> StoreResult<Vec<(PhotoRow, Vec<TagRow>)>> {
        self.tx(move |tx| {
            append(tx, &actor, "photo.list", &format!("event:{event_id}"))?;
            photos_with_tags(tx, event_id, uploader, None)
        })
        .await
    }

    /// One photo with its tags. Audited as `action` (`photo.view`, `photo.export`, ...).
    pub async fn photo_with_tags(
        &self,
        actor: Actor,
        action: &'static str,
        photo_id: PhotoId,
    ) -> StoreResult<(PhotoRow, Vec<TagRow>)> {
        self.tx(move |tx| {
            let (event_id, public_id): (EventId, String) = tx
                .query_row(
                    "SELECT event_id, public_id FROM photos WHERE id = ?1",
                    [photo_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            append(tx, &actor, action, &format!("photo:{public_id}"))?;
            photos_with_tags(tx, event_id, None, Some(photo_id))?
                .pop()
                .ok_or(StoreError::NotFound)
        })
        .await
    }

    /// Every photo of the event with tags, for building an export, and the event's
    /// [`export fingerprint`](Self::export_fingerprint) read in the same transaction.
    /// Audited once.
    pub async fn photos_for_export(
        &self,
        actor: Actor,
        event_id: EventId,
    ) -> StoreResult<(Vec<(PhotoRow, Vec<TagRow>)>, String)> {
        self.tx(move |tx| {
            append(tx, &actor, "photo.export", &format!("event:{event_id}"))?;
            let rows = photos_with_tags(tx, event_id, None, None)?;
            Ok((rows, fingerprint(tx, event_id)?))
        })
        .await
    }

    /// A digest of everything that decides which photos of the event may be published
    /// and how (issue 14, point 2): each reviewed or held photo's review, marks, hold and
    /// size, and its tags with their regions and blur; the latest consent row; every
    /// request's status and each photo decision; erasures. A photo nobody reviewed cannot
    /// be in an export, and any change of its people clears a review, so new uploads and
    /// tags on them leave the digest alone. Equal digests mean an export built then is
    /// still right.
    pub async fn export_fingerprint(&self, event_id: EventId) -> StoreResult<String> {
        self.with_conn(move |c| fingerprint(c, event_id)).await
    }

    /// The badges `user_id` scanned at the event that belong to an attendee.
    pub async fn scans_of_user(
        &self,
        event_id: EventId,
        user_id: i64,
    ) -> StoreResult<Vec<ScanRow>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT s.id, s.attendee_id, coalesce(s.device_time, s.received_at), {NAME}, {CURRENT}
                 FROM scans s JOIN attendees a ON a.id = s.attendee_id
                 WHERE s.event_id = ?1 AND s.user_id = ?2 ORDER BY s.id"
            ))?;
            let rows = stmt
                .query_map(params![event_id, user_id], |r| {
                    let consent: Option<String> = r.get(4)?;
                    Ok(ScanRow {
                        scan_id: r.get(0)?,
                        attendee_id: r.get(1)?,
                        at: r.get(2)?,
                        name: r.get(3)?,
                        consent: consent.as_deref().and_then(Consent::parse),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// The attendee a scan of `user_id` belongs to, if it is at this event.
    pub async fn scan_attendee(
        &self,
        event_id: EventId,
        user_id: i64,
        scan_id: i64,
    ) -> StoreResult<Option<AttendeeId>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT attendee_id FROM scans WHERE id = ?1 AND event_id = ?2 AND user_id = ?3",
                params![scan_id, event_id, user_id],
                |r| r.get::<_, Option<AttendeeId>>(0),
            )
            .optional()?
            .flatten())
        })
        .await
    }

    /// The attendee with this badge token at this event, if any.
    pub async fn attendee_at_event_by_badge(
        &self,
        event_id: EventId,
        token: String,
    ) -> StoreResult<Option<AttendeeId>> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT id FROM attendees WHERE badge_token = ?1 AND event_id = ?2",
                params![token, event_id],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    /// Tags a person in a photo (the attendee must be at the photo's event). Tagging
    /// someone already tagged changes nothing. Audited as `photo.tag`.
    pub async fn add_tag(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        attendee_id: AttendeeId,
        source: &'static str,
        region: Option<Region>,
    ) -> StoreResult<()> {
        let user = user_id_of(&actor)?;
        self.tx(move |tx| {
            let (same_event, public_id): (bool, String) = tx
                .query_row(
                    "SELECT p.event_id = (SELECT event_id FROM attendees WHERE id = ?2), p.public_id
                     FROM photos p WHERE p.id = ?1",
                    params![photo_id, attendee_id],
                    |r| Ok((r.get::<_, Option<bool>>(0)?.unwrap_or(false), r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if !same_event {
                return Err(StoreError::NotFound);
            }
            let added = tx.execute(
                "INSERT OR IGNORE INTO photo_tags (photo_id, attendee_id, source, region_x, region_y,
                     region_w, region_h, tagged_by, tagged_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    photo_id,
                    attendee_id,
                    source,
                    region.map(|r| r.x),
                    region.map(|r| r.y),
                    region.map(|r| r.w),
                    region.map(|r| r.h),
                    user,
                    now_rfc3339()
                ],
            )?;
            if added > 0 {
                tx.execute("UPDATE photos SET ever_tagged = 1 WHERE id = ?1", [photo_id])?;
                clear_review(tx, photo_id)?;
                append(
                    tx,
                    &actor,
                    "photo.tag",
                    &format!("photo:{public_id} attendee:{attendee_id}"),
                )?;
            }
            Ok(())
        })
        .await
    }

    /// The facts about every tag of a photo that decide whether a change is allowed.
    pub async fn tag_facts(&self, photo_id: PhotoId) -> StoreResult<Vec<TagFacts>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT t.id, t.tagged_by, coalesce({CURRENT} = 'red', 0), t.region_x IS NOT NULL,
                        {PENDING}, t.blurred_at IS NOT NULL
                 FROM photo_tags t JOIN attendees a ON a.id = t.attendee_id
                 WHERE t.photo_id = ?1 ORDER BY t.id"
            ))?;
            let rows = stmt
                .query_map([photo_id], |r| {
                    Ok(TagFacts {
                        tag_id: r.get(0)?,
                        tagged_by: r.get(1)?,
                        red: r.get(2)?,
                        has_region: r.get(3)?,
                        pending: r.get(4)?,
                        blurred: r.get(5)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Removes a tag. Audited as `photo.untag`.
    pub async fn remove_tag(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        tag_id: i64,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let (public_id, attendee): (String, i64) = tag_subject(tx, photo_id, tag_id)?;
            tx.execute("DELETE FROM photo_tags WHERE id = ?1", [tag_id])?;
            clear_review(tx, photo_id)?;
            append(
                tx,
                &actor,
                "photo.untag",
                &format!("photo:{public_id} attendee:{attendee}"),
            )?;
            Ok(())
        })
        .await
    }

    /// Sets or clears a tag's region. Audited as `photo.region`.
    pub async fn set_tag_region(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        tag_id: i64,
        region: Option<Region>,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let (public_id, attendee) = tag_subject(tx, photo_id, tag_id)?;
            tx.execute(
                "UPDATE photo_tags SET region_x = ?2, region_y = ?3, region_w = ?4, region_h = ?5
                 WHERE id = ?1",
                params![
                    tag_id,
                    region.map(|r| r.x),
                    region.map(|r| r.y),
                    region.map(|r| r.w),
                    region.map(|r| r.h)
                ],
            )?;
            clear_review(tx, photo_id)?;
            append(
                tx,
                &actor,
                "photo.region",
                &format!("photo:{public_id} attendee:{attendee}"),
            )?;
            Ok(())
        })
        .await
    }

    /// Marks a photo as showing no identifiable people (or clears the mark). Audited.
    pub async fn set_no_people(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        value: bool,
    ) -> StoreResult<()> {
        self.set_photo_flag(actor, photo_id, "no_people", value)
            .await
    }

    /// The organiser's "publish blurred" choice. Audited.
    pub async fn set_publish_blurred(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        value: bool,
    ) -> StoreResult<()> {
        self.set_photo_flag(actor, photo_id, "publish_blurred", value)
            .await
    }

    async fn set_photo_flag(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        column: &'static str,
        value: bool,
    ) -> StoreResult<()> {
        self.tx(move |tx| {
            let public_id = public_id_of(tx, photo_id)?;
            // `column` is one of two constants above, never input.
            tx.execute(
                &format!("UPDATE photos SET {column} = ?2 WHERE id = ?1"),
                params![photo_id, value],
            )?;
            if column == "no_people" {
                clear_review(tx, photo_id)?;
            }
            append(
                tx,
                &actor,
                &format!("photo.{column}"),
                &format!("photo:{public_id} value:{value}"),
            )?;
            Ok(())
        })
        .await
    }

    /// Marks the photo reviewed by `actor` now (or clears the mark). Audited as
    /// `photo.review`. Who may review is the domain's decision.
    pub async fn set_reviewed(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        reviewed: bool,
    ) -> StoreResult<()> {
        let by = user_id_of(&actor)?;
        self.tx(move |tx| {
            let public_id = public_id_of(tx, photo_id)?;
            tx.execute(
                "UPDATE photos SET reviewed_by = ?2, reviewed_at = ?3 WHERE id = ?1",
                params![photo_id, reviewed.then_some(by), reviewed.then(now_rfc3339)],
            )?;
            append(
                tx,
                &actor,
                "photo.review",
                &format!("photo:{public_id} value:{reviewed}"),
            )?;
            Ok(())
        })
        .await
    }

    /// A photographer's camera clock offset at an event (0 when never set).
    pub async fn clock_offset(&self, event_id: EventId, user_id: i64) -> StoreResult<i64> {
        self.with_conn(move |c| {
            Ok(c.query_row(
                "SELECT offset_seconds FROM photographer_clocks WHERE event_id = ?1 AND user_id = ?2",
                params![event_id, user_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
        })
        .await
    }

    /// Sets a photographer's camera clock offset. Audited as `photo.clock`.
    pub async fn set_clock_offset(
        &self,
        actor: Actor,
        event_id: EventId,
        user_id: i64,
        offset_seconds: i64,
    ) -> StoreResult<()> {
        let by = user_id_of(&actor)?;
        self.tx(move |tx| {
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1)",
                [user_id],
                |r| r.get(0),
            )?;
            if !known {
                return Err(StoreError::NotFound);
            }
            tx.execute(
                "INSERT INTO photographer_clocks (event_id, user_id, offset_seconds, set_by, set_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (event_id, user_id) DO UPDATE SET offset_seconds = ?3, set_by = ?4, set_at = ?5",
                params![event_id, user_id, offset_seconds, by, now_rfc3339()],
            )?;
            append(
                tx,
                &actor,
                "photo.clock",
                &format!("event:{event_id} user:{user_id} offset:{offset_seconds}"),
            )?;
            Ok(())
        })
        .await
    }

    /// Everyone who uploaded photos to the event, and everyone who scanned there, with
    /// their clock offsets.
    pub async fn event_photographers(&self, event_id: EventId) -> StoreResult<Vec<Photographer>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT u.id, u.email, coalesce(
                     (SELECT offset_seconds FROM photographer_clocks k
                      WHERE k.event_id = ?1 AND k.user_id = u.id), 0)
                 FROM users u
                 WHERE u.id IN (SELECT uploaded_by FROM photos WHERE event_id = ?1)
                 ORDER BY u.email",
            )?;
            let rows = stmt
                .query_map([event_id], |r| {
                    Ok(Photographer {
                        id: r.get(0)?,
                        email: r.get(1)?,
                        offset_seconds: r.get(2)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    /// Records where a photo was published. Audited as `photo.publication`.
    pub async fn add_publication(
        &self,
        actor: Actor,
        photo_id: PhotoId,
        channel: &'static str,
        url: String,
        published_on: String,
    ) -> StoreResult<()> {
        let by = user_id_of(&actor)?;
        self.tx(move |tx| {
            let public_id = public_id_of(tx, photo_id)?;
            tx.execute(
                "INSERT INTO publications (photo_id, channel, url, published_on, recorded_by, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![photo_id, channel, url, published_on, by, now_rfc3339()],
            )?;
            append(
                tx,
                &actor,
                "photo.publication",
                &format!("photo:{public_id} channel:{channel}"),
            )?;
            Ok(())
        })
        .await
    }

    /// Where a photo was published, oldest first.
    pub async fn publications(&self, photo_id: PhotoId) -> StoreResult<Vec<Publication>> {
        self.with_conn(move |c| {
            let mut stmt = c.prepare(
                "SELECT id, channel, url, published_on, recorded_at FROM publications
                 WHERE photo_id = ?1 ORDER BY published_on, id",
            )?;
            let rows = stmt
                .query_map([photo_id], |r| {
                    Ok(Publication {
                        id: r.get(0)?,
                        channel: r.get(1)?,
                        url: r.get(2)?,
                        published_on: r.get(3)?,
                        recorded_at: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }
}

fn fingerprint(c: &Connection, event_id: EventId) -> StoreResult<String> {
    use sha2::{Digest, Sha256};
    const PARTS: &str = "
        SELECT 'p' || id || ':' || coalesce(reviewed_at, '') || ':' || no_people || ':'
            || publish_blurred || ':' || coalesce(held_at, '') || ':' || width || 'x' || height
        FROM photos WHERE event_id = ?1 AND (reviewed_at IS NOT NULL OR held_at IS NOT NULL)
        UNION ALL
        SELECT 't' || t.id || ':' || t.photo_id || ':' || t.attendee_id || ':'
            || coalesce(t.region_x, '') || ',' || coalesce(t.region_y, '') || ','
            || coalesce(t.region_w, '') || ',' || coalesce(t.region_h, '') || ':'
            || coalesce(t.blurred_at, '')
        FROM photo_tags t JOIN photos p ON p.id = t.photo_id
        WHERE p.event_id = ?1 AND (p.reviewed_at IS NOT NULL OR p.held_at IS NOT NULL)
        UNION ALL
        SELECT 'c' || coalesce(max(c.id), 0) || ':' || count(*)
        FROM consents c JOIN attendees a ON a.id = c.attendee_id WHERE a.event_id = ?1
        UNION ALL
        SELECT 'r' || r.id || ':' || r.status || ':' || coalesce(r.closed_at, '')
        FROM requests r JOIN attendees a ON a.id = r.attendee_id WHERE a.event_id = ?1
        UNION ALL
        SELECT 'd' || i.id || ':' || coalesce(i.decision, '') || ':' || coalesce(i.decided_at, '')
        FROM request_photos i JOIN requests r ON r.id = i.request_id
            JOIN attendees a ON a.id = r.attendee_id WHERE a.event_id = ?1
        UNION ALL
        SELECT 'e' || count(*) FROM attendees WHERE event_id = ?1 AND erased_at IS NOT NULL
        ORDER BY 1";
    let mut stmt = c.prepare(PARTS)?;
    let mut rows = stmt.query([event_id])?;
    let mut h = Sha256::new();
    while let Some(r) = rows.next()? {
        let part: String = r.get(0)?;
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    Ok(hex::encode(h.finalize()))
}

/// Any change of a photo's people (tags, regions, the "no people" mark) undoes the
/// organiser's review: they must look again before it can be published.
fn clear_review(c: &Connection, photo_id: PhotoId) -> StoreResult<()> {
    c.execute(
        "UPDATE photos SET reviewed_by = NULL, reviewed_at = NULL WHERE id = ?1",
        [photo_id],
    )?;
    Ok(())
}

fn public_id_of(c: &Connection, photo_id: PhotoId) -> StoreResult<String> {
    c.query_row(
        "SELECT public_id FROM photos WHERE id = ?1",
        [photo_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::NotFound)
}

fn tag_subject(c: &Connection, photo_id: PhotoId, tag_id: i64) -> StoreResult<(String, i64)> {
    c.query_row(
        "SELECT p.public_id, t.attendee_id FROM photo_tags t JOIN photos p ON p.id = t.photo_id
         WHERE t.id = ?1 AND t.photo_id = ?2",
        params![tag_id, photo_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(StoreError::NotFound)
}

fn user_id_of(actor: &Actor) -> StoreResult<i64> {
    match actor {
        Actor::User { id, .. } => Ok(*id),
        _ => Err(StoreError::Internal(
            "photo changes need a signed-in user".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::photos::{self, PhotoAccess};
    use crate::domain::store::test_support::{
        english_notice, kiosk_attendee, kiosk_consent as consent, register, store_with_event,
    };
    use crate::types::{PersonFields, PhotoState, Role, ScanIn};

    async fn attendee(
        s: &Store,
        actor: &Actor,
        ev: EventId,
        token: &str,
        choice: Consent,
    ) -> AttendeeId {
        let notice = s.current_notice(ev, "en".into()).await.unwrap().unwrap();
        let fields = PersonFields {
            first_name: Some(format!("Name-{token}")),
            ..Default::default()
        };
        let a = kiosk_attendee(ev, token, fields);
        register(s, actor, a, consent(choice, notice.reference())).await
    }

    fn photo(ev: EventId, by: i64, sha: &str, taken_at: Option<&str>) -> NewPhoto {
        NewPhoto {
            public_id: format!("pid-{sha}"),
            event_id: ev,
            uploaded_by: by,
            sha256: sha.into(),
            format: "jpeg",
            bytes: 10,
            width: 60,
            height: 40,
            orientation: 1,
            original_name: Some("IMG_1.JPG".into()),
            camera_time: None,
            camera_serial: None,
            taken_at: taken_at.map(String::from),
        }
    }

    async fn setup() -> (Store, EventId, Actor, i64) {
        let (s, ev, actor) = store_with_event().await;
        english_notice(&s, &actor, ev).await;
        let Actor::User { id, .. } = actor else {
            unreachable!()
        };
        (s, ev, actor, id)
    }

    async fn state_of(s: &Store, actor: &Actor, photo_id: PhotoId) -> PhotoState {
        let (p, tags) = s
            .photo_with_tags(actor.clone(), "photo.view", photo_id)
            .await
            .unwrap();
        photos::gate(photos::Marks::of(&p), &tags, true).state
    }

    /// Requirement 11/14: a change of consent to red blocks that person's photos at once,
    /// and an open removal request blocks them too.
    #[tokio::test]
    async fn consent_change_to_red_blocks_the_photo_at_once() {
        let (s, ev, actor, org) = setup().await;
        let anna = attendee(&s, &actor, ev, "tok-anna", Consent::Green).await;
        let (pid, dup) = s
            .insert_photo(actor.clone(), photo(ev, org, "aa", None))
            .await
            .unwrap();
        assert!(!dup);
        let row = s.photo_by_public_id(pid.clone().into()).await.unwrap().id;
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::NeedsReview);
        s.add_tag(actor.clone(), row, anna, "badge", None)
            .await
            .unwrap();
        // Issue 14: green people alone do not publish it; an organiser's review does.
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::NeedsReview);
        s.set_reviewed(actor.clone(), row, true).await.unwrap();
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::Publishable);

        let notice = s.current_notice(ev, "en".into()).await.unwrap().unwrap();
        s.record_consent(
            actor.clone(),
            anna,
            consent(Consent::Red, notice.reference()),
        )
        .await
        .unwrap();
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::Blocked);

        s.record_consent(
            actor.clone(),
            anna,
            consent(Consent::Green, notice.reference()),
        )
        .await
        .unwrap();
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::Publishable);
        let request = s
            .open_request(
                actor.clone(),
                crate::domain::store::NewRequestRow {
                    attendee_id: anna,
                    kind: crate::types::RequestKind::Removal,
                    channel: crate::types::RequestChannel::Organiser,
                    identity_check: "in person".into(),
                    message: String::new(),
                    lang: "en".into(),
                    photos: None,
                },
            )
            .await
            .unwrap();
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::Blocked);
        let (req, _) = s.request_ids(request.into()).await.unwrap();
        s.close_request(
            actor.clone(),
            req,
            crate::types::RequestStatus::Refused,
            "no".into(),
        )
        .await
        .unwrap();
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::Publishable);

        // The same content again is the same photo.
        let (again, dup) = s
            .insert_photo(actor.clone(), photo(ev, org, "aa", None))
            .await
            .unwrap();
        assert_eq!((again, dup), (pid, true));
        // Tagging and viewing were audited.
        let actions: Vec<String> = s
            .with_conn(|c| {
                let mut st = c.prepare("SELECT action FROM audit_log")?;
                let rows = st
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<Vec<String>, _>>()?;
                Ok(rows)
            })
            .await
            .unwrap();
        for a in ["photo.upload", "photo.tag", "photo.view", "removal.open"] {
            assert!(actions.iter().any(|x| x == a), "{a} audited");
        }
    }

    /// Issue 14, point 1: any change of a photo's people after the organiser's review
    /// (a tag added or removed, a region drawn or cleared, the "no people" mark) undoes
    /// the review, and the review is audited with who made it.
    #[tokio::test]
    async fn a_change_of_people_after_the_review_undoes_it() {
        let (s, ev, actor, org) = setup().await;
        let anna = attendee(&s, &actor, ev, "tok-anna", Consent::Green).await;
        let bob = attendee(&s, &actor, ev, "tok-bob", Consent::Green).await;
        let (pid, _) = s
            .insert_photo(actor.clone(), photo(ev, org, "cc", None))
            .await
            .unwrap();
        let row = s.photo_by_public_id(pid.into()).await.unwrap().id;
        s.add_tag(actor.clone(), row, anna, "badge", None)
            .await
            .unwrap();
        let review = |s: Store| {
            let actor = actor.clone();
            async move {
                s.set_reviewed(actor, row, true).await.unwrap();
            }
        };
        let region = Region {
            x: 0.1,
            y: 0.1,
            w: 0.3,
            h: 0.3,
        };
        let tag_of = |s: Store, who: AttendeeId| async move {
            let (_, tags) = s
                .photo_with_tags(Actor::System, "photo.view", row)
                .await
                .unwrap();
            tags.into_iter().find(|t| t.attendee_id == who).unwrap().id
        };
        review(s.clone()).await;
        let (p, _) = s
            .photo_with_tags(Actor::System, "photo.view", row)
            .await
            .unwrap();
        assert_eq!(p.reviewed_by.as_deref(), Some("o@x.lv"));
        assert!(p.reviewed_at.is_some());
        assert_eq!(state_of(&s, &actor, row).await, PhotoState::Publishable);

        s.add_tag(actor.clone(), row, bob, "badge", None)
            .await
            .unwrap();
        assert_eq!(
            state_of(&s, &actor, row).await,
            PhotoState::NeedsReview,
            "tag added"
        );
        review(s.clone()).await;
        let bob_tag = tag_of(s.clone(), bob).await;
        s.set_tag_region(actor.clone(), row, bob_tag, Some(region))
            .await
            .unwrap();
        assert_eq!(
            state_of(&s, &actor, row).await,
            PhotoState::NeedsReview,
            "region drawn"
        );
        review(s.clone()).await;
        s.remove_tag(actor.clone(), row, bob_tag).await.unwrap();
        assert_eq!(
            state_of(&s, &actor, row).await,
            PhotoState::NeedsReview,
            "tag removed"
        );
        review(s.clone()).await;
        s.set_no_people(actor.clone(), row, false).await.unwrap();
        assert_eq!(
            state_of(&s, &actor, row).await,
            PhotoState::NeedsReview,
            "mark changed"
        );
        // The tag stays remembered after it is gone.
        assert!(
            s.photo_by_public_id("pid-cc".into())
                .await
                .unwrap()
                .ever_tagged
        );
        let reviews: i64 = s
            .with_conn(|c| {
                Ok(c.query_row(
                    "SELECT count(*) FROM audit_log WHERE action = 'photo.review'",
                    [],
                    |r| r.get(0),
                )?)
            })
            .await
            .unwrap();
        assert_eq!(reviews, 4);
    }

    /// Issue 14, point 2: the export fingerprint moves with a review, a consent and a
    /// request, and not with a new upload or a tag on a photo nobody reviewed.
    #[tokio::test]
    async fn the_export_fingerprint_follows_what_decides_publication() {
        let (s, ev, actor, org) = setup().await;
        let anna = attendee(&s, &actor, ev, "tok-anna", Consent::Green).await;
        let f0 = s.export_fingerprint(ev).await.unwrap();
        let (pid, _) = s
            .insert_photo(actor.clone(), photo(ev, org, "dd", None))
            .await
            .unwrap();
        let row = s.photo_by_public_id(pid.into()).await.unwrap().id;
        s.add_tag(actor.clone(), row, anna, "badge", None)
            .await
            .unwrap();
        assert_eq!(s.export_fingerprint(ev).await.unwrap(), f0, "not reviewed");
        s.set_reviewed(actor.clone(), row, true).await.unwrap();
        let f1 = s.export_fingerprint(ev).await.unwrap();
        assert_ne!(f1, f0, "reviewed");
        let notice = s.current_notice(ev, "en".into()).await.unwrap().unwrap();
        s.record_consent(
            actor.clone(),
            anna,
            consent(Consent::Red, notice.reference()),
        )
        .await
        .unwrap();
        let f2 = s.export_fingerprint(ev).await.unwrap();
        assert_ne!(f2, f1, "a withdrawal");
        s.open_request(
            actor.clone(),
            crate::domain::store::NewRequestRow {
                attendee_id: anna,
                kind: crate::types::RequestKind::Removal,
                channel: crate::types::RequestChannel::Organiser,
                identity_check: "in person".into(),
                message: String::new(),
                lang: "en".into(),
                photos: None,
            },
        )
        .await
        .unwrap();
        assert_ne!(s.export_fingerprint(ev).await.unwrap(), f2, "a request");
    }

    /// Issue 5: suggestions come from the uploader's own scans within ±2 minutes of the
    /// capture time corrected by the clock offset the organiser set, nearest first.
    #[tokio::test]
    async fn suggestions_come_from_the_photographers_scans_with_the_clock_offset() {
        let (s, ev, actor, _org) = setup().await;
        let ph = s
            .create_user(Actor::Cli, "p@x.lv".into(), "h".into(), Role::Photographer)
            .await
            .unwrap();
        let other = s
            .create_user(Actor::Cli, "q@x.lv".into(), "h".into(), Role::Photographer)
            .await
            .unwrap();
        let a = attendee(&s, &actor, ev, "tok-a", Consent::Green).await;
        let b = attendee(&s, &actor, ev, "tok-b", Consent::Red).await;
        let _c = attendee(&s, &actor, ev, "tok-c", Consent::Green).await;
        let scan = |id: &str, token: &str, at: &str| ScanIn {
            client_scan_id: id.into(),
            token: token.into(),
            device_time: Some(at.into()),
            shown: None,
        };
        let ph_actor = Actor::User {
            id: ph,
            role: Role::Photographer,
        };
        s.record_scans(
            ph_actor.clone(),
            ph,
            vec![
                scan("scan-0001", "tok-a", "2026-11-22T10:00:10Z"),
                scan("scan-0002", "tok-b", "2026-11-22T09:59:00Z"),
                scan("scan-0003", "tok-c", "2026-11-22T10:02:30Z"),
            ],
            None,
        )
        .await
        .unwrap();
        // Another photographer's scan of c right at the capture time is not theirs.
        s.record_scans(
            Actor::User {
                id: other,
                role: Role::Photographer,
            },
            other,
            vec![scan("scan-0004", "tok-c", "2026-11-22T10:05:00Z")],
            None,
        )
        .await
        .unwrap();
        // The camera runs 5 minutes fast: it stamped 10:05:00 for 10:00:00.
        let (pid, _) = s
            .insert_photo(
                ph_actor.clone(),
                photo(ev, ph, "bb", Some("2026-11-22T10:05:00Z")),
            )
            .await
            .unwrap();
        let view = |s: Store, pid: String| async move {
            let row = s.photo_by_public_id(pid.into()).await.unwrap();
            let (p, tags) = s
                .photo_with_tags(Actor::System, "photo.view", row.id)
                .await
                .unwrap();
            photos::detail(&s, PhotoAccess::Manager, p, tags, "pub".into())
                .await
                .unwrap()
        };
        assert!(
            view(s.clone(), pid.clone()).await.suggestions.is_empty(),
            "without the offset, 10:05 is far from every scan"
        );
        s.set_clock_offset(actor.clone(), ev, ph, 300)
            .await
            .unwrap();
        let d = view(s.clone(), pid.clone()).await;
        let got: Vec<(Option<String>, i64)> = d
            .suggestions
            .iter()
            .map(|x| (x.name.clone(), x.delta_seconds))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Name-tok-a".into()), 10),
                (Some("Name-tok-b".into()), -60)
            ],
            "c was scanned 2.5 minutes after: outside the window"
        );
        assert_eq!(d.clock_offset_seconds, 300);
        // Tagging from a suggestion removes it from the list.
        let row = s.photo_by_public_id(pid.clone().into()).await.unwrap().id;
        let scan_id = d.suggestions[0].scan_id;
        let att = s.scan_attendee(ev, ph, scan_id).await.unwrap();
        assert_eq!(att, Some(a));
        s.add_tag(ph_actor, row, a, "suggestion", None)
            .await
            .unwrap();
        let d = view(s.clone(), pid).await;
        assert_eq!(d.suggestions.len(), 1);
        assert_eq!(d.tags.len(), 1);
        // A photographer's tag of a green person waits for the organiser (issue 14).
        assert_eq!(d.state, PhotoState::NeedsReview);
        assert!(d.can_review, "the organiser's view offers the review");
        let _ = b;
    }
}
