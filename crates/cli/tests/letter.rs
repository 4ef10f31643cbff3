//! `dossier letter`, `letter-sent` and `profile` on the demo dossier: the letter a
//! user posts (read back with pdftotext and unzip), what is missing, never writing over
//! a file, the ingebrekestelling refused before its time, and marking a letter sent.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::process::Command;

use common::{demo, fails, ok, pdftotext, run as dossier, squash};

fn entry_count(d: &str) -> usize {
    ok(&dossier(&["list", d])).lines().count()
}

const TO: &str = "ontvanger_adres=Postbus 2813|1000 CV Amsterdam";

#[test]
fn an_objection_from_the_demo_decision_is_a_pdf_and_a_draft_entry_and_no_file_is_written_over() {
    let tmp = tempfile::tempdir().unwrap();
    let d = demo(tmp.path(), true);
    let listed = ok(&dossier(&["letter", &d, "70"]));
    let types: Vec<&str> = listed
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        types,
        ["inzage", "voorlopig-bezwaar", "bezwaar", "correctie"],
        "{listed}"
    );
    assert!(listed.contains("--fill gronden=…"), "{listed}");
    assert!(!listed.to_lowercase().contains("uitstel"), "{listed}");

    let pdf = tmp.path().join("bezwaar.pdf");
    let p = pdf.to_str().unwrap();
    let out = ok(&dossier(&[
        "letter",
        &d,
        "70",
        "--type",
        "bezwaar",
        "--out",
        p,
        "--fill",
        TO,
        "--ground",
        "Ik kocht de bril met toestemming van mijn klantmanager.",
        "--enclosure",
        "Bijlage 4 uit mijn dossier: mail van de klantmanager",
    ]));
    assert!(out.contains("Letter made:"), "{out}");
    assert!(out.contains("Kept as entry 71"), "{out}");
    let text = pdftotext(&pdf);
    for want in [
        "Fatima el Amrani",
        "Javaplein 12-2",
        "1094 HH Amsterdam",
        "fatima@example.nl",
        "WPI Amsterdam",
        "Postbus 2813",
        "1000 CV Amsterdam",
        "Betreft: Bezwaarschrift tegen uw besluit van 17 november 2026",
        "Uw kenmerk: WPI/BB/2026/77410",
        "Besluit: terugvordering bijzondere bijstand voor mijn bril",
        "1. Ik kocht de bril met toestemming van mijn klantmanager.",
        "Bijlage 4 uit mijn dossier: mail van de klantmanager",
        "pagina 1 van 1",
    ] {
        assert!(text.contains(want), "no {want:?} in {text}");
    }
    let row = ok(&dossier(&["list", &d, "--kind", "letter-out"]));
    assert!(
        row.contains("71\t") && row.contains("Bezwaarschrift aan WPI Amsterdam"),
        "{row}"
    );
    let links = ok(&dossier(&["links", &d, "71"]));
    assert!(links.contains("71\tsame-decision\t70"), "{links}");

    // The same name again: refused before anything is asked or stored.
    let before = std::fs::read(&pdf).unwrap();
    let err = fails(
        &dossier(&[
            "letter",
            &d,
            "70",
            "--type",
            "voorlopig-bezwaar",
            "--out",
            p,
            "--fill",
            TO,
        ]),
        9,
    );
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    assert_eq!(entry_count(&d), 71);

    // Sent by registered post, with the receipt: no longer a draft, and the objection.
    let receipt = tmp.path().join("bewijs.jpg");
    std::fs::write(&receipt, b"\xff\xd8\xff\xe0 a photo of the receipt").unwrap();
    let today = dossier_core::dutch_today(chrono::Utc::now()).to_string();
    let sent = ok(&dossier(&[
        "letter-sent",
        &d,
        "71",
        "--on",
        &today,
        "--how",
        "aangetekend",
        "--proof",
        receipt.to_str().unwrap(),
    ]));
    assert!(sent.contains("sent on"), "{sent}");
    let links = ok(&dossier(&["links", &d, "71"]));
    assert!(links.contains("71\tobjection-against\t70"), "{links}");
}

