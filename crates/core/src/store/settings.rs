//! The dossier's own key/value settings (table `settings`, migration 2): small facts
//! about the dossier such as the backup recipient and when the last backup was made.

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::error::{from_sqlite, Result};

/// The public half of the age identity backups are encrypted to (`age1…`).
pub const BACKUP_RECIPIENT: &str = "backup_recipient";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
        r.get(0)
    })
    .optional()
    .map_err(|e| from_sqlite("read a dossier setting", e))
}

pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
    .map_err(|e| from_sqlite("save a dossier setting", e))?;
    Ok(())
}

/// Every setting whose key starts with `prefix`, as (rest of the key, value), in key
/// order. `prefix` is a constant of this file; Compared as a plain prefix (no LIKE wildcards).
pub fn with_prefix(conn: &Connection, prefix: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn
        .prepare(
            "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key",
        )
        .map_err(|e| from_sqlite("read dossier settings", e))?;
    let rows = stmt
        .query_map([prefix], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .map_err(|e| from_sqlite("read dossier settings", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (key, value) = row.map_err(|e| from_sqlite("read dossier settings", e))?;
        out.push((key[prefix.len()..].to_string(), value));
    }
    Ok(out)
}

/// An organisation's postal address, remembered from the last letter to it: this
/// prefix, then the organisation's name case-folded (`crate::person::folded`); the
/// value is the address lines, newline-separated.
pub const ORGANISATION_ADDRESS: &str = "organisation_address:";

/// When the last backup was made (RFC 3339 UTC), for the reminder.
pub const LAST_BACKUP_AT: &str = "last_backup_at";

/// The user's own details (`crate::profile`): name, address lines (newline-separated),
/// e-mail address.
pub const PROFILE_NAME: &str = "profile_name";
pub const PROFILE_ADDRESS: &str = "profile_address";
pub const PROFILE_EMAIL: &str = "profile_email";
