-- Version 3: the full entry model (PRODUCT.md F2–F5, F10). Extends version 1's entries
-- in place; adds people, links, attachments, the version history with its hash chain,
-- and the search index. Never edit this file: append a new one.

ALTER TABLE entries ADD COLUMN occurred_time TEXT;            -- HH:MM, Europe/Amsterdam, optional
ALTER TABLE entries ADD COLUMN asked TEXT NOT NULL DEFAULT '';    -- what they asked
ALTER TABLE entries ADD COLUMN promised TEXT NOT NULL DEFAULT ''; -- what was promised
ALTER TABLE entries ADD COLUMN agreed TEXT NOT NULL DEFAULT '';   -- what was agreed
ALTER TABLE entries ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN channel TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN kenmerk TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN companions TEXT NOT NULL DEFAULT '';  -- who came along (witness, interpreter)
ALTER TABLE entries ADD COLUMN threat INTEGER NOT NULL DEFAULT 0;    -- a sanction or cut was threatened
ALTER TABLE entries ADD COLUMN threat_text TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN follow_up_on TEXT;                    -- YYYY-MM-DD
ALTER TABLE entries ADD COLUMN medical INTEGER NOT NULL DEFAULT 0;   -- medical / private
ALTER TABLE entries ADD COLUMN letter_dated TEXT;                    -- dagtekening
ALTER TABLE entries ADD COLUMN sent_on TEXT;                         -- postmark / date sent
ALTER TABLE entries ADD COLUMN received_on TEXT;
ALTER TABLE entries ADD COLUMN updated_at TEXT;                      -- last change, RFC 3339 UTC
ALTER TABLE entries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE entries ADD COLUMN deleted_at TEXT;                      -- tombstone: when
ALTER TABLE entries ADD COLUMN delete_reason TEXT NOT NULL DEFAULT '';

CREATE INDEX entries_by_kind ON entries (kind, occurred_on, id);
CREATE INDEX entries_medical ON entries (medical, occurred_on, id);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

-- The cast (F4): klantmanagers, jobhunters, assessors, lawyers...
CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',   -- klantmanager, jobhunter, keuringsarts, advocaat...
    organisation TEXT NOT NULL DEFAULT '',   -- WPI, UWV, a re-integration company...
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

-- When a person was the user's own klantmanager (from/to inclusive; to open-ended).
CREATE TABLE klantmanager_periods (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    from_on   TEXT NOT NULL,
    to_on     TEXT
);
CREATE INDEX klantmanager_periods_by_date ON klantmanager_periods (from_on);

-- People involved in one contact, with their role in it.
CREATE TABLE entry_people (
    entry_id  INTEGER NOT NULL REFERENCES entries (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    role      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entry_id, person_id)
) WITHOUT ROWID;
CREATE INDEX entry_people_by_person ON entry_people (person_id, entry_id);

-- "reply to", "objection against", "about the same decision".
CREATE TABLE entry_links (
    from_id INTEGER NOT NULL REFERENCES entries (id),
    to_id   INTEGER NOT NULL REFERENCES entries (id),
    kind    TEXT NOT NULL,
    PRIMARY KEY (from_id, to_id, kind)
) WITHOUT ROWID;

-- Attachments (F3): the bytes live here, inside the encrypted database.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES entries (id),
    filename    TEXT NOT NULL,           -- the original name, for display only
    media_type  TEXT NOT NULL,           -- sniffed from the bytes, not the name
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,           -- hex
    data        BLOB NOT NULL,
    text        TEXT NOT NULL DEFAULT '', -- extracted text for search (e-mail, plain text, PDF)
    added_at    TEXT NOT NULL,
    deleted_at  TEXT                      -- detached: kept for history, hidden from the entry
);
CREATE INDEX attachments_by_entry ON attachments (entry_id);

-- Honest history (F5): every version of every entry, in one hash chain over the whole
-- dossier. seq orders the chain; hash = SHA-256(prev_hash || canonical content ||
-- attachment hashes). entries holds the current state; this table is append-only.
CREATE TABLE entry_versions (
    seq         INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    action      TEXT NOT NULL,           -- create | edit | delete
    reason      TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    content     TEXT NOT NULL,           -- canonical JSON of the entry at this version
    attachments TEXT NOT NULL DEFAULT '', -- comma-separated SHA-256 of its attachments
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    UNIQUE (entry_id, version)
);

-- Full-text search (F10) over titles, all text fields, names, kenmerk and attachment
-- text. Maintained by core on every write (not by triggers) so one code path decides
-- what is searchable; medical entries are indexed too (the index is encrypted).
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    entry_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
