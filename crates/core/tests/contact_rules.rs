//! Broken contact agreements: every rule against every kind, the first and last day
//! a rule applies, the user's own contacts and deleted entries never counted, two
//! agreements at once, letters counted from when they were sent, and the PDF marks.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::process::Command;

use common::{clock, day, dossier};
use dossier_core::contact_rule::{violations, Contact, RuleAgreement};
use dossier_core::export::{ExportOptions, Lang};
use dossier_core::{ContactRule, Dossier, EntryKind, NewEntry};

fn agreement(id: i64, on: &str, rule: ContactRule, until: Option<&str>) -> RuleAgreement {
    RuleAgreement {
        entry_id: id,
        agreed_on: day(on),
        rule,
        until: until.map(day),
    }
}

fn contact(id: i64, kind: EntryKind, on: &str) -> Contact {
    Contact {
        entry_id: id,
        kind,
        on: day(on),
    }
}

#[test]
fn each_rule_against_each_kind() {
    use ContactRule::{EmailOnly, InWritingOnly, NoHomeVisits};
    use EntryKind as K;
    // (kind, broken by email-only, in-writing-only, no-home-visits)
    let table = [
        (K::CallIn, [true, true, false]),
        // Formal letters come on paper by law: never a broken agreement.
        (K::LetterIn, [false, false, false]),
        (K::Sms, [true, false, false]),
        (K::HomeVisit, [true, true, true]),
        (K::EmailIn, [false, false, false]),
        (K::Decision, [false, false, false]),
        (K::Portal, [false, false, false]),
        (K::Meeting, [false, false, false]),
        (K::VideoCall, [false, false, false]),
        (K::CallOut, [false, false, false]),
        (K::LetterOut, [false, false, false]),
        (K::EmailOut, [false, false, false]),
        (K::JobApplication, [false, false, false]),
        (K::Note, [false, false, false]),
    ];
    for (kind, want) in table {
        for (rule, broken) in [EmailOnly, InWritingOnly, NoHomeVisits]
            .into_iter()
            .zip(want)
        {
            let got = violations(
                &[agreement(1, "2026-03-03", rule, None)],
                &[contact(2, kind, "2026-03-04")],
            );
            assert_eq!(
                !got.is_empty(),
                broken,
                "{} against {}",
                kind.name(),
                rule.name()
            );
        }
    }
}

#[test]
fn a_rule_applies_from_the_next_day_to_its_last_day() {
    let a = [agreement(
        1,
        "2026-03-03",
        ContactRule::EmailOnly,
        Some("2026-06-30"),
    )];
    let broken = |on: &str| !violations(&a, &[contact(2, EntryKind::CallIn, on)]).is_empty();
    assert!(!broken("2026-03-02"));
    assert!(
        !broken("2026-03-03"),
        "the day of the agreement itself does not count"
    );
    assert!(broken("2026-03-04"));
    assert!(broken("2026-06-30"), "the last day counts");
    assert!(!broken("2026-07-01"));
    let open = [agreement(1, "2026-03-03", ContactRule::EmailOnly, None)];
    assert!(!violations(&open, &[contact(2, EntryKind::CallIn, "2036-01-01")]).is_empty());
}

#[test]
fn overlapping_agreements_are_each_checked() {
    let a = [
        agreement(1, "2026-01-10", ContactRule::NoHomeVisits, None),
        agreement(2, "2026-03-03", ContactRule::EmailOnly, Some("2026-04-30")),
    ];
    let c = [
        contact(10, EntryKind::HomeVisit, "2026-03-10"),
        contact(11, EntryKind::Sms, "2026-03-11"),
        contact(12, EntryKind::HomeVisit, "2026-05-10"),
    ];
    let got: Vec<(i64, i64)> = violations(&a, &c)
        .iter()
        .map(|v| (v.entry_id, v.agreement_entry_id))
        .collect();
    assert_eq!(got, [(10, 1), (10, 2), (11, 2), (12, 1)]);
}

fn add(d: &mut Dossier, e: NewEntry) -> i64 {
    d.add_entry(&e, &clock()).unwrap().id
}

