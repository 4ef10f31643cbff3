//! The full-text index: one row per live entry, holding everything a person might
//! search for (titles, text fields, names, kenmerk, attachment text, and the text read
//! from pictures and scans, `attachment_read_text`).

use rusqlite::types::Value;
use rusqlite::{params, Connection, Transaction};

use crate::entry::Entry;
use crate::error::{from_sqlite, Result};
use crate::store::entries;

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
pub fn reindex_entry(tx: &Transaction<'_>, entry_id: i64) -> Result<()> {
    // The index row's rowid is the entry id: deleting and matching by rowid touch only
    // the index, never the (encrypted) stored column values.
    tx.execute("DELETE FROM search_index WHERE rowid = ?1", [entry_id])
        .map_err(|e| from_sqlite("update the search index", e))?;
    let body: Option<String> = tx
        .query_row(
            &format!("SELECT {BODY_SQL} FROM entries e WHERE e.id = ?1 AND e.deleted_at IS NULL"),
            [entry_id],
            |r| r.get(0),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })
        .map_err(|e| from_sqlite("update the search index", e))?;
    if let Some(body) = body {
        tx.execute(
            "INSERT INTO search_index (rowid, body, entry_id) VALUES (?2, ?1, ?2)",
            params![body, entry_id],
        )
        .map_err(|e| from_sqlite("update the search index", e))?;
    }
    Ok(())
}

/// Turns what a person typed into an FTS5 query: every word must occur (as a prefix),
/// and no character of theirs can be read as FTS syntax.
pub fn to_match_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// How many matches are ranked: the most recently written ones. bm25 reads every
/// match's size row, so ranking all 100,000 matches of a common word took 20 ms and
/// more (`make bench`); a word that common is better served by the newest anyway.
pub(crate) const RANKED: u32 = 1_000;

/// The ranked matches of `?1` as `hits(hit_id, hit_rank)`, `?2` of them at most (best
/// first). Its column names are none of `entries`', so a join reads the entry's own
/// columns unqualified.
const HITS_SQL: &str = "hits(hit_id, hit_rank) AS (
        SELECT hit_id, hit_rank FROM (
            SELECT rowid AS hit_id, rank AS hit_rank FROM search_index
            WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
        ORDER BY hit_rank LIMIT ?2)";

/// Ids of live entries matching `typed`, best first (of the newest [`RANKED`]).
pub fn search_ids(conn: &Connection, typed: &str, limit: u32) -> Result<Vec<i64>> {
    let Some(q) = to_match_query(typed) else {
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
    let Some(q) = to_match_query(typed) else {
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
    tx.execute("DELETE FROM search_index", [])
        .map_err(|e| from_sqlite("rebuild the search index", e))?;
    let ids: Vec<i64> = {
        let mut stmt = tx
            .prepare("SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY id")
            .map_err(|e| from_sqlite("rebuild the search index", e))?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| from_sqlite("rebuild the search index", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| from_sqlite("rebuild the search index", e))?
    };
    for id in ids {
        reindex_entry(tx, id)?;
    }
    Ok(())
}
