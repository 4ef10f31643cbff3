//! The `entries` table: insert and read timeline entries.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};

use crate::clock::Clock;
use crate::entry::{Entry, EntryKind, NewEntry};
use crate::error::{from_sqlite, Error, Result};

pub fn insert(tx: &Transaction<'_>, e: &NewEntry, clock: &dyn Clock) -> Result<Entry> {
    let created_at = clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    tx.execute(
        "INSERT INTO entries (kind, occurred_on, title, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            e.kind.name(),
            e.occurred_on.to_string(),
            e.title.trim(),
            e.notes,
            created_at
        ],
    )
    .map_err(|err| from_sqlite("save the entry", err))?;
    Ok(Entry {
        id: tx.last_insert_rowid(),
        kind: e.kind,
        occurred_on: e.occurred_on,
        title: e.title.trim().to_string(),
        notes: e.notes.clone(),
        created_at,
    })
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<(i64, String, String, String, String, String)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

/// All entries in timeline order (date, then the order they were written down).
pub fn list(conn: &Connection) -> Result<Vec<Entry>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, kind, occurred_on, title, notes, created_at
             FROM entries ORDER BY occurred_on, id",
        )
        .map_err(|e| from_sqlite("read the entries", e))?;
    let rows = stmt
        .query_map([], from_row)
        .map_err(|e| from_sqlite("read the entries", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, date, title, notes, created_at) =
            row.map_err(|e| from_sqlite("read the entries", e))?;
        out.push(Entry {
            id,
            kind: EntryKind::from_name(&kind)
                .map_err(|_| Error::Damaged(format!("entry {id} has an unknown kind")))?,
            occurred_on: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                .map_err(|_| Error::Damaged(format!("entry {id} has an invalid date")))?,
            title,
            notes,
            created_at,
        });
    }
    Ok(out)
}

pub fn count(conn: &Connection) -> Result<u64> {
    conn.query_row("SELECT count(*) FROM entries", [], |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as u64)
        .map_err(|e| from_sqlite("count the entries", e))
}
