//! People and organisations (F4): the cast of a dossier, and which klantmanager was
//! the user's own at which time.

use chrono::NaiveDate;

/// A person as the user describes them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonData {
    pub name: String,
    /// klantmanager, jobhunter, handhaver, consulent, keuringsarts, arbeidsdeskundige,
    /// advocaat, vrijwilliger, or anything the user types.
    pub role: String,
    /// WPI, UWV, a re-integration company…
    pub organisation: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub data: PersonData,
    pub created_at: String,
}

/// A period in which `person_id` was the user's own klantmanager (inclusive; `to_on`
/// open while it lasts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KlantmanagerPeriod {
    pub id: i64,
    pub person_id: i64,
    pub from_on: NaiveDate,
    pub to_on: Option<NaiveDate>,
}
