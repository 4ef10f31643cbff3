//! Which days a legal period cannot end on (Saturday, Sunday, Atw holidays and decree
//! days), and why: the one place that answers "is this a working day?".

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::decree::{parse_decree_days, DECREE_DAYS_TXT};
use super::holidays::{statutory_holiday, Holiday};
use crate::error::{Error, Result};

/// Why a day is not a working day in the sense of Atw art. 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOff {
    Saturday,
    Sunday,
    Holiday(Holiday),
}

impl DayOff {
    pub fn name_nl(self) -> &'static str {
        match self {
            DayOff::Saturday => "zaterdag",
            DayOff::Sunday => "zondag",
            DayOff::Holiday(h) => h.name_nl(),
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            DayOff::Saturday => "Saturday",
            DayOff::Sunday => "Sunday",
            DayOff::Holiday(h) => h.name_en(),
        }
    }
}

/// The Dutch calendar of Atw days off: the computed holidays plus the decree days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Ascending, no duplicates (the parser guarantees it).
    decree_days: Vec<NaiveDate>,
}

static NETHERLANDS: OnceLock<std::result::Result<Calendar, String>> = OnceLock::new();

impl Calendar {
    /// The calendar with the built-in decree days. Fails only if the built-in data
    /// file is malformed, which a unit test rules out before any release.
    pub fn netherlands() -> Result<&'static Calendar> {
        let parsed = NETHERLANDS
            .get_or_init(|| Calendar::with_decree_days(DECREE_DAYS_TXT).map_err(|e| e.to_string()));
        parsed.as_ref().map_err(|m| Error::Invalid(m.clone()))
    }

    /// A calendar whose decree days come from `text` (same format as the data file).
    pub fn with_decree_days(text: &str) -> Result<Calendar> {
        Ok(Calendar {
            decree_days: parse_decree_days(text)?,
        })
    }

    pub fn decree_days(&self) -> &[NaiveDate] {
        &self.decree_days
    }

    /// Why `date` is not a working day, or `None` if it is one. A holiday is named in
    /// preference to the weekday, since the date shown next to it already says which
    /// weekday it is.
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff> {
        if let Some(h) = statutory_holiday(date) {
            return Some(DayOff::Holiday(h));
        }
        if self.decree_days.binary_search(&date).is_ok() {
            return Some(DayOff::Holiday(Holiday::Decree));
        }
        match date.weekday() {
            Weekday::Sat => Some(DayOff::Saturday),
            Weekday::Sun => Some(DayOff::Sunday),
            _ => None,
        }
    }

    /// A day that is not a Saturday, Sunday, holiday or decree day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.day_off(date).is_none()
    }
}
