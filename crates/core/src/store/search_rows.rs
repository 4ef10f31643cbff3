//! Where each entry's row sits in the search index: rowids in timeline order. A rowid
//! is a slot (the day and the minute of the entry) and a small number inside it, in
//! entry id order, so FTS5 hands out the matches of a search in timeline order, lazily,
//! and stops when a page is full; `search_rows` remembers each entry's rowid.
//!
//! Why not the day, minute and entry id packed into the rowid: FTS5 stores the
//! difference between neighbouring rowids, and with ids inside them those differences
//! took three to seven bytes instead of one, which made every search that reads a
//! common word's whole list slower (measured 1.5× at 100,000 entries).

use chrono::{NaiveDate, NaiveTime, Timelike};
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::entry::EARLIEST;
use crate::error::{from_sqlite, Error, Result};
use crate::filter::SortKey;

/// Bits of the number inside a slot: a day and minute hold up to 1,048,576 entries.
const SEQ_BITS: u32 = 20;
const SLOT_SIZE: i64 = 1 << SEQ_BITS;
/// Bits of the minute: 0 for an entry without a time, else 1 + the minute of the day.
const MINUTE_BITS: u32 = 11;
/// Days since 1900 in 17 bits: to the year 2258.
const LAST_DAY: i64 = (1 << 17) - 1;
/// The distance between rows when a slot is numbered anew: room for later entries in
/// between, while neighbouring rows still differ by one byte.
const SPACING: i64 = 16;

/// The two tables joined, so a match's entry id is `search_rows.entry_id`.
pub(crate) const JOINED: &str =
    "search_index CROSS JOIN search_rows ON search_rows.row = search_index.rowid";

/// The first rowid of the slot of day `on` at `time`.
pub(crate) fn slot(on: NaiveDate, time: Option<NaiveTime>) -> i64 {
    let day = (on - EARLIEST).num_days().clamp(0, LAST_DAY);
    let minute = time.map_or(0, |t| i64::from(t.hour() * 60 + t.minute()) + 1);
    (day << (MINUTE_BITS + SEQ_BITS)) | (minute << SEQ_BITS)
}

/// The first rowid of day `on` (below every entry of that day).
pub(crate) fn day_start(on: NaiveDate) -> i64 {
    slot(on, None)
}

/// [`slot`] of the entry `e` (an alias of `entries`), as SQL. Stored times are `HH:MM`;
/// a date SQLite cannot read counts as 1900-01-01.
pub(crate) fn slot_sql(e: &str) -> String {
    format!(
        "((max(0, min({LAST_DAY}, coalesce(CAST(julianday({e}.occurred_on)
              - julianday('1900-01-01') AS INTEGER), 0))) << {day_shift})
          | (CASE WHEN coalesce({e}.occurred_time, '') = '' THEN 0
             ELSE CAST(substr({e}.occurred_time, 1, 2) AS INTEGER) * 60
                  + CAST(substr({e}.occurred_time, 4, 2) AS INTEGER) + 1 END << {SEQ_BITS}))",
        day_shift = MINUTE_BITS + SEQ_BITS
    )
}

/// The condition for rows past `k` in the page's direction, over `search_index.rowid`
/// and `entries.id`: inside `k`'s own slot the rows are in id order.
pub(crate) fn past(k: &SortKey, newest_first: bool) -> (&'static str, Vec<Value>) {
    let start = slot(k.on, k.time);
    let end = start + SLOT_SIZE;
    if newest_first {
        (
            "search_index.rowid < ? AND (search_index.rowid < ? OR entries.id < ?)",
            vec![end.into(), start.into(), k.id.into()],
        )
    } else {
        (
            "search_index.rowid >= ? AND (search_index.rowid >= ? OR entries.id > ?)",
            vec![start.into(), end.into(), k.id.into()],
        )
    }
}

/// The rowid the entry has now, if it has one.
pub(crate) fn current(tx: &Transaction<'_>, entry_id: i64) -> Result<Option<i64>> {
    tx.query_row(
        "SELECT row FROM search_rows WHERE entry_id = ?1",
        [entry_id],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| from_sqlite("update the search index", e))
}

/// Whether `row` lies in the slot starting at `start`.
pub(crate) fn in_slot(row: i64, start: i64) -> bool {
    (start..start + SLOT_SIZE).contains(&row)
}

