-- Version 9: the timeline is paged by its sort key (day, time, id) instead of by
-- counting rows from the top, so every page costs what the first one does. These
-- indexes hold that key in full, with an untimed entry first in its day (''), so a page
-- is read in index order with no sort; they also carry kind, the medical flag and
-- deleted_at, so the common filters are decided from the index before any (encrypted)
-- row is read, and the export preview and month counts read the index alone. They
-- replace the four older date indexes, whose order stopped at the day.
CREATE INDEX entries_timeline ON entries (
    occurred_on, coalesce(occurred_time, ''), id, kind, medical, deleted_at
);
CREATE INDEX entries_kind_timeline ON entries (
    kind, occurred_on, coalesce(occurred_time, ''), id, medical, deleted_at
);
DROP INDEX entries_by_date;
DROP INDEX entries_live_by_date;
DROP INDEX entries_by_kind;
DROP INDEX entries_medical;

-- How many entries each day holds (live, and deleted), kept in step by triggers on
-- every write however it is made: the month headers of the whole timeline read these
-- few thousand rows instead of counting 100,000 entries. Entries are never removed
-- (a deletion is a tombstone), but a removal is counted right too.
CREATE TABLE timeline_days (
    day     TEXT PRIMARY KEY,            -- YYYY-MM-DD
    live    INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO timeline_days (day, live, deleted)
SELECT occurred_on, count(*) FILTER (WHERE deleted_at IS NULL),
       count(*) FILTER (WHERE deleted_at IS NOT NULL)
FROM entries GROUP BY occurred_on;

CREATE TRIGGER timeline_days_insert AFTER INSERT ON entries
BEGIN
    INSERT INTO timeline_days (day, live, deleted)
    VALUES (new.occurred_on, new.deleted_at IS NULL, new.deleted_at IS NOT NULL)
    ON CONFLICT (day) DO UPDATE SET live = live + excluded.live,
                                    deleted = deleted + excluded.deleted;
END;

CREATE TRIGGER timeline_days_update AFTER UPDATE OF occurred_on, deleted_at ON entries
BEGIN
    UPDATE timeline_days SET live = live - (old.deleted_at IS NULL),
                             deleted = deleted - (old.deleted_at IS NOT NULL)
    WHERE day = old.occurred_on;
    INSERT INTO timeline_days (day, live, deleted)
    VALUES (new.occurred_on, new.deleted_at IS NULL, new.deleted_at IS NOT NULL)
    ON CONFLICT (day) DO UPDATE SET live = live + excluded.live,
                                    deleted = deleted + excluded.deleted;
END;

CREATE TRIGGER timeline_days_delete AFTER DELETE ON entries
BEGIN
    UPDATE timeline_days SET live = live - (old.deleted_at IS NULL),
                             deleted = deleted - (old.deleted_at IS NOT NULL)
    WHERE day = old.occurred_on;
END;
