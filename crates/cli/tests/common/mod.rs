//! What the CLI test files share: reading a finished `dossier` run.
#![allow(dead_code)] // each test binary uses its own subset

use std::process::{Command, Output, Stdio};

/// `dossier ARGS` for the commands that need no dossier: no secret in the environment,
/// messages in `lang` (a `LANG` value), nothing on stdin.
pub fn run_without_secrets(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env_remove("DOSSIER_PASSPHRASE")
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::null())
        .output()
        .expect("run dossier")
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
