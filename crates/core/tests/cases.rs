//! Cases (F8): membership (an entry in several cases, deleted entries left out),
//! status, soft delete, and an export of one case holding only its entries.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::process::Command;

use common::{clock, day, dossier};
use dossier_core::export::ExportOptions;
use dossier_core::{CaseData, CaseStatus, Dossier, EntryKind, Error, NewEntry};

fn add(d: &mut Dossier, kind: EntryKind, date: &str, title: &str) -> i64 {
    d.add_entry(&NewEntry::new(kind, day(date), title), &clock())
        .unwrap()
        .id
}

#[test]
fn entries_belong_to_cases_and_deleted_ones_drop_out() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let objection = add(&mut d, EntryKind::LetterOut, "2026-03-20", "Bezwaarschrift");
    let decision = add(
        &mut d,
        EntryKind::Decision,
        "2026-03-03",
        "Besluit maatregel",
    );
    let call = add(&mut d, EntryKind::CallIn, "2026-02-01", "Los telefoontje");

    let msg = match d.add_case(&CaseData::new("  "), &clock()) {
        Err(Error::Invalid(m)) => m,
        other => panic!("{other:?}"),
    };
    assert!(msg.contains("title"), "{msg}");

    let id = d
        .add_case(&CaseData::new("Maatregel 30%"), &clock())
        .unwrap();
    let other = d.add_case(&CaseData::new("Opschorting"), &clock()).unwrap();
    let c = d.case(id).unwrap();
    assert_eq!(c.data.status, CaseStatus::Open);
    assert_eq!((c.entry_count, c.first_on, c.last_on), (0, None, None));

    d.add_to_case(id, objection).unwrap();
    d.add_to_case(id, decision).unwrap();
    d.add_to_case(id, decision).unwrap();
    d.add_to_case(other, decision).unwrap();
    assert_eq!(d.case_entry_ids(id).unwrap(), [decision, objection]);
    let c = d.case(id).unwrap();
    assert_eq!(c.entry_count, 2);
    assert_eq!(c.first_on, Some(day("2026-03-03")));
    assert_eq!(c.last_on, Some(day("2026-03-20")));
    let of: Vec<i64> = d
        .cases_of_entry(decision)
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(of, [id, other]);
    assert!(d.cases_of_entry(call).unwrap().is_empty());
    assert!(d.add_to_case(id, 999).is_err());
    assert!(d.add_to_case(999, call).is_err());

    d.delete_entry(objection, "vergissing", &clock()).unwrap();
    assert_eq!(d.case_entry_ids(id).unwrap(), [decision]);
    assert_eq!(d.case(id).unwrap().entry_count, 1);
    assert!(
        d.add_to_case(id, objection).is_err(),
        "a deleted entry is not added"
    );

    d.remove_from_case(other, decision).unwrap();
    assert!(d.case_entry_ids(other).unwrap().is_empty());

    d.set_case_status(id, CaseStatus::Hearing, &clock())
        .unwrap();
    let c = d.case(id).unwrap();
    assert_eq!(c.data.status, CaseStatus::Hearing);
    assert_eq!(c.data.title, "Maatregel 30%");
    assert!(c.updated_at.is_some());
    d.update_case(
        id,
        &CaseData {
            status: CaseStatus::Closed,
            notes: "bezwaar gegrond".into(),
            ..CaseData::new("Maatregel 30% (afgerond)")
        },
        &clock(),
    )
    .unwrap();
    assert_eq!(d.case(id).unwrap().data.status, CaseStatus::Closed);

    // The list: most recently active first; a deleted case is hidden but kept.
    let list: Vec<i64> = d.cases().unwrap().iter().map(|c| c.id).collect();
    assert_eq!(
        list,
        [other, id],
        "the empty case counts from when it was made"
    );
    d.delete_case(other, &clock()).unwrap();
    let list: Vec<i64> = d.cases().unwrap().iter().map(|c| c.id).collect();
    assert_eq!(list, [id]);
    assert!(d.case(other).unwrap().deleted_at.is_some());
    assert!(d.add_to_case(other, call).is_err());
    assert!(d
        .set_case_status(other, CaseStatus::Open, &clock())
        .is_err());
    d.add_to_case(id, decision).unwrap();
    assert!(d
        .cases_of_entry(decision)
        .unwrap()
        .iter()
        .all(|c| c.id == id));
}

#[test]
fn status_names_round_trip_with_labels() {
    for s in CaseStatus::ALL {
        assert_eq!(CaseStatus::from_name(s.name()).unwrap(), s);
        assert!(!s.label_nl().is_empty() && !s.label_en().is_empty());
    }
    assert_eq!(CaseStatus::Objection.label_nl(), "bezwaar gemaakt");
    assert!(CaseStatus::from_name("bezwaar").is_err());
}

#[test]
fn the_export_of_one_case_holds_only_its_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let decision = add(
        &mut d,
        EntryKind::Decision,
        "2026-03-03",
        "Besluit maatregel",
    );
    let objection = add(&mut d, EntryKind::LetterOut, "2026-03-20", "Bezwaarschrift");
    add(
        &mut d,
        EntryKind::CallIn,
        "2026-03-10",
        "Gesprek over iets anders",
    );
    let id = d
        .add_case(&CaseData::new("Maatregel 30%"), &clock())
        .unwrap();
    d.add_to_case(id, decision).unwrap();
    d.add_to_case(id, objection).unwrap();
    let case = d.case(id).unwrap();
    let options = ExportOptions {
        entry_ids: Some(d.case_entry_ids(id).unwrap()),
        case_label: Some(case.data.title.clone()),
        ..ExportOptions::default()
    };
    let pdf = tmp.path().join("zaak.pdf");
    std::fs::write(&pdf, d.export_pdf(&options, &clock()).unwrap()).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Besluit maatregel"), "{text}");
    assert!(text.contains("Bezwaarschrift"));
    assert!(text.contains("zaak Maatregel 30%"));
    // The case is named under the title, before anything else on the cover.
    let title = text.find("Chronologisch overzicht").unwrap();
    let case_line = text.find("Zaak: Maatregel 30%").unwrap();
    assert!(title < case_line && case_line < text.find("Periode").unwrap());
    assert!(!text.contains("Gesprek over iets anders"));
}
