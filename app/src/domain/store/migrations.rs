//! Versioned schema. Each entry is one migration; never edit a released one, add a new
//! one. `rusqlite_migration` records the version in `PRAGMA user_version`.

use rusqlite_migration::{Migrations, M};

const V1: &str = r#"
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'organiser', 'photographer')),
    created_at    TEXT NOT NULL
);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    public_id    TEXT NOT NULL UNIQUE,
    owner_id     INTEGER NOT NULL REFERENCES users(id),
    name         TEXT NOT NULL,
    starts_on    TEXT,
    ends_on      TEXT,
    venue        TEXT NOT NULL DEFAULT '',
    default_lang TEXT NOT NULL DEFAULT 'lv' CHECK (default_lang IN ('lv', 'en')),
    created_at   TEXT NOT NULL
);

-- One-time codes an organiser shows to pair a tablet with an event. Only the hash is kept.
CREATE TABLE kiosk_pairings (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    TEXT
);

CREATE TABLE kiosk_devices (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    paired_by  INTEGER NOT NULL REFERENCES users(id),
    paired_at  TEXT NOT NULL,
    revoked_at TEXT
);

-- Sessions for tower-sessions (see store::sessions). `data` is the serialised record.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        BLOB NOT NULL,
    expiry_date INTEGER NOT NULL
);

-- Who touched personal data (requirement 19). Append-only, hash-chained: each row's
-- `hash` covers its own fields and `prev_hash`, the hash of the row before it.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    principal_kind TEXT NOT NULL,
    action         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
"#;

/// Issue 3: event settings, notice versions, attendees, consent history (requirements
/// 1-9, 12, 13).
const V2: &str = r#"
ALTER TABLE events ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';

