//! Entries: add, change (keeping the earlier version), delete (leaving a tombstone),
//! read, history, search.

use rusqlite::Transaction;

use super::now_string;
use crate::clock::Clock;
use crate::entry::{Entry, EntryData};
use crate::error::{Error, Result};
use crate::store::history::{self, Action, ChainReport, Version};
use crate::store::{entries, search};
use crate::vault::Dossier;

/// Reads back what was just written and appends it to the chain.
pub(super) fn record(
    tx: &Transaction<'_>,
    id: i64,
    action: Action,
    reason: &str,
    now: &str,
) -> Result<Entry> {
    let saved = entries::get(tx, id)?
        .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))?;
    history::record(tx, &saved, action, reason, now)?;
    search::reindex_entry(tx, id)?;
    Ok(saved)
}

/// A new entry has no files yet, so none of them can be its verslag.
pub(super) fn no_verslag_yet(data: &EntryData) -> Result<()> {
    match data.verslag {
        Some(_) => Err(Error::Invalid(
            "a new entry has no attachments yet; choose its verslag after adding the file".into(),
        )),
        None => Ok(()),
    }
}

impl Dossier {
    /// Adds an entry, committed durably (with its first history version) before this
    /// returns.
    pub fn add_entry(&mut self, data: &EntryData, clock: &dyn Clock) -> Result<Entry> {
        data.validate(clock)?;
        no_verslag_yet(data)?;
        let now = now_string(clock);
        self.write(|tx| {
            let id = entries::insert(tx, data, &now)?;
            record(tx, id, Action::Create, "", &now)
        })
    }

    /// Changes an entry. The earlier version stays in the history; `reason` (may be
    /// empty) is kept with the change. `data.verslag` is stored as given (undo gives an
    /// earlier one back), checked against its pinned file; an editor that does not show
    /// the verslag passes the entry's current one on.
    pub fn update_entry(
        &mut self,
        id: i64,
        data: &EntryData,
        reason: &str,
        clock: &dyn Clock,
    ) -> Result<Entry> {
        data.validate(clock)?;
        let now = now_string(clock);
        self.write(|tx| {
            super::verslag::check_in_store(tx, id, data)?;
            entries::update(tx, id, data, &now)?;
            record(tx, id, Action::Edit, reason, &now)
        })
    }

    /// Deletes an entry: it stays as a visible tombstone with its reason, and its
    /// content stays in the history.
    pub fn delete_entry(&mut self, id: i64, reason: &str, clock: &dyn Clock) -> Result<Entry> {
        if reason.trim().is_empty() {
            return Err(Error::Invalid(
                "say why the entry is deleted; the reason stays visible".into(),
            ));
        }
        let now = now_string(clock);
        self.write(|tx| {
            entries::tombstone(tx, id, reason, &now)?;
            record(tx, id, Action::Delete, reason, &now)
        })
    }

    /// Takes a deletion back: the entry is live again with everything it had (a new
    /// version with action `restore`; the tombstone stays in the history).
    pub fn restore_entry(&mut self, id: i64, reason: &str, clock: &dyn Clock) -> Result<Entry> {
        let now = now_string(clock);
        self.write(|tx| {
            entries::untombstone(tx, id, &now)?;
            record(tx, id, Action::Restore, reason, &now)
        })
    }

    pub fn entry(&self, id: i64) -> Result<Entry> {
        entries::get(self.conn(), id)?
            .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))
    }

    /// The number of live (not deleted) entries.
    pub fn entry_count(&self) -> Result<u64> {
        entries::count(self.conn())
    }

    /// All entries in timeline order, tombstones included.
    pub fn entries(&self) -> Result<Vec<Entry>> {
        entries::list(self.conn())
    }

    /// Every version of one entry, oldest first.
    pub fn history(&self, id: i64) -> Result<Vec<Version>> {
        history::versions(self.conn(), id)
    }

    /// Recomputes the whole hash chain.
    pub fn verify_chain(&self) -> Result<ChainReport> {
        history::verify_chain(self.conn())
    }

    /// Live entries matching what the user typed, best match first (of the most
    /// recently written matches, when very many match).
    pub fn search(&self, typed: &str, limit: u32) -> Result<Vec<Entry>> {
        search::search_entries(self.conn(), typed, limit)
    }
}
