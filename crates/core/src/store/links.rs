//! The `entry_links` table: "reply to", "objection against", "about the same decision".

use rusqlite::{params, Connection, Transaction};

use crate::error::{from_sqlite, Error, Result};

/// How one entry relates to another. The names are a contract (CLI, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// This entry answers the other (a letter replying to a letter or a call).
    ReplyTo,
    /// This entry is an objection (bezwaar) against the other (a decision).
    ObjectionAgainst,
    /// Both are about the same decision or matter.
    SameDecision,
}

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [
        LinkKind::ReplyTo,
        LinkKind::ObjectionAgainst,
        LinkKind::SameDecision,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LinkKind::ReplyTo => "reply-to",
            LinkKind::ObjectionAgainst => "objection-against",
            LinkKind::SameDecision => "same-decision",
        }
    }

    pub fn from_name(name: &str) -> Result<LinkKind> {
        LinkKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown kind of link: {name} (use reply-to, objection-against or same-decision)"
                ))
            })
    }
}

/// A link from one entry to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryLink {
    pub from_id: i64,
    pub to_id: i64,
    pub kind: LinkKind,
}

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
