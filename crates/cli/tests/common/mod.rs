//! What the CLI test files share: reading a finished `dossier` run.
#![allow(dead_code)] // each test binary uses its own subset

use std::process::Output;

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
