//! Timeline entries: the kinds of contact a person logs, and what makes an entry valid.

use chrono::{Duration, NaiveDate};

use crate::clock::Clock;
use crate::error::{Error, Result};

/// Every kind of contact or paper. The `name` strings are a contract (CLI `--kind`,
/// stored in the database, JSON); never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    LetterIn,
    LetterOut,
    CallIn,
    CallOut,
    Meeting,
    HomeVisit,
    VideoCall,
    EmailIn,
    EmailOut,
    Sms,
    Portal,
    Decision,
    MedicalAssessment,
    Agreement,
    Signed,
    JobApplication,
    Note,
}

impl EntryKind {
    pub const ALL: [EntryKind; 17] = [
        EntryKind::LetterIn,
        EntryKind::LetterOut,
        EntryKind::CallIn,
        EntryKind::CallOut,
        EntryKind::Meeting,
        EntryKind::HomeVisit,
        EntryKind::VideoCall,
        EntryKind::EmailIn,
        EntryKind::EmailOut,
        EntryKind::Sms,
        EntryKind::Portal,
        EntryKind::Decision,
        EntryKind::MedicalAssessment,
        EntryKind::Agreement,
        EntryKind::Signed,
        EntryKind::JobApplication,
        EntryKind::Note,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EntryKind::LetterIn => "letter-in",
            EntryKind::LetterOut => "letter-out",
            EntryKind::CallIn => "call-in",
            EntryKind::CallOut => "call-out",
            EntryKind::Meeting => "meeting",
            EntryKind::HomeVisit => "home-visit",
            EntryKind::VideoCall => "video-call",
            EntryKind::EmailIn => "email-in",
            EntryKind::EmailOut => "email-out",
            EntryKind::Sms => "sms",
            EntryKind::Portal => "portal",
            EntryKind::Decision => "decision",
            EntryKind::MedicalAssessment => "medical-assessment",
            EntryKind::Agreement => "agreement",
            EntryKind::Signed => "signed",
            EntryKind::JobApplication => "job-application",
            EntryKind::Note => "note",
        }
    }

    pub fn from_name(name: &str) -> Result<EntryKind> {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| Error::Invalid(format!("unknown kind of entry: {name}")))
    }
}

/// An entry as the user gives it, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub kind: EntryKind,
    pub occurred_on: NaiveDate,
    pub title: String,
    pub notes: String,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub kind: EntryKind,
    pub occurred_on: NaiveDate,
    pub title: String,
    pub notes: String,
    /// When it was written down (RFC 3339, UTC); separate from when it happened.
    pub created_at: String,
}

/// The earliest date an entry may have; anything before is a typing error.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};
const MAX_TITLE_CHARS: usize = 500;
const MAX_NOTES_BYTES: usize = 1024 * 1024;

impl NewEntry {
    /// Checks what can be checked without the store. `clock` decides what "the future"
    /// is: a contact cannot have happened more than a day from now (a day of slack for
    /// time zones), since appointments ahead are deadlines, not entries.
    pub fn validate(&self, clock: &dyn Clock) -> Result<()> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Error::Invalid("the title is empty".into()));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(Error::Invalid(format!(
                "the title is longer than {MAX_TITLE_CHARS} characters"
            )));
        }
        if self.notes.len() > MAX_NOTES_BYTES {
            return Err(Error::Invalid("the notes are longer than 1 MB".into()));
        }
        if self.occurred_on < EARLIEST {
            return Err(Error::Invalid(format!(
                "the date {} is before 1900",
                self.occurred_on
            )));
        }
        let latest = clock.now().date_naive() + Duration::days(1);
        if self.occurred_on > latest {
            return Err(Error::Invalid(format!(
                "the date {} is in the future",
                self.occurred_on
            )));
        }
        Ok(())
    }
}

/// Parses a `YYYY-MM-DD` date as typed by a user, with a message naming the problem.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::Invalid(format!(
            "'{s}' is not a date; write it as YYYY-MM-DD, for example 2026-03-03"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use chrono::TimeZone;

    fn clock() -> FixedClock {
        FixedClock(chrono::Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap())
    }

    fn entry(date: &str, title: &str) -> NewEntry {
        NewEntry {
            kind: EntryKind::CallIn,
            occurred_on: parse_date(date).unwrap(),
            title: title.into(),
            notes: String::new(),
        }
    }

    #[test]
    fn kind_names_round_trip() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::from_name(k.name()).unwrap(), k);
        }
        assert!(EntryKind::from_name("letter").is_err());
    }

    #[test]
    fn validation_names_what_is_wrong() {
        let cases = [
            ("2026-03-10", "Gebeld door klantmanager", None),
            ("2026-03-11", "tomorrow is allowed (time zones)", None),
            ("2026-03-12", "x", Some("in the future")),
            ("1899-12-31", "x", Some("before 1900")),
            ("2026-03-01", "   ", Some("title is empty")),
        ];
        for (date, title, want) in cases {
            let got = entry(date, title).validate(&clock());
            match (want, got) {
                (None, Ok(())) => {}
                (Some(w), Err(Error::Invalid(m))) => assert!(m.contains(w), "{m}"),
                (w, g) => panic!("{date} {title}: want {w:?}, got {g:?}"),
            }
        }
    }

    #[test]
    fn impossible_dates_are_refused_with_a_hint() {
        for bad in ["2026-02-30", "30-02-2026", "2026-13-01", ""] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.to_string().contains("YYYY-MM-DD"));
        }
    }
}
