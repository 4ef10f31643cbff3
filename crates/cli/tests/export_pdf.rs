//! `dossier export --pdf` on the demo dossier: the bundle a lawyer receives.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "export test zin 2026";

fn dossier(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("DOSSIER_PASSPHRASE", PASS)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_demo_dossier_prints_as_a_dutch_bundle_without_medical_papers_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo/demo-dossier.json");
    ok(dossier(&["init", d], "nl_NL.UTF-8"));
    ok(dossier(
        &["import", d, demo.to_str().unwrap()],
        "nl_NL.UTF-8",
    ));
    let medical: Vec<String> = {
        let json = ok(dossier(&["list", d, "--json", "--medical"], "nl_NL.UTF-8"));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!medical.is_empty(), "the demo has medical entries");

    let pdf = tmp.path().join("overzicht.pdf");
    ok(dossier(
        &["export", d, "--pdf", pdf.to_str().unwrap()],
        "nl_NL.UTF-8",
    ));
    let text = pdftotext(&pdf);
    assert!(text.contains("Chronologisch overzicht van contacten met WPI"));
    assert!(text.contains("pagina 1 van"));
    for title in &medical {
        assert!(
            !text.contains(title.as_str()),
            "medical entry {title:?} leaked into the default bundle"
        );
    }
    assert!(!text.contains("Vertrouwelijk"));

    // Never overwrites: the second export to the same file is refused.
    let again = dossier(
        &["export", d, "--pdf", pdf.to_str().unwrap()],
        "nl_NL.UTF-8",
    );
    assert_eq!(again.status.code(), Some(9));

    let with = tmp.path().join("met-medisch.pdf");
    ok(dossier(
        &[
            "export",
            d,
            "--pdf",
            with.to_str().unwrap(),
            "--include-medical",
            "--lang",
            "en",
        ],
        "nl_NL.UTF-8",
    ));
    let text = pdftotext(&with);
    assert!(text.contains("Chronological record of contacts with WPI"));
    assert!(text.contains(medical[0].as_str()));
}
