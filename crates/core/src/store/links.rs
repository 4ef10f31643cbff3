//! The `entry_links` table: "reply to", "objection against", "about the same decision".

use rusqlite::{params, Connection, Transaction};

use crate::error::{from_sqlite, Error, Result};
pub use crate::link::{EntryLink, LinkKind};

/// Adds the link; returns false when it already existed.
pub fn insert(tx: &Transaction<'_>, link: &EntryLink) -> Result<bool> {
    let n = tx
        .execute(
            "INSERT OR IGNORE INTO entry_links (from_id, to_id, kind) VALUES (?1, ?2, ?3)",
            params![link.from_id, link.to_id, link.kind.name()],
        )
        .map_err(|e| from_sqlite("save the link", e))?;
    Ok(n == 1)
}

/// Removes the link; returns false when there was none.
pub fn delete(tx: &Transaction<'_>, link: &EntryLink) -> Result<bool> {
    let n = tx
        .execute(
            "DELETE FROM entry_links WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3",
            params![link.from_id, link.to_id, link.kind.name()],
        )
        .map_err(|e| from_sqlite("remove the link", e))?;
    Ok(n == 1)
}

/// Every link that starts or ends at `id`, outgoing first.
pub fn of_entry(conn: &Connection, id: i64) -> Result<Vec<EntryLink>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT from_id, to_id, kind FROM entry_links WHERE from_id = ?1
             UNION ALL
             SELECT from_id, to_id, kind FROM entry_links WHERE to_id = ?1 AND from_id <> ?1",
        )
        .map_err(|e| from_sqlite("read the links", e))?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(|e| from_sqlite("read the links", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (from_id, to_id, kind) = row.map_err(|e| from_sqlite("read the links", e))?;
        let kind = LinkKind::from_name(&kind)
            .map_err(|_| Error::Damaged(format!("a link of entry {id} has an unknown kind")))?;
        out.push(EntryLink {
            from_id,
            to_id,
            kind,
        });
    }
    Ok(out)
}

/// The outgoing links of `id` as canonical text for the history ("kind:to", sorted).
pub fn canonical_outgoing(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut v: Vec<String> = of_entry(conn, id)?
        .into_iter()
        .filter(|l| l.from_id == id)
        .map(|l| format!("{}:{}", l.kind.name(), l.to_id))
        .collect();
    v.sort();
    Ok(v)
}
