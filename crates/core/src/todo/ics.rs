//! The calendar export (RFC 5545): open to-dos as events for the user's own calendar
//! app; appointments with a time at that time in Europe/Amsterdam, everything else as
//! an all-day event, each with alarms at moments a person can act on.

use chrono::TimeZone;
use chrono::{DateTime, Days, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Europe::Amsterdam;

use super::model::{Todo, TodoKind, TodoState};
use super::text::{sentence, summary};
use crate::lang::Lang;

/// RFC 5545 3.1: content lines longer than 75 octets are folded.
const MAX_LINE_OCTETS: usize = 75;

/// The IANA name every timed event is written in.
pub const TZID: &str = "Europe/Amsterdam";

/// Europe/Amsterdam by the EU summer-time rule that has held since 1996 (last Sunday
/// of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00). Calendar apps that do
/// not know the IANA name read the rule from here; a test checks it against chrono-tz.
const VTIMEZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19960331T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// An appointment without a stated length takes an hour in the calendar.
const APPOINTMENT_MINUTES: i64 = 60;
/// "The evening before": late enough to be home, early enough to prepare.
const EVENING_HOUR: u32 = 19;
/// Alarms on a day itself (a deadline, an untimed appointment) ring at 09:00; an
/// untimed appointment at 08:00, before most offices open.
const DEADLINE_HOUR: u32 = 9;
const UNTIMED_APPOINTMENT_HOUR: u32 = 8;
/// A timed appointment also rings this long before it starts.
const HOURS_BEFORE: i64 = 2;

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Day(NaiveDate),
    /// A wall-clock time in Europe/Amsterdam.
    At(NaiveDateTime),
}

/// When an alarm rings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// An instant, written in UTC (RFC 5545 3.8.6.3, VALUE=DATE-TIME).
    At(DateTime<Utc>),
    /// This long before the event starts.
    Before(Duration),
}

/// An iCalendar file with one event per open to-do on its act-by date, plus one on the
/// legal last day for an objection or appeal when that is a different day. Missed,
/// done and not-needed to-dos are left out: a calendar is for what is still ahead.
/// Medical to-dos get a neutral title and a description without the entry's title.
/// UIDs name the entry, the kind of to-do and which of its days, never the date, so
/// importing a newer file after a date was corrected moves the event instead of
/// adding a second one.
pub fn calendar(todos: &[Todo], lang: Lang, stamp: DateTime<Utc>) -> String {
    let mut lines: Vec<String> = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Dossierkluis//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    .map(String::from)
    .to_vec();
    let open: Vec<&Todo> = todos
        .iter()
        .filter(|t| t.state == TodoState::Open)
        .collect();
    if open.iter().any(|t| timed(t).is_some()) {
        lines.extend(VTIMEZONE.map(String::from));
        lines.push("END:VTIMEZONE".to_string());
    }
    let dtstamp = utc_text(stamp);
    for todo in open {
        let description = sentence(todo, lang, true);
        let mut days = vec![(todo.act_by, "")];
        if matches!(todo.kind, TodoKind::Objection | TodoKind::Appeal) && todo.due_on != todo.act_by
        {
            days.push((todo.due_on, "-last-day"));
        }
        for (day, role) in days {
            let uid = format!("{}-{}{role}@dossierkluis", todo.entry_id, todo.kind.name());
            let title = summary(todo, day, lang);
            let when = match timed(todo) {
                Some(at) => When::At(at),
                None => When::Day(day),
            };
            lines.push("BEGIN:VEVENT".to_string());
            lines.push(format!("UID:{uid}"));
            lines.push(format!("DTSTAMP:{dtstamp}"));
            match when {
                When::Day(d) => {
                    let next = d.checked_add_days(Days::new(1)).unwrap_or(d);
                    lines.push(format!("DTSTART;VALUE=DATE:{}", date_text(d)));
                    lines.push(format!("DTEND;VALUE=DATE:{}", date_text(next)));
                    // A day to remember, not a day the person is busy.
                    lines.push("TRANSP:TRANSPARENT".to_string());
                }
                When::At(at) => {
                    let end = at + Duration::minutes(APPOINTMENT_MINUTES);
                    lines.push(format!("DTSTART;TZID={TZID}:{}", local_text(at)));
                    lines.push(format!("DTEND;TZID={TZID}:{}", local_text(end)));
                    lines.push("TRANSP:OPAQUE".to_string());
                }
            }
            lines.push(format!("SUMMARY:{}", escape(&title)));
            lines.push(format!("DESCRIPTION:{}", escape(&description)));
            for trigger in alarms(todo, when) {
                lines.push("BEGIN:VALARM".to_string());
                lines.push("ACTION:DISPLAY".to_string());
                lines.push(format!("DESCRIPTION:{}", escape(&title)));
                lines.push(match trigger {
                    Trigger::At(t) => format!("TRIGGER;VALUE=DATE-TIME:{}", utc_text(t)),
                    Trigger::Before(d) => format!("TRIGGER:-PT{}M", d.num_minutes()),
                });
                lines.push("END:VALARM".to_string());
            }
            lines.push("END:VEVENT".to_string());
        }
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold(line));
    }
    out
}

