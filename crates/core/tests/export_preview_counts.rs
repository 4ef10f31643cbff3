//! The Export screen's counts (entries printed, files appended, medical left out) are
//! counted in SQL; they must say what the export really selects. A small dossier whose
//! right answers are known by construction: per option, the SQL count, the count from
//! the loaded entries and the known number agree, with detached files, a tombstone,
//! an unflagged keuring and a person filter in play.
#![allow(clippy::unwrap_used)]

mod common;

use common::{clock, day, dossier};
use dossier_core::export::ExportOptions;
use dossier_core::person::PersonData;
use dossier_core::{EntryKind, EntryPerson, NewEntry};

#[test]
fn preview_counts_match_what_the_export_selects() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("d"));
    let c = clock();
    let anja = d
        .add_person(
            &PersonData {
                name: "Anja de Vries".into(),
                ..PersonData::default()
            },
            &c,
        )
        .unwrap();
    let with = |kind, on: &str, title: &str| NewEntry::new(kind, day(on), title);
    // 2025: a call with Anja (2 files, one detached later), a letter (1 file).
    let mut call = with(EntryKind::CallIn, "2025-03-01", "Anja belde");
    call.people = vec![EntryPerson {
        person_id: anja.id,
        role: String::new(),
    }];
    let call = d.add_entry(&call, &c).unwrap();
    d.attach(call.id, "a.txt", b"eerste", &c).unwrap();
    let gone = d.attach(call.id, "b.txt", b"tweede", &c).unwrap();
    d.detach(gone.id, "verkeerd bestand", &c).unwrap();
    let letter = d
        .add_entry(&with(EntryKind::LetterIn, "2025-06-01", "Brief"), &c)
        .unwrap();
    d.attach(letter.id, "brief.txt", b"brief", &c).unwrap();
    // 2026: an unflagged keuring (medical by nature, 1 file), a flagged note, a
    // deleted note with a file (a tombstone: printed as such, its file not appended).
    let keuring = d
        .add_entry(
            &with(EntryKind::MedicalAssessment, "2026-01-10", "Keuring"),
            &c,
        )
        .unwrap();
    d.attach(keuring.id, "keuring.txt", b"keuring", &c).unwrap();
    let mut flagged = with(EntryKind::Note, "2026-02-01", "Huisarts");
    flagged.medical = true;
    d.add_entry(&flagged, &c).unwrap();
    let deleted = d
        .add_entry(&with(EntryKind::Note, "2026-03-01", "Vergissing"), &c)
        .unwrap();
    d.attach(deleted.id, "weg.txt", b"weg", &c).unwrap();
    d.delete_entry(deleted.id, "vergissing", &c).unwrap();

    let cases: Vec<(&str, ExportOptions, (usize, usize, usize))> = vec![
        ("everything", ExportOptions::default(), (3, 2, 2)),
        (
            "everything with medical",
            ExportOptions {
                include_medical: true,
                ..ExportOptions::default()
            },
            (5, 3, 0),
        ),
        (
            "2025 only",
            ExportOptions {
                from: Some(day("2025-01-01")),
                to: Some(day("2025-12-31")),
                ..ExportOptions::default()
            },
            (2, 2, 0),
        ),
        (
            "calls only",
            ExportOptions {
                kinds: vec![EntryKind::CallIn],
                ..ExportOptions::default()
            },
            (1, 1, 0),
        ),
        (
            "Anja's entries",
            ExportOptions {
                people: vec![anja.id],
                ..ExportOptions::default()
            },
            (1, 1, 0),
        ),
        (
            "one case: the letter and the keuring",
            ExportOptions {
                entry_ids: Some(vec![letter.id, keuring.id]),
                ..ExportOptions::default()
            },
            (1, 1, 1),
        ),
    ];
    for (what, options, (entries, files, medical)) in cases {
        let sql = d.export_preview(&options).unwrap();
        let loaded = d.export_preview_loaded(&options).unwrap();
        assert_eq!(sql, loaded, "{what}: SQL and loaded counts differ");
        assert_eq!(
            (sql.entries, sql.attachments, sql.medical_left_out),
            (entries, files, medical),
            "{what}"
        );
    }
}