-- Every text of the notice ever shown, for proof (requirement 4). Never edited.
CREATE TABLE notice_versions (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    lang       TEXT NOT NULL,
    text       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX notice_versions_event ON notice_versions(event_id, lang, id);
CREATE TRIGGER notice_versions_no_update BEFORE UPDATE ON notice_versions
BEGIN SELECT RAISE(ABORT, 'notice versions are kept as shown'); END;

CREATE TABLE attendees (
    id                INTEGER PRIMARY KEY,
    event_id          INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    -- printed in the badge QR: 128 random bits, URL-safe, no personal data
    badge_token       TEXT NOT NULL UNIQUE,
    -- the attendee's private self-service code, hashed; shown once
    private_code_hash TEXT UNIQUE,
    -- pre-registered attendees type or scan this at the kiosk, hashed
    checkin_code_hash TEXT UNIQUE,
    first_name        TEXT,
    last_name         TEXT,
    organisation      TEXT,
    role_title        TEXT,
    email             TEXT,
    phone             TEXT,
    is_minor          INTEGER NOT NULL DEFAULT 0,
    source            TEXT NOT NULL CHECK (source IN ('kiosk', 'organiser', 'import')),
    registered_at     TEXT NOT NULL,
    checked_in_at     TEXT
);
CREATE INDEX attendees_event ON attendees(event_id);

-- Drawn guardian signatures (PNG).
CREATE TABLE signatures (
    id          INTEGER PRIMARY KEY,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    png         BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

-- Consent history, append-only (requirement 4): a change adds a row. The current
-- consent is the newest row.
CREATE TABLE consents (
    id                 INTEGER PRIMARY KEY,
    attendee_id        INTEGER NOT NULL REFERENCES attendees(id),
    choice             TEXT NOT NULL CHECK (choice IN ('green', 'red')),
    at                 TEXT NOT NULL,
    notice_version_id  INTEGER NOT NULL REFERENCES notice_versions(id),
    channel            TEXT NOT NULL CHECK (channel IN ('kiosk', 'organiser', 'self_service', 'badge_scan')),
    channel_ref        TEXT NOT NULL,
    guardian_name      TEXT,
    guardian_confirmed INTEGER NOT NULL DEFAULT 0,
    signature_id       INTEGER REFERENCES signatures(id)
);
CREATE INDEX consents_attendee ON consents(attendee_id, id);
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;
"#;

/// Issue 4: the scan log (requirements 10, 22). One row per badge scan by a signed-in
/// user; `client_scan_id` makes uploads from an offline queue idempotent.
const V3: &str = r#"
CREATE TABLE scans (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users(id),
    client_scan_id TEXT NOT NULL,
    badge_token    TEXT NOT NULL,
    attendee_id    INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
    event_id       INTEGER REFERENCES events(id) ON DELETE CASCADE,
    device_time    TEXT,
    received_at    TEXT NOT NULL,
    shown          TEXT NOT NULL CHECK (shown IN ('green', 'red', 'unknown')),
    UNIQUE (user_id, client_scan_id)
);
CREATE INDEX scans_user ON scans(user_id, id);
CREATE INDEX scans_event ON scans(event_id, id);
"#;

/// Issue 5: the photo library (requirements 11, 14, 16, 22, 23). Files live in the data
/// dir under the photo's random `public_id`; rows hold what the organiser may see.
/// Whether a photo may be published is computed from its tags and the people's current
/// consent (`domain::photos::gate`), never stored.
const V4: &str = r#"
CREATE TABLE photos (
    id              INTEGER PRIMARY KEY,
    -- 128 random bits, URL-safe: the photo's name in URLs and on disk
    public_id       TEXT NOT NULL UNIQUE,
    event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    uploaded_by     INTEGER NOT NULL REFERENCES users(id),
    sha256          TEXT NOT NULL,
    format          TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
    bytes           INTEGER NOT NULL,
    -- after EXIF orientation
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    orientation     INTEGER NOT NULL DEFAULT 1,
    -- organiser only: the uploaded file's name, the camera's own clock and serial
    original_name   TEXT,
    camera_time     TEXT,
    camera_serial   TEXT,
    -- capture time in UTC as the camera's clock says it (before the photographer's
    -- clock offset), RFC 3339; NULL when the file has no capture time
    taken_at        TEXT,
    uploaded_at     TEXT NOT NULL,
    -- reviewed as "no identifiable people" (crowd from behind, stage only)
    no_people       INTEGER NOT NULL DEFAULT 0,
    -- the organiser chose "publish blurred" (red people's regions blurred on export)
    publish_blurred INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, sha256)
);
CREATE INDEX photos_event ON photos(event_id, taken_at);

-- Who is in a photo, found without biometrics: a scan-time suggestion, a badge code or
-- an organiser's search. The region is relative to the oriented image (0-1).
CREATE TABLE photo_tags (
    id          INTEGER PRIMARY KEY,
    photo_id    INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    source      TEXT NOT NULL CHECK (source IN ('suggestion', 'badge', 'search')),
    region_x    REAL,
    region_y    REAL,
    region_w    REAL,
    region_h    REAL,
    tagged_by   INTEGER NOT NULL REFERENCES users(id),
    tagged_at   TEXT NOT NULL,
    UNIQUE (photo_id, attendee_id)
);
CREATE INDEX photo_tags_attendee ON photo_tags(attendee_id);

-- How far a photographer's camera clock is off at an event: camera time minus true
-- time, in seconds. Set by the organiser.
CREATE TABLE photographer_clocks (
    event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL REFERENCES users(id),
    offset_seconds INTEGER NOT NULL,
    set_by         INTEGER NOT NULL REFERENCES users(id),
    set_at         TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

-- Where a photo was published (requirement 16): the takedown list for removals.
CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    photo_id     INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL CHECK (channel IN ('website', 'social', 'press', 'print')),
    url          TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    recorded_by  INTEGER NOT NULL REFERENCES users(id),
    recorded_at  TEXT NOT NULL
);
CREATE INDEX publications_photo ON publications(photo_id);

-- Removal requests (requirement 15). Issue 5 needs only "is one pending" for the
-- publish gate; issue 6 builds the cases on this table.
CREATE TABLE removal_requests (
    id          INTEGER PRIMARY KEY,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'done', 'refused')),
    received_at TEXT NOT NULL,
    message     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX removal_requests_attendee ON removal_requests(attendee_id, status);
