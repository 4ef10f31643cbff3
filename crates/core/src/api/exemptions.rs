//! Exemptions (F7) on an unlocked dossier: record, change, delete (soft), link the
//! entries that document them, and which ones cover a day. Each call one transaction.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::now_string;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::exemption::{Exemption, ExemptionData};
use crate::store::{entries, exemptions, membership};
use crate::vault::Dossier;

impl Dossier {
    /// Records an exemption and links its documents; returns its id.
    pub fn add_exemption(&mut self, data: &ExemptionData, clock: &dyn Clock) -> Result<i64> {
        data.validate()?;
        let now = now_string(clock);
        self.write(|tx| {
            let id = exemptions::insert(tx, data, &now)?;
            for &entry_id in &data.entry_ids {
                check_entry(tx, entry_id)?;
                membership::EXEMPTION.add(tx, id, entry_id)?;
            }
            Ok(id)
        })
    }

    /// Changes an exemption. Its documents become exactly `data.entry_ids`; entries
    /// linked before keep their link even when deleted since (the tombstone stays
    /// visible), new ones must be live.
    pub fn update_exemption(
        &mut self,
        id: i64,
        data: &ExemptionData,
        clock: &dyn Clock,
    ) -> Result<()> {
        data.validate()?;
        let now = now_string(clock);
        self.write(|tx| {
            exemptions::update(tx, id, data, &now)?;
            let before = exemptions::entry_ids(tx, id)?;
            for old in before.iter().filter(|e| !data.entry_ids.contains(e)) {
                membership::EXEMPTION.remove(tx, id, *old)?;
            }
            for new in data.entry_ids.iter().filter(|e| !before.contains(e)) {
                check_entry(tx, *new)?;
                membership::EXEMPTION.add(tx, id, *new)?;
            }
            Ok(())
        })
    }

    /// Deletes an exemption: it is hidden, not removed.
    pub fn delete_exemption(&mut self, id: i64, clock: &dyn Clock) -> Result<()> {
        let now = now_string(clock);
        self.write(|tx| exemptions::soft_delete(tx, id, &now))
    }

    /// The live exemptions, by first day.
    pub fn exemptions(&self) -> Result<Vec<Exemption>> {
        exemptions::list(self.conn(), None)
    }

    /// One exemption, also when deleted (then `deleted_at` is set).
    pub fn exemption(&self, id: i64) -> Result<Exemption> {
        exemptions::get(self.conn(), id)?.ok_or_else(|| exemptions::missing(id))
    }

    /// The live exemptions that cover `date` (both ends inclusive).
    pub fn exemptions_on(&self, date: NaiveDate) -> Result<Vec<Exemption>> {
        exemptions::list(self.conn(), Some(date))
    }

    /// Links a live entry to a live exemption (nothing happens if linked already).
    pub fn link_exemption_entry(&mut self, exemption_id: i64, entry_id: i64) -> Result<()> {
        self.write(|tx| {
            live_exemption(tx, exemption_id)?;
            check_entry(tx, entry_id)?;
            membership::EXEMPTION.add(tx, exemption_id, entry_id)?;
            Ok(())
        })
    }

    /// Unlinks an entry (nothing happens if it was not linked).
    pub fn unlink_exemption_entry(&mut self, exemption_id: i64, entry_id: i64) -> Result<()> {
        self.write(|tx| {
            live_exemption(tx, exemption_id)?;
            membership::EXEMPTION.remove(tx, exemption_id, entry_id)?;
            Ok(())
        })
    }
}

fn live_exemption(tx: &Transaction<'_>, id: i64) -> Result<()> {
    match exemptions::get(tx, id)? {
        Some(e) if e.deleted_at.is_none() => Ok(()),
        _ => Err(exemptions::missing(id)),
    }
}

/// A document must exist and not be deleted when it is linked.
pub(super) fn check_entry(tx: &Transaction<'_>, entry_id: i64) -> Result<()> {
    match entries::get(tx, entry_id)? {
        None => Err(Error::Invalid(format!("entry {entry_id} does not exist"))),
        Some(e) if e.deleted_at.is_some() => {
            Err(Error::Invalid(format!("entry {entry_id} was deleted")))
        }
        Some(_) => Ok(()),
    }
}
