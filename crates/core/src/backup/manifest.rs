//! The manifest inside a backup: what the backup holds (counts, dates, the history
//! head), how to read it (the copy's database key), and the size and SHA-256 of every
//! other member. Serialised compactly with a fixed field order, so any changed byte
//! either fails to parse or no longer equals its own re-serialisation.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{from_sqlite, Error, Result};

/// Names a backup file's format inside the manifest.
pub const FORMAT: &str = "dossierkluis-backup";
/// The manifest layout this build writes; it reads every one up to it. Version 1 held
/// a copy with its own key and the SHA-256 in the manifest; version 2 holds the
/// dossier's own (encrypted) files and the sums in a last member, `SHA256SUMS`.
pub const FORMAT_VERSION: u32 = 2;
pub const MANIFEST_MEMBER: &str = "manifest.json";
pub const DATABASE_MEMBER: &str = "dossier.db";
/// The database's write-ahead log, when it held frames (SQLite replays it on opening).
pub const WAL_MEMBER: &str = "dossier.db-wal";
/// The members' SHA-256 in the format `sha256sum -c` reads.
pub const SUMS_MEMBER: &str = "SHA256SUMS";
/// `SHA256SUMS` lists a few lines; anything much larger is not ours.
pub(crate) const MAX_SUMS_BYTES: u64 = 4096;

/// One line of `SHA256SUMS`.
pub(crate) fn sums_line(sha256_hex: &str, name: &str) -> String {
    format!("{sha256_hex}  {name}\n")
}

/// The length of [`sums_line`] for `name`, known before the hash is.
pub(crate) fn sums_line_len(name: &str) -> u64 {
    (64 + 2 + name.len() + 1) as u64
}
/// The settings row in the copied database that holds the manifest's body, so a
/// changed manifest does not agree with the database it describes.
pub(crate) const BODY_SETTING: &str = "backup_manifest_body";
/// A manifest is a few kilobytes; anything much larger is not ours.
pub(crate) const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// What the backup holds, as facts a user can compare with their dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestBody {
    pub app_version: String,
    pub schema_version: u32,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub dossier_id: String,
    /// Live entries (tombstones not counted).
    pub entries: u64,
    pub tombstones: u64,
    /// Live entries per kind (`EntryKind` names).
    pub kinds: BTreeMap<String, u64>,
    /// The first and last day with a live entry (YYYY-MM-DD).
    pub first_on: Option<String>,
    pub last_on: Option<String>,
    /// The highest entry id (ids only grow: entries are never removed), to tell what
    /// a restore in place would lose.
    pub max_entry_id: i64,
    pub attachments: u64,
    pub attachment_bytes: u64,
    pub chain_head: String,
    pub chain_length: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub size: u64,
    /// Version 1 only; version 2 lists the sums in `SHA256SUMS`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub body: ManifestBody,
    pub members: Vec<Member>,
    /// Length of the whole tar inside the age file: a shorter file was cut off.
    pub payload_bytes: u64,
    /// The SQLCipher raw key of the database files (hex): the dossier's data key at
    /// the time (version 1: a random key of its own copy). The age encryption around
    /// the manifest protects it, as the recovery slot protects it in the dossier.
    pub database_key: String,
}

impl Manifest {
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Parses and insists on the canonical form: re-serialising must give the same
    /// bytes (so a changed letter case in a hex digit, or added whitespace, is refused).
    pub fn from_bytes(bytes: &[u8]) -> Result<Manifest> {
        let m: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| Error::BackupDamaged(format!("the manifest cannot be read: {e}")))?;
        if m.to_bytes() != bytes {
            return Err(Error::BackupDamaged(
                "the manifest was changed after the backup was made".into(),
            ));
        }
        Ok(m)
    }

    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// Reads what a newer version would need before the strict parse: a manifest from a
