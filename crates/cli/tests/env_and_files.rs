//! Defects a new user met (issue 16), on the built binary: an empty secret variable
//! counts as unset; a file that exists is called a file (exit 9) and left alone; the
//! export says which language it wrote.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "mijn geheime zin 2026";

/// The binary with exactly `env` as its secrets and `LANG`.
fn dossier(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(args)
        .env_remove("DOSSIER_PASSPHRASE")
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("DOSSIER_NEW_PASSPHRASE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run dossier")
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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A dossier with one decision; returns its recovery code.
fn init(dir: &Path) -> String {
    let d = dir.to_str().unwrap();
    let p = [("DOSSIER_PASSPHRASE", PASS)];
    let code = ok(&dossier(&["init", d], &p))
        .lines()
        .last()
        .unwrap()
        .to_string();
    ok(&dossier(
        &[
            "add",
            d,
            "--kind",
            "decision",
            "--date",
            "2026-11-24",
            "--sent",
            "2026-11-24",
            "--title",
            "Besluit maatregel",
        ],
        &p,
    ));
    code
}

#[test]
fn an_empty_passphrase_variable_does_not_win_over_the_recovery_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    let code = init(&dir);
    // The reported defect: set but empty, it was tried as the passphrase (exit 3).
    let out = dossier(
        &["list", d],
        &[("DOSSIER_PASSPHRASE", ""), ("DOSSIER_RECOVERY_CODE", &code)],
    );
    assert!(ok(&out).contains("Besluit maatregel"));
    // Empty and nothing else: no secret at all (asks; no terminal here: exit 16).
    for env in [
        vec![("DOSSIER_PASSPHRASE", "")],
        vec![("DOSSIER_PASSPHRASE", ""), ("DOSSIER_RECOVERY_CODE", "")],
        vec![("DOSSIER_RECOVERY_CODE", "")],
    ] {
        let out = dossier(&["list", d], &env);
        assert_eq!(out.status.code(), Some(16), "{env:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("No passphrase"), "{}", stderr(&out));
    }
    // An empty recovery code next to the right passphrase changes nothing.
    ok(&dossier(
        &["list", d],
        &[("DOSSIER_PASSPHRASE", PASS), ("DOSSIER_RECOVERY_CODE", "")],
    ));
}

#[test]
fn an_empty_new_passphrase_variable_is_asked_for_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    init(&dir);
    let out = dossier(
        &["passwd", d],
        &[("DOSSIER_PASSPHRASE", PASS), ("DOSSIER_NEW_PASSPHRASE", "")],
    );
    // Not "too short" (exit 14): it was not given at all.
    assert_eq!(out.status.code(), Some(16), "{}", stderr(&out));
    ok(&dossier(&["list", d], &[("DOSSIER_PASSPHRASE", PASS)]));
    // `init` reads its passphrase from DOSSIER_PASSPHRASE: empty means not given, and
    // no folder is made.
    let new = tmp.path().join("nieuw");
    let out = dossier(
        &["init", new.to_str().unwrap()],
        &[("DOSSIER_PASSPHRASE", "")],
    );
    assert_eq!(out.status.code(), Some(16), "{}", stderr(&out));
    assert!(!new.exists());
}

#[test]
fn a_file_that_exists_is_called_a_file_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    init(&dir);
    let taken = tmp.path().join("al-bestaand.pdf");
    std::fs::write(&taken, b"mijn eigen bestand").unwrap();
    let f = taken.to_str().unwrap();
    let p = [("DOSSIER_PASSPHRASE", PASS)];
    let commands: [Vec<&str>; 4] = [
        vec!["export", d, "--pdf", f],
        vec!["deadlines", d, "--ics", f, "--today", "2026-12-01"],
        vec!["export-json", d, f],
        // A new dossier asked for where a file is.
        vec!["init", f],
    ];
    for args in &commands {
        let en = dossier(args, &p);
        assert_eq!(en.status.code(), Some(9), "{args:?}: {}", stderr(&en));
        let msg = stderr(&en);
        assert_eq!(
            msg.trim_end(),
            format!(
                "Error: the file {f} already exists; Dossierkluis does not write over it. \
                 Choose another file name"
            ),
            "{args:?}"
        );
        assert!(!msg.contains("folder"), "{msg}");
        let mut nl_env = p.to_vec();
        nl_env.push(("LANG", "nl_NL.UTF-8"));
        let nl = dossier(args, &nl_env);
        assert_eq!(nl.status.code(), Some(9));
        let msg = stderr(&nl);
        assert!(
            msg.starts_with(&format!("Fout: het bestand {f} bestaat al;"))
                && msg.contains("Kies een andere bestandsnaam")
                && !msg.contains(" map"),
            "{args:?}: {msg}"
        );
        assert_eq!(msg.lines().count(), 1);
    }
    assert_eq!(std::fs::read(&taken).unwrap(), b"mijn eigen bestand");
    // A folder that is not empty is still called a folder.
    let out = dossier(&["init", d], &p);
    assert_eq!(out.status.code(), Some(9));
    assert!(
        stderr(&out).contains("choose an empty or new folder"),
        "{}",
        stderr(&out)
    );
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Extra flags, the environment, how the summary line ends, words in the PDF.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str, &'a str);

#[test]
fn the_export_summary_says_which_language_it_used() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    init(&dir);
    let p = [("DOSSIER_PASSPHRASE", PASS)];
    let nl = [("DOSSIER_PASSPHRASE", PASS), ("LANG", "nl_NL.UTF-8")];
    let cases: [Case<'_>; 4] = [
        // (extra flags, environment, summary ends with, words in the PDF)
        (
            &[],
            &p,
            "; in English; --lang nl for Dutch)",
            "Chronological record",
        ),
        (
            &["--lang", "nl"],
            &p,
            "; in Dutch; --lang en for English)",
            "Chronologisch overzicht",
        ),
        (
            &[],
            &nl,
            "; in het Nederlands; --lang en voor Engels)",
            "Chronologisch overzicht",
        ),
        (
            &["--lang", "en"],
            &nl,
            "; in het Engels; --lang nl voor Nederlands)",
            "Chronological record",
        ),
    ];
    for (i, (flags, env, said, words)) in cases.iter().enumerate() {
        let pdf = tmp.path().join(format!("bundel-{i}.pdf"));
        let mut args = vec!["export", d, "--pdf", pdf.to_str().unwrap()];
        args.extend_from_slice(flags);
        let out = ok(&dossier(&args, env));
        let line = out.lines().next().unwrap();
        assert!(line.ends_with(said), "{flags:?} {env:?}: {line}");
        // What it says is what it wrote.
        assert!(pdftotext(&pdf).contains(words), "{line}");
    }
}
