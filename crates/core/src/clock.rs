//! The clock that core logic reads "now" from; always passed in, never global.

use chrono::{DateTime, Utc};

/// Where core code gets the current time. Front ends pass [`SystemClock`]; tests pass
/// a [`FixedClock`] so that stored timestamps and computed dates are reproducible.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock, for the binaries.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always reads the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The calendar day in the Netherlands (Europe/Amsterdam) at `now`: deadlines and
/// "today" are Dutch days, not UTC days. Central European Time is UTC+1; summer time
/// (UTC+2) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October (EU directive 2000/84/EC), so no time-zone database is needed.
pub fn dutch_today(now: DateTime<Utc>) -> chrono::NaiveDate {
    use chrono::{Datelike, Duration, NaiveDate, Weekday};
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(now.year(), month, 31).unwrap_or_default();
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt().unwrap_or(d);
        }
        d.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc()
    };
    let summer = now >= last_sunday(3) && now < last_sunday(10);
    let offset = if summer { 2 } else { 1 };
    (now + Duration::hours(offset)).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_dutch_day_turns_at_dutch_midnight_in_winter_and_summer() {
        let utc = |y, m, d, h, min| Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let cases = [
            // Winter (UTC+1): 23:00 UTC is already the next day.
            (utc(2026, 11, 22, 22, 59), day(2026, 11, 22)),
            (utc(2026, 11, 22, 23, 0), day(2026, 11, 23)),
            // Summer (UTC+2): 22:00 UTC is the next day.
            (utc(2026, 7, 1, 21, 59), day(2026, 7, 1)),
            (utc(2026, 7, 1, 22, 0), day(2026, 7, 2)),
            // Summer time starts 29 March 2026 01:00 UTC and ends 25 October 01:00 UTC.
            (utc(2026, 3, 29, 0, 59), day(2026, 3, 29)),
            (utc(2026, 3, 29, 22, 0), day(2026, 3, 30)),
            (utc(2026, 10, 24, 22, 0), day(2026, 10, 25)),
            (utc(2026, 10, 25, 22, 59), day(2026, 10, 25)),
            (utc(2026, 10, 25, 23, 0), day(2026, 10, 26)),
            // New Year's Eve in winter.
            (utc(2026, 12, 31, 23, 30), day(2027, 1, 1)),
        ];
        for (now, want) in cases {
            assert_eq!(dutch_today(now), want, "{now}");
        }
    }
}
