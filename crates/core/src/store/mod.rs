//! The SQLCipher store: opening a keyed connection with the durability settings every
//! dossier needs, integrity checks, and the per-table modules.

pub mod attachments;
pub mod cases;
pub mod entries;
pub mod exemptions;
pub mod filter;
pub mod history;
pub mod links;
pub mod membership;
pub mod migrations;
pub mod people;
pub mod read_text;
pub mod search;
pub(crate) mod search_rows;
pub(crate) mod search_words;
pub mod settings;
pub mod todos;

use std::path::Path;
use std::sync::Once;

use rusqlite::config::DbConfig;
pub use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::error::{from_sqlite, Error, Result};

/// Settings shared by the encrypted store and the plain reference store in benchmarks.
/// WAL + `synchronous=FULL`: a commit that returned is on disk, even after `kill -9`.
/// `temp_store=MEMORY`: sorts and temp tables never spill plaintext to /tmp.
const PRAGMAS: &str = "PRAGMA temp_store = MEMORY;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -16000;";

static FIRST_OPEN: Once = Once::new();

/// Opens a connection; the first one in the process alone. SQLite marks itself
/// initialised before SQLCipher's own set-up (`sqlcipher_extra_init`) has finished, so
/// a second thread keying a database at that moment is refused ("sqlcipher not
/// initialized"). Seen in tests that create dossiers in parallel threads; a program
/// that opens two dossiers at once at start-up would meet it too.
fn open_connection(path: &Path) -> Result<Connection> {
    let mut first = None;
    FIRST_OPEN.call_once(|| first = Some(Connection::open(path)));
    let conn = first
        .unwrap_or_else(|| Connection::open(path))
        .map_err(|e| from_sqlite("open the database", e))?;
    // SQLCipher writes its own lines ("ERROR CORE sqlcipher_page_cipher: hmac check
    // failed …") straight to stderr; the user gets one clear line from us instead.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")
        .map_err(|e| from_sqlite("configure the database", e))?;
    Ok(conn)
}

/// Opens the database at `path` with the raw 256-bit data key, and proves the key fits
/// by reading the schema (SQLCipher only notices a wrong key on the first read).
///
/// The connection starts with SQLite's checkpoint-on-close switched off: until the
/// vault has compared the recovered database with its anchor, closing must not fold a
/// damaged `-wal` into the file and delete it. [`allow_checkpoint_on_close`] ends that.
pub(crate) fn open_encrypted(path: &Path, key: &[u8; 32]) -> Result<Connection> {
    let conn = open_connection(path)?;
    set_no_checkpoint_on_close(&conn, true)?;
    let pragma = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex::encode(key)));
    conn.execute_batch(&pragma)
        .map_err(|e| from_sqlite("key the database", e))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match from_sqlite("read the database", e) {
        // The key was authenticated by its slot, so a refusal here is damage.
        Error::Invalid(m) => Error::Damaged(m),
        other => other,
    })?;
    apply_pragmas(&conn)?;
    Ok(conn)
}

fn set_no_checkpoint_on_close(conn: &Connection, on: bool) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on)
        .map(drop)
        .map_err(|e| from_sqlite("configure the database", e))
}

/// After the anchor check passed: closing may checkpoint and remove the `-wal` again.
pub(crate) fn allow_checkpoint_on_close(conn: &Connection) -> Result<()> {
    set_no_checkpoint_on_close(conn, false)
}

/// Folds the whole `-wal` into the database file and empties it, so the file alone is
/// complete (a copy of the folder, a sync tool, a pulled USB stick lose nothing).
pub(crate) fn checkpoint(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| from_sqlite("write the database file", e))
    .and_then(|busy| match busy {
        0 => Ok(()),
        _ => Err(Error::Io {
            what: "write the database file".into(),
            source: std::io::Error::other("the database is busy"),
        }),
    })
}

