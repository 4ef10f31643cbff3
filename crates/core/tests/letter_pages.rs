//! A letter's enclosures are read as a list on paper: an item that wraps over two lines
//! is never cut in half by a page break, and the heading "Bijlagen" never ends a page.
//! Tried on letters of every length from one page to three (poppler reads the pages).
#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use common::{flat, pages};
use dossier_core::letters::{self, Letter, LetterFormat, LetterType};

const LONG: &str = "Brief van de gemeente over de korting op mijn uitkering, met het verslag \
    van het gesprek van 2 maart en de afspraak dat contact alleen per e-mail zou gaan";

fn letter(paragraphs: usize) -> Letter {
    let day = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    Letter {
        letter_type: LetterType::Bezwaar,
        letter_date: day,
        sender: vec!["J. de Vries".into(), "Kerkstraat 12 hs".into(), "1017 GC Amsterdam".into()],
        recipient: vec!["Gemeente Amsterdam".into(), "Postbus 2536".into(), "1000 CM Amsterdam".into()],
        place_date: "Amsterdam, 12 maart 2026".into(),
        subject: "Bezwaar tegen het besluit van 2 maart 2026".into(),
        references: vec!["Uw kenmerk: WPI/2026/004127".into()],
        body: (0..paragraphs)
            .map(|i| format!("{}. Ik ben het niet eens met het besluit, omdat ik op die dag ziek was en dat ook heb gemeld bij mijn klantmanager.", i + 1))
            .collect(),
        closing: "Met vriendelijke groet,".into(),
        signer: "J. de Vries".into(),
        enclosures: vec![LONG.into(), "Medische verklaring van de huisarts".into()],
        term_ends: None,
        entry_title: "Bezwaar".into(),
    }
}

#[test]
fn an_enclosure_is_never_split_over_two_pages() {
    let mut most_pages = 0;
    for n in 1..=40 {
        let pdf = letters::render(&letter(n), LetterFormat::Pdf).unwrap();
        let texts: Vec<String> = pages(&pdf, false).iter().map(|p| flat(p)).collect();
        most_pages = most_pages.max(texts.iter().filter(|t| !t.is_empty()).count());
        let start = texts
            .iter()
            .position(|t| t.contains("Brief van de gemeente over de korting"));
        let end = texts
            .iter()
            .position(|t| t.contains("alleen per e-mail zou gaan"));
        assert!(
            start.is_some() && start == end,
            "{n} paragraphs: the enclosure runs from page {start:?} to page {end:?}"
        );
        let heading = texts.iter().position(|t| t.contains("Bijlagen"));
        assert_eq!(
            heading, start,
            "{n} paragraphs: \"Bijlagen\" on page {heading:?}, its first item on {start:?}"
        );
    }
    assert!(
        most_pages >= 3,
        "the letters reached {most_pages} pages only"
    );
}
