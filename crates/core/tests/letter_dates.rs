//! The dates a letter sets (reply-by, repair), appointments, the decision on objection
//! and contact rules: validated, kept exactly as typed, in the history, and undone.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use chrono::NaiveTime;
use common::{clock, day, dossier};
use dossier_core::{ContactRule, EntryData, EntryKind, Error};

fn letter() -> EntryData {
    EntryData {
        letter_dated: Some(day("2026-03-02")),
        reply_by: Some(day("2026-03-15")),
        repair_by: Some(day("2026-03-22")),
        appointment_on: Some(day("2026-04-02")),
        appointment_time: Some(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
        ..EntryData::new(EntryKind::LetterIn, day("2026-03-04"), "Brief opschorting")
    }
}

#[test]
fn dates_written_in_a_letter_come_back_exactly_as_typed_even_on_a_sunday() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    let saved = d.add_entry(&letter(), &clock()).unwrap();
    let back = d.entry(saved.id).unwrap().data;
    // 15 March 2026 is a Sunday, 22 March too: nothing moves them.
    assert_eq!(back.reply_by, Some(day("2026-03-15")));
    assert_eq!(back.repair_by, Some(day("2026-03-22")));
    assert_eq!(back.appointment_on, Some(day("2026-04-02")));
    assert_eq!(back, letter());
}

#[test]
fn an_edit_of_a_reply_by_date_is_in_the_history_and_can_be_undone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    let saved = d.add_entry(&letter(), &clock()).unwrap();
    let changed = EntryData {
        reply_by: Some(day("2026-03-18")),
        appointment_on: None,
        appointment_time: None,
        ..letter()
    };
    d.update_entry(saved.id, &changed, "datum verkeerd overgenomen", &clock())
        .unwrap();
    let history = d.history_with_data(saved.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].1.reply_by, Some(day("2026-03-15")));
    assert_eq!(history[1].1.reply_by, Some(day("2026-03-18")));
    assert_eq!(history[1].1.appointment_on, None);
    let undone = d.undo_last_change(saved.id, &clock()).unwrap();
    assert_eq!(undone.data, letter());
    d.verify().unwrap();
}

#[test]
fn decision_and_agreement_fields_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    let decision = EntryData {
        on_objection: true,
        sent_on: Some(day("2026-05-01")),
        ..EntryData::new(
            EntryKind::Decision,
            day("2026-05-02"),
            "Beslissing op bezwaar",
        )
    };
    let agreement = EntryData {
        contact_rule: Some(ContactRule::InWritingOnly),
        contact_rule_until: Some(day("2026-12-31")),
        ..EntryData::new(
            EntryKind::Agreement,
            day("2026-05-03"),
            "Alleen schriftelijk",
        )
    };
    for data in [decision, agreement] {
        let saved = d.add_entry(&data, &clock()).unwrap();
        assert_eq!(d.entry(saved.id).unwrap().data, data);
    }
    for rule in ContactRule::ALL {
        assert_eq!(ContactRule::from_name(rule.name()).unwrap(), rule);
    }
    assert!(ContactRule::from_name("fax-only").is_err());
}

#[test]
fn impossible_combinations_are_refused_with_the_field_named() {
    let base = || EntryData::new(EntryKind::LetterIn, day("2026-03-04"), "Brief");
    let cases: Vec<(EntryData, &str)> = vec![
        (
            EntryData {
                on_objection: true,
                ..base()
            },
            "only a decision",
        ),
        (
            EntryData {
                contact_rule: Some(ContactRule::EmailOnly),
                ..base()
            },
            "only an agreement",
        ),
        (
            EntryData {
                appointment_time: Some(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
                ..base()
            },
            "time but no date",
        ),
        (
            EntryData {
                reply_by: Some(day("2040-01-01")),
                ..base()
            },
            "reply-by date",
        ),
        (
            EntryData {
                repair_by: Some(day("1899-12-31")),
                ..base()
            },
            "repair date",
        ),
        (
            EntryData {
                contact_rule: Some(ContactRule::EmailOnly),
                contact_rule_until: Some(day("2026-03-01")),
                ..EntryData::new(EntryKind::Agreement, day("2026-03-04"), "Afspraak")
            },
            "before the agreement",
        ),
        (
            EntryData {
                contact_rule_until: Some(day("2026-04-01")),
                ..EntryData::new(EntryKind::Agreement, day("2026-03-04"), "Afspraak")
            },
            "no rule",
        ),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    for (data, want) in cases {
        match d.add_entry(&data, &clock()) {
            Err(Error::Invalid(m)) => assert!(m.contains(want), "{want}: {m}"),
            other => panic!("{want}: {other:?}"),
        }
    }
    assert_eq!(
        d.find_entries(&Default::default(), false, &Default::default(), 10)
            .unwrap()
            .total,
        0
    );
}
