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

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1)])
}
