//! Copies of the database: the snapshot a backup takes (the raw, still encrypted files,
//! copied while holding the writer lock for a moment), and the copy under another key
//! that a restore writes (made by SQLCipher itself, `sqlcipher_export`).
//!
//! Why a raw copy is consistent: under the writer lock nobody appends to the `-wal`,
//! so its frames are stable; a checkpoint that runs meanwhile (the app locking) cannot
//! take the writer lock either, so it only copies frames from the `-wal` into the
//! database file, never resets the `-wal`. Every page it may change in the file (even a
//! page read half-written) is in the copied `-wal`, whose replay on opening the copy
//! writes it again; the `-shm` is rebuilt from the `-wal`. So the copied file plus the
//! copied `-wal` open as exactly the state the manifest's facts were read from.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::manifest::{self, ManifestBody};
use crate::error::{from_sqlite, Error, Result};
use crate::vault::{self, DB_FILE};

/// A database file's `-wal` beside it.
pub(crate) fn wal_of(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-wal");
    PathBuf::from(p)
}

pub(crate) fn remove_database_files(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

/// Runs `f` in a transaction opened with `begin`; commits what it wrote.
fn in_transaction<T>(
    conn: &Connection,
    begin: &str,
    f: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    conn.execute_batch(begin)
        .map_err(|e| from_sqlite("start the backup", e))?;
    match f(conn) {
        Ok(v) => {
            conn.execute_batch("COMMIT")
                .map_err(|e| from_sqlite("finish the backup's snapshot", e))?;
            Ok(v)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn copy_private(from: &Path, to: &Path) -> Result<u64> {
    let mut src = File::open(from).map_err(|e| Error::io("read the dossier", e))?;
    let mut dst = vault::new_private_file(to)?;
    // File to file: the kernel copies (copy_file_range), no bytes pass through us.
    io::copy(&mut src, &mut dst).map_err(|e| Error::io("copy the dossier", e))
}

/// What a snapshot copied: the database file, and its `-wal` when that held frames.
pub(crate) struct Snapshot {
    pub(crate) body: ManifestBody,
    pub(crate) db: PathBuf,
    pub(crate) wal: Option<PathBuf>,
}

/// How often a snapshot is tried again when entries were written between storing
/// the manifest's body and taking the writer lock.
const ATTEMPTS: usize = 8;

/// Copies the database files of `dir` to `copy` (and `copy-wal`) as one consistent
/// state, whose facts `facts` reads. The manifest's body is stored in the dossier's
/// settings first, so the copy holds the body it is described by: a manifest changed
/// later does not agree with its database.
pub(crate) fn snapshot(
    conn: &Connection,
    dir: &Path,
    copy: &Path,
    facts: impl Fn(&Connection) -> Result<ManifestBody>,
) -> Result<Snapshot> {
    let db_src = dir.join(DB_FILE);
    let wal_src = wal_of(&db_src);
    for _ in 0..ATTEMPTS {
        let body = in_transaction(conn, "BEGIN IMMEDIATE", |c| {
            let body = facts(c)?;
            let json = serde_json::to_string(&body)
                .map_err(|e| Error::Invalid(format!("write the manifest: {e}")))?;
            c.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [manifest::BODY_SETTING, json.as_str()],
            )
            .map_err(|e| from_sqlite("write the manifest", e))?;
            Ok(body)
        })?;
        // Best effort: with the -wal folded into the file (the body just written too),
        // most backups hold one file. It fails harmlessly while another reads.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let taken = in_transaction(conn, "BEGIN IMMEDIATE", |c| {
            // Another writer may have come between the two transactions.
            if facts(c)? != body {
                return Ok(None);
            }
            remove_database_files(copy);
            copy_private(&db_src, copy)?;
            let wal = match fs::metadata(&wal_src) {
                Ok(m) if m.len() > 0 => {
                    copy_private(&wal_src, &wal_of(copy))?;
                    Some(wal_of(copy))
                }
                _ => None,
            };
            Ok(Some(wal))
        })?;
        if let Some(wal) = taken {
            return Ok(Snapshot {
                body,
                db: copy.to_path_buf(),
                wal,
            });
        }
    }
    Err(Error::io(
        "make the backup",
        io::Error::other("the dossier kept changing; try again in a moment"),
    ))
}

/// Copies the database `conn` reads (alias `main`) into a new file keyed with
/// `key_hex`, inside one read transaction; `inside` runs in the same transaction (to
/// read facts that must match the copy) and may write to the copy (alias `copy`).
pub(crate) fn export_copy<T>(
    conn: &Connection,
    target: &Path,
    key_hex: &str,
    inside: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    // The copy is encrypted from its first page; creating the file first makes SQLite
    // keep our permissions for it and its journal.
    vault::new_private_file(target)?;
    let key = Zeroizing::new(format!("x'{key_hex}'"));
    conn.execute(
        "ATTACH DATABASE ?1 AS copy KEY ?2",
        rusqlite::params![target.to_string_lossy(), key.as_str()],
    )
    .map_err(|e| from_sqlite("start the database copy", e))?;
    let result = in_transaction(conn, "BEGIN", |conn| {
        let version: u32 = conn
            .query_row("PRAGMA main.user_version", [], |r| r.get(0))
            .map_err(|e| from_sqlite("read the schema version", e))?;
        conn.query_row("SELECT sqlcipher_export('copy')", [], |_| Ok(()))
            .map_err(|e| from_sqlite("copy the database", e))?;
        conn.execute_batch(&format!("PRAGMA copy.user_version = {version}"))
            .map_err(|e| from_sqlite("copy the database", e))?;
        inside(conn)
    });
    let detach = conn
        .execute_batch("DETACH DATABASE copy")
        .map_err(|e| from_sqlite("finish the database copy", e));
    let out = result?;
    detach?;
    Ok(out)
}
