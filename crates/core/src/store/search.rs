//! The full-text index: one row per live entry, holding everything a person might
//! search for (titles, text fields, names, kenmerk, attachment text).

use rusqlite::{params, Connection, Transaction};

use crate::error::{from_sqlite, Result};

/// Rebuilds the index row of one entry from the store (removes it when deleted).
pub fn reindex_entry(tx: &Transaction<'_>, entry_id: i64) -> Result<()> {
    tx.execute("DELETE FROM search_index WHERE entry_id = ?1", [entry_id])
        .map_err(|e| from_sqlite("update the search index", e))?;
    let body: Option<String> = tx
        .query_row(
            "SELECT concat_ws(' ', e.title, e.notes, e.asked, e.promised, e.agreed,
                    e.organisation, e.place, e.channel, e.kenmerk, e.companions, e.threat_text,
                    (SELECT group_concat(t.tag, ' ') FROM entry_tags t WHERE t.entry_id = e.id),
                    (SELECT group_concat(p.name || ' ' || p.role || ' ' || p.organisation || ' ' || ep.role, ' ')
                       FROM entry_people ep JOIN people p ON p.id = ep.person_id WHERE ep.entry_id = e.id),
                    (SELECT group_concat(a.filename || ' ' || a.text, ' ')
                       FROM attachments a WHERE a.entry_id = e.id AND a.deleted_at IS NULL))
             FROM entries e WHERE e.id = ?1 AND e.deleted_at IS NULL",
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
            "INSERT INTO search_index (body, entry_id) VALUES (?1, ?2)",
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

/// Ids of live entries matching `typed`, best first.
pub fn search_ids(conn: &Connection, typed: &str, limit: u32) -> Result<Vec<i64>> {
    let Some(q) = to_match_query(typed) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn
        .prepare_cached(
            "SELECT entry_id FROM search_index WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2",
        )
        .map_err(|e| from_sqlite("search", e))?;
    let rows = stmt
        .query_map(params![q, limit], |r| r.get::<_, i64>(0))
        .map_err(|e| from_sqlite("search", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("search", e))
}
