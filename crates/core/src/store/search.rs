//! The full-text index: one row per live entry, holding everything a person might
//! search for (titles, text fields, names, kenmerk, attachment text, and the text read
//! from pictures and scans, `attachment_read_text`). Its rowids are in timeline order
//! (`search_rows`), so the matches of a search come out in timeline order.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::entry::Entry;
use crate::error::{from_sqlite, Result};
use crate::store::entries;
use crate::store::{search_rows, search_words};

/// What an entry's index row holds, as an SQL expression over `entries e`. One
/// definition, used for single entries and bulk imports alike.
pub(crate) const BODY_SQL: &str = "concat_ws(' ', e.title, e.notes, e.asked, e.promised, e.agreed,
    e.organisation, e.place, e.channel, e.kenmerk, e.companions, e.threat_text,
    (SELECT group_concat(t.tag, ' ') FROM entry_tags t WHERE t.entry_id = e.id),
    (SELECT group_concat(p.name || ' ' || p.role || ' ' || p.organisation || ' ' || ep.role, ' ')
       FROM entry_people ep JOIN people p ON p.id = ep.person_id WHERE ep.entry_id = e.id),
    (SELECT group_concat(a.filename || ' ' || a.text, ' ')
       FROM attachments a WHERE a.entry_id = e.id AND a.deleted_at IS NULL),
    (SELECT group_concat(r.text, ' ') FROM attachment_read_text r
       JOIN attachments a ON a.id = r.attachment_id
       WHERE a.entry_id = e.id AND a.deleted_at IS NULL))";

/// Rebuilds the index row of one entry from the store (removes it when deleted).
/// Deleting and matching by rowid touch only the index, never the (encrypted) stored
/// column values.
pub fn reindex_entry(tx: &Transaction<'_>, entry_id: i64) -> Result<()> {
    let what = "update the search index";
    let old = search_rows::current(tx, entry_id)?;
    if let Some(row) = old {
        tx.execute("DELETE FROM search_index WHERE rowid = ?1", [row])
            .map_err(|e| from_sqlite(what, e))?;
    }
    let live: Option<(i64, String)> = tx
        .query_row(
            &format!(
                "SELECT {}, {BODY_SQL} FROM entries e WHERE e.id = ?1 AND e.deleted_at IS NULL",
                search_rows::slot_sql("e")
            ),
            [entry_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| from_sqlite(what, e))?;
    // An entry that stays in its slot (same day and time) keeps its row; one that
    // moves, or comes back, gets a row in its slot in id order.
    let keep = old.filter(|row| {
        live.as_ref()
            .is_some_and(|(slot, _)| search_rows::in_slot(*row, *slot))
    });
    if old.is_some() && keep.is_none() {
        tx.execute("DELETE FROM search_rows WHERE entry_id = ?1", [entry_id])
            .map_err(|e| from_sqlite(what, e))?;
    }
    let Some((slot, body)) = live else {
        return Ok(());
    };
    let row = match keep {
        Some(row) => row,
        None => {
            let row = search_rows::place(tx, entry_id, slot)?;
            tx.execute(
                "INSERT INTO search_rows (entry_id, row) VALUES (?1, ?2)",
                params![entry_id, row],
            )
            .map_err(|e| from_sqlite(what, e))?;
            row
        }
    };
    tx.execute(
        "INSERT INTO search_index (rowid, body, entry_id) VALUES (?1, ?2, ?3)",
        params![row, body, entry_id],
    )
    .map_err(|e| from_sqlite(what, e))?;
    Ok(())
}

/// Adds the index rows of the new entries `first..=last` (bulk imports: their ids are
/// above every other) in two statements; the body is [`BODY_SQL`] as for one entry.
pub(crate) fn index_range(tx: &Transaction<'_>, first: i64, last: i64) -> Result<()> {
    search_rows::place_range(tx, first, last)?;
    tx.execute(
        &format!(
            "INSERT INTO search_index (rowid, body, entry_id)
             SELECT s.row, {BODY_SQL}, e.id FROM search_rows s JOIN entries e ON e.id = s.entry_id
             WHERE s.entry_id BETWEEN ?1 AND ?2 ORDER BY s.row"
        ),
        params![first, last],
    )
    .map_err(|e| from_sqlite("update the search index", e))?;
    Ok(())
}

/// Turns what a person typed into an FTS5 query: every word must occur (as a prefix),
/// and no character of theirs can be read as FTS syntax.
pub fn to_match_query(typed: &str) -> Option<String> {
    let words: Vec<String> = words(typed).map(prefix).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// One typed word as the FTS5 prefix it stands for.
pub(crate) fn prefix(word: &str) -> String {
    format!("\"{word}\"*")
}

/// The words of what a person typed: runs of letters and digits.
pub(crate) fn words(typed: &str) -> impl Iterator<Item = &str> {
    typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// How many matches are ranked: the newest on the timeline, more than the 200 results
/// the search screen shows. bm25 reads every match's size row, so ranking all 100,000
/// matches of a common word took 20 ms and more, and 1,000 of them about 1.5 ms more
/// than 500 (`make bench`); a word that common is better served by the newest anyway.
pub(crate) const RANKED: u32 = 500;

/// The ranked matches of `?1` as `hits(hit_id, hit_rank)`, `?2` of them at most (best
/// first), ranked on the index's own rows: only the `?2` kept are looked up in
/// `search_rows`. Its column names are none of `entries`', so a join reads the entry's
/// own columns unqualified.
const HITS_SQL: &str = "hits(hit_id, hit_rank) AS (
        SELECT search_rows.entry_id, ranked.hit_rank FROM (
            SELECT hit_row, hit_rank FROM (
                SELECT rowid AS hit_row, rank AS hit_rank FROM search_index
                WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
            ORDER BY hit_rank LIMIT ?2) AS ranked
        CROSS JOIN search_rows ON search_rows.row = ranked.hit_row)";

/// Ids of live entries matching `typed`, best first (of the newest [`RANKED`]).
pub fn search_ids(conn: &Connection, typed: &str, limit: u32) -> Result<Vec<i64>> {
    let Some(q) = search_words::match_query(conn, typed)? else {
        return Ok(Vec::new());
    };
    let mut stmt = conn
        .prepare_cached(&format!(
            "WITH {HITS_SQL} SELECT hit_id FROM hits ORDER BY hit_rank"
        ))
        .map_err(|e| from_sqlite("search", e))?;
    let rows = stmt
        .query_map(params![q, limit, RANKED], |r| r.get::<_, i64>(0))
        .map_err(|e| from_sqlite("search", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("search", e))
}

/// The entries [`search_ids`] finds, in its order, in one statement.
pub fn search_entries(conn: &Connection, typed: &str, limit: u32) -> Result<Vec<Entry>> {
    let Some(q) = search_words::match_query(conn, typed)? else {
        return Ok(Vec::new());
    };
    let sql = format!(
        "WITH {HITS_SQL} SELECT {} FROM hits CROSS JOIN entries ON entries.id = hits.hit_id
         ORDER BY hits.hit_rank",
        entries::columns()
    );
    entries::read_rows(
        conn,
        &sql,
        &[Value::Text(q), Value::from(limit), Value::from(RANKED)],
    )
}

/// Rebuilds the whole index (after an upgrade that changed how rows are keyed).
pub fn rebuild(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch("DELETE FROM search_index; DELETE FROM search_rows;")
        .map_err(|e| from_sqlite("rebuild the search index", e))?;
    index_range(tx, 0, i64::MAX)
}
