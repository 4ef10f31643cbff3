//! `dossier verslag`, `statements`, `statement-add`, `statement-change` and
//! `statement-remove`: the agency's report of a meeting set against the user's account,
//! as a script or an advocate would drive it (issue 14 part 3).
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::Path;

use common::{fails, init, ok, profile, run as en, run_in as dossier};

const VERSLAG: &str =
    "Verslag gesprek 3 november.\n\nKlant geeft aan dat hij volledig kan werken. \
Klant gaat akkoord met een jobhunter. Er is gesproken over zijn cv.\n";

/// A dossier with one meeting (entry 1) whose report is attachment 1 and a second
/// file (attachment 2) that is not the report.
fn meeting(tmp: &Path) -> String {
    let report = tmp.join("verslag.txt");
    std::fs::write(&report, VERSLAG).unwrap();
    let other = tmp.join("uitnodiging.txt");
    std::fs::write(&other, "Uitnodiging voor een gesprek.").unwrap();
    let d = init(tmp);
    let id = ok(&en(&[
        "add",
        &d,
        "--kind",
        "meeting",
        "--date",
        "2026-11-03",
        "--title",
        "Gesprek klantmanager",
        "--attach",
        report.to_str().unwrap(),
        "--attach",
        other.to_str().unwrap(),
    ]));
    assert_eq!(id.trim(), "1");
    d
}

#[test]
fn a_report_is_chosen_and_its_sentences_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = meeting(tmp.path());
    let out = ok(&en(&["verslag", &d, "1", "--set", "1"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("1\tverslag.txt\t"), "{out}");
    assert!(lines[0].ends_with("\ttext read from the file"), "{out}");
    assert_eq!(
        lines[1..],
        [
            "0\tVerslag gesprek 3 november.",
            "29\tKlant geeft aan dat hij volledig kan werken.",
            "74\tKlant gaat akkoord met een jobhunter.",
            "112\tEr is gesproken over zijn cv.",
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&en(&["verslag", &d, "1", "--json"]))).unwrap();
    assert_eq!(json["filename"], "verslag.txt");
    assert_eq!(json["text"], VERSLAG);
    assert_eq!(json["sentences"][1]["paragraph_start"], true);
    assert_eq!(json["statements"], serde_json::json!([]));
    // A file that is not an attachment of the entry is refused.
    let err = fails(&en(&["verslag", &d, "1", "--set", "9"]), 13);
    assert!(err.contains("not an attachment of entry 1"), "{err}");
}

#[test]
fn statements_are_added_listed_changed_and_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = meeting(tmp.path());
    ok(&en(&["verslag", &d, "1", "--set", "1"]));
    let add = |quote: &str, status: &str, extra: &[&str]| {
        let mut args = vec![
            "statement-add",
            &d,
            "1",
            "--quote",
            quote,
            "--status",
            status,
        ];
        args.extend_from_slice(extra);
        ok(&en(&args)).trim().to_string()
    };
    let n1 = add(
        "Klant geeft aan dat hij volledig kan werken.",
        "not-said",
        &[
            "--important",
            "--mine",
            "Ik heb gezegd dat ik ziek ben.",
            "--support-file",
            "2",
        ],
    );
    let n2 = add(
        "Klant gaat akkoord met een jobhunter.",
        "incorrect",
        &["--start", "74", "--mine", "Ik heb niets getekend."],
    );
    let n3 = add(
        "Er is gesproken over zijn cv.",
        "correct",
        &["--support-entry", "1"],
    );
    assert_eq!((n1.as_str(), n2.as_str(), n3.as_str()), ("1", "2", "3"));

    // A quote that is not in the report is refused, and nothing is added.
    let err = fails(
        &en(&[
            "statement-add",
            &d,
            "1",
            "--quote",
            "Klant wil werken.",
            "--status",
            "incorrect",
        ]),
        13,
    );
    assert!(err.contains("not in the verslag"), "{err}");
    let err = fails(
        &en(&[
            "statement-add",
            &d,
            "1",
            "--quote",
            "Er is gesproken",
            "--status",
            "klopt",
        ]),
        13,
    );
    assert!(err.contains("not-discussed"), "{err}");

    let listed = ok(&en(&["statements", &d, "1"]));
    assert_eq!(
        listed.lines().collect::<Vec<_>>(),
        [
            "1\tnot-said\t!\tKlant geeft aan dat hij volledig kan werken.\tIk heb gezegd dat ik ziek ben.\tattachment 2",
            "2\tincorrect\t\tKlant gaat akkoord met een jobhunter.\tIk heb niets getekend.\t",
            "3\tcorrect\t\tEr is gesproken over zijn cv.\t\tentry 1",
        ]
    );

    ok(&en(&[
        "statement-change",
        &d,
        "1",
        "2",
        "--status",
        "incomplete",
        "--important",
        "--mine",
        "Ik zei alleen dat ik erover wil nadenken.",
    ]));
    ok(&en(&["statement-change", &d, "1", "3", "--no-support"]));
    ok(&en(&["statement-remove", &d, "1", "1"]));
    let rows: serde_json::Value =
        serde_json::from_str(&ok(&en(&["statements", &d, "1", "--json"]))).unwrap();
    assert_eq!(
        rows,
        serde_json::json!([
            {"id": 2, "start": 74, "quote": "Klant gaat akkoord met een jobhunter.",
             "status": "incomplete", "important": true,
             "my_version": "Ik zei alleen dat ik erover wil nadenken.",
             "support_entries": [], "support_attachments": []},
            {"id": 3, "start": 112, "quote": "Er is gesproken over zijn cv.",
             "status": "correct", "important": false, "my_version": "",
             "support_entries": [], "support_attachments": []},
        ])
    );
    let err = fails(&en(&["statement-remove", &d, "1", "1"]), 13);
    assert!(err.contains("no statement 1"), "{err}");

    // Every change is a version of the entry; the chain still checks out.
    let verify = ok(&en(&["verify", &d]));
    assert!(verify.contains("Versions: 10"), "{verify}");
    // list --json carries the report along; import leaves it out (it names files).
    let list: serde_json::Value = serde_json::from_str(&ok(&en(&["list", &d, "--json"]))).unwrap();
    assert_eq!(list[0]["verslag"]["statements"][0]["status"], "incomplete");
}

