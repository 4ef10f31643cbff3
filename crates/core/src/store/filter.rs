//! Filtered reads of the timeline: one SQL condition built from an [`EntryFilter`]
//! with every user value bound as a parameter, used for pages (found by their sort
//! key, never by an offset), totals and month counts.

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::entry::Entry;
use crate::error::{from_sqlite, Result};
use crate::filter::{EntryFilter, PageStart};
use crate::store::{entries, search, search_rows, search_words};

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
    let text = f.text.as_deref().and_then(search::to_match_query);
    let mut c = condition_besides_text(f, text.is_some());
    if let Some(q) = text {
        c.sql = format!(
            "{} AND id IN (SELECT search_rows.entry_id FROM {} WHERE search_index MATCH ?)",
            c.sql,
            search_rows::JOINED
        );
        c.values.push(Value::Text(q));
    }
    c
}

/// Every part of the condition but the text; `text` says whether a text search
/// (live entries only) comes with it.
fn condition_besides_text(f: &EntryFilter, text: bool) -> Condition {
    let mut parts: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    // The search index holds live entries only, so a text filter already leaves
    // tombstones out; not asking again spares reading every candidate row.
    if !f.include_deleted && !text {
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
    let sql = if parts.is_empty() {
        "1".to_string()
    } else {
        parts.join(" AND ")
    };
    Condition { sql, values }
}

/// The timeline's sort key as SQL: the columns of `entries_timeline` in its order. An
/// untimed entry sorts first in its day, as NULL did; stored times are never empty.
const KEY: &str = "occurred_on, coalesce(occurred_time, ''), id";

/// The index a page walks, in timeline order, stopping after `limit` matches. SQLite
/// (no statistics) would rather fetch every match and sort them all; the walk decides
/// kind, medical and deleted from the index itself and reads only the rows it returns.
/// A single kind has its own index in the same order.
fn index_hint(f: &EntryFilter) -> &'static str {
    if f.kinds.len() == 1 {
        "INDEXED BY entries_kind_timeline "
    } else {
        "INDEXED BY entries_timeline "
    }
}

/// The `ORDER BY` of the timeline, which is the order of both timeline indexes.
pub fn order(newest_first: bool) -> &'static str {
    if newest_first {
        "ORDER BY occurred_on DESC, coalesce(occurred_time, '') DESC, id DESC"
    } else {
        "ORDER BY occurred_on, coalesce(occurred_time, ''), id"
    }
}

/// Where the page starts as a condition on the key (`None`: at the top), with its
/// values. "After" compares the whole key as a row value, so entries sharing a day
/// and a time are neither skipped nor repeated.
fn start_condition(start: &PageStart, newest_first: bool) -> Option<(String, Vec<Value>)> {
    let (before, after) = if newest_first {
        ("<", "<=")
    } else {
        (">", ">=")
    };
    match start {
        PageStart::First => None,
        PageStart::After(k) => Some((
            format!("({KEY}) {before} (?, ?, ?)"),
            vec![
                Value::Text(k.on.to_string()),
                Value::Text(
                    k.time
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default(),
                ),
                Value::Integer(k.id),
            ],
        )),
        PageStart::Day(d) => Some((
            format!("occurred_on {after} ?"),
            vec![Value::Text(d.to_string())],
        )),
    }
}

/// The one statement of a page: rows, tags and people (see `entries::columns`).
/// `text` is the FTS5 query for the filter's text (`search_words::match_query`).
fn page_sql(
    f: &EntryFilter,
    text: Option<String>,
    newest_first: bool,
    start: &PageStart,
    limit: u32,
) -> (String, Vec<Value>) {
    if let Some(q) = text {
        return text_page_sql(f, q, newest_first, start, limit);
    }
    let c = condition(f);
    let mut sql = c.sql;
    let mut values = c.values;
    if let Some((s, v)) = start_condition(start, newest_first) {
        sql = format!("{sql} AND {s}");
        values.extend(v);
    }
    values.push(Value::Integer(i64::from(limit)));
    let tail = format!(
        "{}WHERE {sql} {} LIMIT ?",
        index_hint(f),
        order(newest_first)
    );
    (entries::select_sql(&tail), values)
}

