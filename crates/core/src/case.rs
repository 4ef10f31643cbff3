//! Cases (F8): entries grouped per matter (a decision, its objection, the hearing,
//! the decision on objection, an appeal), with where the matter stands.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// Where a case stands. The `name` strings are a contract (stored, CLI, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CaseStatus {
    #[default]
    Open,
    /// Bezwaar gemaakt: an objection was filed.
    Objection,
    /// Hoorzitting: the hearing on the objection.
    Hearing,
    /// Beroep: the matter is before the court.
    Appeal,
    /// Afgerond.
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 5] = [
        CaseStatus::Open,
        CaseStatus::Objection,
        CaseStatus::Hearing,
        CaseStatus::Appeal,
        CaseStatus::Closed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Objection => "objection",
            CaseStatus::Hearing => "hearing",
            CaseStatus::Appeal => "appeal",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn from_name(name: &str) -> Result<CaseStatus> {
        CaseStatus::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown case status: {name} (use open, objection, hearing, appeal or closed)"
                ))
            })
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Objection => "bezwaar gemaakt",
            CaseStatus::Hearing => "hoorzitting",
            CaseStatus::Appeal => "beroep bij de rechter",
            CaseStatus::Closed => "afgerond",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Objection => "objection filed",
            CaseStatus::Hearing => "hearing",
            CaseStatus::Appeal => "appeal to the court",
            CaseStatus::Closed => "closed",
        }
    }
}

/// A case as the user describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseData {
    pub title: String,
    pub status: CaseStatus,
    pub notes: String,
}

const MAX_TITLE_CHARS: usize = 500;
const MAX_NOTES_BYTES: usize = 1024 * 1024;

impl CaseData {
    pub fn new(title: impl Into<String>) -> CaseData {
        CaseData {
            title: title.into(),
            ..CaseData::default()
        }
    }

    /// A case needs a title the user can recognise it by; the message names the field.
    pub fn validate(&self) -> Result<()> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Error::Invalid("title: the case has no title".into()));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(Error::Invalid(format!(
                "title: longer than {MAX_TITLE_CHARS} characters"
            )));
        }
        if self.notes.len() > MAX_NOTES_BYTES {
            return Err(Error::Invalid("notes: longer than 1 MB".into()));
        }
        Ok(())
    }
}

/// A stored case, with a summary of its live entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: i64,
    pub data: CaseData,
    /// How many live (not deleted) entries it holds.
    pub entry_count: u32,
    /// The day of its earliest and latest live entry.
    pub first_on: Option<NaiveDate>,
    pub last_on: Option<NaiveDate>,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub updated_at: Option<String>,
    /// Set when the user deleted it; its entries stay as they are.
    pub deleted_at: Option<String>,
}
