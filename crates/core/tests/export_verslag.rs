#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! The schedule "Verslag van de instantie tegenover mijn versie" as a lawyer reads it
//! on paper (issue 14 part 3), read back with poppler's `pdftotext`: each statement of
//! the agency's verslag with the user's status and version, what supports it (as links
//! to the entry and the exhibit, checked with lopdf), and an empty column for the
//! lawyer.

mod common;

use std::collections::HashMap;

use common::{clock, day, dossier, flat, pages};
use dossier_core::export::ExportOptions;
use dossier_core::{Dossier, EntryKind, NewEntry, StatementInput, Status};

pub const VERSLAG: &str = "Verslag gesprek 3 november 2026.\n\nKlant geeft aan dat hij volledig \
kan werken. Klant gaat akkoord met een jobhunter. Er is gesproken over zijn cv. Klant \
brengt volgende week zijn bankafschriften.";

fn at(quote: &str) -> u32 {
    VERSLAG[..VERSLAG.find(quote).unwrap()].chars().count() as u32
}

/// A letter (entry 1, with a scan: exhibit 1), then the meeting (entry 2) whose verslag
/// is exhibit 2, with three statements: not said (important, backed by the letter and
/// its scan), incorrect, and correct.
pub fn with_statements(d: &mut Dossier) -> (i64, i64, i64) {
    let c = clock();
    let letter = d
        .add_entry(
            &NewEntry::new(
                EntryKind::LetterIn,
                day("2026-10-20"),
                "Brief van de huisarts",
            ),
            &c,
        )
        .unwrap();
    let scan = d
        .attach(
            letter.id,
            "huisarts.txt",
            b"Meneer is tot 1 januari niet belastbaar.",
            &c,
        )
        .unwrap();
    let meeting = d
        .add_entry(
            &NewEntry::new(
                EntryKind::Meeting,
                day("2026-11-03"),
                "Gesprek met de klantmanager",
            ),
            &c,
        )
        .unwrap();
    let verslag = d
        .attach(meeting.id, "verslag-wpi.txt", VERSLAG.as_bytes(), &c)
        .unwrap();
    d.set_verslag(meeting.id, verslag.id, "", &c).unwrap();
    let rows = [
        (
            "Klant geeft aan dat hij volledig kan werken.",
            Status::NotSaid,
            true,
            "Ik heb gezegd dat ik tot 1 januari ziek ben; de huisarts schreef dat ook.",
            vec![letter.id],
            vec![scan.id],
        ),
        (
            "Klant gaat akkoord met een jobhunter.",
            Status::Incorrect,
            false,
            "Ik heb gezegd dat ik erover wil nadenken. Ik heb niets getekend.",
            vec![],
            vec![],
        ),
        (
            "Er is gesproken over zijn cv.",
            Status::Correct,
            false,
            "",
            vec![],
            vec![],
        ),
    ];
    for (quote, status, important, mine, entries, files) in rows {
        d.add_statement(
            meeting.id,
            &StatementInput {
                start: at(quote),
                quote: quote.into(),
                status,
                important,
                my_version: mine.into(),
                support_entries: entries,
                support_attachments: files,
            },
            &c,
        )
        .unwrap();
    }
    (letter.id, meeting.id, verslag.id)
}