/// A free rowid for `entry_id` (which has none) in the slot starting at `start`,
/// between the entries of smaller and larger id; the slot is numbered anew when they
/// sit side by side.
pub(crate) fn place(tx: &Transaction<'_>, entry_id: i64, start: i64) -> Result<i64> {
    let end = start + SLOT_SIZE;
    let edge = |sql: &str| -> Result<Option<i64>> {
        tx.query_row(sql, params![start, end, entry_id], |r| r.get(0))
            .map_err(|e| from_sqlite("update the search index", e))
    };
    let below =
        edge("SELECT max(row) FROM search_rows WHERE row >= ?1 AND row < ?2 AND entry_id < ?3")?;
    let above =
        edge("SELECT min(row) FROM search_rows WHERE row >= ?1 AND row < ?2 AND entry_id > ?3")?;
    let lo = below.unwrap_or(start - 1);
    let hi = above.unwrap_or(end);
    if hi - lo >= 2 {
        return Ok(lo + 1);
    }
    renumber(tx, entry_id, start)
}

/// Numbers the slot at `start` anew, [`SPACING`] apart in id order with `entry_id`
/// among them, moving each index row with its number; returns `entry_id`'s rowid.
fn renumber(tx: &Transaction<'_>, entry_id: i64, start: i64) -> Result<i64> {
    let what = "update the search index";
    let mut rows: Vec<(i64, i64)> = {
        let mut stmt = tx
            .prepare(
                "SELECT entry_id, row FROM search_rows WHERE row >= ?1 AND row < ?2
                 ORDER BY entry_id",
            )
            .map_err(|e| from_sqlite(what, e))?;
        let found = stmt
            .query_map(params![start, start + SLOT_SIZE], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(|e| from_sqlite(what, e))?;
        found
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| from_sqlite(what, e))?
    };
    if (rows.len() as i64 + 1) * SPACING > SLOT_SIZE {
        return Err(Error::Invalid(
            "too many entries on one day at one time for the search index".into(),
        ));
    }
    // Out of the way first (below zero, where no row lives), so no new number meets
    // an old one still in place.
    let aside = |row: i64| -row - 1;
    for (id, row) in &rows {
        tx.execute(
            "UPDATE search_index SET rowid = ?2 WHERE rowid = ?1",
            params![row, aside(*row)],
        )
        .and_then(|_| {
            tx.execute(
                "UPDATE search_rows SET row = ?2 WHERE entry_id = ?1",
                params![id, aside(*row)],
            )
        })
        .map_err(|e| from_sqlite(what, e))?;
    }
    let at = rows.partition_point(|(id, _)| *id < entry_id);
    rows.insert(at, (entry_id, 0));
    let mut placed = start;
    for (k, (id, row)) in rows.iter().enumerate() {
        let new = start + k as i64 * SPACING;
        if *id == entry_id {
            placed = new;
            continue;
        }
        tx.execute(
            "UPDATE search_index SET rowid = ?2 WHERE rowid = ?1",
            params![aside(*row), new],
        )
        .and_then(|_| {
            tx.execute(
                "UPDATE search_rows SET row = ?2 WHERE entry_id = ?1",
                params![id, new],
            )
        })
        .map_err(|e| from_sqlite(what, e))?;
    }
    Ok(placed)
}

/// Rowids for the new entries `first..=last` (a bulk import: their ids are above every
/// other), after the last row of their slot, in id order, in one statement.
pub(crate) fn place_range(tx: &Transaction<'_>, first: i64, last: i64) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO search_rows (entry_id, row)
             SELECT n.id, coalesce((SELECT max(r.row) FROM search_rows r
                                    WHERE r.row >= n.slot AND r.row < n.slot + {SLOT_SIZE}),
                                   n.slot - 1)
                          + row_number() OVER (PARTITION BY n.slot ORDER BY n.id)
             FROM (SELECT e.id, {} AS slot FROM entries e
                   WHERE e.id BETWEEN ?1 AND ?2 AND e.deleted_at IS NULL) n",
            slot_sql("e")
        ),
        params![first, last],
    )
    .map_err(|e| from_sqlite("update the search index", e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SQL and the Rust spelling of a slot agree, and slots sort as the timeline.
    #[test]
    fn slots_sort_as_the_timeline_and_agree_with_sql() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, occurred_on TEXT, occurred_time TEXT)",
        )
        .unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").ok();
        let rows = [
            (7, "1900-01-01", ""),
            (3, "1999-12-31", "23:59"),
            (9, "2026-02-28", ""),
            (2, "2026-02-28", "00:00"),
            (1, "2026-02-28", "09:05"),
            (4, "2026-03-01", ""),
            (5, "2258-11-11", "23:59"),
        ];
        let mut slots = Vec::new();
        for (id, on, time) in rows {
            conn.execute(
                "INSERT INTO entries VALUES (?1, ?2, nullif(?3, ''))",
                params![id, on, time],
            )
            .unwrap();
            let sql: i64 = conn
                .query_row(
                    &format!("SELECT {} FROM entries e WHERE id = ?1", slot_sql("e")),
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(sql, slot(d(on), t(time)), "{on} {time}");
            slots.push(sql);
        }
        assert!(
            slots.windows(2).all(|w| w[0] + SLOT_SIZE <= w[1]),
            "{slots:?}"
        );
    }
}