/// Re-encrypts every page with `key` (SQLCipher's `PRAGMA rekey`, one transaction: a
/// crash leaves the old key in force). The caller checkpoints first.
pub(crate) fn rekey(conn: &Connection, key: &[u8; 32]) -> Result<()> {
    let pragma = Zeroizing::new(format!("PRAGMA rekey = \"x'{}'\";", hex::encode(key)));
    // SQLCipher re-encrypts through the rollback journal; in WAL mode pages already in
    // the WAL kept the old key (cipher_integrity_check then fails). So: leave WAL mode
    // for the re-key (after a full checkpoint there is nothing in it), then return.
    conn.query_row("PRAGMA journal_mode = DELETE", [], |r| {
        r.get::<_, String>(0)
    })
    .map_err(|e| from_sqlite("prepare the re-encryption", e))?;
    let rekeyed = conn
        .execute_batch(&pragma)
        .map_err(|e| from_sqlite("re-encrypt the database", e));
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .map_err(|e| from_sqlite("finish the re-encryption", e))?;
    rekeyed?;
    // Prove the new key reads back before anyone relies on it.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(drop)
    .map_err(|e| from_sqlite("read the re-encrypted database", e))
}

#[cfg(feature = "test-hooks")]
/// A plain, unencrypted SQLite store with the same settings and schema. Only for the
/// benchmark that measures what encryption costs; no dossier ever uses it.
pub fn open_plain_for_benchmark(path: &Path) -> Result<Connection> {
    let mut conn = open_connection(path)?;
    apply_pragmas(&conn)?;
    migrations::migrate(&mut conn, migrations::LATEST)?;
    Ok(conn)
}

fn apply_pragmas(conn: &Connection) -> Result<()> {
    conn.execute_batch(PRAGMAS)
        .map_err(|e| from_sqlite("configure the database", e))?;
    // Read back: SQLite ignores a setting it cannot apply (WAL on some file systems)
    // without an error, and a dossier must never run on weaker promises unnoticed.
    let found = settings(conn)?;
    if found != (String::from("wal"), 2, 2) {
        return Err(Error::Damaged(format!(
            "the database refused its durability settings (journal_mode, synchronous, temp_store = {found:?})"
        )));
    }
    Ok(())
}

/// `journal_mode`, `synchronous` (2 = FULL) and `temp_store` (2 = MEMORY) as SQLite
/// reports them for `conn`.
pub(crate) fn settings(conn: &Connection) -> Result<(String, i64, i64)> {
    let read = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
            .map_err(|e| from_sqlite("read the database settings", e))
    };
    let text = |v| match v {
        rusqlite::types::Value::Text(t) => t.to_lowercase(),
        _ => String::new(),
    };
    let int = |v| match v {
        rusqlite::types::Value::Integer(i) => i,
        _ => -1,
    };
    Ok((
        text(read("PRAGMA journal_mode")?),
        int(read("PRAGMA synchronous")?),
        int(read("PRAGMA temp_store")?),
    ))
}

/// Runs SQLCipher's page-authentication check and SQLite's structural check; returns
/// what they reported (empty when all is well).
pub(crate) fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn
        .prepare("PRAGMA cipher_integrity_check")
        .map_err(|e| from_sqlite("check page authentication", e))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| from_sqlite("check page authentication", e))?;
    for row in rows {
        problems.push(row.map_err(|e| from_sqlite("check page authentication", e))?);
    }
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| from_sqlite("check the database structure", e))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| from_sqlite("check the database structure", e))?;
    for row in rows {
        let line = row.map_err(|e| from_sqlite("check the database structure", e))?;
        if line != "ok" {
            problems.push(line);
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_benchmark_reference_store_runs_with_the_same_settings() {
        let tmp = tempfile::tempdir().unwrap();
        let conn = open_plain_for_benchmark(&tmp.path().join("plain.db")).unwrap();
        assert_eq!(settings(&conn).unwrap(), ("wal".to_string(), 2, 2));
    }

    #[test]
    fn a_connection_without_the_settings_is_caught() {
        let tmp = tempfile::tempdir().unwrap();
        let conn = open_connection(&tmp.path().join("weak.db")).unwrap();
        conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF;")
            .unwrap();
        assert_ne!(settings(&conn).unwrap(), ("wal".to_string(), 2, 2));
    }
}
