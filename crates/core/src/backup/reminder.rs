//! When to ask for a backup: the dossier remembers when the last one was made; the home
//! view says so, and asks for a new one after 30 days or 20 new entries.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use crate::clock::Clock;
use crate::error::{from_sqlite, Result};
use crate::store::settings;
use crate::vault::Dossier;

pub const REMIND_AFTER_DAYS: i64 = 30;
pub const REMIND_AFTER_ENTRIES: u64 = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReminder {
    /// When the last backup was made (RFC 3339 UTC), if ever.
    pub last_backup_at: Option<String>,
    /// Whole days since then (since the first entry, when there never was one).
    pub days_since: Option<i64>,
    /// Entries written down since then.
    pub entries_since: u64,
    /// Time to ask for a backup.
    pub due: bool,
}

impl Dossier {
    pub fn backup_reminder(&self, clock: &dyn Clock) -> Result<BackupReminder> {
        let last = settings::get(self.conn(), settings::LAST_BACKUP_AT)?;
        let entries_since: i64 = self
            .conn()
            .query_row(
                "SELECT count(*) FROM entries WHERE ?1 IS NULL OR created_at > ?1",
                [last.as_deref()],
                |r| r.get(0),
            )
            .map_err(|e| from_sqlite("count new entries", e))?;
        // Without a backup, the clock starts at the first entry written down.
        let since = match &last {
            Some(at) => Some(at.clone()),
            None => self
                .conn()
                .query_row("SELECT min(created_at) FROM entries", [], |r| {
                    r.get::<_, Option<String>>(0)
                })
                .optional()
                .map_err(|e| from_sqlite("read the first entry", e))?
                .flatten(),
        };
        let days_since = since
            .as_deref()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| (clock.now() - t.with_timezone(&Utc)).num_days());
        let entries_since = entries_since.max(0) as u64;
        let due = entries_since > 0
            && (entries_since >= REMIND_AFTER_ENTRIES
                || days_since.unwrap_or(0) >= REMIND_AFTER_DAYS);
        Ok(BackupReminder {
            last_backup_at: last,
            days_since,
            entries_since,
            due,
        })
    }
}
