//! `dossier deadlines` and `dossier todo` as scripts and advocates use them: the JSON
//! contract, the lines, the calendar file (never overwritten), and settling a to-do.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const PASS: &str = "mijn geheime zin 2026";

fn dossier_in(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("DOSSIER_NEW_PASSPHRASE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("DOSSIER_PASSPHRASE", PASS)
        .stdin(Stdio::null())
        .output()
        .expect("run dossier")
}

fn dossier(args: &[&str]) -> Output {
    dossier_in(args, "en_GB.UTF-8")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn fails(args: &[&str]) -> i32 {
    let out = dossier(args);
    assert!(!out.status.success(), "{args:?} should fail");
    out.status.code().unwrap()
}

/// A dossier with a decision (1), a letter with a reply-by date on a Sunday (2) and a
/// medical appointment (3).
fn filled(dir: &Path) -> String {
    let d = dir.to_str().unwrap().to_string();
    ok(&dossier(&["init", &d]));
    let add = |args: &[&str]| {
        let mut all = vec!["add", d.as_str()];
        all.extend_from_slice(args);
        ok(&dossier(&all)).trim().to_string()
    };
    let adds = [
        add(&[
            "--kind",
            "decision",
            "--date",
            "2026-03-03",
            "--title",
            "Besluit maatregel",
            "--sent",
            "2026-03-03",
        ]),
        add(&[
            "--kind",
            "letter-in",
            "--date",
            "2026-03-02",
            "--title",
            "Vraag om telefoonnummer",
            "--reply-by",
            "2026-03-29",
        ]),
        add(&[
            "--kind",
            "medical-assessment",
            "--date",
            "2026-03-02",
            "--title",
            "Keuring rugklachten",
            "--medical",
            "--appointment",
            "2026-04-01 09:30",
        ]),
    ];
    assert_eq!(adds, ["1", "2", "3"]);
    d
}

fn deadlines_json(d: &str, extra: &[&str]) -> Vec<Value> {
    deadlines_json_on(d, "2026-03-20", extra)
}

fn deadlines_json_on(d: &str, today: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["deadlines", d, "--json", "--today", today];
    args.extend_from_slice(extra);
    serde_json::from_str::<Value>(&ok(&dossier(&args)))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn deadlines_json_contract_and_todo_done() {
    let tmp = tempfile::tempdir().unwrap();
    let d = filled(&tmp.path().join("k"));
    let rows = deadlines_json(&d, &[]);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    // Soonest act-by first: the reply (29 March), the appointment, the objection (advice
    // 7 April, last day 14 April).
    let reply = &rows[0];
    assert_eq!(reply["entry_id"], 2);
    assert_eq!(reply["kind"], "reply");
    assert_eq!(reply["state"], "open");
    assert_eq!(reply["entry_title"], "Vraag om telefoonnummer");
    assert_eq!(reply["entry_date"], "2026-03-02");
    assert_eq!(reply["due_on"], "2026-03-29");
    assert_eq!(reply["act_by"], "2026-03-29");
    assert_eq!(reply["days_left"], 9);
    assert_eq!(reply["on_day_off"], true);
    assert_eq!(reply["counted_from"], Value::Null);
    assert_eq!(reply["done_by"], Value::Null);
    assert_eq!(
        reply["sentence"],
        "Reply to the letter of 2 March 2026: before Sunday 29 March 2026 (as the letter \
         says). That day is in the weekend: reply earlier."
    );
    assert_eq!(rows[1]["kind"], "appointment");
    assert_eq!(rows[1]["due_time"], "09:30");
    let objection = &rows[2];
    assert_eq!(objection["kind"], "objection");
    assert_eq!(objection["due_on"], "2026-04-14");
    assert_eq!(objection["act_by"], "2026-04-07");
    assert_eq!(objection["days_left"], 18);
    assert_eq!(objection["counted_from"]["known"], "sent");
    assert_eq!(objection["counted_from"]["date"], "2026-03-03");
    // Every row has every key of the contract.
    for row in &rows {
        for key in [
            "entry_id",
            "kind",
            "state",
            "entry_title",
            "entry_date",
            "due_on",
            "act_by",
            "days_left",
            "counted_from",
            "done_by",
            "sentence",
        ] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
    // Dutch lines: act-by, last day, state, sentence.
    let lines = ok(&dossier_in(
        &["deadlines", &d, "--today", "2026-03-20"],
        "nl_NL.UTF-8",
    ));
    let last = lines.lines().nth(2).unwrap();
    assert_eq!(
        last,
        "2026-04-07\t2026-04-14\topen\tBezwaar maken tegen het besluit van 3 maart 2026: \
         uiterlijk dinsdag 14 april 2026. Advies: verstuur vóór dinsdag 7 april 2026."
    );

    // Done by the entry that did it: no longer listed, but there with --all.
    ok(&dossier(&["todo", &d, "2", "reply", "done", "--by", "1"]));
    let rows = deadlines_json(&d, &[]);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["entry_id"] != 2));
    let all = deadlines_json(&d, &["--all"]);
    let done = all.iter().find(|r| r["entry_id"] == 2).unwrap();
    assert_eq!(done["state"], "done");
    assert_eq!(done["done_by"], 1);
    ok(&dossier(&["todo", &d, "2", "reply", "reopen"]));
    assert_eq!(deadlines_json(&d, &[]).len(), 3);
    // Past the last day the objection is missed, and still listed.
    // Listed first: a lost objection period comes before everything else.
    let late = deadlines_json_on(&d, "2026-04-15", &[]);
    assert_eq!(late[0]["kind"], "objection");
    let late = &late[0];
    assert_eq!(late["state"], "missed");
    assert_eq!(late["days_left"], -8);

    // Refusals: exit 13 (invalid input), nothing stored.
    assert_eq!(fails(&["todo", &d, "1", "reply", "done"]), 13);
    assert_eq!(fails(&["todo", &d, "9", "objection", "not-needed"]), 13);
    assert_eq!(fails(&["todo", &d, "1", "bezwaar", "done"]), 13);
    assert_eq!(fails(&["todo", &d, "1", "objection", "klaar"]), 13);
    assert_eq!(
        fails(&["todo", &d, "1", "objection", "not-needed", "--by", "2"]),
        13
    );
    assert_eq!(
        fails(&["todo", &d, "1", "objection", "done", "--by", "99"]),
        13
    );
    assert_eq!(fails(&["deadlines", &d, "--today", "20-03-2026"]), 13);
    assert_eq!(deadlines_json(&d, &[]).len(), 3);
}

#[test]
fn deadlines_ics_writes_a_calendar_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = filled(&tmp.path().join("k"));
    let file = tmp.path().join("termijnen.ics");
    let f = file.to_str().unwrap();
    let out = ok(&dossier(&[
        "deadlines",
        &d,
        "--ics",
        f,
        "--today",
        "2026-03-20",
    ]));
    assert!(out.contains("(4 events)"), "{out}");
    let ics = std::fs::read_to_string(&file).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dossierkluis//NL\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4);
    assert!(ics.contains("UID:1-objection@dossierkluis\r\n"));
    assert!(ics.contains("UID:1-objection-last-day@dossierkluis\r\n"));
    assert!(ics.contains("UID:2-reply@dossierkluis\r\n"));
    assert!(ics.contains("SUMMARY:Appointment (private)\r\n"));
    assert!(!ics.contains("rugklachten"));
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    // Never overwritten: exit 9, the file unchanged.
    assert_eq!(
        fails(&["deadlines", &d, "--ics", f, "--today", "2026-03-21"]),
        9
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ics);
}
