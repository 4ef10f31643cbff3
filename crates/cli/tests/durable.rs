//! The CLI as a second writer, `add --attach` all or nothing, the second key-slot copy,
//! a new recovery code and a re-key, and the private modes of what it writes.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::ok;
use dossier_core::{Dossier, Unlock};

const PASS: &str = "mijn geheime zin 2026";

fn dossier(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.args(args)
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("DOSSIER_NEW_PASSPHRASE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .env("DOSSIER_PASSPHRASE", PASS)
        .stdin(Stdio::null());
    for (k, v) in env {
        if *k == "DOSSIER_RECOVERY_CODE" {
            // The passphrase would be used first.
            c.env_remove("DOSSIER_PASSPHRASE");
        }
        c.env(k, v);
    }
    c.output().unwrap()
}

fn init(dir: &Path) -> String {
    let out = ok(&dossier(&["init", dir.to_str().unwrap()], &[]));
    out.lines().last().unwrap().trim().to_string()
}

fn count(dir: &str) -> usize {
    let out = ok(&dossier(&["list", dir, "--json"], &[]));
    serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_second_writer_is_refused_with_the_message_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    init(&dir);
    let d = dir.to_str().unwrap();
    let held = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let out = dossier(
        &[
            "add",
            d,
            "--kind",
            "note",
            "--date",
            "2026-11-30",
            "--title",
            "tweede schrijver",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(31));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dit dossier is al open (in Dossierkluis of in een ander programma)"),
        "{err}"
    );
    let en = dossier(&["list", d], &[("LANG", "en_GB.UTF-8")]);
    assert!(String::from_utf8_lossy(&en.stderr)
        .contains("this dossier is already open (in Dossierkluis or in another program)"));
    // A backup from the command line while the app has the dossier open is refused the
    // same way (the app makes its own backups through its open connection): no file.
    let file = tmp.path().join("kopie.age");
    let out = dossier(&["backup", d, file.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(31));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dit dossier is al open"));
    assert!(!file.exists(), "a refused backup left a file");
    drop(held);
    assert_eq!(count(d), 0, "the refused add wrote an entry");
    assert!(dossier(&["backup", d, file.to_str().unwrap()], &[])
        .status
        .success());
}

#[test]
fn add_with_a_failing_attachment_saves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    init(&dir);
    let d = dir.to_str().unwrap();
    let good = tmp.path().join("brief.txt");
    std::fs::write(&good, "brief van de gemeente").unwrap();
    let empty = tmp.path().join("leeg.pdf");
    std::fs::write(&empty, "").unwrap();
    let out = dossier(
        &[
            "add",
            d,
            "--kind",
            "letter-in",
            "--date",
            "2026-11-30",
            "--attach",
            good.to_str().unwrap(),
            "--attach",
            empty.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(18),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(d), 0, "an entry was kept without its attachment");
    let id = ok(&dossier(
        &[
            "add",
            d,
            "--kind",
            "letter-in",
            "--date",
            "2026-11-30",
            "--attach",
            good.to_str().unwrap(),
        ],
        &[],
    ));
    assert!(id.trim().parse::<i64>().is_ok());
    assert_eq!(count(d), 1);
}

#[test]
fn a_lost_keyslots_file_opens_with_the_spare_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let code = init(&dir);
    std::fs::remove_file(dir.join("keyslots.json")).unwrap();
    let out = dossier(
        &["check", dir.to_str().unwrap()],
        &[("DOSSIER_RECOVERY_CODE", &code)],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("keyslots.spare.json"));
    assert!(
        dir.join("keyslots.json").is_file(),
        "keyslots.json not written anew"
    );
}

#[test]
fn new_recovery_code_and_rekey_replace_the_old_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let old = init(&dir);
    let d = dir.to_str().unwrap();
    ok(&dossier(
        &[
            "add",
            d,
            "--kind",
            "note",
            "--date",
            "2026-11-30",
            "--title",
            "blijft",
        ],
        &[],
    ));
    let new = ok(&dossier(&["new-recovery-code", d], &[]));
    let new = new.lines().last().unwrap().trim().to_string();
    assert_ne!(new, old);
    assert_eq!(
        dossier(&["check", d], &[("DOSSIER_RECOVERY_CODE", &old)])
            .status
            .code(),
        Some(4)
    );
    assert!(dossier(&["check", d], &[("DOSSIER_RECOVERY_CODE", &new)])
        .status
        .success());
    let rekeyed = dossier(&["rekey", d], &[]);
    let third = ok(&rekeyed).lines().last().unwrap().trim().to_string();
    assert!(String::from_utf8_lossy(&rekeyed.stderr).contains("Opnieuw versleutelen"));
    assert_eq!(
        dossier(&["check", d], &[("DOSSIER_RECOVERY_CODE", &new)])
            .status
            .code(),
        Some(4)
    );
    assert!(dossier(&["check", d], &[("DOSSIER_RECOVERY_CODE", &third)])
        .status
        .success());
    assert_eq!(count(d), 1);
}

#[cfg(unix)]
#[test]
fn every_file_the_cli_writes_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    init(&dir);
    let d = dir.to_str().unwrap();
    ok(&dossier(
        &[
            "add",
            d,
            "--kind",
            "note",
            "--date",
            "2026-11-30",
            "--title",
            "x",
            "--follow-up",
            "2026-12-05",
        ],
        &[],
    ));
    let json = tmp.path().join("alles.json");
    ok(&dossier(&["export-json", d, json.to_str().unwrap()], &[]));
    let pdf = tmp.path().join("overzicht.pdf");
    ok(&dossier(
        &["export", d, "--pdf", pdf.to_str().unwrap()],
        &[],
    ));
    assert_eq!(mode(&dir), 0o700);
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        assert_eq!(mode(&e.path()), 0o600, "{}", e.path().display());
    }
    for f in [&json, &pdf] {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
}