/// A page of a text search reads the index's matches in rowid order, which is timeline
/// order (`search_rows`), and stops when the page is full: the period and the page
/// start become rowid bounds, the other conditions are checked on each match's row.
/// Collecting every match first and walking the timeline for them cost 14 ms for a
/// word in all 100,000 entries and 6 ms for a kenmerk found once (`make bench`).
fn text_page_sql(
    f: &EntryFilter,
    q: String,
    newest_first: bool,
    start: &PageStart,
    limit: u32,
) -> (String, Vec<Value>) {
    let c = condition_besides_text(f, true);
    let mut values = vec![Value::Text(q)];
    let mut bounds = String::new();
    let mut bound = |sql: &str, v: Vec<Value>| {
        bounds.push_str(" AND ");
        bounds.push_str(sql);
        values.extend(v);
    };
    if let Some(from) = f.from {
        bound(
            "search_index.rowid >= ?",
            vec![search_rows::day_start(from).into()],
        );
    }
    if let Some(next) = f.to.and_then(|to| to.succ_opt()) {
        bound(
            "search_index.rowid < ?",
            vec![search_rows::day_start(next).into()],
        );
    }
    match (start, newest_first) {
        (PageStart::First, _) => {}
        (PageStart::After(k), _) => {
            let (sql, v) = search_rows::past(k, newest_first);
            bound(sql, v);
        }
        (PageStart::Day(d), true) => {
            if let Some(next) = d.succ_opt() {
                bound(
                    "search_index.rowid < ?",
                    vec![search_rows::day_start(next).into()],
                );
            }
        }
        (PageStart::Day(d), false) => {
            bound(
                "search_index.rowid >= ?",
                vec![search_rows::day_start(*d).into()],
            );
        }
    }
    values.extend(c.values);
    values.push(Value::Integer(i64::from(limit)));
    let sql = format!(
        "SELECT {cols} FROM {joined} CROSS JOIN entries ON entries.id = search_rows.entry_id
         WHERE search_index MATCH ?{bounds} AND {cond}
         ORDER BY search_index.rowid {dir} LIMIT ?",
        cols = entries::columns(),
        joined = search_rows::JOINED,
        cond = c.sql,
        dir = if newest_first { "DESC" } else { "ASC" },
    );
    (sql, values)
}

/// The FTS5 query for the filter's text, if it has any words.
fn text_query(conn: &Connection, f: &EntryFilter) -> Result<Option<String>> {
    match f.text.as_deref() {
        Some(typed) => search_words::match_query(conn, typed),
        None => Ok(None),
    }
}

/// One page of matching entries in timeline order, `limit` of them from `start`.
pub fn page(
    conn: &Connection,
    f: &EntryFilter,
    newest_first: bool,
    start: &PageStart,
    limit: u32,
) -> Result<Vec<Entry>> {
    let text = text_query(conn, f)?;
    let (sql, values) = page_sql(f, text, newest_first, start, limit);
    entries::read_rows(conn, &sql, &values)
}

/// How many entries match. A filter on kind, period, medical and deleted is counted
/// from the timeline index alone (it holds those columns); the two commonest counts
/// have a cheaper source still that gives the same number.
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

/// Matching entries per month (`YYYY-MM`), in calendar order. Without a filter (or with
/// only a period) the per-day counts the triggers keep (`timeline_days`) are summed;
/// otherwise matches are counted per day along the timeline index (no sort), and the
/// days summed into months here.
pub fn month_counts(conn: &Connection, f: &EntryFilter) -> Result<Vec<(String, u32)>> {
    let days = EntryFilter {
        from: f.from,
        to: f.to,
        include_deleted: f.include_deleted,
        ..EntryFilter::default()
    };
    let (sql, values) = if *f == days {
        let mut parts = vec!["1".to_string()];
        let mut values = Vec::new();
        if let Some(from) = f.from {
            parts.push("day >= ?".into());
            values.push(Value::Text(from.to_string()));
        }
        if let Some(to) = f.to {
            parts.push("day <= ?".into());
            values.push(Value::Text(to.to_string()));
        }
        let n = if f.include_deleted {
            "live + deleted"
        } else {
            "live"
        };
        (
            format!(
                "SELECT day, {n} FROM timeline_days WHERE {} AND {n} > 0 ORDER BY day",
                parts.join(" AND ")
            ),
            values,
        )
    } else {
        let c = condition(f);
        // A text filter starts from its (fewer) matches instead of walking every entry.
        let hint = if f.text.is_some() { "" } else { index_hint(f) };
        (
            format!(
                "SELECT occurred_on, count(*) FROM entries {hint}WHERE {} GROUP BY occurred_on
                 ORDER BY occurred_on",
                c.sql
            ),
            c.values,
        )
    };
    let what = "count the entries per month";
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(|e| from_sqlite(what, e))?;
    let mut rows = stmt
        .query(rusqlite::params_from_iter(&values))
        .map_err(|e| from_sqlite(what, e))?;
    let mut months: Vec<(String, u32)> = Vec::new();
    while let Some(r) = rows.next().map_err(|e| from_sqlite(what, e))? {
        let day: String = r.get(0).map_err(|e| from_sqlite(what, e))?;
        let n: u32 = r.get(1).map_err(|e| from_sqlite(what, e))?;
        let month = day.get(..7).unwrap_or(&day);
        match months.last_mut() {
            Some((m, count)) if m == month => *count += n,
            _ => months.push((month.to_string(), n)),
        }
    }
    Ok(months)
}

#[cfg(feature = "test-hooks")]
/// SQLite's plan for a page query, one line per step (for tests that prove the
/// timeline is read through an index, at any depth).
pub fn explain_page(
    conn: &Connection,
    f: &EntryFilter,
    newest_first: bool,
    start: &PageStart,
) -> Result<Vec<String>> {
    let text = text_query(conn, f)?;
    let (sql, values) = page_sql(f, text, newest_first, start, 50);
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .map_err(|e| from_sqlite("explain the query", e))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&values), |r| {
            r.get::<_, String>(3)
        })
        .map_err(|e| from_sqlite("explain the query", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("explain the query", e))
}