"#;

/// Issue 6: data-subject requests as cases (requirements 15, 16, 17, 19).
/// - A case (the V4 `removal_requests` row) gets a random public id, a kind, who opened
///   it and how identity was checked, the requester's language and its outcome.
/// - `removal_photos`: the photos a case covers and the decision on each. `photo_id`
///   becomes NULL when the photo is deleted; `label` ("Photo 3") stays.
/// - `removal_takedowns`: the publication ledger entries to take down, copied when a
///   photo is deleted or blurred (the ledger rows go with a deleted photo).
/// - `photo_tags.blurred_at`: the person was blurred out of the photo for good.
/// - `attendees.erased_at`: the record was erased. Erasure reduces the person's consent
///   rows to (attendee row id, choice, time, notice version): the append-only trigger
///   is replaced by one that allows exactly that reduction and nothing else.
const V5: &str = r#"
ALTER TABLE removal_requests ADD COLUMN public_id TEXT;
UPDATE removal_requests SET public_id = lower(hex(randomblob(16))) WHERE public_id IS NULL;
CREATE UNIQUE INDEX removal_requests_public ON removal_requests(public_id);
ALTER TABLE removal_requests ADD COLUMN kind TEXT NOT NULL DEFAULT 'removal'
    CHECK (kind IN ('removal', 'erasure', 'objection', 'restriction'));
ALTER TABLE removal_requests ADD COLUMN channel TEXT NOT NULL DEFAULT 'organiser'
    CHECK (channel IN ('self_service', 'organiser'));
ALTER TABLE removal_requests ADD COLUMN identity_check TEXT NOT NULL DEFAULT '';
ALTER TABLE removal_requests ADD COLUMN lang TEXT NOT NULL DEFAULT 'lv';
ALTER TABLE removal_requests ADD COLUMN all_photos INTEGER NOT NULL DEFAULT 1;
ALTER TABLE removal_requests ADD COLUMN closed_at TEXT;
ALTER TABLE removal_requests ADD COLUMN outcome_note TEXT NOT NULL DEFAULT '';

CREATE TABLE removal_photos (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES removal_requests(id) ON DELETE CASCADE,
    photo_id    INTEGER REFERENCES photos(id) ON DELETE SET NULL,
    label       INTEGER NOT NULL,
    requested   INTEGER NOT NULL DEFAULT 1,
    decision    TEXT CHECK (decision IN ('delete', 'blur', 'keep')),
    reason      TEXT NOT NULL DEFAULT '',
    decided_by  INTEGER REFERENCES users(id),
    decided_at  TEXT,
    UNIQUE (request_id, photo_id),
    UNIQUE (request_id, label)
);
CREATE INDEX removal_photos_photo ON removal_photos(photo_id);