#[test]
fn text_and_docx_follow_the_extension_and_an_unknown_one_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let d = demo(tmp.path(), true);
    // Entry 32: the new klantmanager called to introduce herself.
    let txt = tmp.path().join("bevestiging.txt");
    let out = ok(&dossier(&[
        "letter",
        &d,
        "32",
        "--type",
        "bevestiging",
        "--out",
        txt.to_str().unwrap(),
        "--fill",
        TO,
    ]));
    assert!(out.contains("To do: follow up on this letter on"), "{out}");
    let text = squash(&std::fs::read_to_string(&txt).unwrap());
    assert!(
        text.contains("Betreft: Bevestiging van ons telefoongesprek van 19 maart 2026"),
        "{text}"
    );
    assert!(text.contains("Zonder tegenbericht binnen 14 dagen ga ik ervan uit dat dit klopt."));
    let deadlines = ok(&dossier(&["deadlines", &d]));
    assert!(
        deadlines.contains("Bevestiging van een telefoongesprek aan WPI Amsterdam"),
        "{deadlines}"
    );

    let docx = tmp.path().join("inzage.docx");
    ok(&dossier(&[
        "letter",
        &d,
        "5",
        "--type",
        "inzage",
        "--out",
        docx.to_str().unwrap(),
        "--fill",
        TO,
        "--fill",
        "periode_van=2025-11-01",
        "--preview",
    ]));
    let xml = Command::new("unzip")
        .args(["-p", docx.to_str().unwrap(), "word/document.xml"])
        .output()
        .unwrap();
    assert!(xml.status.success());
    let xml = String::from_utf8(xml.stdout).unwrap();
    for want in [
        "Fatima el Amrani",
        "Postbus 2813",
        "1 november 2025",
        "artikel 15 AVG",
    ] {
        assert!(xml.contains(want), "no {want} in word/document.xml");
    }
    // --preview keeps nothing in the dossier.
    assert_eq!(entry_count(&d), 71);

    let odt = tmp.path().join("brief.odt");
    let err = fails(
        &dossier(&[
            "letter",
            &d,
            "5",
            "--type",
            "inzage",
            "--out",
            odt.to_str().unwrap(),
        ]),
        13,
    );
    assert!(err.contains("pdf, txt or docx"), "{err}");
    assert!(!odt.exists());
}

#[test]
fn a_letter_that_misses_something_says_what_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = demo(tmp.path(), false);
    let pdf = tmp.path().join("bezwaar.pdf");
    let out = dossier(&[
        "letter",
        &d,
        "70",
        "--type",
        "bezwaar",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let err = fails(&out, 50);
    for want in [
        "--fill naam=",
        "--fill adres=",
        "--fill gronden=",
        "--fill ontvanger_adres=",
    ] {
        assert!(err.contains(want), "no {want} in {err}");
    }
    assert!(err.contains("your name (Awb 6:5)"), "{err}");
    assert!(!pdf.exists());
    assert_eq!(entry_count(&d), 70);
}

#[test]
fn an_ingebrekestelling_is_refused_while_the_decision_term_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let d = demo(tmp.path(), true);
    let yesterday =
        (dossier_core::dutch_today(chrono::Utc::now()) - chrono::Duration::days(1)).to_string();
    let decision = ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "decision",
        "--date",
        &yesterday,
        "--letter-dated",
        &yesterday,
        "--sent",
        &yesterday,
        "--title",
        "Besluit over mijn toeslag",
        "--org",
        "WPI Amsterdam",
        "--kenmerk",
        "WPI/2026/9",
    ]));
    let objection = ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "letter-out",
        "--date",
        &yesterday,
        "--title",
        "Bezwaar",
    ]));
    ok(&dossier(&[
        "link",
        &d,
        objection.trim(),
        decision.trim(),
        "--kind",
        "objection-against",
    ]));
    let pdf = tmp.path().join("ingebreke.pdf");
    let err = fails(
        &dossier(&[
            "letter",
            &d,
            decision.trim(),
            "--type",
            "ingebrekestelling",
            "--out",
            pdf.to_str().unwrap(),
            "--fill",
            TO,
        ]),
        51,
    );
    assert!(err.contains("Awb 7:10"), "{err}");
    assert!(!pdf.exists());
}
