//! The `exemptions` and `exemption_entries` tables: ontheffingen and the entries that
//! document them. Rows are never removed; a deletion sets `deleted_at`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{from_sqlite, Error, Result};
use crate::exemption::{Duty, Exemption, ExemptionBasis, ExemptionData};

const COLUMNS: &str = "id, duty, duty_text, from_on, to_on, decided_by, basis, basis_text, notes,
    created_at, updated_at, deleted_at";

/// A row as stored, before its names and dates are parsed.
struct Raw {
    id: i64,
    duty: String,
    duty_text: String,
    from_on: String,
    to_on: String,
    decided_by: String,
    basis: String,
    basis_text: String,
    notes: String,
    created_at: String,
    updated_at: Option<String>,
    deleted_at: Option<String>,
}

fn raw(r: &Row<'_>) -> rusqlite::Result<Raw> {
    Ok(Raw {
        id: r.get(0)?,
        duty: r.get(1)?,
        duty_text: r.get(2)?,
        from_on: r.get(3)?,
        to_on: r.get(4)?,
        decided_by: r.get(5)?,
        basis: r.get(6)?,
        basis_text: r.get(7)?,
        notes: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
        deleted_at: r.get(11)?,
    })
}

fn finish(conn: &Connection, r: Raw) -> Result<Exemption> {
    let id = r.id;
    let damaged = |what: &str| Error::Damaged(format!("exemption {id} has an invalid {what}"));
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| damaged("date"));
    Ok(Exemption {
        id,
        data: ExemptionData {
            duty: Duty::from_name(&r.duty).map_err(|_| damaged("duty"))?,
            duty_text: r.duty_text,
            from_on: date(&r.from_on)?,
            to_on: date(&r.to_on)?,
            decided_by: r.decided_by,
            basis: ExemptionBasis::from_name(&r.basis).map_err(|_| damaged("basis"))?,
            basis_text: r.basis_text,
            notes: r.notes,
            entry_ids: entry_ids(conn, id)?,
        },
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
    })
}

pub fn insert(tx: &Transaction<'_>, e: &ExemptionData, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO exemptions (duty, duty_text, from_on, to_on, decided_by, basis,
         basis_text, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            e.duty.name(),
            e.duty_text.trim(),
            e.from_on.to_string(),
            e.to_on.to_string(),
            e.decided_by.trim(),
            e.basis.name(),
            e.basis_text.trim(),
            e.notes,
            now
        ],
    )
    .map_err(|e| from_sqlite("save the exemption", e))?;
    Ok(tx.last_insert_rowid())
}

/// Changes a live exemption's fields (not its links).
pub fn update(tx: &Transaction<'_>, id: i64, e: &ExemptionData, now: &str) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE exemptions SET duty = ?2, duty_text = ?3, from_on = ?4, to_on = ?5,
             decided_by = ?6, basis = ?7, basis_text = ?8, notes = ?9, updated_at = ?10
             WHERE id = ?1 AND deleted_at IS NULL",
            params![
                id,
                e.duty.name(),
                e.duty_text.trim(),
                e.from_on.to_string(),
                e.to_on.to_string(),
                e.decided_by.trim(),
                e.basis.name(),
                e.basis_text.trim(),
                e.notes,
                now
            ],
        )
        .map_err(|e| from_sqlite("change the exemption", e))?;
    if changed == 0 {
        return Err(missing(id));
    }
    Ok(())
}

pub fn soft_delete(tx: &Transaction<'_>, id: i64, now: &str) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE exemptions SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now],
        )
        .map_err(|e| from_sqlite("delete the exemption", e))?;
    if changed == 0 {
        return Err(missing(id));
    }
    Ok(())
}

pub fn missing(id: i64) -> Error {
    Error::Invalid(format!("exemption {id} does not exist"))
}

/// One exemption, deleted or not.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Exemption>> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM exemptions WHERE id = ?1"),
            [id],
            raw,
        )
        .optional()
        .map_err(|e| from_sqlite("read the exemption", e))?;
    row.map(|r| finish(conn, r)).transpose()
}

/// The live exemptions (all of them, or those covering `on`), by first day.
pub fn list(conn: &Connection, on: Option<NaiveDate>) -> Result<Vec<Exemption>> {
    let (filter, values) = match on {
        Some(d) => ("AND from_on <= ?1 AND to_on >= ?1", vec![d.to_string()]),
        None => ("", Vec::new()),
    };
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM exemptions WHERE deleted_at IS NULL {filter}
             ORDER BY from_on, id"
        ))
        .map_err(|e| from_sqlite("read the exemptions", e))?;
    let rows: Vec<Raw> = stmt
        .query_map(rusqlite::params_from_iter(values), raw)
        .map_err(|e| from_sqlite("read the exemptions", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the exemptions", e))?;
    rows.into_iter().map(|r| finish(conn, r)).collect()
}

/// The linked entries of an exemption, by id.
pub fn entry_ids(conn: &Connection, exemption_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT entry_id FROM exemption_entries WHERE exemption_id = ?1 ORDER BY entry_id",
        )
        .map_err(|e| from_sqlite("read the documents of an exemption", e))?;
    let rows = stmt
        .query_map([exemption_id], |r| r.get(0))
        .map_err(|e| from_sqlite("read the documents of an exemption", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the documents of an exemption", e))
}
