//! Filtered reads of the timeline: one SQL condition built from an [`EntryFilter`]
//! with every user value bound as a parameter, used for pages, totals and month counts.

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::entry::Entry;
use crate::error::{from_sqlite, Result};
use crate::filter::EntryFilter;
use crate::store::{entries, search};

/// A `WHERE` clause of fixed SQL text and the values bound to its `?`s, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub sql: String,
    pub values: Vec<Value>,
}

/// Translates a filter. Only fixed SQL fragments reach the text; what the user typed
/// goes into `values` (and text search through `to_match_query`, so no character of
/// theirs is read as FTS syntax either).
pub fn condition(f: &EntryFilter) -> Condition {
    let mut parts: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let text = f.text.as_deref().and_then(search::to_match_query);
    // The search index holds live entries only, so a text filter already leaves
    // tombstones out; not asking again spares reading every candidate row.
    if !f.include_deleted && text.is_none() {
        parts.push("deleted_at IS NULL".into());
    }
    if !f.kinds.is_empty() {
        let marks = vec!["?"; f.kinds.len()].join(", ");
        parts.push(format!("kind IN ({marks})"));
        values.extend(f.kinds.iter().map(|k| Value::Text(k.name().into())));
    }
    if let Some(from) = f.from {
        parts.push("occurred_on >= ?".into());
        values.push(Value::Text(from.to_string()));
    }
    if let Some(to) = f.to {
        parts.push("occurred_on <= ?".into());
        values.push(Value::Text(to.to_string()));
    }
    match f.medical {
        Some(true) => parts.push(crate::entry::MEDICAL_SQL.into()),
        Some(false) => parts.push(format!("NOT {}", crate::entry::MEDICAL_SQL)),
        None => {}
    }
    if let Some(person) = f.person_id {
        parts.push("id IN (SELECT entry_id FROM entry_people WHERE person_id = ?)".into());
        values.push(Value::Integer(person));
    }
    if let Some(org) = f.organisation.as_deref().map(str::trim) {
        if !org.is_empty() {
            // The organisation of the contact itself, or of someone in it.
            parts.push(
                "(organisation = ? COLLATE NOCASE OR id IN (SELECT ep.entry_id FROM entry_people ep
                  JOIN people p ON p.id = ep.person_id WHERE p.organisation = ? COLLATE NOCASE))"
                    .into(),
            );
            values.push(Value::Text(org.into()));
            values.push(Value::Text(org.into()));
        }
    }
    if let Some(tag) = f.tag.as_deref().map(str::trim) {
        if !tag.is_empty() {
            parts.push("id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)".into());
            values.push(Value::Text(tag.into()));
        }
    }
    if let Some(q) = text {
        parts.push("id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)".into());
        values.push(Value::Text(q));
    }
    let sql = if parts.is_empty() {
        "1".to_string()
    } else {
        parts.join(" AND ")
    };
    Condition { sql, values }
}

/// Whether the page should walk the date index. SQLite (3.53, no statistics) would
/// rather scan and sort the whole table (or, for a text, person or tag filter, fetch
/// every match by id and sort them all) than walk `entries_by_date` and sort only the
/// times within a day; the walk stops after `limit` matches. Measured in `bench/` at
/// 100,000 entries: the first page takes under 1 ms instead of ~100. Kind and
/// "medical only" have their own date-ordered indexes, which the planner finds.
fn walk_date_index(f: &EntryFilter) -> bool {
    f.kinds.is_empty() && f.medical != Some(true)
}

fn index_hint(f: &EntryFilter) -> &'static str {
    if walk_date_index(f) {
        "INDEXED BY entries_by_date "
    } else {
        ""
    }
}

/// The `ORDER BY` of the timeline: by day along `entries_by_date` (or
/// `entries_by_kind`), then the time within a day (a small sort per day).
pub fn order(newest_first: bool) -> &'static str {
    if newest_first {
        "ORDER BY occurred_on DESC, occurred_time DESC, id DESC"
    } else {
        "ORDER BY occurred_on, occurred_time, id"
    }
}

/// One page of matching entries in timeline order.
pub fn page(
    conn: &Connection,
    f: &EntryFilter,
    newest_first: bool,
    offset: u32,
    limit: u32,
) -> Result<Vec<Entry>> {
    let c = condition(f);
    let tail = format!(
        "{}WHERE {} {} LIMIT ? OFFSET ?",
        index_hint(f),
        c.sql,
        order(newest_first)
    );
    let mut values = c.values;
    values.push(Value::Integer(i64::from(limit)));
    values.push(Value::Integer(i64::from(offset)));
    entries::select(conn, &tail, &values)
}

/// How many entries match. Counting live entries means reading every row (whether
/// an entry is deleted is in no index), ~100 ms over 100,000 encrypted rows; the two
/// commonest counts have a cheaper source that gives the same number.
pub fn total(conn: &Connection, f: &EntryFilter) -> Result<u64> {
    let only_text = EntryFilter {
        text: f.text.clone(),
        ..EntryFilter::default()
    };
    let query = f.text.as_deref().and_then(search::to_match_query);
    let c = if *f == EntryFilter::default() {
        // The search index has one row per live entry (kept in step by core in the
        // same transaction as every write), and its FTS5 `docsize` shadow table one
        // small row per indexed document.
        Condition {
            sql: "SELECT count(*) FROM search_index_docsize".into(),
            values: Vec::new(),
        }
    } else if let (true, Some(q)) = (*f == only_text, query) {
        Condition {
            sql: "SELECT count(*) FROM search_index WHERE search_index MATCH ?".into(),
            values: vec![Value::Text(q)],
        }
    } else {
        let c = condition(f);
        Condition {
            sql: format!("SELECT count(*) FROM entries WHERE {}", c.sql),
            values: c.values,
        }
    };
    conn.prepare_cached(&c.sql)
        .and_then(|mut s| {
            s.query_row(rusqlite::params_from_iter(&c.values), |r| {
                r.get::<_, i64>(0)
            })
        })
        .map(|n| n.max(0) as u64)
        .map_err(|e| from_sqlite("count the entries", e))
}

/// Matching entries per month (`YYYY-MM`), in calendar order.
pub fn month_counts(conn: &Connection, f: &EntryFilter) -> Result<Vec<(String, u32)>> {
    let c = condition(f);
    let sql = format!(
        "SELECT substr(occurred_on, 1, 7) AS month, count(*) FROM entries WHERE {}
         GROUP BY month ORDER BY month",
        c.sql
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(|e| from_sqlite("count the entries per month", e))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&c.values), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })
        .map_err(|e| from_sqlite("count the entries per month", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("count the entries per month", e))
}

#[cfg(feature = "test-hooks")]
/// SQLite's plan for a page query, one line per step (for tests that prove the
/// timeline is read through an index).
pub fn explain_page(conn: &Connection, f: &EntryFilter, newest_first: bool) -> Result<Vec<String>> {
    let c = condition(f);
    let tail = format!(
        "{}WHERE {} {} LIMIT 50 OFFSET 0",
        index_hint(f),
        c.sql,
        order(newest_first)
    );
    let sql = format!("EXPLAIN QUERY PLAN {}", entries::select_sql(&tail));
    let mut stmt = conn
        .prepare(&sql)
        .map_err(|e| from_sqlite("explain the query", e))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&c.values), |r| {
            r.get::<_, String>(3)
        })
        .map_err(|e| from_sqlite("explain the query", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("explain the query", e))
}
