//! Dates written out in full for people, in Dutch and English ("dinsdag 14 april
//! 2026" / "Tuesday 14 April 2026"): a bare number is easy to misread when anxious.

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_nl(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "maandag",
        Weekday::Tue => "dinsdag",
        Weekday::Wed => "woensdag",
        Weekday::Thu => "donderdag",
        Weekday::Fri => "vrijdag",
        Weekday::Sat => "zaterdag",
        Weekday::Sun => "zondag",
    }
}

fn weekday_en(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "dinsdag 14 april 2026"
pub fn long_date_nl(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_nl(date.weekday()),
        date.day(),
        MONTHS_NL[date.month0() as usize],
        date.year()
    )
}

/// "Tuesday 14 April 2026"
pub fn long_date_en(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_en(date.weekday()),
        date.day(),
        MONTHS_EN[date.month0() as usize],
        date.year()
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn dates_are_written_out_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 14).unwrap();
        assert_eq!(long_date_nl(d), "dinsdag 14 april 2026");
        assert_eq!(long_date_en(d), "Tuesday 14 April 2026");
        let d = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        assert_eq!(long_date_nl(d), "dinsdag 29 februari 2028");
        assert_eq!(long_date_en(d), "Tuesday 29 February 2028");
    }
}
