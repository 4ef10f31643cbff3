//! The .ics export read by an independent parser (Debian's python3-icalendar with
//! pytz's time-zone table, see tests/ics/read_calendar.py): every event's start, end,
//! alarms and title as a calendar app sees them, in UTC, against values worked out by
//! hand from the Dutch clock (CET = UTC+1, CEST = UTC+2), across both 2027 switches.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, NaiveTime, TimeZone};
use common::{clock, day, dossier};
use dossier_core::deadline::{objection_deadline, KnownDate};
use dossier_core::export::Lang;
use dossier_core::{Dossier, EntryKind, FixedClock, NewEntry};
use serde_json::Value;

const PYTHON: &str = "/usr/bin/python3";

fn today() -> NaiveDate {
    day("2026-12-01")
}

fn stamp() -> FixedClock {
    FixedClock(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap())
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn appointment(d: &mut Dossier, title: &str, on: &str, at: Option<&str>, medical: bool) -> i64 {
    let mut e = NewEntry::new(EntryKind::LetterIn, day("2026-11-20"), title);
    e.appointment_on = Some(day(on));
    e.appointment_time = at.map(hm);
    e.medical = medical;
    d.add_entry(&e, &clock()).unwrap().id
}

/// What python3-icalendar reads from `ics`: the events, and how many VTIMEZONE
/// switches it checked against pytz.
fn read(dir: &Path, ics: &str) -> (Vec<Value>, u64) {
    let file = dir.join("agenda.ics");
    std::fs::write(&file, ics).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ics/read_calendar.py");
    let out = Command::new(PYTHON)
        .arg(&script)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{PYTHON}: {e} (scripts/setup.sh --test installs it)"));
    assert!(
        out.status.success(),
        "python3-icalendar could not read the file (scripts/setup.sh --test installs it): {}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        v["events"].as_array().unwrap().clone(),
        v["zone_checks"].as_u64().unwrap(),
    )
}

fn event<'a>(events: &'a [Value], uid: &str) -> &'a Value {
    let found: Vec<&Value> = events.iter().filter(|e| e["uid"] == uid).collect();
    assert_eq!(found.len(), 1, "{uid} in {events:#?}");
    found[0]
}

