//! Read-only facts about the open connection, for tests and `verify`.

use crate::error::Result;
use crate::vault::Dossier;

impl Dossier {
    /// `journal_mode`, `synchronous` (2 = FULL) and `temp_store` (2 = MEMORY) as SQLite
    /// reports them for this dossier's connection.
    pub fn connection_settings(&self) -> Result<(String, i64, i64)> {
        crate::store::settings(self.conn())
    }
}
