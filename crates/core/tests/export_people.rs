//! The bundle's "Wie:" line names who a person is and, only when it adds something,
//! what they did in this contact: "Petra de Wit (klantmanager, WPI) — belde mij", but
//! not "Petra de Wit (klantmanager, WPI) — klantmanager" (read by poppler).
#![allow(clippy::unwrap_used)]

mod common;

use common::{clock, day, dossier, flat, pages};
use dossier_core::export::ExportOptions;
use dossier_core::person::PersonData;
use dossier_core::{EntryKind, EntryPerson, NewEntry};

#[test]
fn a_contact_role_equal_to_the_persons_role_is_not_repeated() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("d"));
    let c = clock();
    let petra = d
        .add_person(
            &PersonData {
                name: "Petra de Wit".into(),
                role: "klantmanager".into(),
                organisation: "WPI".into(),
                ..PersonData::default()
            },
            &c,
        )
        .unwrap();
    for (on, title, role) in [
        ("2026-03-03", "Gesprek over de jobhunter", "Klantmanager"),
        ("2026-03-05", "Telefoontje van Petra", "belde mij"),
    ] {
        let mut e = NewEntry::new(EntryKind::Meeting, day(on), title);
        e.people = vec![EntryPerson {
            person_id: petra.id,
            role: role.into(),
        }];
        d.add_entry(&e, &c).unwrap();
    }
    let pdf = d.export_pdf(&ExportOptions::default(), &c).unwrap();
    let text = flat(&pages(&pdf, false).join("\n"));
    assert!(
        text.contains("Wie: Petra de Wit (klantmanager, WPI) — belde mij"),
        "{text}"
    );
    assert!(
        !text.contains("(klantmanager, WPI) — Klantmanager"),
        "the role repeated: {text}"
    );
    assert_eq!(
        text.matches("Wie: Petra de Wit (klantmanager, WPI)")
            .count(),
        2,
        "{text}"
    );
}
