//! The `cases` and `case_entries` tables: matters that group entries, and which
//! entries belong to which. Cases are never removed; a deletion sets `deleted_at`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::case::{Case, CaseData, CaseStatus};
use crate::error::{from_sqlite, Error, Result};

/// The case columns plus a summary of its live entries, computed in the same read.
const SELECT: &str = "SELECT c.id, c.title, c.status, c.notes, c.created_at, c.updated_at,
    c.deleted_at, count(e.id), min(e.occurred_on), max(e.occurred_on)
    FROM cases c
    LEFT JOIN case_entries ce ON ce.case_id = c.id
    LEFT JOIN entries e ON e.id = ce.entry_id AND e.deleted_at IS NULL";

type Raw = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    Option<String>,
    Option<String>,
);

fn raw(r: &Row<'_>) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

fn finish(r: Raw) -> Result<Case> {
    let (id, title, status, notes, created_at, updated_at, deleted_at, count, first, last) = r;
    let damaged = |what: &str| Error::Damaged(format!("case {id} has an invalid {what}"));
    let date = |s: Option<String>| {
        s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| damaged("entry date")))
            .transpose()
    };
    Ok(Case {
        id,
        data: CaseData {
            title,
            status: CaseStatus::from_name(&status).map_err(|_| damaged("status"))?,
            notes,
        },
        entry_count: u32::try_from(count).unwrap_or(0),
        first_on: date(first)?,
        last_on: date(last)?,
        created_at,
        updated_at,
        deleted_at,
    })
}

pub fn missing(id: i64) -> Error {
    Error::Invalid(format!("case {id} does not exist"))
}

pub fn insert(tx: &Transaction<'_>, c: &CaseData, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO cases (title, status, notes, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![c.title.trim(), c.status.name(), c.notes, now],
    )
    .map_err(|e| from_sqlite("save the case", e))?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction<'_>, id: i64, c: &CaseData, now: &str) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE cases SET title = ?2, status = ?3, notes = ?4, updated_at = ?5
             WHERE id = ?1 AND deleted_at IS NULL",
            params![id, c.title.trim(), c.status.name(), c.notes, now],
        )
        .map_err(|e| from_sqlite("change the case", e))?;
    if changed == 0 {
        return Err(missing(id));
    }
    Ok(())
}

pub fn soft_delete(tx: &Transaction<'_>, id: i64, now: &str) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE cases SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now],
        )
        .map_err(|e| from_sqlite("delete the case", e))?;
    if changed == 0 {
        return Err(missing(id));
    }
    Ok(())
}

/// One case, deleted or not.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Case>> {
    conn.query_row(
        &format!("{SELECT} WHERE c.id = ?1 GROUP BY c.id"),
        [id],
        raw,
    )
    .optional()
    .map_err(|e| from_sqlite("read the case", e))?
    .map(finish)
    .transpose()
}

/// The live cases, most recently active first (cases without entries by when made).
pub fn list(conn: &Connection) -> Result<Vec<Case>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE c.deleted_at IS NULL GROUP BY c.id
             ORDER BY coalesce(max(e.occurred_on), substr(c.created_at, 1, 10)) DESC, c.id DESC"
        ))
        .map_err(|e| from_sqlite("read the cases", e))?;
    let rows: Vec<Raw> = stmt
        .query_map([], raw)
        .map_err(|e| from_sqlite("read the cases", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the cases", e))?;
    rows.into_iter().map(finish).collect()
}

/// The live entries of a case in timeline order.
pub fn entry_ids(conn: &Connection, case_id: i64) -> Result<Vec<i64>> {
    ids(
        conn,
        "SELECT e.id FROM case_entries ce JOIN entries e ON e.id = ce.entry_id
         WHERE ce.case_id = ?1 AND e.deleted_at IS NULL
         ORDER BY e.occurred_on, e.occurred_time, e.id",
        case_id,
    )
}

/// The live cases an entry belongs to, by id.
pub fn of_entry(conn: &Connection, entry_id: i64) -> Result<Vec<i64>> {
    ids(
        conn,
        "SELECT c.id FROM case_entries ce JOIN cases c ON c.id = ce.case_id
         WHERE ce.entry_id = ?1 AND c.deleted_at IS NULL ORDER BY c.id",
        entry_id,
    )
}

fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached(sql)
        .map_err(|e| from_sqlite("read the entries of a case", e))?;
    let rows = stmt
        .query_map([id], |r| r.get(0))
        .map_err(|e| from_sqlite("read the entries of a case", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the entries of a case", e))
}
