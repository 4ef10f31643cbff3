//! Schema migrations: append-only SQL files, numbered by `PRAGMA user_version`, all
//! pending ones applied in one transaction. A newer dossier is refused, never touched.

use rusqlite::{Connection, Transaction};

use crate::error::{from_sqlite, Error, Result};

/// Index `i` upgrades from version `i` to `i + 1`. Never edit or reorder: append.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_entries.sql"),
    include_str!("../../migrations/0002_settings_and_timeline_index.sql"),
    include_str!("../../migrations/0003_full_entry_model.sql"),
    include_str!("../../migrations/0004_live_entries_index.sql"),
    include_str!("../../migrations/0005_letter_dates_and_todos.sql"),
    include_str!("../../migrations/0006_exemptions_cases.sql"),
    include_str!("../../migrations/0007_todo_sources_index.sql"),
    include_str!("../../migrations/0008_history_append_only.sql"),
    include_str!("../../migrations/0009_timeline_keyset.sql"),
    include_str!("../../migrations/0010_verslag.sql"),
    include_str!("../../migrations/0011_read_text.sql"),
    include_str!("../../migrations/0012_search_rows_in_timeline_order.sql"),
    include_str!("../../migrations/0013_search_vocab.sql"),
];

/// The first schema with the `settings` table (migration 2).
pub const SETTINGS_SCHEMA: u32 = 2;

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
    // Data steps read entries through today's code, which expects every column, so
    // they run once all the SQL steps are in (still inside the one transaction).
    let crossed = |version: u32| found < version && version <= target;
    if crossed(3) {
        backfill_history(&tx)?;
    }
    // Versions 4 (a row for every entry) and 12 (rows keyed by the timeline) both ask
    // for a new search index; today's rebuild needs version 12's table, and one at the
    // end serves both.
    if crossed(12) {
        super::search::rebuild(&tx)?;
    }
    tx.pragma_update(None, "user_version", target)
        .map_err(|e| from_sqlite("record the schema version", e))?;
    tx.commit()
        .map_err(|e| from_sqlite("commit the upgrade", e))
}

/// Version 3 introduced the history chain and the search index: entries written by an
/// older version get their first version (dated when they were written down) and an
/// index row, so an upgraded dossier is indistinguishable from a fresh one.
fn backfill_history(tx: &Transaction<'_>) -> Result<()> {
    let ids: Vec<i64> = {
        let mut stmt = tx
            .prepare("SELECT id FROM entries ORDER BY id")
            .map_err(|e| from_sqlite("read entries to upgrade", e))?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| from_sqlite("read entries to upgrade", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| from_sqlite("read entries to upgrade", e))?
    };
    for id in ids {
        if let Some(entry) = super::entries::get(tx, id)? {
            let when = entry.created_at.clone();
            super::history::record(
                tx,
                &entry,
                super::history::Action::Create,
                "recorded before the version history existed",
                &when,
            )?;
            super::search::reindex_entry(tx, id)?;
        }
    }
    Ok(())
}
