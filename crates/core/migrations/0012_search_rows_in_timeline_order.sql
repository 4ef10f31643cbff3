-- Version 12: the search index's rows are numbered in timeline order instead of by
-- entry id (`store::search_rows`): a row's number is the entry's day and minute and a
-- small number in entry id order within them, so the matches of a search come out in
-- timeline order and a page of them stops when it is full. `search_rows` remembers
-- each entry's row (and, by its index on `row`, each row's entry). The index is
-- rebuilt by core after this step. Never edit this file: append a new one.

CREATE TABLE search_rows (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id),
    row      INTEGER NOT NULL UNIQUE
);
DELETE FROM search_index;