/// start, end, all-day, and the alarm instants of one event.
fn check(e: &Value, start: &str, end: &str, all_day: bool, alarms: &[&str]) {
    assert_eq!(e["start"], start, "{e:#}");
    assert_eq!(e["end"], end, "{e:#}");
    assert_eq!(e["all_day"], all_day, "{e:#}");
    let got: Vec<&str> = e["alarms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["at"].as_str().unwrap())
        .collect();
    assert_eq!(got, alarms, "{e:#}");
    for a in e["alarms"].as_array().unwrap() {
        assert_eq!(a["action"], "DISPLAY");
        assert_eq!(
            a["description"], e["summary"],
            "an alarm says what the event is"
        );
    }
}

#[test]
fn a_calendar_app_sees_each_to_do_at_its_dutch_time_with_its_alarms() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    // The appointment of the issue: 15-12-2026 10:00 (winter time).
    let talk = appointment(
        &mut d,
        "Gesprek over werk",
        "2026-12-15",
        Some("10:00"),
        false,
    );
    // On the spring switch day itself (02:00 → 03:00), the day after it, and the
    // day after the autumn switch (evening-before alarm after the clocks went back).
    let switch = appointment(&mut d, "Open dag", "2027-03-28", Some("14:00"), false);
    let after = appointment(&mut d, "Intake", "2027-03-29", Some("09:30"), false);
    let autumn = appointment(&mut d, "Evaluatie", "2027-11-01", Some("09:00"), false);
    let keuring = appointment(
        &mut d,
        "Keuring bij arts: rugklachten",
        "2027-01-12",
        Some("08:45"),
        true,
    );
    let untimed = appointment(&mut d, "Huisbezoek", "2027-02-02", None, false);
    let mut dec = NewEntry::new(EntryKind::Decision, day("2026-11-17"), "Besluit maatregel");
    dec.sent_on = Some(day("2026-11-17"));
    let dec = d.add_entry(&dec, &clock()).unwrap().id;
    let mut asks = NewEntry::new(
        EntryKind::LetterIn,
        day("2026-11-20"),
        "Vraag om bankafschriften",
    );
    asks.reply_by = Some(day("2026-12-10"));
    let asks = d.add_entry(&asks, &clock()).unwrap().id;
    let mut repair = NewEntry::new(EntryKind::LetterIn, day("2026-11-20"), "Hersteltermijn");
    repair.repair_by = Some(day("2027-06-15"));
    let repair = d.add_entry(&repair, &clock()).unwrap().id;

    let ics = d.todos_ics(today(), Lang::Nl, &stamp()).unwrap();
    let (events, zone_checks) = read(tmp.path(), &ics);
    // The VTIMEZONE's two rules agree with pytz at every switch 2024–2036.
    assert_eq!(zone_checks, 2 * 13, "{ics}");
    assert_eq!(events.len(), 10, "{events:#?}");

    // Timed appointments: an hour long; alarms at 19:00 the evening before and two
    // hours before.
    let uid = |id: i64, kind: &str| format!("{id}-{kind}@dossierkluis");
    let e = event(&events, &uid(talk, "appointment"));
    check(
        e,
        "2026-12-15T09:00:00Z",
        "2026-12-15T10:00:00Z",
        false,
        &["2026-12-14T18:00:00Z", "2026-12-15T07:00:00Z"],
    );
    assert_eq!(e["summary"], "Afspraak: Gesprek over werk");
    // 14:00 summer time on the switch day; its evening before was still winter time.
    check(
        event(&events, &uid(switch, "appointment")),
        "2027-03-28T12:00:00Z",
        "2027-03-28T13:00:00Z",
        false,
        &["2027-03-27T18:00:00Z", "2027-03-28T10:00:00Z"],
    );
    check(
        event(&events, &uid(after, "appointment")),
        "2027-03-29T07:30:00Z",
        "2027-03-29T08:30:00Z",
        false,
        &["2027-03-28T17:00:00Z", "2027-03-29T05:30:00Z"],
    );
    check(
        event(&events, &uid(autumn, "appointment")),
        "2027-11-01T08:00:00Z",
        "2027-11-01T09:00:00Z",
        false,
        &["2027-10-31T18:00:00Z", "2027-11-01T06:00:00Z"],
    );
    // A medical appointment: at its time, with a neutral title everywhere.
    let e = event(&events, &uid(keuring, "appointment"));
    check(
        e,
        "2027-01-12T07:45:00Z",
        "2027-01-12T08:45:00Z",
        false,
        &["2027-01-11T18:00:00Z", "2027-01-12T05:45:00Z"],
    );
    assert_eq!(e["summary"], "Afspraak (privé)");
    assert_eq!(
        e["description"],
        "Afspraak op dinsdag 12 januari 2027 om 08:45."
    );
    assert!(
        !ics.contains("rugklachten") && !ics.contains("Keuring"),
        "{ics}"
    );
    // Without a time: all day, the evening before and 08:00 on the day.
    check(
        event(&events, &uid(untimed, "appointment")),
        "2027-02-02",
        "2027-02-03",
        true,
        &["2027-02-01T18:00:00Z", "2027-02-02T07:00:00Z"],
    );

    // Deadlines: all day, one alarm at 09:00 Dutch time on the day to act by: the
    // advised send-by day for the objection, the legal last day on its own event.
    let period = objection_deadline(KnownDate::Sent(day("2026-11-17"))).unwrap();
    assert_eq!(period.legal_last_day, day("2026-12-29"));
    let advised = period.advised_send_by;
    let next = advised.succ_opt().unwrap();
    let e = event(&events, &uid(dec, "objection"));
    check(
        e,
        &advised.to_string(),
        &next.to_string(),
        true,
        &[&format!("{advised}T08:00:00Z")],
    );
    assert_eq!(e["summary"], "Bezwaar maken: advies verstuurdatum");
    let e = event(&events, &format!("{dec}-objection-last-day@dossierkluis"));
    check(
        e,
        "2026-12-29",
        "2026-12-30",
        true,
        &["2026-12-29T08:00:00Z"],
    );
    assert_eq!(e["summary"], "Bezwaar maken: laatste dag");
    check(
        event(&events, &uid(asks, "reply")),
        "2026-12-10",
        "2026-12-11",
        true,
        &["2026-12-10T08:00:00Z"],
    );
    // In summer, 09:00 is 07:00 UTC.
    check(
        event(&events, &uid(repair, "repair")),
        "2027-06-15",
        "2027-06-16",
        true,
        &["2027-06-15T07:00:00Z"],
    );
}

#[test]
fn a_corrected_date_moves_the_event_instead_of_adding_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let id = appointment(
        &mut d,
        "Gesprek over werk",
        "2026-12-15",
        Some("10:00"),
        false,
    );
    let first = d.todos_ics(today(), Lang::Nl, &stamp()).unwrap();
    let mut data = d.entry(id).unwrap().data;
    data.appointment_on = Some(day("2026-12-16"));
    data.appointment_time = Some(hm("11:15"));
    d.update_entry(id, &data, "verzet", &clock()).unwrap();
    let second = d.todos_ics(today(), Lang::Nl, &stamp()).unwrap();
    let (before, _) = read(tmp.path(), &first);
    let (after, _) = read(tmp.path(), &second);
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(before[0]["uid"], after[0]["uid"]);
    assert_eq!(after[0]["start"], "2026-12-16T10:15:00Z");
    // The same file again is byte for byte the same (stable order and UIDs).
    assert_eq!(second, d.todos_ics(today(), Lang::Nl, &stamp()).unwrap());
}

#[test]
fn an_english_calendar_reads_the_same_way() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    appointment(&mut d, "Keuring", "2027-03-28", Some("14:00"), true);
    let ics = d.todos_ics(today(), Lang::En, &stamp()).unwrap();
    let (events, _) = read(tmp.path(), &ics);
    assert_eq!(events[0]["summary"], "Appointment (private)");
    assert_eq!(events[0]["start"], "2027-03-28T12:00:00Z");
    assert!(!ics.contains("Keuring"));
}
