//! The holidays that Algemene termijnenwet art. 3 lid 1 and 2 name, computed for any
//! year, and their names; the days added by decree are data (see `decree`).

use chrono::{Datelike, NaiveDate, Weekday};

/// A day on which a legal period cannot end (Atw art. 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    NewYearsDay,
    /// Equated with a holiday by Atw art. 3 lid 2 itself, not by a decree.
    GoodFriday,
    EasterMonday,
    /// 27 April, or 26 April when the 27th is a Sunday (from 2014).
    KingsDay,
    /// 30 April, or 29 April when the 30th is a Sunday (before 2014).
    QueensDay,
    /// 5 May: a holiday under Atw art. 3 every year, not only every fifth year.
    LiberationDay,
    AscensionDay,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
    /// Equated with a holiday by royal decree (Atw art. 3 lid 3).
    Decree,
}

impl Holiday {
    pub fn name_nl(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "Nieuwjaarsdag",
            Holiday::GoodFriday => "Goede Vrijdag",
            Holiday::EasterMonday => "Tweede Paasdag",
            Holiday::KingsDay => "Koningsdag",
            Holiday::QueensDay => "Koninginnedag",
            Holiday::LiberationDay => "Bevrijdingsdag",
            Holiday::AscensionDay => "Hemelvaartsdag",
            Holiday::WhitMonday => "Tweede Pinksterdag",
            Holiday::ChristmasDay => "Eerste Kerstdag",
            Holiday::BoxingDay => "Tweede Kerstdag",
            Holiday::Decree => "bij besluit gelijkgesteld met een feestdag",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::GoodFriday => "Good Friday",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::KingsDay => "King's Day",
            Holiday::QueensDay => "Queen's Day",
            Holiday::LiberationDay => "Liberation Day",
            Holiday::AscensionDay => "Ascension Day",
            Holiday::WhitMonday => "Whit Monday",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::BoxingDay => "Boxing Day",
            Holiday::Decree => "equated with a holiday by royal decree",
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm, also
/// known as Meeus/Jones/Butcher). `None` only outside chrono's range of years.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(
        year,
        u32::try_from(n / 31).ok()?,
        u32::try_from(n % 31 + 1).ok()?,
    )
}

/// The day the monarch's birthday is celebrated, which Atw art. 3 names as a holiday.
/// Queen's Day moved to the 29th when the 30th was a Sunday; before 1980 it moved to
/// Monday 1 May instead, which this deliberately does not model: leaving out a holiday
/// can only make a deadline earlier than the law's, never later.
pub fn monarchs_day(year: i32) -> Option<(NaiveDate, Holiday)> {
    let (day, holiday) = if year >= 2014 {
        (27, Holiday::KingsDay)
    } else {
        (30, Holiday::QueensDay)
    };
    let date = NaiveDate::from_ymd_opt(year, 4, day)?;
    if date.weekday() == Weekday::Sun {
        Some((date.pred_opt()?, holiday))
    } else {
        Some((date, holiday))
    }
}

/// The holiday of Atw art. 3 lid 1 or 2 on `date`, if any. When two fall on one day
/// (Ascension Day on 5 May, as in 2016) the fixed-date one is named.
pub fn statutory_holiday(date: NaiveDate) -> Option<Holiday> {
    match (date.month(), date.day()) {
        (1, 1) => return Some(Holiday::NewYearsDay),
        (5, 5) => return Some(Holiday::LiberationDay),
        (12, 25) => return Some(Holiday::ChristmasDay),
        (12, 26) => return Some(Holiday::BoxingDay),
        _ => {}
    }
    if let Some((day, holiday)) = monarchs_day(date.year()) {
        if day == date {
            return Some(holiday);
        }
    }
    let easter = easter_sunday(date.year())?;
    match date.signed_duration_since(easter).num_days() {
        -2 => Some(Holiday::GoodFriday),
        1 => Some(Holiday::EasterMonday),
        39 => Some(Holiday::AscensionDay),
        50 => Some(Holiday::WhitMonday),
        _ => None,
    }
}

/// Every statutory holiday of `year`, in date order (for lists and tests).
pub fn statutory_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter_map(|d| statutory_holiday(d).map(|h| (d, h)))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    fn ymd(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Easter dates checked against python-dateutil's `easter()`, including the
    /// extremes of the Gregorian range (22 March 2285, 25 April 2038).
    #[test]
    fn easter_matches_known_dates() {
        for (year, want) in [
            (1990, "1990-04-15"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), Some(ymd(want)), "{year}");
        }
    }

    #[test]
    fn monarchs_day_moves_off_sunday_and_changed_in_2014() {
        for (year, want, holiday) in [
            (2013, "2013-04-30", Holiday::QueensDay),
            (2006, "2006-04-29", Holiday::QueensDay), // 30 April 2006 was a Sunday
            (2014, "2014-04-26", Holiday::KingsDay),  // 27 April 2014 was a Sunday
            (2026, "2026-04-27", Holiday::KingsDay),
        ] {
            assert_eq!(monarchs_day(year), Some((ymd(want), holiday)), "{year}");
        }
    }

    #[test]
    fn a_year_has_nine_statutory_holidays() {
        let days: Vec<_> = statutory_holidays(2026)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let want = [
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-04-27",
            "2026-05-05",
            "2026-05-14",
            "2026-05-25",
            "2026-12-25",
            "2026-12-26",
        ];
        // Art. 3 lid 1 names eight days and lid 2 adds Good Friday; none overlap in 2026.
        assert_eq!(days, want.map(ymd));
    }
}
