//! What a user chooses around a letter from the command line: the dossier's exhibits a
//! bezwaarschrift sends along (`letter --exhibit N`, by the overview's numbers), and
//! taking back "sent" (`letter-unsent`), which opens the objection to-do again.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::Path;

use common::{demo, fails, ok, pdftotext, run as dossier, run_in};

const TO: &str = "ontvanger_adres=Postbus 2813|1000 CV Amsterdam";
const GROUND: &str = "Ik kocht de bril met toestemming van mijn klantmanager.";

fn entry_count(d: &str) -> usize {
    ok(&dossier(&["list", d])).lines().count()
}

/// Adds an entry on `date` with one text file `name`.
fn with_file(tmp: &Path, d: &str, date: &str, title: &str, name: &str) {
    let file = tmp.join(name);
    std::fs::write(&file, format!("{title}\n")).unwrap();
    ok(&dossier(&[
        "add",
        d,
        "--kind",
        "email-in",
        "--date",
        date,
        "--title",
        title,
        "--attach",
        file.to_str().unwrap(),
    ]));
}

#[test]
fn a_bezwaarschrift_lists_the_exhibits_chosen_by_number_and_an_unknown_number_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = demo(tmp.path(), true);
    with_file(
        tmp.path(),
        &d,
        "2026-11-20",
        "Mail van de klantmanager",
        "mail-klantmanager.txt",
    );
    with_file(
        tmp.path(),
        &d,
        "2026-11-24",
        "Bon van de opticien",
        "bon-opticien.txt",
    );
    // The list of letters shows under bezwaar what can go along, by number.
    let listed = ok(&dossier(&["letter", &d, "70"]));
    let exhibits: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix("  --exhibit "))
        .collect();
    assert_eq!(exhibits.len(), 2, "{listed}");
    assert!(
        exhibits[0].starts_with("1\tBijlage 1 uit mijn dossieroverzicht: mail-klantmanager.txt"),
        "{listed}"
    );
    assert!(
        exhibits[1].starts_with("2\tBijlage 2 uit mijn dossieroverzicht: bon-opticien.txt"),
        "{listed}"
    );

    let pdf = tmp.path().join("bezwaar.pdf");
    let p = pdf.to_str().unwrap();
    let bezwaar = |exhibits: &[&str], lang: &str| {
        let mut args = vec![
            "letter", &d, "70", "--type", "bezwaar", "--out", p, "--fill", TO, "--ground", GROUND,
        ];
        for x in exhibits {
            args.extend(["--exhibit", x]);
        }
        run_in(&args, lang)
    };
    // Number 9 is not in the overview: refused in plain Dutch, nothing written or kept.
    let err = fails(&bezwaar(&["1", "9"], "nl_NL.UTF-8"), 52);
    assert!(
        err.contains("er is geen bijlage 9 om mee te sturen"),
        "{err}"
    );
    assert!(
        err.contains("de bijlagen die mee kunnen zijn 1, 2"),
        "{err}"
    );
    assert!(err.contains("Er is niets geschreven"), "{err}");
    assert!(!pdf.exists());
    assert_eq!(entry_count(&d), 72);

    // Given in any order, they are listed in the overview's order after the decision.
    ok(&bezwaar(&["2", "1"], "en_GB.UTF-8"));
    let text = pdftotext(&pdf);
    let copy = text.find("Kopie van").unwrap_or_else(|| panic!("{text}"));
    let first = text
        .find("Bijlage 1 uit mijn dossieroverzicht: mail-klantmanager.txt (Mail van de klantmanager, 20 november 2026)")
        .unwrap_or_else(|| panic!("{text}"));
    let second = text
        .find("Bijlage 2 uit mijn dossieroverzicht: bon-opticien.txt (Bon van de opticien, 24 november")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(copy < first && first < second, "{text}");
    assert_eq!(entry_count(&d), 73);
}

/// The open objection to-do of entry `id`, as `deadlines --json` lists it.
fn objection_listed(d: &str, id: u64) -> bool {
    let rows: serde_json::Value =
        serde_json::from_str(&ok(&dossier(&["deadlines", d, "--json"]))).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .any(|r| r["entry_id"] == id && r["kind"] == "objection")
}

#[test]
fn a_letter_marked_sent_by_mistake_is_a_draft_again_and_the_objection_to_do_is_back() {
    let tmp = tempfile::tempdir().unwrap();
    let d = demo(tmp.path(), true);
    let pdf = tmp.path().join("bezwaar.pdf");
    ok(&dossier(&[
        "letter",
        &d,
        "70",
        "--type",
        "bezwaar",
        "--out",
        pdf.to_str().unwrap(),
        "--fill",
        TO,
        "--ground",
        GROUND,
    ]));
    assert!(objection_listed(&d, 70));
    let today = dossier_core::dutch_today(chrono::Utc::now()).to_string();
    ok(&dossier(&[
        "letter-sent",
        &d,
        "71",
        "--on",
        &today,
        "--how",
        "aangetekend",
    ]));
    assert!(!objection_listed(&d, 70), "the objection is done once sent");

    let out = ok(&run_in(&["letter-unsent", &d, "71"], "nl_NL.UTF-8"));
    assert_eq!(out.trim(), "Brief 71 is weer een concept: niet verstuurd");
    assert!(objection_listed(&d, 70), "the to-do is open again");
    let links = ok(&dossier(&["links", &d, "71"]));
    assert!(links.contains("71\tsame-decision\t70"), "{links}");
    let drafts = ok(&dossier(&["list", &d, "--tag", "concept"]));
    assert!(drafts.contains("71\t"), "{drafts}");

    // Once more: refused, and the draft stays as it is.
    fails(&dossier(&["letter-unsent", &d, "71"]), 13);
    assert!(objection_listed(&d, 70));
}
