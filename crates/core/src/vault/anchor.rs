//! The anchor: a small record beside the database (entry count, version count, chain
//! head) authenticated with a key derived from the data key, rewritten after every
//! commit and compared with what SQLite recovered on open. It turns a cut or damaged
//! `-wal` and an older `dossier.db` put back into reported damage instead of entries
//! that silently disappear.
//!
//! The database may be *ahead* of the anchor (a crash between the commit and the anchor
//! write), never behind it: the anchored head must still sit at its place in the chain.

use std::path::Path;

use ring::{hkdf, hmac};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::fsutil;
use crate::error::{from_sqlite, Error, Result};
use crate::store::history::GENESIS;

/// The anchor file inside a dossier folder.
pub const ANCHOR_FILE: &str = "anchor.json";
const FORMAT: &str = "dossierkluis-anchor";
const VERSION: u32 = 1;

/// What the dossier held after its last committed write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Every entry row, tombstones included (they are never removed).
    pub entries: u64,
    /// Every version in the history chain.
    pub versions: u64,
    /// The hash of the newest version (64 zeros for an empty dossier).
    pub head: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct AnchorFile {
    format: String,
    version: u32,
    entries: u64,
    versions: u64,
    head: String,
    mac: String,
}

fn mac_key(data_key: &[u8; 32]) -> hmac::Key {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"dossierkluis anchor").extract(data_key);
    let okm = prk
        .expand(&[b"dossierkluis anchor mac v1"], hmac::HMAC_SHA256)
        .expect("HMAC key length is within HKDF's limit");
    hmac::Key::from(okm)
}

fn mac_input(a: &Anchor) -> Vec<u8> {
    format!(
        "{FORMAT} v{VERSION}|{}|{}|{}",
        a.entries, a.versions, a.head
    )
    .into_bytes()
}

/// Reads what the database holds now (no write, so a damaged `-wal` stays as it is).
pub(crate) fn current(conn: &Connection) -> Result<Anchor> {
    let what = "read the dossier's totals";
    let count = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as u64)
            .map_err(|e| from_sqlite(what, e))
    };
    let entries = count("SELECT count(*) FROM entries")?;
    let versions = count("SELECT count(*) FROM entry_versions")?;
    let head = hash_at(conn, versions)?.unwrap_or_else(|| GENESIS.to_string());
    Ok(Anchor {
        entries,
        versions,
        head,
    })
}

/// False for a dossier whose schema predates the history chain (migration 3): nothing
/// to anchor yet.
pub(crate) fn has_history(conn: &Connection) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entry_versions'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(|e| from_sqlite("read the database", e))
}

/// The hash of the `n`-th version in chain order (1-based); GENESIS for 0.
fn hash_at(conn: &Connection, n: u64) -> Result<Option<String>> {
    if n == 0 {
        return Ok(Some(GENESIS.to_string()));
    }
    conn.query_row(
        "SELECT hash FROM entry_versions ORDER BY seq LIMIT 1 OFFSET ?1",
        [n as i64 - 1],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map_err(|e| from_sqlite("read the history", e))
}

/// The anchor on disk, or `None` when there is none (a dossier made before anchors
/// existed) or it does not authenticate (damaged itself: it is then written anew, as
/// refusing the whole dossier over its smallest file would help nobody).
pub(crate) fn load(dir: &Path, data_key: &[u8; 32]) -> Result<Option<Anchor>> {
    let path = dir.join(ANCHOR_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(format!("read {}", path.display()), e)),
    };
    let Ok(file) = serde_json::from_slice::<AnchorFile>(&bytes) else {
        return Ok(None);
    };
    if file.format != FORMAT || file.version != VERSION {
        return Ok(None);
    }
    let anchor = Anchor {
        entries: file.entries,
        versions: file.versions,
        head: file.head,
    };
    let Ok(tag) = hex::decode(&file.mac) else {
        return Ok(None);
    };
    match hmac::verify(&mac_key(data_key), &mac_input(&anchor), &tag) {
        Ok(()) => Ok(Some(anchor)),
        Err(_) => Ok(None),
    }
}

/// Writes the anchor atomically (temp file, fsync, rename, fsync folder).
pub(crate) fn store(dir: &Path, data_key: &[u8; 32], anchor: &Anchor) -> Result<()> {
    let tag = hmac::sign(&mac_key(data_key), &mac_input(anchor));
    let file = AnchorFile {
        format: FORMAT.into(),
        version: VERSION,
        entries: anchor.entries,
        versions: anchor.versions,
        head: anchor.head.clone(),
        mac: hex::encode(tag.as_ref()),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).expect("anchor serialises");
    bytes.push(b'\n');
    fsutil::atomic_write(&dir.join(ANCHOR_FILE), &bytes)
}

/// Compares the database with the anchor; Ok when it holds at least everything the
/// anchor saw (and the same history up to there).
pub(crate) fn check(conn: &Connection, saved: &Anchor) -> Result<()> {
    let found = if has_history(conn)? {
        current(conn)?
    } else {
        Anchor {
            entries: 0,
            versions: 0,
            head: GENESIS.to_string(),
        }
    };
    let missing = || Error::EntriesMissing {
        saved_entries: saved.entries,
        found_entries: found.entries,
        missing_versions: saved.versions.saturating_sub(found.versions),
    };
    if found.versions < saved.versions {
        return Err(missing());
    }
    if hash_at(conn, saved.versions)?.as_deref() != Some(saved.head.as_str()) {
        return Err(Error::Damaged(format!(
            "the history in {} is not the one saved last time (another or older copy of the database?)",
            super::DB_FILE
        )));
    }
    if found.versions == saved.versions && found.entries < saved.entries {
        return Err(missing());
    }
    Ok(())
}

/// Removes the anchor (before the database file is swapped for a restored one), durably.
pub(crate) fn remove(dir: &Path) -> Result<()> {
    let path = dir.join(ANCHOR_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(format!("remove {}", path.display()), e)),
    }
    fsutil::sync_dir(dir).map_err(|e| Error::io(format!("write {}", dir.display()), e))
}
