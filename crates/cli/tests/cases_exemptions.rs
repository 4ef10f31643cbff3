//! `dossier` cases, exemptions and broken agreements on the built binary: round
//! trips through the JSON, the export of one case, and the unknown-case exit code.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::Path;
use std::process::{Command, Output};

use dossier_core::{dutch_today, Clock, SystemClock};

fn dossier(args: &[&str], lang: &str) -> Output {
    common::run_in(args, lang)
}

fn en(args: &[&str]) -> Output {
    common::run(args)
}

fn ok(out: Output) -> String {
    common::ok(&out)
}

fn failed(out: &Output, code: i32) -> String {
    common::fails(out, code)
}

fn json(out: Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn add(d: &str, kind: &str, date: &str, title: &str, extra: &[&str]) -> String {
    let mut args = vec!["add", d, "--kind", kind, "--date", date, "--title", title];
    args.extend_from_slice(extra);
    ok(en(&args)).trim().to_string()
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_case_groups_entries_and_exports_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    ok(en(&["init", d]));
    let decision = add(d, "decision", "2026-03-03", "Besluit maatregel", &[]);
    let objection = add(d, "letter-out", "2026-03-20", "Bezwaarschrift", &[]);
    add(d, "call-in", "2026-03-10", "Ander gesprek", &[]);

    let id = ok(en(&["case-add", d, "--title", "Maatregel 30%"]))
        .trim()
        .to_string();
    ok(en(&["case-entry", d, &id, &decision, &objection]));
    ok(en(&["case-status", d, &id, "objection"]));
    let cases = json(en(&["cases", d, "--json"]));
    let c = &cases[0];
    assert_eq!(c["id"].to_string(), id);
    assert_eq!(c["title"], "Maatregel 30%");
    assert_eq!(c["status"], "objection");
    assert_eq!(c["entry_count"], 2);
    assert_eq!(c["first_on"], "2026-03-03");
    assert_eq!(c["last_on"], "2026-03-20");
    assert_eq!(
        c["entry_ids"].to_string(),
        format!("[{decision},{objection}]")
    );
    let text = ok(en(&["cases", d]));
    assert_eq!(
        text.trim(),
        format!("{id}\tobjection\t2\t2026-03-03\t2026-03-20\tMaatregel 30%")
    );

    let pdf = tmp.path().join("zaak.pdf");
    ok(en(&[
        "export",
        d,
        "--pdf",
        pdf.to_str().unwrap(),
        "--case",
        &id,
        "--lang",
        "nl",
    ]));
    let text = pdftotext(&pdf);
    assert!(text.contains("Besluit maatregel"), "{text}");
    assert!(text.contains("Bezwaarschrift"));
    assert!(text.contains("zaak Maatregel 30%"));
    assert!(!text.contains("Ander gesprek"));

    // Taking one out.
    ok(en(&["case-entry", d, &id, &objection, "--remove"]));
    assert_eq!(json(en(&["cases", d, "--json"]))[0]["entry_count"], 1);

    // An unknown case has its own exit code and says so in both languages.
    let other = tmp.path().join("niets.pdf");
    let out = en(&[
        "export",
        d,
        "--pdf",
        other.to_str().unwrap(),
        "--case",
        "999",
    ]);
    assert!(failed(&out, 20).contains("no case with number 999"));
    assert!(!other.exists(), "nothing written");
    let out = dossier(&["case-status", d, "999", "closed"], "nl_NL.UTF-8");
    assert!(failed(&out, 20).contains("geen zaak met nummer 999"));
    failed(&en(&["case-entry", d, "999", &decision]), 20);
    failed(&en(&["case-status", d, &id, "bezwaar"]), 13);
    failed(&en(&["case-add", d, "--title", " "]), 13);
}

#[test]
fn exemptions_round_trip_with_a_warning_before_the_end() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    ok(en(&["init", d]));
    let letter = add(d, "letter-in", "2026-01-10", "Besluit ontheffing", &[]);
    // The CLI counts from the Dutch day, which is a day ahead of UTC around midnight.
    let today = dutch_today(SystemClock.now());
    let end = today.iter_days().nth(10).unwrap().to_string();
    let id = ok(en(&[
        "exemption-add",
        d,
        "--duty",
        "work",
        "--from",
        "2026-01-15",
        "--to",
        &end,
        "--decided-by",
        "klantmanager J. de Vries, WPI",
        "--basis",
        "letter",
        "--entry",
        &letter,
    ]))
    .trim()
    .to_string();
    let list = json(en(&["exemptions", d, "--json"]));
    let e = &list[0];
    assert_eq!(e["id"].to_string(), id);
    assert_eq!(e["duty"], "work");
    assert_eq!(e["from_on"], "2026-01-15");
    assert_eq!(e["to_on"], end.as_str());
    assert_eq!(e["decided_by"], "klantmanager J. de Vries, WPI");
    assert_eq!(e["basis"], "letter");
    assert_eq!(e["entry_ids"].to_string(), format!("[{letter}]"));
    assert_eq!(e["warning"]["level"], "four-weeks");
    assert_eq!(e["warning"]["days_left"], 10);
    let nl = json(dossier(&["exemptions", d, "--json"], "nl_NL.UTF-8"));
    let sentence = nl[0]["warning"]["text"].as_str().unwrap();
    assert!(
        sentence.starts_with("Uw ontheffing van de arbeidsverplichtingen loopt af op"),
        "{sentence}"
    );
    let text = ok(en(&["exemptions", d]));
    assert!(
        text.starts_with(&format!("{id}\t2026-01-15\t{end}\twork\t")),
        "{text}"
    );

    let out = en(&[
        "exemption-add",
        d,
        "--duty",
        "other",
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
    ]);
    assert!(failed(&out, 13).contains("duty_text"));
    let out = en(&[
        "exemption-add",
        d,
        "--duty",
        "work",
        "--from",
        "2026-03-01",
        "--to",
        "2026-02-01",
    ]);
    assert!(failed(&out, 13).contains("to_on"));
    assert_eq!(
        json(en(&["exemptions", d, "--json"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn violations_lists_contacts_that_broke_an_agreement() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    ok(en(&["init", d]));
    let agreed = add(
        d,
        "agreement",
        "2026-03-03",
        "Alleen e-mail",
        &[
            "--contact-rule",
            "email-only",
            "--contact-rule-until",
            "2026-06-30",
        ],
    );
    let call = add(d, "call-in", "2026-03-05", "Toch gebeld", &[]);
    add(d, "call-out", "2026-03-06", "Zelf gebeld", &[]);
    add(d, "call-in", "2026-07-01", "Na de afspraak", &[]);
    let found = json(en(&["violations", d, "--json"]));
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["entry_id"].to_string(), call);
    assert_eq!(found[0]["agreement_entry_id"].to_string(), agreed);
    assert_eq!(found[0]["rule"], "email-only");
    assert_eq!(found[0]["agreed_on"], "2026-03-03");
    assert_eq!(
        found[0]["text"],
        "This contact went against the agreement of Tuesday 3 March 2026: by e-mail only."
    );
    let text = ok(en(&["violations", d]));
    assert_eq!(
        text.trim(),
        format!("{call}\t{agreed}\t2026-03-03\temail-only")
    );
}
