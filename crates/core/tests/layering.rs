//! The layers hold: front ends reach the dossier only through core's api (never the
//! store, the raw connection or the test hooks), and no core module imports from a
//! layer above it. Read from the source files, so a new import that breaks a rule
//! fails here even when it compiles.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The lines of `files` (comments left out) that contain any of `needles`.
fn offending(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        let text = fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if needles.iter().any(|n| code.contains(n)) {
                out.push(format!("{}:{}: {}", f.display(), i + 1, code));
            }
        }
    }
    out
}

#[test]
fn front_ends_use_the_api_not_the_store() {
    let mut files = rust_files(&root().join("crates/cli/src"));
    files.extend(rust_files(&root().join("src-tauri/src")));
    let found = offending(&files, &["dossier_core::store", ".conn()", "test_hooks"]);
    assert!(
        found.is_empty(),
        "front ends bypass the api:\n{}",
        found.join("\n")
    );
    for manifest in ["crates/cli/Cargo.toml", "src-tauri/Cargo.toml"] {
        let text = fs::read_to_string(root().join(manifest)).unwrap();
        let deps = text.split("[dev-dependencies]").next().unwrap();
        assert!(
            !deps.contains("test-hooks"),
            "{manifest} enables core's test hooks outside its tests"
        );
    }
}

#[test]
fn no_core_module_imports_from_a_higher_layer() {
    let src = root().join("crates/core/src");
    let rules: [(&str, &[&str]); 4] = [
        (
            "mail",
            &[
                "crate::store",
                "crate::export",
                "crate::api",
                "crate::vault",
            ],
        ),
        ("store", &["crate::api", "crate::export", "crate::vault"]),
        (
            "todo",
            &[
                "crate::store",
                "crate::export",
                "crate::api",
                "crate::vault",
            ],
        ),
        (
            "deadline",
            &[
                "crate::store",
                "crate::export",
                "crate::api",
                "crate::vault",
            ],
        ),
    ];
    let mut found = Vec::new();
    for (dir, needles) in rules {
        found.extend(offending(&rust_files(&src.join(dir)), needles));
    }
    let domain: Vec<PathBuf> = [
        "entry.rs",
        "person.rs",
        "filter.rs",
        "link.rs",
        "lang.rs",
        "import.rs",
        "case.rs",
        "exemption.rs",
        "attachment.rs",
        "clock.rs",
        "error.rs",
    ]
    .iter()
    .map(|f| src.join(f))
    .collect();
    found.extend(offending(
        &domain,
        &[
            "crate::store",
            "crate::api",
            "crate::export",
            "crate::vault",
            "crate::todo",
        ],
    ));
    assert!(
        found.is_empty(),
        "imports from a higher layer:\n{}",
        found.join("\n")
    );
}
