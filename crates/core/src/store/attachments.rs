//! The `attachments` table: the bytes of every attached file (inside the encrypted
//! database, never elsewhere) with their SHA-256, sniffed type and search text. A
//! detached file keeps its row, so older versions in the history still point at it.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::attachment::Attachment;
use crate::error::{from_sqlite, Error, Result};

/// What is stored for a new attachment; `sha256`, `media_type` and `text` were derived
/// from `data` by the caller.
#[derive(Debug)]
pub struct NewAttachment<'a> {
    pub entry_id: i64,
    pub filename: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub data: &'a [u8],
    pub text: &'a str,
}

const COLUMNS: &str = "id, entry_id, filename, media_type, size, sha256, added_at";

fn row(r: &Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        entry_id: r.get(1)?,
        filename: r.get(2)?,
        media_type: r.get(3)?,
        size: r.get::<_, i64>(4)?.max(0) as u64,
        sha256: r.get(5)?,
        added_at: r.get(6)?,
    })
}

/// Marks a change to the entry's attachments as a new version of the entry. Refuses a
/// missing or deleted entry with a message that says which.
pub fn bump_entry(tx: &Transaction<'_>, entry_id: i64, now: &str) -> Result<u32> {
    let deleted: Option<Option<String>> = tx
        .query_row(
            "SELECT deleted_at FROM entries WHERE id = ?1",
            [entry_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| from_sqlite("read the entry", e))?;
    match deleted {
        None => {
            return Err(Error::Invalid(format!("entry {entry_id} does not exist")));
        }
        Some(Some(_)) => {
            return Err(Error::Invalid(format!(
                "entry {entry_id} was deleted; the attachments of a deleted entry cannot change"
            )));
        }
        Some(None) => {}
    }
    tx.execute(
        "UPDATE entries SET version = version + 1, updated_at = ?2 WHERE id = ?1",
        params![entry_id, now],
    )
    .map_err(|e| from_sqlite("change the entry", e))?;
    tx.query_row(
        "SELECT version FROM entries WHERE id = ?1",
        [entry_id],
        |r| r.get(0),
    )
    .map_err(|e| from_sqlite("read the entry version", e))
}

/// Stores the attachment and returns its id.
pub fn insert(tx: &Transaction<'_>, a: &NewAttachment<'_>, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO attachments (entry_id, filename, media_type, size, sha256, data, text, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            a.entry_id,
            a.filename,
            a.media_type,
            a.data.len() as i64,
            a.sha256,
            a.data,
            a.text,
            now
        ],
    )
    .map_err(|e| from_sqlite("save the attachment", e))?;
    Ok(tx.last_insert_rowid())
}

/// Hides a live attachment from its entry; returns its description as it was.
pub fn detach(tx: &Transaction<'_>, id: i64, now: &str) -> Result<Attachment> {
    let a = get(tx, id)?.ok_or_else(|| missing(id))?;
    let changed = tx
        .execute(
            "UPDATE attachments SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now],
        )
        .map_err(|e| from_sqlite("remove the attachment", e))?;
    if changed == 0 {
        return Err(Error::Invalid(format!(
            "attachment {id} was already removed"
        )));
    }
    Ok(a)
}

fn missing(id: i64) -> Error {
    Error::Invalid(format!("attachment {id} does not exist"))
}

/// One attachment's description, detached or not (the history may refer to it).
pub fn get(conn: &Connection, id: i64) -> Result<Option<Attachment>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1"),
        [id],
        row,
    )
    .optional()
    .map_err(|e| from_sqlite("read the attachment", e))
}

/// The live attachments of an entry, in the order they were added.
pub fn list(conn: &Connection, entry_id: i64) -> Result<Vec<Attachment>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attachments WHERE entry_id = ?1 AND deleted_at IS NULL ORDER BY id"
        ))
        .map_err(|e| from_sqlite("read the attachments", e))?;
    let rows = stmt
        .query_map([entry_id], row)
        .map_err(|e| from_sqlite("read the attachments", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the attachments", e))
}

/// The stored bytes and sniffed type of an attachment.
pub fn data(conn: &Connection, id: i64) -> Result<(String, Vec<u8>)> {
    conn.query_row(
        "SELECT media_type, data FROM attachments WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(|e| from_sqlite("read the attachment", e))?
    .ok_or_else(|| missing(id))
}