CREATE TABLE removal_takedowns (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES removal_requests(id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES removal_photos(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL,
    url          TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    done_at      TEXT,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX removal_takedowns_request ON removal_takedowns(request_id);

ALTER TABLE photo_tags ADD COLUMN blurred_at TEXT;
ALTER TABLE attendees ADD COLUMN erased_at TEXT;

DROP TRIGGER consents_no_update;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
WHEN NOT (NEW.id IS OLD.id AND NEW.attendee_id IS OLD.attendee_id AND NEW.choice IS OLD.choice
          AND NEW.at IS OLD.at AND NEW.notice_version_id IS OLD.notice_version_id
          AND NEW.channel IS OLD.channel AND NEW.channel_ref = 'erased'
          AND NEW.guardian_name IS NULL AND NEW.guardian_confirmed = 0
          AND NEW.signature_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;
"#;

/// Issue 13: one name for data-subject requests, from the URL to the table. The V4/V5
/// `removal_*` tables become `requests`, `request_photos` and `request_takedowns`
/// (SQLite rewrites the foreign keys that point at them); the indexes follow.
const V6: &str = r#"
ALTER TABLE removal_requests RENAME TO requests;
ALTER TABLE removal_photos RENAME TO request_photos;
ALTER TABLE removal_takedowns RENAME TO request_takedowns;
DROP INDEX removal_requests_attendee;
CREATE INDEX requests_attendee ON requests(attendee_id, status);
DROP INDEX removal_requests_public;
CREATE UNIQUE INDEX requests_public ON requests(public_id);
DROP INDEX removal_photos_photo;
CREATE INDEX request_photos_photo ON request_photos(photo_id);
DROP INDEX removal_takedowns_request;
CREATE INDEX request_takedowns_request ON request_takedowns(request_id);
"#;

/// Issue 14, point 7: who may read an audit row. Each row gets the event it is about
/// (`event_id`, outside the hash chain: it decides visibility, not what happened), so an
/// organiser's log shows rows about their own events and their own actions only. Rows
/// written before this migration get theirs from the subject; the append-only trigger
/// is lifted for that one backfill and put back.
const V7: &str = r#"
ALTER TABLE audit_log ADD COLUMN event_id INTEGER;
DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET event_id = CASE
    WHEN subject LIKE 'event:%' THEN CAST(substr(subject, 7) AS INTEGER)
    WHEN subject LIKE 'attendee:%'
        THEN (SELECT event_id FROM attendees WHERE id = CAST(substr(subject, 10) AS INTEGER))
    WHEN subject LIKE 'notice_version:%'
        THEN (SELECT event_id FROM notice_versions WHERE id = CAST(substr(subject, 16) AS INTEGER))
    WHEN subject LIKE 'removal:%'
        THEN (SELECT a.event_id FROM requests r JOIN attendees a ON a.id = r.attendee_id
              WHERE r.id = CAST(substr(subject, 9) AS INTEGER))
    WHEN subject LIKE 'photo:%'
        THEN (SELECT event_id FROM photos
              WHERE public_id = substr(subject, 7, instr(subject || ' ', ' ') - 7))
    WHEN actor LIKE 'kiosk:%'
        THEN (SELECT event_id FROM kiosk_devices WHERE id = CAST(substr(actor, 7) AS INTEGER))
    WHEN actor LIKE 'attendee:%'
        THEN (SELECT event_id FROM attendees WHERE id = CAST(substr(actor, 10) AS INTEGER))
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE INDEX audit_log_event ON audit_log(event_id);
CREATE INDEX audit_log_actor ON audit_log(actor);
"#;

/// Issue 14, points 1 and 3: the publish gate needs an organiser's review. A photo is
/// publishable only when an organiser (or admin) of its event marked it reviewed after
/// the last change of its tags, regions or "no identifiable people" mark; every such
/// change clears the review. `ever_tagged` remembers that someone was tagged, so "no
/// identifiable people" cannot be set on a photo that had a person untagged. `held_at`
/// is the anonymous hold an erasure leaves on a photo the organiser kept: it blocks the
/// photo for good without naming anyone. Photos reviewed before this migration had no
/// organiser's review recorded, so every one of them waits for one.
const V8: &str = r#"
ALTER TABLE photos ADD COLUMN reviewed_by INTEGER REFERENCES users(id);
ALTER TABLE photos ADD COLUMN reviewed_at TEXT;
ALTER TABLE photos ADD COLUMN ever_tagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE photos ADD COLUMN held_at TEXT;
UPDATE photos SET ever_tagged = 1
    WHERE EXISTS (SELECT 1 FROM photo_tags t WHERE t.photo_id = photos.id);
"#;

/// Issue 14, point 7: where the audit chain's verification got to, so the log page
/// checks only the rows written since (one row: the last verified row's id and hash, and
/// when).
const V9: &str = r#"
CREATE TABLE audit_verified (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    last_id     INTEGER NOT NULL,
    last_hash   TEXT NOT NULL,
    verified_at TEXT NOT NULL
);
"#;

/// Issue 15: the data's lifecycle (requirement 18).
/// - `events.purged_at` / `photos_purged_at` / `archive_purged_at`: when each stage of
///   the retention purge ran (attendee data; photos not archived; the archive).
/// - `photos.archived_at`: kept past the photo period in the internal archive.
/// - `event_counts`: the anonymous counts an event keeps after its purge.
/// - `notice_versions.*_days`: the periods each notice stated, so a period is never made
///   longer for data collected under a notice that promised less. Versions from before
///   this migration stated `retention_days` for all personal data, photos included, and
///   no archive; the settings still hold that value. The no-update trigger is lifted for
///   that one backfill and put back.
const V10: &str = r#"
ALTER TABLE events ADD COLUMN purged_at TEXT;
ALTER TABLE events ADD COLUMN photos_purged_at TEXT;
ALTER TABLE events ADD COLUMN archive_purged_at TEXT;
ALTER TABLE photos ADD COLUMN archived_at TEXT;
CREATE TABLE event_counts (
    event_id             INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    registered           INTEGER NOT NULL,
    checked_in           INTEGER NOT NULL,
    green                INTEGER NOT NULL,
    red                  INTEGER NOT NULL,
    minors               INTEGER NOT NULL,
    photos               INTEGER NOT NULL,
    requests_removal     INTEGER NOT NULL,
    requests_erasure     INTEGER NOT NULL,
    requests_objection   INTEGER NOT NULL,
    requests_restriction INTEGER NOT NULL,
    counted_at           TEXT NOT NULL
);
ALTER TABLE notice_versions ADD COLUMN attendee_days INTEGER;
ALTER TABLE notice_versions ADD COLUMN photo_days INTEGER;
ALTER TABLE notice_versions ADD COLUMN archive_days INTEGER;
DROP TRIGGER notice_versions_no_update;
UPDATE notice_versions SET attendee_days =
    (SELECT coalesce(json_extract(e.settings, '$.retention_days'), 365) FROM events e
     WHERE e.id = notice_versions.event_id);
UPDATE notice_versions SET photo_days = attendee_days, archive_days = 0;
CREATE TRIGGER notice_versions_no_update BEFORE UPDATE ON notice_versions
BEGIN SELECT RAISE(ABORT, 'notice versions are kept as shown'); END;
"#;

/// Issue 16, points 4 and 5 (requirements 18, 19, 22). Migrations apply by their place
/// in the list below (SQLite's `user_version` counts them): a later one is only ever
/// appended, never inserted.
/// - `events.archived_at`: the event is archived (read-only, hidden from kiosks and
///   scanners, still purged on schedule).
/// - `consents.clock_end`: the event's last day when the decision was recorded. The
///   notice promised "N days after the event ends", so when the organiser later moves
///   the last day, each person's promise still counts from the day they were told.
///   NULL (rows from before this migration, and events without a last day) means the
///   event's clock as it stands; the edit that moves the last day first sets every NULL
///   of the event to the day it was. The append-only trigger allows exactly that one
///   change (NULL to a day, nothing else in the row), next to the erasure's reduction,
///   which may not touch `clock_end`.
const V11: &str = r#"
ALTER TABLE events ADD COLUMN archived_at TEXT;
ALTER TABLE consents ADD COLUMN clock_end TEXT;
DROP TRIGGER consents_no_update;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
WHEN NOT (
    (NEW.id IS OLD.id AND NEW.attendee_id IS OLD.attendee_id AND NEW.choice IS OLD.choice
     AND NEW.at IS OLD.at AND NEW.notice_version_id IS OLD.notice_version_id
     AND NEW.channel IS OLD.channel AND NEW.channel_ref = 'erased'
     AND NEW.guardian_name IS NULL AND NEW.guardian_confirmed = 0
     AND NEW.signature_id IS NULL AND NEW.clock_end IS OLD.clock_end)
    OR
    (NEW.id IS OLD.id AND NEW.attendee_id IS OLD.attendee_id AND NEW.choice IS OLD.choice
     AND NEW.at IS OLD.at AND NEW.notice_version_id IS OLD.notice_version_id
     AND NEW.channel IS OLD.channel AND NEW.channel_ref IS OLD.channel_ref
     AND NEW.guardian_name IS OLD.guardian_name
     AND NEW.guardian_confirmed IS OLD.guardian_confirmed
     AND NEW.signature_id IS OLD.signature_id
     AND OLD.clock_end IS NULL AND NEW.clock_end IS NOT NULL))
BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;
"#;

/// Issue 16 point 3: paired tablets have a name given when pairing, a last-seen time, a
/// count of the registrations made on them and an end of validity (NULL: the day after
/// the event's last day; the organiser can set a later day).
const V12: &str = r#"
ALTER TABLE kiosk_pairings ADD COLUMN label TEXT;
ALTER TABLE kiosk_devices ADD COLUMN last_seen_at TEXT;
ALTER TABLE kiosk_devices ADD COLUMN registrations INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kiosk_devices ADD COLUMN valid_until TEXT;
"#;

/// Issue 16 (requirement 22): accounts run from the browser, photographers per event.
/// - `users.status`: an admin disables and enables an account; an account without a
///   password (`password_hash = ''`) is one whose invitation is still to be used.
/// - `users.session_epoch`: every session of a user carries the epoch it was signed in
///   under; raising it (disable, reset, role change, password change, "sign out my other
///   sessions") ends all of them at once, even one that a request in flight saves again.
/// - `users.last_login_at`: for the admins' list.
/// - `sessions.user_id`: whose session it is (NULL for a kiosk), so a user's sessions
///   can be found and deleted; filled in for the sessions signed in before.
/// - `invitations`: one-time links (only the token's SHA-256 is kept), valid 7 days.
/// - `event_photographers`: which photographer works at which event, with the days the
///   organiser set (NULL: from the event's dates).
const V13: &str = r#"
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'disabled'));
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_login_at TEXT;

ALTER TABLE sessions ADD COLUMN user_id INTEGER;
UPDATE sessions SET user_id = json_extract(CAST(data AS TEXT), '$.data.principal.id')
    WHERE json_valid(CAST(data AS TEXT))
      AND json_extract(CAST(data AS TEXT), '$.data.principal.kind') = 'user';
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE invitations (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    TEXT
);
CREATE INDEX invitations_user ON invitations(user_id);

CREATE TABLE event_photographers (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id),
    from_day  TEXT,
    until_day TEXT,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_photographers_user ON event_photographers(user_id);
"#;

/// Issue 16 point 6 (requirements 15, 17): people ask at the kiosk and organisers act on
/// a person's request.
/// - `requests.channel` may be `kiosk` ("Ask for my photos to be removed" after a badge
///   scan). SQLite cannot change a CHECK, so `requests` is built again with every row.
///   Foreign keys are on while migrations run, and dropping a table they point at would
///   cascade to `request_photos` and `request_takedowns`, so those two are built again
///   with it (rows, ids and indexes kept; no trigger or view refers to the three).
/// - `attendee_corrections`: a field corrected by an organiser on the person's request:
///   which field (never its values), how the person asked, how their identity was
///   checked, why, who and when. The attendee page shows it as history.
const V14: &str = r#"
CREATE TABLE requests_v13 (
    id             INTEGER PRIMARY KEY,
    attendee_id    INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'done', 'refused')),
    received_at    TEXT NOT NULL,
    message        TEXT NOT NULL DEFAULT '',
    public_id      TEXT,
    kind           TEXT NOT NULL DEFAULT 'removal'
        CHECK (kind IN ('removal', 'erasure', 'objection', 'restriction')),
    channel        TEXT NOT NULL DEFAULT 'organiser'
        CHECK (channel IN ('self_service', 'organiser', 'kiosk')),
    identity_check TEXT NOT NULL DEFAULT '',
    lang           TEXT NOT NULL DEFAULT 'lv',
    all_photos     INTEGER NOT NULL DEFAULT 1,
    closed_at      TEXT,
    outcome_note   TEXT NOT NULL DEFAULT ''
);
INSERT INTO requests_v13 (id, attendee_id, status, received_at, message, public_id, kind,
        channel, identity_check, lang, all_photos, closed_at, outcome_note)
    SELECT id, attendee_id, status, received_at, message, public_id, kind,
        channel, identity_check, lang, all_photos, closed_at, outcome_note FROM requests;

