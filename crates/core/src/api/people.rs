//! People and klantmanager periods. (Stub: the contract; built in the people work.)

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::person::{KlantmanagerPeriod, Person, PersonData};
use crate::vault::Dossier;

fn not_yet() -> Error {
    Error::Invalid("people are not available in this build yet".into())
}

impl Dossier {
    pub fn add_person(&mut self, _p: &PersonData, _clock: &dyn Clock) -> Result<Person> {
        Err(not_yet())
    }

    pub fn update_person(&mut self, _id: i64, _p: &PersonData) -> Result<Person> {
        Err(not_yet())
    }

    /// Everyone, by name.
    pub fn people(&self) -> Result<Vec<Person>> {
        Err(not_yet())
    }

    /// The person with exactly this name (case-insensitive), or a new one with `role`.
    pub fn find_or_add_person(
        &mut self,
        _name: &str,
        _role: &str,
        _clock: &dyn Clock,
    ) -> Result<Person> {
        Err(not_yet())
    }

    pub fn add_klantmanager_period(
        &mut self,
        _person_id: i64,
        _from_on: NaiveDate,
        _to_on: Option<NaiveDate>,
    ) -> Result<KlantmanagerPeriod> {
        Err(not_yet())
    }

    pub fn klantmanager_periods(&self) -> Result<Vec<KlantmanagerPeriod>> {
        Err(not_yet())
    }

    /// Who was the user's own klantmanager on `date`, if anyone was recorded.
    pub fn klantmanager_on(&self, _date: NaiveDate) -> Result<Option<Person>> {
        Err(not_yet())
    }
}