/// The wall-clock start of a to-do that has a time: only appointments carry one.
fn timed(todo: &Todo) -> Option<NaiveDateTime> {
    match (todo.kind, todo.due_time) {
        (TodoKind::Appointment, Some(t)) => Some(todo.due_on.and_time(t)),
        _ => None,
    }
}

/// Appointments: the evening before, and two hours before (an untimed one: in the
/// morning of the day). Deadlines and follow-ups: 09:00 on the event's own day, which
/// for the advised send-by event of an objection is the advised send-by day.
fn alarms(todo: &Todo, when: When) -> Vec<Trigger> {
    let at = |day: NaiveDate, hour: u32| {
        let time = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN);
        Trigger::At(amsterdam_to_utc(day.and_time(time)))
    };
    let day = match when {
        When::Day(d) => d,
        When::At(t) => t.date(),
    };
    let evening_before = at(
        day.checked_sub_days(Days::new(1)).unwrap_or(day),
        EVENING_HOUR,
    );
    match (todo.kind, when) {
        (TodoKind::Appointment, When::At(_)) => {
            vec![
                evening_before,
                Trigger::Before(Duration::hours(HOURS_BEFORE)),
            ]
        }
        (TodoKind::Appointment, When::Day(_)) => {
            vec![evening_before, at(day, UNTIMED_APPOINTMENT_HOUR)]
        }
        _ => vec![at(day, DEADLINE_HOUR)],
    }
}

/// The instant a Dutch wall-clock time names. In the autumn hour that happens twice
/// the first one is meant; a time in the spring gap (02:30 on the switch day) does not
/// exist and is read an hour later, as calendar apps do.
pub fn amsterdam_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    match Amsterdam.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            amsterdam_to_utc_after_gap(local + Duration::hours(1)).unwrap_or_else(|| {
                // Unreachable with the EU rule; an hour off is better than no event.
                Utc.from_utc_datetime(&local)
            })
        }
    }
}

fn amsterdam_to_utc_after_gap(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    Amsterdam
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn local_text(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
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
    use chrono::{Datelike, Offset, Weekday};

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

    /// The last Sunday of `month` in `year`.
    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1)
            .unwrap()
            .pred_opt()
            .unwrap();
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt().unwrap();
        }
        d
    }

    /// The written VTIMEZONE rule says what the IANA database (chrono-tz) says, for
    /// every year a dossier can plausibly hold.
    #[test]
    fn the_written_time_zone_rule_matches_the_iana_database() {
        let offset = |utc: NaiveDateTime| {
            Amsterdam
                .from_utc_datetime(&utc)
                .offset()
                .fix()
                .local_minus_utc()
        };
        for year in 1997..=2099 {
            // Both switches happen at 01:00 UTC.
            for (month, before, after) in [(3, 3600, 7200), (10, 7200, 3600)] {
                let switch = last_sunday(year, month).and_hms_opt(1, 0, 0).unwrap();
                assert_eq!(
                    offset(switch - Duration::seconds(1)),
                    before,
                    "{year}-{month}"
                );
                assert_eq!(offset(switch), after, "{year}-{month}");
            }
        }
        assert!(VTIMEZONE.contains(&"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        assert!(VTIMEZONE.contains(&"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    }

    #[test]
    fn dutch_wall_clock_times_become_the_right_instants() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let z = |s: &str| utc_text(amsterdam_to_utc(t(s)));
        assert_eq!(z("2026-12-15 10:00"), "20261215T090000Z");
        assert_eq!(z("2027-03-28 01:30"), "20270328T003000Z");
        // 02:30 on the spring switch day does not exist: read as 03:30 summer time.
        assert_eq!(z("2027-03-28 02:30"), "20270328T013000Z");
        assert_eq!(z("2027-03-28 03:30"), "20270328T013000Z");
        // 02:30 on the autumn switch day happens twice: the first (summer) one.
        assert_eq!(z("2027-10-31 02:30"), "20271031T003000Z");
        assert_eq!(z("2027-10-31 19:00"), "20271031T180000Z");
    }
}