CREATE TABLE request_photos_v13 (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests_v13(id) ON DELETE CASCADE,
    photo_id    INTEGER REFERENCES photos(id) ON DELETE SET NULL,
    label       INTEGER NOT NULL,
    requested   INTEGER NOT NULL DEFAULT 1,
    decision    TEXT CHECK (decision IN ('delete', 'blur', 'keep')),
    reason      TEXT NOT NULL DEFAULT '',
    decided_by  INTEGER REFERENCES users(id),
    decided_at  TEXT,
    UNIQUE (request_id, photo_id),
    UNIQUE (request_id, label)
);
INSERT INTO request_photos_v13 (id, request_id, photo_id, label, requested, decision, reason,
        decided_by, decided_at)
    SELECT id, request_id, photo_id, label, requested, decision, reason, decided_by, decided_at
    FROM request_photos;

CREATE TABLE request_takedowns_v13 (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests_v13(id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES request_photos_v13(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL,
    url          TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    done_at      TEXT,
    note         TEXT NOT NULL DEFAULT ''
);
INSERT INTO request_takedowns_v13 (id, request_id, item_id, channel, url, published_on,
        done_at, note)
    SELECT id, request_id, item_id, channel, url, published_on, done_at, note
    FROM request_takedowns;

DROP TABLE request_takedowns;
DROP TABLE request_photos;
DROP TABLE requests;
ALTER TABLE requests_v13 RENAME TO requests;
ALTER TABLE request_photos_v13 RENAME TO request_photos;
ALTER TABLE request_takedowns_v13 RENAME TO request_takedowns;
CREATE INDEX requests_attendee ON requests(attendee_id, status);
CREATE UNIQUE INDEX requests_public ON requests(public_id);
CREATE INDEX request_photos_photo ON request_photos(photo_id);
CREATE INDEX request_takedowns_request ON request_takedowns(request_id);

CREATE TABLE attendee_corrections (
    id             INTEGER PRIMARY KEY,
    attendee_id    INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    field          TEXT NOT NULL,
    asked_by       TEXT NOT NULL CHECK (asked_by IN ('email', 'phone', 'in_person')),
    identity_check TEXT NOT NULL,
    reason         TEXT NOT NULL,
    corrected_by   INTEGER NOT NULL REFERENCES users(id),
    corrected_at   TEXT NOT NULL
);
CREATE INDEX attendee_corrections_attendee ON attendee_corrections(attendee_id);
"#;

/// Issue 17 (requirement 20; seed 002 §5.1-5.3): the breach register, append-only.
/// - `breaches`: a breach's identity only (its public id, who recorded it and when).
/// - `breach_entries`: its history. Each entry holds the whole record as it stands after
///   the change (JSON: discovery, types, facts, categories, numbers, consequences,
///   measures, risk and why, notifications, closing) and what changed, who and when.
///   The current state is the newest entry. Neither table takes an UPDATE or a DELETE.
/// - `breach_events`: the events a breach touches (an organiser sees their events'
///   breaches; admins all).
/// - `breach_people`: the attendees affected (ids only); the attendee-data purge and an
///   erasure delete these rows, while the record keeps the number of people.
const V15: &str = r#"
CREATE TABLE breaches (
    id         INTEGER PRIMARY KEY,
    public_id  TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE TABLE breach_entries (
    id        INTEGER PRIMARY KEY,
    breach_id INTEGER NOT NULL REFERENCES breaches(id),
    at        TEXT NOT NULL,
    by_user   INTEGER NOT NULL REFERENCES users(id),
    change    TEXT NOT NULL,
    record    TEXT NOT NULL CHECK (json_valid(record))
);
CREATE INDEX breach_entries_breach ON breach_entries(breach_id, id);
CREATE TABLE breach_events (
    breach_id INTEGER NOT NULL REFERENCES breaches(id),
    event_id  INTEGER NOT NULL REFERENCES events(id),
    PRIMARY KEY (breach_id, event_id)
);
CREATE INDEX breach_events_event ON breach_events(event_id);
CREATE TABLE breach_people (
    breach_id   INTEGER NOT NULL REFERENCES breaches(id),
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    PRIMARY KEY (breach_id, attendee_id)
);
CREATE INDEX breach_people_attendee ON breach_people(attendee_id);
CREATE TRIGGER breaches_no_update BEFORE UPDATE ON breaches
BEGIN SELECT RAISE(ABORT, 'the breach register is append-only'); END;
CREATE TRIGGER breaches_no_delete BEFORE DELETE ON breaches
BEGIN SELECT RAISE(ABORT, 'the breach register is append-only'); END;
CREATE TRIGGER breach_entries_no_update BEFORE UPDATE ON breach_entries
BEGIN SELECT RAISE(ABORT, 'the breach register is append-only'); END;
CREATE TRIGGER breach_entries_no_delete BEFORE DELETE ON breach_entries
BEGIN SELECT RAISE(ABORT, 'the breach register is append-only'); END;
"#;

/// Issue 17 points 7-8 (requirement 24): backups and the erasure journal.
/// - `journal_applied`: one row, the number of the newest erasure-journal entry this
///   database holds (`domain::journal`). A restored database keeps the number of its
///   backup, so the start-up carries out every newer entry again.
/// - `backup_runs`: each backup attempt, scheduled or from the command line: when, how
///   big, and for a failure a short reason code (no personal data), for the admins'
///   dashboard.
const V16: &str = r#"
CREATE TABLE journal_applied (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
);
INSERT INTO journal_applied (id, seq) VALUES (1, 0);
CREATE TABLE backup_runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('scheduled', 'cli')),
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    ok          INTEGER NOT NULL,
    bytes       INTEGER NOT NULL DEFAULT 0,
    file        TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT ''
);
"#;

/// Issue 18 point 5: sessions are kept under the SHA-256 of their id, never the id (the
/// cookie's value), and `data` holds the session's values only (it held the whole
/// tower-sessions record, id included). Existing sessions are kept, so paired tablets
/// stay paired and nobody is signed out: a row whose data does not read is dropped, the
/// others keep their values, and [`hash_session_ids`] re-keys them.
const V17: &str = r#"
DELETE FROM sessions
 WHERE NOT json_valid(CAST(data AS TEXT))
    OR json_type(CAST(data AS TEXT), '$.data') IS NOT 'object';
UPDATE sessions SET data = CAST(json_extract(CAST(data AS TEXT), '$.data') AS BLOB);
"#;

/// V17's second half: each session row's key becomes the SHA-256 (hex) of the id it
/// had, as `store::sessions::row_key` computes it.
fn hash_session_ids(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    let ids: Vec<String> = tx
        .prepare("SELECT id FROM sessions")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        tx.execute(
            "UPDATE sessions SET id = ?1 WHERE id = ?2",
            [crate::domain::auth::token_hash(&id), id],
        )?;
    }
    Ok(())
}

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up(V7),
        M::up(V8),
        M::up(V9),
        M::up(V10),
        M::up(V11),
        M::up(V12),
        M::up(V13),
        M::up(V14),
        M::up(V15),
        M::up(V16),
        M::up_with_hook(V17, hash_session_ids),
    ])
}
