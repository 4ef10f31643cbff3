//! The calendar export (RFC 5545): open to-dos as all-day events with a reminder the
//! day before, for the user's own calendar app.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::model::{Todo, TodoKind, TodoState};
use super::text::{sentence, summary};
use crate::lang::Lang;

/// RFC 5545 3.1: content lines longer than 75 octets are folded.
const MAX_LINE_OCTETS: usize = 75;

/// An iCalendar file with one event per open to-do on its act-by date, plus one on the
/// legal last day for an objection or appeal when that is a different day. Missed,
/// done and not-needed to-dos are left out: a calendar is for what is still ahead.
/// Medical to-dos get a neutral title and a description without the entry's title.
pub fn calendar(todos: &[Todo], lang: Lang, stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Dossierkluis//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for todo in todos.iter().filter(|t| t.state == TodoState::Open) {
        let mut days = vec![todo.act_by];
        if matches!(todo.kind, TodoKind::Objection | TodoKind::Appeal) && todo.due_on != todo.act_by
        {
            days.push(todo.due_on);
        }
        let description = sentence(todo, lang, true);
        for day in days {
            event(&mut lines, todo, day, &description, lang, &dtstamp);
        }
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold(line));
    }
    out
}

fn event(
    lines: &mut Vec<String>,
    todo: &Todo,
    day: NaiveDate,
    description: &str,
    lang: Lang,
    dtstamp: &str,
) {
    let title = summary(todo, day, lang);
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    let date = |d: NaiveDate| d.format("%Y%m%d").to_string();
    lines.extend([
        "BEGIN:VEVENT".to_string(),
        // Stable across exports, so importing again updates instead of duplicating.
        format!(
            "UID:{}-{}-{}@dossierkluis",
            todo.entry_id,
            todo.kind.name(),
            date(day)
        ),
        format!("DTSTAMP:{dtstamp}"),
        format!("DTSTART;VALUE=DATE:{}", date(day)),
        format!("DTEND;VALUE=DATE:{}", date(next)),
        format!("SUMMARY:{}", escape(&title)),
        format!("DESCRIPTION:{}", escape(description)),
        "TRANSP:TRANSPARENT".to_string(),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape(&title)),
        "TRIGGER:-P1D".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
    ]);
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a UTF-8 character, each
/// physical line ending in CRLF; continuation lines start with one space.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            // The leading space counts towards the next line's 75 octets.
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        let line = format!("DESCRIPTION:{}", "vóór één € ".repeat(30));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.split_terminator("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a\\b;c,d\ne\r"), "a\\\\b\\;c\\,d\\ne");
    }
}
