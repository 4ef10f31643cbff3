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

/// Someone in a contact named rather than referenced by id: how imports and the CLI's
/// `--person NAME[:ROLE]` name people. Resolved (or created) by exact name,
/// case-insensitive.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamedRole {
    pub name: String,
    /// Their role in this contact ("belde mij", "klantmanager").
    pub role: String,
}

/// The longest name accepted; anything longer is pasted text, not a name.
pub const MAX_NAME_CHARS: usize = 200;

impl PersonData {
    /// A person with just a name and a role.
    pub fn named(name: impl Into<String>, role: impl Into<String>) -> PersonData {
        PersonData {
            name: name.into(),
            role: role.into(),
            ..PersonData::default()
        }
    }

    /// A person needs a name that is not blank and not absurdly long.
    pub fn validate(&self) -> crate::error::Result<()> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(crate::error::Error::Invalid(
                "the name of the person is empty".into(),
            ));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(crate::error::Error::Invalid(format!(
                "the name of the person is longer than {MAX_NAME_CHARS} characters"
            )));
        }
        crate::entry::check_text("name of the person", name, false)?;
        for (what, text) in [
            ("role", &self.role),
            ("organisation", &self.organisation),
            ("phone number", &self.phone),
            ("e-mail address", &self.email),
        ] {
            crate::entry::check_text(what, text, false)?;
        }
        crate::entry::check_text("notes", &self.notes, true)
    }
}

/// A klantmanager period naming the person (for imports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedPeriod {
    pub name: String,
    pub from_on: NaiveDate,
    pub to_on: Option<NaiveDate>,
}

/// A name as compared: without surrounding spaces, case-folded by Unicode's rules
/// (full folding, so "ß" matches "SS" and "ÖZTÜRK" matches "Öztürk").
pub fn folded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars() {
        match c {
            // Full case folding differs from lowercasing for these (CaseFolding.txt, F).
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}
