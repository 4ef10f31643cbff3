//! Reply-by and repair dates that the agency writes in a letter ("reageer vóór 10
//! maart"): kept exactly as written. They are not periods set by a law, so the
//! Algemene termijnenwet does not move them, and this type has no way to.

use chrono::NaiveDate;

use super::calendar::{Calendar, DayOff};
use super::period::check_range;
use crate::error::Result;

/// What the letter asks to be done by its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterDeadlineKind {
    /// Reply or send information by this date.
    ReplyBy,
    /// A repair period (hersteltermijn), e.g. papers to send before payment resumes
    /// (Participatiewet art. 54).
    RepairBy,
}

/// A date as written in a letter. Private fields and no arithmetic: whatever reads it
/// gets back exactly what the letter said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LetterDeadline {
    kind: LetterDeadlineKind,
    date: NaiveDate,
}

impl LetterDeadline {
    /// Keeps `date` as written; only a date outside 1900–2200 (a typing error) is refused.
    pub fn as_written(kind: LetterDeadlineKind, date: NaiveDate) -> Result<LetterDeadline> {
        check_range(date)?;
        Ok(LetterDeadline { kind, date })
    }

    pub fn kind(&self) -> LetterDeadlineKind {
        self.kind
    }

    /// The date exactly as the letter wrote it, even on a Sunday or holiday.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// If the written date is a weekend day or holiday, which one: a reason to warn
    /// the user to act earlier (offices are closed), never to move the date.
    pub fn falls_on(&self, calendar: &Calendar) -> Option<DayOff> {
        calendar.day_off(self.date)
    }
}
