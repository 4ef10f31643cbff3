-- Version 6: exemptions (ontheffingen, F7) and cases (F8). Neither is ever removed: a
-- deletion sets deleted_at. Dates are YYYY-MM-DD, instants RFC 3339 UTC. Never edit
-- this file: append a new one.

CREATE TABLE exemptions (
    id          INTEGER PRIMARY KEY,
    duty        TEXT NOT NULL,               -- work | applying | tegenprestatie | reintegration | other
    duty_text   TEXT NOT NULL DEFAULT '',
    from_on     TEXT NOT NULL,               -- first day, inclusive
    to_on       TEXT NOT NULL,               -- last day, inclusive
    decided_by  TEXT NOT NULL DEFAULT '',
    basis       TEXT NOT NULL,               -- medical-assessment | letter | conversation | other
    basis_text  TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT,
    deleted_at  TEXT
);
CREATE INDEX exemptions_live_by_date ON exemptions (from_on, id) WHERE deleted_at IS NULL;

-- The entries that document an exemption (the decision letter, the assessment).
CREATE TABLE exemption_entries (
    exemption_id INTEGER NOT NULL REFERENCES exemptions (id),
    entry_id     INTEGER NOT NULL REFERENCES entries (id),
    PRIMARY KEY (exemption_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX exemption_entries_by_entry ON exemption_entries (entry_id, exemption_id);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    status      TEXT NOT NULL,               -- open | objection | hearing | appeal | closed
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT,
    deleted_at  TEXT
);

-- Which entries belong to which case; an entry may be in several.
CREATE TABLE case_entries (
    case_id  INTEGER NOT NULL REFERENCES cases (id),
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    PRIMARY KEY (case_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX case_entries_by_entry ON case_entries (entry_id, case_id);