#[test]
fn another_file_is_refused_once_statements_quote_the_report() {
    let tmp = tempfile::tempdir().unwrap();
    let d = meeting(tmp.path());
    ok(&en(&["verslag", &d, "1", "--set", "1"]));
    ok(&en(&[
        "statement-add",
        &d,
        "1",
        "--quote",
        "Klant gaat akkoord met een jobhunter.",
        "--status",
        "not-said",
    ]));
    let err = fails(&en(&["verslag", &d, "1", "--set", "2"]), 63);
    assert!(
        err.contains("another file or other text cannot become the report"),
        "{err}"
    );
    assert!(err.contains("Nothing was changed"), "{err}");
    let nl = fails(
        &dossier(&["verslag", &d, "1", "--set", "2"], "nl_NL.UTF-8"),
        63,
    );
    assert!(nl.contains("Verwijder eerst de uitspraken"), "{nl}");
    let err = fails(&en(&["verslag", &d, "1", "--clear"]), 13);
    assert!(err.contains("remove them first"), "{err}");
}

#[test]
fn the_correction_letter_comes_from_the_statements() {
    let tmp = tempfile::tempdir().unwrap();
    let d = meeting(tmp.path());
    ok(&en(&["verslag", &d, "1", "--set", "1"]));
    ok(&en(&[
        "statement-add",
        &d,
        "1",
        "--quote",
        "Klant gaat akkoord met een jobhunter.",
        "--status",
        "not-said",
        "--mine",
        "Ik heb gezegd dat ik erover wil nadenken",
    ]));
    profile(&d);
    let out = tmp.path().join("correctie.txt");
    ok(&en(&[
        "letter",
        &d,
        "1",
        "--type",
        "correctie",
        "--from-statements",
        "--fill",
        "ontvanger=WPI",
        "--fill",
        "ontvanger_adres=Postbus 2222|1000 CE Amsterdam",
        "--out",
        out.to_str().unwrap(),
    ]));
    let text = std::fs::read_to_string(&out).unwrap();
    let flat = common::squash(&text);
    assert!(
        flat.contains("1. In het verslag staat: „Klant gaat akkoord met een jobhunter.” Dit is niet gezegd. Wat er moet staan: Ik heb gezegd dat ik erover wil nadenken."),
        "{text}"
    );
}

#[test]
fn a_photo_of_the_report_gets_the_text_typed_over() {
    let tmp = tempfile::tempdir().unwrap();
    // A 1×1 PNG: a photo without text of its own.
    let photo = tmp.path().join("verslag-foto.png");
    std::fs::write(
        &photo,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde\0\0\0\x0cIDATx\x9cc\xf8\xcf\xc0\0\0\x03\x01\x01\0\xc9\xfe\x92\xef\0\0\0\0IEND\xaeB`\x82",
    )
    .unwrap();
    let typed = tmp.path().join("overgetypt.txt");
    std::fs::write(&typed, "Klant wil werken. Klant heeft geen klachten.\n").unwrap();
    let d = init(tmp.path());
    ok(&en(&[
        "add",
        &d,
        "--kind",
        "call-in",
        "--date",
        "2026-11-03",
        "--attach",
        photo.to_str().unwrap(),
    ]));
    // A photo has no text of its own: the text typed over is the report's text.
    let out = ok(&en(&[
        "verslag",
        &d,
        "1",
        "--set",
        "1",
        "--typed",
        typed.to_str().unwrap(),
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].ends_with("\ttext typed by you"), "{out}");
    assert_eq!(
        lines[1..],
        ["0\tKlant wil werken.", "18\tKlant heeft geen klachten."]
    );
}
