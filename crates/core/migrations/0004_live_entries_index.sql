-- Version 4: most reads skip deleted entries (month headers, counts); a partial index
-- over live entries lets them read only the index instead of every row. Version 4 also
-- re-keys the search index so a row's rowid is its entry id (done in code, see
-- store/migrations.rs): matching then reads only the index, not the stored columns.
CREATE INDEX entries_live_by_date ON entries (occurred_on, id) WHERE deleted_at IS NULL;
