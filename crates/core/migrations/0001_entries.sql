-- Version 1: the minimal timeline entry. Later versions extend it; never edit this file.
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    occurred_on TEXT NOT NULL,   -- YYYY-MM-DD, the day it happened (Europe/Amsterdam)
    title       TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL    -- RFC 3339 UTC, when it was written down
);