/// newer app may have fields this build does not know.
pub(crate) fn refuse_newer(bytes: &[u8], schema_supported: u32) -> Result<()> {
    let v: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::BackupDamaged(format!("the manifest cannot be read: {e}")))?;
    let format_version = v.get("format_version").and_then(|x| x.as_u64());
    let schema = v
        .pointer("/body/schema_version")
        .and_then(|x| x.as_u64())
        .unwrap_or(0);
    let app = v
        .pointer("/body/app_version")
        .and_then(|x| x.as_str())
        .unwrap_or("?")
        .to_string();
    if v.get("format").and_then(|x| x.as_str()) != Some(FORMAT) {
        return Err(Error::BackupDamaged(
            "this is not a Dossierkluis backup".into(),
        ));
    }
    if format_version.unwrap_or(0) > u64::from(FORMAT_VERSION)
        || schema > u64::from(schema_supported)
    {
        return Err(Error::BackupTooNew { app_version: app });
    }
    Ok(())
}

fn count(conn: &Connection, sql: &str) -> Result<u64> {
    conn.query_row(sql, [], |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as u64)
        .map_err(|e| from_sqlite("count what the backup holds", e))
}

fn text(conn: &Connection, sql: &str) -> Result<Option<String>> {
    conn.query_row(sql, [], |r| r.get::<_, Option<String>>(0))
        .map_err(|e| from_sqlite("read what the backup holds", e))
}

/// The facts of the database `conn` reads (inside the snapshot's transaction).
/// `schema` prefixes the table names (`main.` or an attached alias).
pub(crate) fn facts(
    conn: &Connection,
    schema: &str,
    app_version: &str,
    created_at: &str,
    dossier_id: &str,
) -> Result<ManifestBody> {
    let s = schema;
    let mut kinds = BTreeMap::new();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT kind, count(*) FROM {s}.entries WHERE deleted_at IS NULL GROUP BY kind ORDER BY kind"
        ))
        .map_err(|e| from_sqlite("count entries per kind", e))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .map_err(|e| from_sqlite("count entries per kind", e))?;
    for row in rows {
        let (k, n) = row.map_err(|e| from_sqlite("count entries per kind", e))?;
        kinds.insert(k, n.max(0) as u64);
    }
    let chain_head = text(
        conn,
        &format!("SELECT (SELECT hash FROM {s}.entry_versions ORDER BY seq DESC LIMIT 1)"),
    )?
    .unwrap_or_else(|| crate::store::history::GENESIS.to_string());
    Ok(ManifestBody {
        app_version: app_version.to_string(),
        schema_version: count(conn, &format!("PRAGMA {s}.user_version"))? as u32,
        created_at: created_at.to_string(),
        dossier_id: dossier_id.to_string(),
        entries: count(
            conn,
            &format!("SELECT count(*) FROM {s}.entries WHERE deleted_at IS NULL"),
        )?,
        tombstones: count(
            conn,
            &format!("SELECT count(*) FROM {s}.entries WHERE deleted_at IS NOT NULL"),
        )?,
        kinds,
        first_on: text(
            conn,
            &format!("SELECT min(occurred_on) FROM {s}.entries WHERE deleted_at IS NULL"),
        )?,
        last_on: text(
            conn,
            &format!("SELECT max(occurred_on) FROM {s}.entries WHERE deleted_at IS NULL"),
        )?,
        max_entry_id: count(
            conn,
            &format!("SELECT coalesce(max(id), 0) FROM {s}.entries"),
        )? as i64,
        attachments: count(
            conn,
            &format!("SELECT count(*) FROM {s}.attachments WHERE deleted_at IS NULL"),
        )?,
        attachment_bytes: count(
            conn,
            &format!("SELECT coalesce(sum(size), 0) FROM {s}.attachments WHERE deleted_at IS NULL"),
        )?,
        chain_head,
        chain_length: count(conn, &format!("SELECT count(*) FROM {s}.entry_versions"))?,
    })
}
