//! `dossier deadline` as scripts and advocates use it: the JSON contract, the Dutch and
//! English text, and the exit codes. No dossier and no passphrase are involved.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{ok, run_without_secrets as dossier};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = vec!["deadline"];
    all.extend_from_slice(args);
    all.push("--json");
    serde_json::from_str(&ok(&dossier(&all, "en_GB.UTF-8"))).unwrap()
}

#[test]
fn json_contract_plain_case() {
    // PRODUCT.md's example: sent Tue 3 Mar 2026 → last day Tue 14 Apr 2026.
    let v = json(&["--sent", "2026-03-03"]);
    assert_eq!(v["legal_last_day"], "2026-04-14");
    assert_eq!(v["advised_send_by"], "2026-04-07");
    assert_eq!(v["kind"], "objection");
    assert_eq!(v["basis"]["known"], "sent");
    assert_eq!(v["basis"]["is_assumption"], false);
    assert_eq!(v["skipped"], serde_json::json!([]));
    assert_eq!(v["decision_due"]["date"], "2026-05-26");
    assert!(v["rule_nl"].as_str().unwrap().contains("Awb art. 6:7"));
}

#[test]
fn json_lists_skipped_days_with_reasons_in_both_languages() {
    // Day 42 is Good Friday 3 Apr 2026; Easter weekend and Monday follow.
    let v = json(&["--sent", "2026-02-20"]);
    assert_eq!(v["legal_last_day"], "2026-04-07");
    assert_eq!(v["advised_send_by"], "2026-03-27");
    let skipped: Vec<(String, String, String)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["date"].as_str().unwrap().to_string(),
                s["reason_nl"].as_str().unwrap().to_string(),
                s["reason_en"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("2026-04-03", "Goede Vrijdag", "Good Friday"),
        ("2026-04-04", "zaterdag", "Saturday"),
        ("2026-04-05", "zondag", "Sunday"),
        ("2026-04-06", "Tweede Paasdag", "Easter Monday"),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
    assert_eq!(skipped, want);
}

#[test]
fn unknown_send_date_counts_from_the_earliest_plausible_one_and_says_so() {
    let v = json(&["--letter-dated", "2026-03-03"]);
    assert_eq!(v["legal_last_day"], "2026-04-14");
    assert_eq!(v["basis"]["known"], "letter_dated");
    assert_eq!(v["basis"]["is_assumption"], true);
    assert!(v["basis"]["nl"]
        .as_str()
        .unwrap()
        .contains("berekend vanaf de datum op de brief"));
    assert!(v["basis"]["en"]
        .as_str()
        .unwrap()
        .contains("computed from the date on the letter"));

    // Received Tue 10 Mar: counted as sent a week earlier, Tue 3 Mar.
    let v = json(&["--received", "2026-03-10"]);
    assert_eq!(v["basis"]["assumed_sent"], "2026-03-03");
    assert_eq!(v["legal_last_day"], "2026-04-14");
}

#[test]
fn appeal_deadline_after_a_decision_on_objection() {
    // Decision on objection sent Fri 13 Nov 2026: day 42 is Christmas Day, then Boxing
    // Day and Sunday: Mon 28 Dec. Awb 7:10 does not apply to an appeal.
    let v = json(&["--appeal", "--sent", "2026-11-13"]);
    assert_eq!(v["kind"], "appeal");
    assert_eq!(v["legal_last_day"], "2026-12-28");
    assert_eq!(v["decision_due"], Value::Null);
}

#[test]
fn dutch_text_names_the_days_and_the_skipped_holidays() {
    let out = ok(&dossier(
        &["deadline", "--sent", "2026-04-02"],
        "nl_NL.UTF-8",
    ));
    // Ascension Thu 14 May 2026, decree Fri 15 May, weekend: Mon 18 May.
    assert!(
        out.contains("Bezwaar maken: uiterlijk maandag 18 mei 2026"),
        "{out}"
    );
    assert!(
        out.contains("Advies: verstuur uiterlijk donderdag 7 mei 2026"),
        "{out}"
    );
    assert!(out.contains("Berekend vanaf de verzenddatum, donderdag 2 april 2026"));
    assert!(
        out.contains("donderdag 14 mei 2026 (Hemelvaartsdag)"),
        "{out}"
    );
    assert!(out.contains("vrijdag 15 mei 2026 (bij besluit gelijkgesteld"));
    assert!(out.contains("zaterdag 16 mei 2026 (weekend)"));
    assert!(out.contains("Algemene termijnenwet art. 1"));
}

#[test]
fn english_text_for_the_plain_case() {
    let out = ok(&dossier(
        &["deadline", "--sent", "2026-03-03"],
        "en_GB.UTF-8",
    ));
    assert!(out.contains("last day Tuesday 14 April 2026"), "{out}");
    assert!(out.contains("send it by Tuesday 7 April 2026"), "{out}");
    assert!(out.contains("No days skipped"), "{out}");
}

#[test]
fn exactly_one_date_must_be_given() {
    for args in [
        vec!["deadline"],
        vec![
            "deadline",
            "--sent",
            "2026-03-03",
            "--received",
            "2026-03-05",
        ],
        vec![
            "deadline",
            "--letter-dated",
            "2026-03-03",
            "--sent",
            "2026-03-03",
        ],
    ] {
        let out = dossier(&args, "en_GB.UTF-8");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn bad_dates_exit_13_with_a_clear_message() {
    for (date, want) in [
        ("3-3-2026", "YYYY-MM-DD"),
        ("2026-02-30", "YYYY-MM-DD"),
        ("1899-12-31", "before 1900"),
        ("2201-01-01", "after 2200"),
    ] {
        let out = dossier(&["deadline", "--sent", date], "en_GB.UTF-8");
        assert_eq!(out.status.code(), Some(13), "{date}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{date}: {err}");
        assert!(out.stdout.is_empty(), "{date}: no half output");
    }
}
