//! The `attachment_read_text` table: what OCR read from an attachment, one row per
//! attachment, outside the entries and their hash chain (migration 11).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{from_sqlite, Result};

/// One stored read: (attachment id, text, engine, pages, read at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub attachment_id: i64,
    pub text: String,
    pub engine: String,
    pub pages: u32,
    pub read_at: String,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        attachment_id: r.get(0)?,
        text: r.get(1)?,
        engine: r.get(2)?,
        pages: r.get(3)?,
        read_at: r.get(4)?,
    })
}

const COLUMNS: &str = "attachment_id, text, engine, pages, read_at";

/// Stores (or replaces, after reading again) the text of one attachment.
pub fn put(tx: &Transaction<'_>, r: &Row) -> Result<()> {
    tx.execute(
        "INSERT INTO attachment_read_text (attachment_id, text, engine, pages, read_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (attachment_id) DO UPDATE SET text = excluded.text,
           engine = excluded.engine, pages = excluded.pages, read_at = excluded.read_at",
        params![r.attachment_id, r.text, r.engine, r.pages, r.read_at],
    )
    .map(|_| ())
    .map_err(|e| from_sqlite("save the read text", e))
}

/// The read text of one attachment, if it was read.
pub fn get(conn: &Connection, attachment_id: i64) -> Result<Option<Row>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM attachment_read_text WHERE attachment_id = ?1"),
        [attachment_id],
        row,
    )
    .optional()
    .map_err(|e| from_sqlite("read the read text", e))
}

/// The read texts of an entry's live attachments, in the order they were added.
pub fn of_entry(conn: &Connection, entry_id: i64) -> Result<Vec<Row>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT r.attachment_id, r.text, r.engine, r.pages, r.read_at
             FROM attachment_read_text r JOIN attachments a ON a.id = r.attachment_id
             WHERE a.entry_id = ?1 AND a.deleted_at IS NULL ORDER BY a.id",
        )
        .map_err(|e| from_sqlite("read the read texts", e))?;
    let rows = stmt
        .query_map([entry_id], row)
        .map_err(|e| from_sqlite("read the read texts", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the read texts", e))
}