#[test]
fn the_schedule_sets_the_report_against_my_version_with_links_to_the_support() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = dossier(dir.path());
    with_statements(&mut d);
    let options = ExportOptions {
        include_attachments: true,
        ..ExportOptions::default()
    };
    let pdf = d.export_pdf(&options, &clock()).unwrap();
    if let Ok(out) = std::env::var("VERSLAG_PDF_OUT") {
        std::fs::write(out, &pdf).unwrap();
    }
    let text = pages(&pdf, false);
    let at_page = text
        .iter()
        .position(|p| p.contains("Verslag van de instantie tegenover mijn versie"))
        .expect("the schedule is printed");
    let page = flat(&text[at_page]);
    // Golden: the schedule as pdftotext reads it, in reading order, cell by cell.
    let golden = flat(include_str!("fixtures/verslag-schedule.txt"));
    assert!(page.contains(&golden), "\n{page}\n---\n{golden}");
    // Read across, each row holds its statement, status and version together.
    let layout = pages(&pdf, true);
    let row = layout[at_page]
        .lines()
        .find(|l| l.contains("Klant gaat akkoord met"))
        .unwrap();
    assert!(
        row.contains("klopt niet") && row.contains("Ik heb gezegd dat ik"),
        "{row}"
    );
    assert!(flat(&layout[at_page]).contains("Onderbouwing Opmerking advocaat"));

    // The links on the schedule's page lead to entry 1's block and to exhibit 1.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let numbers: HashMap<lopdf::ObjectId, usize> = doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect();
    let id = doc.get_pages()[&(u32::try_from(at_page + 1).unwrap())];
    let annots = doc
        .get_dictionary(id)
        .unwrap()
        .get(b"Annots")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let targets: Vec<usize> = annots
        .iter()
        .map(|a| {
            let a = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            let dest = a.get(b"Dest").unwrap().as_array().unwrap();
            numbers[&dest[0].as_reference().unwrap()]
        })
        .collect();
    let block_of_letter = text
        .iter()
        .position(|p| p.contains("Brief van de huisarts") && p.contains("1. "))
        .map(|i| i + 1);
    let exhibit_1 = text
        .iter()
        .position(|p| p.contains("Bijlage 1 — Brief van de huisarts"))
        .unwrap()
        + 1;
    let exhibit_2 = text
        .iter()
        .position(|p| p.contains("Bijlage 2 — Gesprek met de klantmanager"))
        .unwrap()
        + 1;
    assert!(targets.contains(&exhibit_1), "{targets:?} {exhibit_1}");
    assert!(
        targets.contains(&exhibit_2),
        "the report itself: {targets:?}"
    );
    let letter_page = block_of_letter.unwrap();
    assert!(targets.contains(&letter_page), "{targets:?} {letter_page}");
}

#[test]
fn the_correction_letter_is_made_from_the_statements_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = dossier(dir.path());
    let (_, meeting, _) = with_statements(&mut d);
    d.set_profile(&dossier_core::Profile {
        name: "Fatima el Amrani".into(),
        address: vec!["Javaplein 12-2".into(), "1094 HH Amsterdam".into()],
        email: String::new(),
    })
    .unwrap();
    let mut req = dossier_core::letters::LetterRequest {
        fills: d.correction_fills(meeting).unwrap().into_iter().collect(),
        ..Default::default()
    };
    req.fills.insert("ontvanger".into(), "WPI".into());
    req.fills.insert(
        "ontvanger_adres".into(),
        "Postbus 2222\n1000 CE Amsterdam".into(),
    );
    let made = d
        .render_letter(
            meeting,
            dossier_core::letters::LetterType::Correctie,
            &req,
            dossier_core::letters::LetterFormat::Pdf,
            day("2026-11-22"),
        )
        .unwrap();
    let text = flat(&pages(&made.bytes, false).join("\n"));
    for want in [
        "Betreft: Verzoek om correctie van mijn gegevens (artikel 16 AVG)",
        "artikel 16 van de Algemene verordening gegevensbescherming",
        "Het gaat om: het verslag van ons gesprek op dinsdag 3 november 2026 (Gesprek met de klantmanager), dat ik ontving als verslag-wpi.txt.",
        "1. In het verslag staat: „Klant geeft aan dat hij volledig kan werken.” Dit is niet gezegd. Wat er moet staan: Ik heb gezegd dat ik tot 1 januari ziek ben; de huisarts schreef dat ook. Zie ook mijn registratie van 20-10-2026: Brief van de huisarts; het stuk huisarts.txt.",
        "2. In het verslag staat: „Klant gaat akkoord met een jobhunter.” Dit klopt niet. Wat er moet staan: Ik heb gezegd dat ik erover wil nadenken. Ik heb niets getekend.",
        "Wat er moet staan: zoals bij elk punt hierboven staat. Ik vraag u het verslag zo te verbeteren",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    // The statement that is right is not a point of the letter.
    assert!(!text.contains("zijn cv"), "{text}");
    assert!(!text.contains("3. In het verslag"), "{text}");
}
