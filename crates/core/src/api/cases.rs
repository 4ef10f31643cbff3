//! Cases (F8) on an unlocked dossier: make, change, delete (soft), and which entries
//! belong to one. Each call one transaction.
//!
//! Putting an entry in a case is the user's filing, not a fact about the contact, so
//! it does not add a version to the entry's history (links do; see `api/links.rs`).

use rusqlite::Transaction;

use super::exemptions::check_entry;
use super::now_string;
use crate::case::{Case, CaseData, CaseStatus};
use crate::clock::Clock;
use crate::error::Result;
use crate::store::{cases, membership};
use crate::vault::Dossier;

impl Dossier {
    /// Makes a case; returns its id.
    pub fn add_case(&mut self, data: &CaseData, clock: &dyn Clock) -> Result<i64> {
        data.validate()?;
        let now = now_string(clock);
        self.write(|tx| cases::insert(tx, data, &now))
    }

    /// Changes a live case's title, status and notes.
    pub fn update_case(&mut self, id: i64, data: &CaseData, clock: &dyn Clock) -> Result<()> {
        data.validate()?;
        let now = now_string(clock);
        self.write(|tx| cases::update(tx, id, data, &now))
    }

    /// Changes only the status (the commonest change: bezwaar gemaakt, hoorzitting…).
    pub fn set_case_status(
        &mut self,
        id: i64,
        status: CaseStatus,
        clock: &dyn Clock,
    ) -> Result<()> {
        let now = now_string(clock);
        self.write(|tx| {
            let mut data = live_case(tx, id)?.data;
            data.status = status;
            cases::update(tx, id, &data, &now)
        })
    }

    /// Deletes a case: hidden, not removed; its entries are not touched.
    pub fn delete_case(&mut self, id: i64, clock: &dyn Clock) -> Result<()> {
        let now = now_string(clock);
        self.write(|tx| cases::soft_delete(tx, id, &now))
    }

    /// The live cases with their entry counts and first/last entry day, most recently
    /// active first.
    pub fn cases(&self) -> Result<Vec<Case>> {
        cases::list(self.conn())
    }

    /// One case, also when deleted (then `deleted_at` is set).
    pub fn case(&self, id: i64) -> Result<Case> {
        cases::get(self.conn(), id)?.ok_or_else(|| cases::missing(id))
    }

    /// Puts a live entry in a live case (nothing happens if it is in already).
    pub fn add_to_case(&mut self, case_id: i64, entry_id: i64) -> Result<()> {
        self.write(|tx| {
            live_case(tx, case_id)?;
            check_entry(tx, entry_id)?;
            membership::CASE.add(tx, case_id, entry_id)?;
            Ok(())
        })
    }

    /// Takes an entry out of a case (nothing happens if it was not in it).
    pub fn remove_from_case(&mut self, case_id: i64, entry_id: i64) -> Result<()> {
        self.write(|tx| {
            live_case(tx, case_id)?;
            membership::CASE.remove(tx, case_id, entry_id)?;
            Ok(())
        })
    }

    /// The live entries of a case, in timeline order.
    pub fn case_entry_ids(&self, case_id: i64) -> Result<Vec<i64>> {
        self.case(case_id)?;
        cases::entry_ids(self.conn(), case_id)
    }

    /// The live cases an entry belongs to.
    pub fn cases_of_entry(&self, entry_id: i64) -> Result<Vec<Case>> {
        cases::of_entry(self.conn(), entry_id)?
            .into_iter()
            .map(|id| self.case(id))
            .collect()
    }
}

fn live_case(tx: &Transaction<'_>, id: i64) -> Result<Case> {
    match cases::get(tx, id)? {
        Some(c) if c.deleted_at.is_none() => Ok(c),
        _ => Err(cases::missing(id)),
    }
}
