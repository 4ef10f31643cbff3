//! What the CLI test files share: running `dossier` (with or without a dossier's
//! passphrase), reading a finished run, a dossier set up as a user starts one, and a
//! PDF read back as text.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The passphrase of the dossiers these tests make.
pub const PASS: &str = "cli test zin 2026";

/// `dossier ARGS` with no secret in the environment, messages in `lang` (a `LANG`
/// value), nothing on stdin: what every runner here starts from.
pub fn command(args: &[&str], lang: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.args(args)
        .env_remove("DOSSIER_PASSPHRASE")
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::null());
    c
}

/// `dossier ARGS` with [`PASS`] in the environment, messages in `lang` (a `LANG`
/// value), nothing on stdin.
pub fn run_in(args: &[&str], lang: &str) -> Output {
    command(args, lang)
        .env("DOSSIER_PASSPHRASE", PASS)
        .output()
        .expect("run dossier")
}

/// [`run_in`] with English messages.
pub fn run(args: &[&str]) -> Output {
    run_in(args, "en_GB.UTF-8")
}

/// A new, empty dossier in TMP/kluis; returns its folder.
pub fn init(tmp: &Path) -> String {
    let d = tmp.join("kluis").to_str().expect("UTF-8 path").to_string();
    ok(&run(&["init", &d]));
    d
}

/// The user's own details as a letter is signed with them; returns what `profile` shows.
pub fn profile(d: &str) -> String {
    ok(&run(&[
        "profile",
        d,
        "--name",
        "Fatima el Amrani",
        "--address",
        "Javaplein 12-2",
        "--address",
        "1094 HH Amsterdam",
        "--email",
        "fatima@example.nl",
    ]))
}

/// A dossier with the demo's 70 entries (entry 70 is the decision about the glasses),
/// with the user's details when `with_profile`.
pub fn demo(tmp: &Path, with_profile: bool) -> String {
    let d = init(tmp);
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo/demo-dossier.json");
    ok(&run(&["import", &d, demo.to_str().expect("UTF-8 path")]));
    if with_profile {
        let shown = profile(&d);
        assert!(shown.contains("name\tFatima el Amrani"), "{shown}");
        assert!(shown.contains("address\t1094 HH Amsterdam"), "{shown}");
    }
    d
}

/// `s` with every run of white space one space (text as pdftotext breaks it).
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of `pdf` as poppler's pdftotext reads it, squashed.
pub fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().expect("UTF-8 path"), "-"])
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    squash(&String::from_utf8(out.stdout).expect("pdftotext gives UTF-8"))
}

/// `dossier ARGS` for the commands that need no dossier: no secret in the environment,
/// messages in `lang` (a `LANG` value), nothing on stdin.
pub fn run_without_secrets(args: &[&str], lang: &str) -> Output {
    command(args, lang).output().expect("run dossier")
}

/// The run's stdout, after asserting it succeeded (stderr in the failure report).
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// The run's stderr, after asserting it ended with exit `code`.
pub fn fails(out: &Output, code: i32) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    err
}
