//! Rows that tie an entry to a group (a case, an exemption's documents): adding and
//! removing them the same way for every group.

use rusqlite::{params, Transaction};

use crate::error::{from_sqlite, Result};

/// One membership table: `(owner_column, entry_id)` rows in `table`. Names are
/// constants in this crate, never user input, so formatting them into SQL is safe.
#[derive(Debug)]
pub struct Membership {
    pub table: &'static str,
    pub owner_column: &'static str,
    /// What the user was doing, for error messages ("add the entry to the case").
    pub adding: &'static str,
    pub removing: &'static str,
}

/// Entries in cases.
pub const CASE: Membership = Membership {
    table: "case_entries",
    owner_column: "case_id",
    adding: "add the entry to the case",
    removing: "take the entry out of the case",
};

/// The documents of an exemption.
pub const EXEMPTION: Membership = Membership {
    table: "exemption_entries",
    owner_column: "exemption_id",
    adding: "link the entry to the exemption",
    removing: "unlink the entry from the exemption",
};

impl Membership {
    /// Adds the entry; false when it was a member already.
    pub fn add(&self, tx: &Transaction<'_>, owner: i64, entry_id: i64) -> Result<bool> {
        let sql = format!(
            "INSERT OR IGNORE INTO {} ({}, entry_id) VALUES (?1, ?2)",
            self.table, self.owner_column
        );
        let n = tx
            .execute(&sql, params![owner, entry_id])
            .map_err(|e| from_sqlite(self.adding, e))?;
        Ok(n == 1)
    }

    /// Removes the entry; false when it was not a member.
    pub fn remove(&self, tx: &Transaction<'_>, owner: i64, entry_id: i64) -> Result<bool> {
        let sql = format!(
            "DELETE FROM {} WHERE {} = ?1 AND entry_id = ?2",
            self.table, self.owner_column
        );
        let n = tx
            .execute(&sql, params![owner, entry_id])
            .map_err(|e| from_sqlite(self.removing, e))?;
        Ok(n == 1)
    }
}
