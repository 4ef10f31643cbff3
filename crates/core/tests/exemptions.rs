//! Exemptions (F7): the warning table at its edges, "active on" at both ends,
//! validation naming the field, soft delete, and linked documents.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use chrono::Duration;
use common::{clock, day, dossier};
use dossier_core::exemption::{active_on, active_sentence_nl, exemption_warnings, WarningLevel};
use dossier_core::{Duty, EntryKind, Error, Exemption, ExemptionBasis, ExemptionData, NewEntry};

fn invalid(r: Result<impl std::fmt::Debug, Error>) -> String {
    match r {
        Err(Error::Invalid(m)) => m,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn stored(id: i64, duty: Duty, from: &str, to: &str) -> Exemption {
    Exemption {
        id,
        data: ExemptionData::new(duty, day(from), day(to)),
        created_at: "2026-01-01T00:00:00Z".into(),
        updated_at: None,
        deleted_at: None,
    }
}

#[test]
fn warnings_start_eight_weeks_before_the_end_and_stop_two_weeks_after() {
    // Ends Friday 3 July 2026.
    let ex = [stored(1, Duty::Work, "2026-01-05", "2026-07-03")];
    let end = day("2026-07-03");
    let table = [
        (57, None),
        (56, Some(WarningLevel::EightWeeks)),
        (29, Some(WarningLevel::EightWeeks)),
        (28, Some(WarningLevel::FourWeeks)),
        (1, Some(WarningLevel::FourWeeks)),
        (0, Some(WarningLevel::FourWeeks)),
        (-1, Some(WarningLevel::Ended)),
        (-14, Some(WarningLevel::Ended)),
        (-15, None),
    ];
    for (before, want) in table {
        let today = end - Duration::days(before);
        let got = exemption_warnings(&ex, today);
        assert_eq!(
            got.first().map(|w| w.level),
            want,
            "{before} days before the end"
        );
        if let Some(w) = got.first() {
            assert_eq!(w.days_left, before);
            assert_eq!(w.exemption_id, 1);
        }
    }
    let w = &exemption_warnings(&ex, day("2026-06-20"))[0];
    assert_eq!(
        w.sentence_nl(),
        "Uw ontheffing van de arbeidsverplichtingen loopt af op vrijdag 3 juli 2026. Vraag op tijd verlenging aan."
    );
    assert_eq!(
        w.sentence_en(),
        "Your exemption from work duties ends on Friday 3 July 2026. Ask for an extension in time."
    );
    let ended = &exemption_warnings(&ex, day("2026-07-04"))[0];
    assert!(ended
        .sentence_nl()
        .contains("is afgelopen op vrijdag 3 juli 2026"));
    assert!(ended.sentence_en().contains("ended on Friday 3 July 2026"));
}

#[test]
fn no_warning_for_deleted_or_already_extended_exemptions() {
    let mut gone = stored(1, Duty::Applying, "2026-01-01", "2026-07-03");
    gone.deleted_at = Some("2026-02-01T00:00:00Z".into());
    assert!(exemption_warnings(&[gone], day("2026-06-30")).is_empty());

    // An extension from the day after: nothing left to ask for; the extension itself
    // is far from its end.
    let old = stored(1, Duty::Work, "2026-01-01", "2026-07-03");
    let next = stored(2, Duty::Work, "2026-07-04", "2027-01-03");
    assert!(exemption_warnings(&[old.clone(), next], day("2026-06-30")).is_empty());
    // A later exemption for another duty is no extension; nor is one with a gap.
    let other = stored(3, Duty::Applying, "2026-07-04", "2027-01-03");
    let gap = stored(4, Duty::Work, "2026-07-10", "2027-01-03");
    let got = exemption_warnings(&[old, other, gap], day("2026-06-30"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].exemption_id, 1);
}

#[test]
fn other_duties_are_named_by_their_text() {
    let mut ex = stored(1, Duty::Other, "2026-01-01", "2026-03-31");
    ex.data.duty_text = "de taaleis".into();
    let w = &exemption_warnings(&[ex], day("2026-03-20"))[0];
    assert!(w
        .sentence_nl()
        .starts_with("Uw ontheffing van de taaleis loopt af"));
    assert_eq!(w.level, WarningLevel::FourWeeks);
}

#[test]
fn active_on_counts_both_ends() {
    let ex = [
        stored(1, Duty::Work, "2026-03-01", "2026-03-31"),
        stored(2, Duty::Applying, "2026-03-31", "2026-04-30"),
    ];
    let ids = |d: &str| -> Vec<i64> { active_on(&ex, day(d)).iter().map(|e| e.id).collect() };
    assert!(ids("2026-02-28").is_empty());
    assert_eq!(ids("2026-03-01"), [1]);
    assert_eq!(ids("2026-03-31"), [1, 2]);
    assert_eq!(ids("2026-04-30"), [2]);
    assert!(ids("2026-05-01").is_empty());
    assert_eq!(
        active_sentence_nl(&ex[0]),
        "U heeft op deze datum een ontheffing van de arbeidsverplichtingen."
    );
}

#[test]
fn validation_names_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let ok = ExemptionData::new(Duty::Work, day("2026-01-01"), day("2026-06-30"));
    let cases = [
        (
            ExemptionData {
                to_on: day("2025-12-31"),
                ..ok.clone()
            },
            "to_on",
        ),
        (
            ExemptionData {
                from_on: day("1899-12-31"),
                ..ok.clone()
            },
            "from_on",
        ),
        (
            ExemptionData {
                to_on: day("2201-01-01"),
                ..ok.clone()
            },
            "to_on",
        ),
        (
            ExemptionData {
                duty: Duty::Other,
                duty_text: "  ".into(),
                ..ok.clone()
            },
            "duty_text",
        ),
        (
            ExemptionData {
                entry_ids: vec![999],
                ..ok.clone()
            },
            "entry 999",
        ),
    ];
    for (data, field) in cases {
        let msg = invalid(d.add_exemption(&data, &clock()));
        assert!(msg.contains(field), "{field}: {msg}");
    }
    assert!(d.exemptions().unwrap().is_empty(), "nothing half-saved");
    // One day long is fine.
    let one_day = ExemptionData {
        to_on: day("2026-01-01"),
        ..ok
    };
    d.add_exemption(&one_day, &clock()).unwrap();
    assert_eq!(Duty::from_name("applying").unwrap(), Duty::Applying);
    assert!(Duty::from_name("werk").is_err());
    for b in ExemptionBasis::ALL {
        assert_eq!(ExemptionBasis::from_name(b.name()).unwrap(), b);
    }
}

#[test]
fn add_change_link_and_soft_delete() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let letter = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterIn, day("2026-01-10"), "Besluit ontheffing"),
            &clock(),
        )
        .unwrap();
    let keuring = d
        .add_entry(
            &NewEntry {
                medical: true,
                ..NewEntry::new(EntryKind::MedicalAssessment, day("2026-01-05"), "Keuring")
            },
            &clock(),
        )
        .unwrap();
    let data = ExemptionData {
        decided_by: "klantmanager J. de Vries, WPI".into(),
        basis: ExemptionBasis::MedicalAssessment,
        entry_ids: vec![letter.id],
        ..ExemptionData::new(Duty::Work, day("2026-01-15"), day("2026-07-14"))
    };
    let later = d
        .add_exemption(
            &ExemptionData::new(Duty::Applying, day("2026-08-01"), day("2026-12-31")),
            &clock(),
        )
        .unwrap();
    let id = d.add_exemption(&data, &clock()).unwrap();
    let got = d.exemption(id).unwrap();
    assert_eq!(got.data, data);
    assert_eq!(got.created_at, "2026-11-22T10:00:00Z");
    assert_eq!(got.updated_at, None);
    let order: Vec<i64> = d.exemptions().unwrap().iter().map(|e| e.id).collect();
    assert_eq!(order, [id, later], "ordered by first day");

    d.link_exemption_entry(id, keuring.id).unwrap();
    d.link_exemption_entry(id, keuring.id).unwrap();
    assert_eq!(
        d.exemption(id).unwrap().data.entry_ids,
        [letter.id, keuring.id]
    );
    assert!(
        d.entry(keuring.id).unwrap().data.medical,
        "the link does not change that the assessment is medical"
    );
    d.unlink_exemption_entry(id, letter.id).unwrap();
    assert_eq!(d.exemption(id).unwrap().data.entry_ids, [keuring.id]);
    d.delete_entry(letter.id, "dubbel", &clock()).unwrap();
    assert!(d.link_exemption_entry(id, letter.id).is_err());

    let changed = ExemptionData {
        to_on: day("2026-09-30"),
        notes: "verlengd".into(),
        entry_ids: vec![],
        ..data
    };
    d.update_exemption(id, &changed, &clock()).unwrap();
    let got = d.exemption(id).unwrap();
    assert_eq!(got.data, changed);
    assert!(got.updated_at.is_some());

    assert_eq!(d.exemptions_on(day("2026-09-30")).unwrap()[0].id, id);
    assert!(d
        .exemptions_on(day("2026-07-31"))
        .unwrap()
        .iter()
        .all(|e| e.id == id));
    assert!(d.exemptions_on(day("2026-01-14")).unwrap().is_empty());

    d.delete_exemption(id, &clock()).unwrap();
    assert!(d.exemptions().unwrap().iter().all(|e| e.id != id));
    let on: Vec<i64> = d
        .exemptions_on(day("2026-09-30"))
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(on, [later]);
    let kept = d.exemption(id).unwrap();
    assert_eq!(kept.deleted_at.as_deref(), Some("2026-11-22T10:00:00Z"));
    assert!(d.update_exemption(id, &changed, &clock()).is_err());
    assert!(d.delete_exemption(id, &clock()).is_err());
    assert!(d.link_exemption_entry(id, keuring.id).is_err());
    assert!(d.exemption(4242).is_err());
}
