//! One medical rule for every output: a keuring is medical by nature even when the user
//! forgot to tick "medisch". Tried as a new user would: an unflagged keuring with an
//! appointment must not show its title in the calendar file, must be left out of the
//! PDF, counted as medical by the export preview, the timeline filters and search, and
//! its to-dos and reminders must be marked medical (so notifications stay generic).
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::{clock, day, dossier};
use dossier_core::entry::parse_time;
use dossier_core::export::{ExportOptions, Lang};
use dossier_core::{EntryFilter, EntryKind, NewEntry};

const TITLE: &str = "Keuring psychiater dr. Verhoeven";

#[test]
fn an_unflagged_keuring_is_medical_in_every_output() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("d"));
    let c = clock();
    let today = day("2026-11-22");
    let keuring = NewEntry {
        appointment_on: Some(day("2026-12-02")),
        appointment_time: parse_time("10:30").ok(),
        medical: false,
        ..NewEntry::new(EntryKind::MedicalAssessment, day("2026-11-20"), TITLE)
    };
    let keuring = d.add_entry(&keuring, &c).unwrap();
    let call = NewEntry::new(EntryKind::CallIn, day("2026-11-21"), "Klantmanager belde");
    d.add_entry(&call, &c).unwrap();
    assert!(keuring.data.is_medical());

    // To-dos and the reminders drawn from them.
    let todos = d.todos(today).unwrap();
    let todo = todos.iter().find(|t| t.entry_id == keuring.id).unwrap();
    assert!(todo.medical, "the keuring's to-do is medical");
    let reminders = d.due_reminders(today).unwrap();
    let r = reminders.iter().find(|r| r.entry_id == keuring.id).unwrap();
    assert!(todos
        .iter()
        .any(|t| t.entry_id == r.entry_id && t.kind == r.kind && t.medical));

    // The calendar file people sync to online calendars.
    let ics = d.todos_ics(today, Lang::Nl, &c).unwrap();
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    assert!(
        !ics.contains("psychiater"),
        "the title leaked into the .ics:\n{ics}"
    );
    let ics = d.todos_ics(today, Lang::En, &c).unwrap();
    assert!(!ics.contains("psychiater"), "{ics}");

    // Timeline filters and their month counts.
    let titles = |f: &EntryFilter| -> Vec<String> {
        let page = d.find_entries(f, false, &Default::default(), 50).unwrap();
        page.entries.into_iter().map(|e| e.data.title).collect()
    };
    let only = EntryFilter {
        medical: Some(true),
        ..EntryFilter::default()
    };
    let none = EntryFilter {
        medical: Some(false),
        ..EntryFilter::default()
    };
    assert_eq!(titles(&only), [TITLE]);
    assert_eq!(titles(&none), ["Klantmanager belde"]);
    assert_eq!(d.month_counts(&none).unwrap(), [("2026-11".to_string(), 1)]);

    // Search results carry the rule too (the shell marks them private).
    let found = d.search("psychiater", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].data.is_medical());

    // The export: preview counts and the PDF itself (read by poppler, not by us).
    let options = ExportOptions::default();
    let preview = d.export_preview(&options).unwrap();
    assert_eq!((preview.entries, preview.medical_left_out), (1, 1));
    let pdf = d.export_pdf(&options, &c).unwrap();
    let path = tmp.path().join("bundel.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Klantmanager belde"), "{text}");
    assert!(
        !text.contains("psychiater"),
        "the keuring was printed:\n{text}"
    );
}