fn entry(kind: EntryKind, on: &str, title: &str) -> NewEntry {
    NewEntry::new(kind, day(on), title)
}

#[test]
fn the_dossier_finds_broken_agreements_and_the_pdf_marks_them() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let agreed = add(
        &mut d,
        NewEntry {
            contact_rule: Some(ContactRule::EmailOnly),
            ..entry(
                EntryKind::Agreement,
                "2026-03-03",
                "Afspraak: alleen e-mail",
            )
        },
    );
    let call = add(
        &mut d,
        entry(EntryKind::CallIn, "2026-03-05", "Toch gebeld"),
    );
    add(
        &mut d,
        entry(EntryKind::CallOut, "2026-03-06", "Zelf teruggebeld"),
    );
    add(
        &mut d,
        entry(EntryKind::EmailIn, "2026-03-07", "Mail van WPI"),
    );
    let deleted = add(&mut d, entry(EntryKind::Sms, "2026-03-08", "Sms"));
    d.delete_entry(deleted, "dubbel", &clock()).unwrap();
    // A letter is how formal papers must come: not a violation.
    add(
        &mut d,
        NewEntry {
            letter_dated: Some(day("2026-03-09")),
            ..entry(EntryKind::LetterIn, "2026-03-11", "Uitnodiging per brief")
        },
    );
    let text = add(
        &mut d,
        entry(EntryKind::Sms, "2026-03-11", "Sms over een afspraak"),
    );
    // A deleted agreement sets no rule.
    let gone = add(
        &mut d,
        NewEntry {
            contact_rule: Some(ContactRule::NoHomeVisits),
            ..entry(EntryKind::Agreement, "2026-01-01", "Oude afspraak")
        },
    );
    d.delete_entry(gone, "vergissing", &clock()).unwrap();
    add(
        &mut d,
        entry(EntryKind::Meeting, "2026-03-12", "Gesprek op kantoor"),
    );

    let found = d.contact_violations().unwrap();
    let pairs: Vec<(i64, i64)> = found
        .iter()
        .map(|v| (v.entry_id, v.agreement_entry_id))
        .collect();
    assert_eq!(pairs, [(call, agreed), (text, agreed)]);
    assert_eq!(
        found[0].sentence_nl(),
        "Dit contact ging in tegen de afspraak van dinsdag 3 maart 2026: alleen per e-mail."
    );
    assert_eq!(
        found[0].sentence_en(),
        "This contact went against the agreement of Tuesday 3 March 2026: by e-mail only."
    );

    let pdf = |d: &Dossier, options: &ExportOptions, name: &str| -> String {
        let path = tmp.path().join(name);
        std::fs::write(&path, d.export_pdf(options, &clock()).unwrap()).unwrap();
        let out = Command::new("pdftotext")
            .args([path.to_str().unwrap(), "-"])
            .output()
            .unwrap();
        assert!(out.status.success());
        // Joined lines, so a wrapped sentence is still found.
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = pdf(&d, &ExportOptions::default(), "alles.pdf");
    assert!(
        text.contains("2 contacten gingen in tegen een gemaakte afspraak over contact"),
        "{text}"
    );
    // Each broken contact: once on the cover (by its number and date), once in its block.
    assert_eq!(
        text.matches(
            "Dit contact ging in tegen de afspraak van dinsdag 3 maart 2026: alleen per e-mail."
        )
        .count(),
        4
    );
    // Only the exported entries count, even when the agreement is left out.
    let only_calls = ExportOptions {
        kinds: vec![EntryKind::CallIn],
        lang: Lang::En,
        ..ExportOptions::default()
    };
    let text = pdf(&d, &only_calls, "calls.pdf");
    assert!(
        text.contains("1 contact went against an agreement about contact"),
        "{text}"
    );
    assert!(text.contains("This contact went against the agreement of Tuesday 3 March 2026"));
    let none = ExportOptions {
        kinds: vec![EntryKind::Meeting],
        ..ExportOptions::default()
    };
    let text = pdf(&d, &none, "meeting.pdf");
    assert!(!text.contains("ging in tegen"), "{text}");
}
