//! `dossier import-mail`: real-world .eml, .mbox and .msg files from the corpus in
//! core's tests/fixtures/mail become entries a user can list; the original is kept
//! (`sha256sum` agrees); a second run skips them; an mbox lists its messages and
//! takes the picked ones; a bad file or a message without a date adds nothing, with
//! the exit codes of the README.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{fails, ok};

fn dossier(args: &[&str]) -> Output {
    common::run(args)
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/mail")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn sha256sum(path: &str) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("d");
    ok(&dossier(&["init", dir.to_str().unwrap()]));
    (tmp, dir)
}

#[test]
fn mail_files_become_entries_once() {
    let (_tmp, dir) = setup();
    let d = dir.to_str().unwrap();
    // Without the own address nothing is imported, and the message says how to give it.
    let err = fails(
        &dossier(&["import-mail", d, &fixture("iso-8859-1.eml")]),
        62,
    );
    assert!(err.contains("dossier profile"), "{err}");
    ok(&dossier(&["profile", d, "--email", "mueller@example.com"]));

    let files = [
        fixture("html-only-iso-8859-1.eml"),
        fixture("with-rtf.msg"),
        fixture("attached-pdf.eml"),
    ];
    let mut args = vec!["import-mail", d, "--json"];
    args.extend(files.iter().map(String::as_str));
    let out: serde_json::Value = serde_json::from_str(&ok(&dossier(&args))).unwrap();
    let added = out["added"].as_array().unwrap();
    assert_eq!(added.len(), 3, "{out}");
    assert_eq!(added[0]["title"], "Die Hasen und die Frösche");
    assert_eq!(added[0]["kind"], "email-in");
    assert_eq!(added[0]["occurred_on"], "2000-05-19");
    assert_eq!(added[0]["time"], "06:31");
    assert_eq!(added[1]["title"], "title");
    assert_eq!(
        added[2]["attachments"],
        serde_json::json!(["attached-pdf.eml", "broken.pdf"])
    );
    for (a, f) in added.iter().zip(&files) {
        assert_eq!(a["sha256"].as_str().unwrap(), sha256sum(f));
    }
    let list = ok(&dossier(&["list", d]));
    assert!(
        list.contains("\temail-in\tDie Hasen und die Frösche"),
        "{list}"
    );

    // Again: nothing added, each reported as skipped.
    let mut plain = vec!["import-mail", d];
    plain.extend(files.iter().map(String::as_str));
    let again = ok(&dossier(&plain));
    assert_eq!(
        again.lines().filter(|l| l.starts_with("skipped\t")).count(),
        3,
        "{again}"
    );
    assert!(again.contains("Added 0 e-mails, skipped 3"), "{again}");
    assert_eq!(ok(&dossier(&["list", d])).lines().count(), 3);
}

#[test]
fn an_mbox_is_listed_and_picked() {
    let (_tmp, dir) = setup();
    let d = dir.to_str().unwrap();
    ok(&dossier(&["profile", d, "--email", "ik@example.nl"]));
    let mbox = fixture("three.mbox");
    let listed = ok(&dossier(&["import-mail", d, "--list", &mbox]));
    let first: Vec<&str> = listed
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(first, ["1", "2", "3"], "{listed}");
    assert!(
        listed
            .lines()
            .nth(2)
            .unwrap()
            .ends_with("\t25 HTML + embedded image"),
        "{listed}"
    );
    let out = ok(&dossier(&["import-mail", d, &mbox, "--mbox-pick", "2,3"]));
    assert!(out.contains("Added 2 e-mails"), "{out}");
    assert!(
        out.contains("three.mbox #2") && out.contains("three.mbox #3"),
        "{out}"
    );
    assert_eq!(ok(&dossier(&["list", d])).lines().count(), 2);
}

#[test]
fn a_bad_file_or_a_missing_date_adds_nothing() {
    let (_tmp, dir) = setup();
    let d = dir.to_str().unwrap();
    ok(&dossier(&["profile", d, "--email", "ik@example.nl"]));
    let err = fails(
        &dossier(&[
            "import-mail",
            d,
            &fixture("iso-8859-1.eml"),
            &fixture("not-a-mail.eml"),
        ]),
        60,
    );
    assert!(
        err.contains("not-a-mail.eml") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(ok(&dossier(&["list", d])), "");
    let err = fails(&dossier(&["import-mail", d, &fixture("no-date.eml")]), 61);
    assert!(err.contains("--date"), "{err}");
    let out = ok(&dossier(&[
        "import-mail",
        d,
        &fixture("no-date.eml"),
        "--date",
        "2026-03-02",
    ]));
    assert!(
        out.contains("2026-03-02\temail-in\tMultipart Email Example"),
        "{out}"
    );
    fails(
        &dossier(&[
            "import-mail",
            d,
            &fixture("no-date.eml"),
            "--date",
            "2-3-2026",
        ]),
        13,
    );
    fails(&dossier(&["import-mail", d, "/no/such/file.eml"]), 21);
}
