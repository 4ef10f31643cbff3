//! The version history of entries and the hash chain that links every version in the
//! dossier: nothing can be changed or removed afterwards without `verify` noticing.

use ring::digest;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::entry::Entry;
use crate::error::{from_sqlite, Result};

/// The hash before the first version: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened in one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Edit,
    Delete,
    /// A deletion taken back: the entry is live again, as it was before it.
    Restore,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Edit => "edit",
            Action::Delete => "delete",
            Action::Restore => "restore",
        }
    }
}

/// One stored version of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub seq: i64,
    pub entry_id: i64,
    pub version: u32,
    pub action: String,
    pub reason: String,
    pub recorded_at: String,
    /// Canonical JSON of the entry's fields at this version.
    pub content: String,
    pub attachments: String,
    pub hash: String,
}

/// What `verify_chain` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// The hash of the last version (GENESIS for an empty dossier).
    pub head: String,
    pub versions: u64,
    /// The first version whose stored hash does not match its content, if any.
    pub broken_at: Option<(i64, u32)>,
}

pub use crate::record::canonical;

fn chain_hash(prev: &str, content: &str, attachments: &str) -> String {
    let mut ctx = digest::Context::new(&digest::SHA256);
    // Length-prefixed parts, so no two different splits give the same input.
    for part in [prev, content, attachments] {
        ctx.update(&(part.len() as u64).to_be_bytes());
        ctx.update(part.as_bytes());
    }
    hex::encode(ctx.finish())
}

/// The SHA-256 of the entry's current attachments, in the order they were added.
pub(crate) fn attachment_hashes(conn: &Connection, entry_id: i64) -> Result<String> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT sha256 FROM attachments WHERE entry_id = ?1 AND deleted_at IS NULL ORDER BY id",
        )
        .map_err(|e| from_sqlite("read attachment hashes", e))?;
    let rows = stmt
        .query_map([entry_id], |r| r.get::<_, String>(0))
        .map_err(|e| from_sqlite("read attachment hashes", e))?;
    let hashes: Vec<String> = rows
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read attachment hashes", e))?;
    Ok(hashes.join(","))
}

pub fn head(conn: &Connection) -> Result<String> {
    conn.query_row(
        "SELECT hash FROM entry_versions ORDER BY seq DESC LIMIT 1",
        [],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map(|h| h.unwrap_or_else(|| GENESIS.to_string()))
    .map_err(|e| from_sqlite("read the chain head", e))
}

/// Appends the entry's current state (as read from the store) to the chain.
pub fn record(
    tx: &Transaction<'_>,
    entry: &Entry,
    action: Action,
    reason: &str,
    now: &str,
) -> Result<String> {
    let prev = head(tx)?;
    let links = super::links::canonical_outgoing(tx, entry.id)?;
    let content = canonical(entry, &links);
    let attachments = attachment_hashes(tx, entry.id)?;
    let hash = chain_hash(&prev, &content, &attachments);
    tx.execute(
        "INSERT INTO entry_versions (entry_id, version, action, reason, recorded_at, content,
         attachments, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            entry.id,
            entry.version,
            action.name(),
            reason.trim(),
            now,
            content,
            attachments,
            prev,
            hash
        ],
    )
    .map_err(|e| from_sqlite("record the history", e))?;
    Ok(hash)
}

/// Every version of one entry, oldest first.
pub fn versions(conn: &Connection, entry_id: i64) -> Result<Vec<Version>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, entry_id, version, action, reason, recorded_at, content, attachments, hash
             FROM entry_versions WHERE entry_id = ?1 ORDER BY seq",
        )
        .map_err(|e| from_sqlite("read the history", e))?;
    let rows = stmt
        .query_map([entry_id], |r| {
            Ok(Version {
                seq: r.get(0)?,
                entry_id: r.get(1)?,
                version: r.get(2)?,
                action: r.get(3)?,
                reason: r.get(4)?,
                recorded_at: r.get(5)?,
                content: r.get(6)?,
                attachments: r.get(7)?,
                hash: r.get(8)?,
            })
        })
        .map_err(|e| from_sqlite("read the history", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the history", e))
}

/// Recomputes every hash from the stored content, in chain order.
pub fn verify_chain(conn: &Connection) -> Result<ChainReport> {
    let mut stmt = conn
        .prepare("SELECT entry_id, version, content, attachments, prev_hash, hash FROM entry_versions ORDER BY seq")
        .map_err(|e| from_sqlite("read the history", e))?;
    let mut rows = stmt
        .query([])
        .map_err(|e| from_sqlite("read the history", e))?;
    let mut prev = GENESIS.to_string();
    let mut versions = 0u64;
    let mut broken_at = None;
    while let Some(r) = rows
        .next()
        .map_err(|e| from_sqlite("read the history", e))?
    {
        let entry_id: i64 = r.get(0).map_err(|e| from_sqlite("read the history", e))?;
        let version: u32 = r.get(1).map_err(|e| from_sqlite("read the history", e))?;
        let content: String = r.get(2).map_err(|e| from_sqlite("read the history", e))?;
        let attachments: String = r.get(3).map_err(|e| from_sqlite("read the history", e))?;
        let stored_prev: String = r.get(4).map_err(|e| from_sqlite("read the history", e))?;
        let stored: String = r.get(5).map_err(|e| from_sqlite("read the history", e))?;
        if broken_at.is_none()
            && (stored_prev != prev || chain_hash(&prev, &content, &attachments) != stored)
        {
            broken_at = Some((entry_id, version));
        }
        prev = stored;
        versions += 1;
    }
    Ok(ChainReport {
        head: prev,
        versions,
        broken_at,
    })
}
