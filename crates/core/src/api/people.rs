//! People and klantmanager periods, and the bulk import (which creates people by
//! name): each call one transaction.

use chrono::NaiveDate;

use super::now_string;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::person::{KlantmanagerPeriod, Person, PersonData};
use crate::store::entries::{self, ImportBatch, ImportReport};
use crate::store::{people, search};
use crate::vault::Dossier;

impl Dossier {
    pub fn add_person(&mut self, p: &PersonData, clock: &dyn Clock) -> Result<Person> {
        p.validate()?;
        let now = now_string(clock);
        self.write(|tx| {
            let id = people::insert(tx, p, &now)?;
            people::get(tx, id)?
                .ok_or_else(|| Error::Invalid(format!("person {id} does not exist")))
        })
    }

    /// Changes a person. Their name, role and organisation are searchable in every
    /// entry they take part in, so those entries are reindexed in the same transaction.
    pub fn update_person(&mut self, id: i64, p: &PersonData) -> Result<Person> {
        p.validate()?;
        self.write(|tx| {
            people::update(tx, id, p)?;
            for entry_id in people::entry_ids(tx, id)? {
                search::reindex_entry(tx, entry_id)?;
            }
            people::get(tx, id)?
                .ok_or_else(|| Error::Invalid(format!("person {id} does not exist")))
        })
    }

    /// Takes back adding a person (undo): removed only while nothing names them (no
    /// entry now or in its history, no klantmanager period); otherwise refused, since
    /// the history must keep saying who was there.
    pub fn remove_unused_person(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            if people::in_use(tx, id)? {
                return Err(Error::Invalid(format!(
                    "person {id} is named in the dossier and cannot be removed"
                )));
            }
            people::delete(tx, id)
        })
    }

    /// Everyone, by name.
    pub fn people(&self) -> Result<Vec<Person>> {
        people::list(self.conn())
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        people::get(self.conn(), id)?
            .ok_or_else(|| Error::Invalid(format!("person {id} does not exist")))
    }

    /// The person with exactly this name (case-insensitive), if there is one.
    pub fn person_named(&self, name: &str) -> Result<Option<Person>> {
        people::find_by_name(self.conn(), name)
    }

    /// The person with exactly this name (case-insensitive), or a new one with `role`.
    pub fn find_or_add_person(
        &mut self,
        name: &str,
        role: &str,
        clock: &dyn Clock,
    ) -> Result<Person> {
        let now = now_string(clock);
        self.write(|tx| {
            let (id, _) = people::find_or_insert(tx, &PersonData::named(name, role), &now)?;
            people::get(tx, id)?
                .ok_or_else(|| Error::Invalid(format!("person {id} does not exist")))
        })
    }

    pub fn add_klantmanager_period(
        &mut self,
        person_id: i64,
        from_on: NaiveDate,
        to_on: Option<NaiveDate>,
    ) -> Result<KlantmanagerPeriod> {
        self.write(|tx| people::add_period_checked(tx, person_id, from_on, to_on))
    }

    pub fn klantmanager_periods(&self) -> Result<Vec<KlantmanagerPeriod>> {
        people::periods(self.conn())
    }

    /// Who was the user's own klantmanager on `date`, if anyone was recorded.
    pub fn klantmanager_on(&self, date: NaiveDate) -> Result<Option<Person>> {
        match people::klantmanager_on(self.conn(), date)? {
            Some(id) => people::get(self.conn(), id),
            None => Ok(None),
        }
    }

    /// Imports people, klantmanager periods and entries in one transaction: all of it
    /// or, on the first invalid item, nothing. Every entry is validated first; an error
    /// names its place in the file (counting from 1).
    pub fn import(&mut self, batch: &ImportBatch, clock: &dyn Clock) -> Result<ImportReport> {
        for (i, item) in batch.entries.iter().enumerate() {
            item.data
                .validate(clock)
                .and_then(|()| super::entries::no_verslag_yet(&item.data))
                .map_err(|e| match e {
                    Error::Invalid(m) => {
                        Error::Invalid(format!("entry {} in the file: {m}", i + 1))
                    }
                    other => other,
                })?;
            for p in &item.people {
                PersonData::named(p.name.clone(), "")
                    .validate()
                    .map_err(|e| Error::Invalid(format!("entry {} in the file: {e}", i + 1)))?;
            }
        }
        let now = now_string(clock);
        self.write(|tx| {
            let mut report = ImportReport::default();
            for p in &batch.people {
                if people::find_or_insert(tx, p, &now)?.1 {
                    report.people_added += 1;
                }
            }
            for period in &batch.klantmanager_periods {
                let who = PersonData::named(period.name.clone(), "klantmanager");
                let (id, added) = people::find_or_insert(tx, &who, &now)?;
                report.people_added += u32::from(added);
                people::add_period_checked(tx, id, period.from_on, period.to_on)?;
                report.periods_added += 1;
            }
            let before = people::count(tx)?;
            report.entry_ids = entries::insert_many(tx, &batch.entries, &now)?;
            let after = people::count(tx)?;
            report.people_added += u32::try_from(after.saturating_sub(before)).unwrap_or(u32::MAX);
            Ok(report)
        })
    }
}
