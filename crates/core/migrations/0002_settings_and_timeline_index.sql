-- Version 2: the timeline is always read in date order, so it needs an index (a full
-- scan + sort over encrypted pages costs 3-5x more than over plain ones); and a
-- key/value table for settings that belong to the dossier itself.
CREATE INDEX entries_by_date ON entries (occurred_on, id);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
