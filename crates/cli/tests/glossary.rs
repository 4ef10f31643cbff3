//! `dossier glossary` as an advocate or a script reads it: every term with its
//! explanation, source and checked-on date, in Dutch or English, as lines or JSON.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{ok, run_without_secrets as dossier};
use serde_json::Value;

#[test]
fn lines_give_term_explanation_source_and_checked_on_in_the_system_language() {
    let text = ok(&dossier(&["glossary"], "nl_NL.UTF-8"));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 30, "{} terms", lines.len());
    for line in &lines {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{line}");
        assert!(cols[3].len() == 10 && cols[3].starts_with("20"), "{line}");
    }
    let dwangsom = lines.iter().find(|l| l.starts_with("dwangsom\t")).unwrap();
    assert!(dwangsom.contains("€ 23 per dag"), "{dwangsom}");
    assert!(dwangsom.contains("art. 4:17"), "{dwangsom}");

    let english = ok(&dossier(&["glossary"], "en_GB.UTF-8"));
    assert!(english.contains("bezwaar (objection)\tSaying you do not agree"));
}

#[test]
fn lang_flag_overrides_the_system_language() {
    let text = ok(&dossier(&["glossary", "--lang", "en"], "nl_NL.UTF-8"));
    assert!(text.contains("ontheffing (exemption)\t"));
    let text = ok(&dossier(&["glossary", "--lang", "nl"], "en_GB.UTF-8"));
    assert!(text.contains("ontheffing\tToestemming om een plicht"));
}

#[test]
fn json_is_an_array_with_the_contract_keys() {
    let out = ok(&dossier(
        &["glossary", "--json", "--lang", "nl"],
        "en_GB.UTF-8",
    ));
    let v: Value = serde_json::from_str(&out).unwrap();
    let terms = v.as_array().unwrap();
    let ids: Vec<&str> = terms.iter().map(|t| t["id"].as_str().unwrap()).collect();
    for id in [
        "bijstand",
        "voorlopig-bezwaar",
        "ingebrekestelling",
        "ombudsman",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let t = terms
        .iter()
        .find(|t| t["id"] == "voorlopig-bezwaar")
        .unwrap();
    assert_eq!(t["term"], "voorlopig bezwaar");
    assert!(t["explanation"].as_str().unwrap().contains("op tijd"));
    assert!(t["source"].as_str().unwrap().contains("6:5"));
    assert!(t["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(t["checked_on"].as_str().unwrap().len(), 10);
}

#[test]
fn an_unknown_language_is_wrong_input() {
    let out = dossier(&["glossary", "--lang", "fr"], "en_GB.UTF-8");
    assert_eq!(out.status.code(), Some(13));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fr"));
    assert!(out.stdout.is_empty());
}
