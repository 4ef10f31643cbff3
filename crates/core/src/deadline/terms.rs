//! Terms that the user's own letters set or name: the one month of AVG art. 12(3), the
//! 14 days of a confirmation, and the two weeks of Awb 4:17 after an ingebrekestelling.
//!
//! Each is counted from a day the user knows (the date on their letter, or the day they
//! expect it to arrive). The date on a letter is never after the day the agency receives
//! it, so a term counted from it ends on or before the day the law gives: a letter
//! never names a later date than the law. None of these is extended past a weekend or a
//! holiday, for the same reason.

use chrono::{Days, Months, NaiveDate};

use crate::error::{Error, Result};

/// The days a confirmation gives the agency to say it is wrong.
pub const CONFIRMATION_DAYS: u64 = 14;

/// Awb 4:17 lid 3: the penalty runs from the day two weeks after receipt.
pub const PENALTY_WAIT_DAYS: u64 = 14;

/// Awb 4:17 lid 1: the penalty is owed for at most 42 days.
pub const PENALTY_MAX_DAYS: u64 = 42;

fn too_late(date: NaiveDate) -> Error {
    Error::Invalid(format!("the date {date} is too late"))
}

/// One month after `date`, as the EU rule for periods in months counts it (Regulation
/// 1182/71 art. 3(2)(c), which the AVG follows): the same day of the next month, or
/// the month's last day when it has no such day (31 January gives 28 or 29 February).
pub fn one_month_after(date: NaiveDate) -> Result<NaiveDate> {
    date.checked_add_months(Months::new(1))
        .ok_or_else(|| too_late(date))
}

/// `days` days after `date`.
pub fn days_after(date: NaiveDate, days: u64) -> Result<NaiveDate> {
    date.checked_add_days(Days::new(days))
        .ok_or_else(|| too_late(date))
}

/// The days a penalty for a late decision (dwangsom, Awb 4:17) runs, for an
/// ingebrekestelling the agency receives on `received`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenaltyDays {
    /// Two weeks after receipt (lid 3); also the first day an appeal for not deciding
    /// can be lodged (Awb 6:12 lid 2).
    pub first_day: NaiveDate,
    /// The 42nd day (lid 1): no penalty is owed after it.
    pub last_day: NaiveDate,
}

/// See [`PenaltyDays`].
pub fn penalty_days(received: NaiveDate) -> Result<PenaltyDays> {
    let first_day = days_after(received, PENALTY_WAIT_DAYS)?;
    let last_day = days_after(first_day, PENALTY_MAX_DAYS - 1)?;
    Ok(PenaltyDays {
        first_day,
        last_day,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::entry::parse_date(s).unwrap()
    }

    #[test]
    fn a_month_ends_on_the_same_day_or_the_months_last() {
        for (from, to) in [
            ("2026-12-02", "2027-01-02"),
            ("2027-01-31", "2027-02-28"),
            ("2028-01-31", "2028-02-29"),
            ("2026-03-31", "2026-04-30"),
        ] {
            assert_eq!(one_month_after(d(from)).unwrap(), d(to), "{from}");
        }
    }

    #[test]
    fn the_penalty_runs_from_two_weeks_after_receipt_for_42_days() {
        let p = penalty_days(d("2026-12-03")).unwrap();
        assert_eq!(p.first_day, d("2026-12-17"));
        assert_eq!(p.last_day, d("2027-01-27"));
        assert_eq!((p.last_day - p.first_day).num_days() + 1, 42);
    }
}
