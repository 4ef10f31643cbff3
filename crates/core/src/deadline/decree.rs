//! The days equated with a holiday by royal decree (Atw art. 3 lid 3): read from the
//! data file `assets/holidays/nl-decree-days.txt`, because the decrees follow no rule
//! that code could compute and a new decree must be a data-only change.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// The data file, built into the binary so the app works offline and cannot lose it.
pub(crate) const DECREE_DAYS_TXT: &str =
    include_str!("../../../../assets/holidays/nl-decree-days.txt");

/// Parses the decree-day list: `YYYY-MM-DD  # source` per line, `#` lines and blank
/// lines ignored. Strict on purpose: a day without its source, a date written loosely,
/// or a list out of order is refused, so a typo cannot silently shift a deadline.
pub(crate) fn parse_decree_days(text: &str) -> Result<Vec<NaiveDate>> {
    let mut days: Vec<NaiveDate> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| {
            Error::Invalid(format!(
                "the list of decree holidays, line {}: {why}: {raw}",
                index + 1
            ))
        };
        let (date, source) = line
            .split_once('#')
            .ok_or_else(|| bad("the decree it comes from is missing after '#'"))?;
        if source.trim().is_empty() {
            return Err(bad("the decree it comes from is missing after '#'"));
        }
        let date = date.trim();
        let well_formed = date.len() == 10
            && date.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .filter(|_| well_formed)
            .ok_or_else(|| bad("not a date written as YYYY-MM-DD"))?;
        if days.last().is_some_and(|last| *last >= day) {
            return Err(bad("dates must be in ascending order, each once"));
        }
        days.push(day);
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn the_built_in_list_parses_and_holds_the_known_decrees() {
        let days = parse_decree_days(DECREE_DAYS_TXT).unwrap();
        let text: Vec<String> = days.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            [
                "2023-04-28",
                "2023-05-19",
                "2024-05-10",
                "2024-12-27",
                "2025-05-30",
                "2026-01-02",
                "2026-05-15",
                "2027-05-07",
                "2028-04-28",
                "2028-05-26",
            ]
        );
    }

    #[test]
    fn the_built_in_list_names_its_decrees_and_when_it_was_compiled() {
        assert!(DECREE_DAYS_TXT.contains("Besluit gelijkstelling van 2 januari 2026"));
        assert!(DECREE_DAYS_TXT.contains("List compiled on "));
    }

    #[test]
    fn malformed_lines_are_refused_with_their_line_number() {
        let cases = [
            ("2026-01-02", "missing"),                       // no source
            ("2026-01-02  #   ", "missing"),                 // empty source
            ("2026-1-2  # decree", "YYYY-MM-DD"),            // loose date
            ("02-01-2026  # decree", "YYYY-MM-DD"),          // Dutch order
            ("2026-02-30  # decree", "YYYY-MM-DD"),          // no such day
            ("2026-01-02x  # decree", "YYYY-MM-DD"),         // trailing junk
            ("2026-05-15 # a\n2026-01-02 # b", "ascending"), // out of order
            ("2026-05-15 # a\n2026-05-15 # b", "ascending"), // twice
        ];
        for (text, want) in cases {
            let text = format!("# header\n\n{text}");
            match parse_decree_days(&text) {
                Err(Error::Invalid(m)) => {
                    assert!(m.contains(want), "{text:?}: {m}");
                    assert!(m.contains("line 3") || m.contains("line 4"), "{m}");
                }
                other => panic!("{text:?} was accepted: {other:?}"),
            }
        }
    }

    #[test]
    fn comments_and_blank_lines_are_ignored() {
        let days = parse_decree_days("# a\n\n   # b\n2030-01-02  # c\n").unwrap();
        assert_eq!(days, [NaiveDate::from_ymd_opt(2030, 1, 2).unwrap()]);
    }
}
