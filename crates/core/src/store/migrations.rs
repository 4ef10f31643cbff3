//! Schema migrations: append-only SQL files, numbered by `PRAGMA user_version`, all
//! pending ones applied in one transaction. A newer dossier is refused, never touched.

use rusqlite::Connection;

use crate::error::{from_sqlite, Error, Result};

/// Index `i` upgrades from version `i` to `i + 1`. Never edit or reorder: append.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_entries.sql"),
    include_str!("../../migrations/0002_settings_and_timeline_index.sql"),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

pub fn current(conn: &Connection) -> Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))
        .map_err(|e| from_sqlite("read the schema version", e))
}

/// Brings the schema up to `target` (at most [`LATEST`]).
pub fn migrate(conn: &mut Connection, target: u32) -> Result<()> {
    let found = current(conn)?;
    if found > LATEST {
        return Err(Error::TooNew {
            found,
            supported: LATEST,
        });
    }
    if found >= target {
        return Ok(());
    }
    let tx = conn
        .transaction()
        .map_err(|e| from_sqlite("start the upgrade", e))?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(found as usize)
    {
        tx.execute_batch(sql)
            .map_err(|e| from_sqlite(&format!("upgrade the schema to version {}", i + 1), e))?;
    }
    tx.pragma_update(None, "user_version", target)
        .map_err(|e| from_sqlite("record the schema version", e))?;
    tx.commit()
        .map_err(|e| from_sqlite("commit the upgrade", e))
}
