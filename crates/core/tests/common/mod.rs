//! Shared helpers for core's integration tests: dossiers with light KDF parameters,
//! snapshots of folders, byte searches, and a PDF read back as text.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::TimeZone;
use dossier_core::{Dossier, EntryKind, FixedClock, KdfParams, NewEntry, RecoveryCode};
use ring::rand::SystemRandom;

pub const PASS: &str = "paard batterij nietje";

pub fn clock() -> FixedClock {
    FixedClock(
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 22, 10, 0, 0)
            .unwrap(),
    )
}

pub fn create(dir: &Path) -> (Dossier, RecoveryCode) {
    Dossier::create(
        dir,
        PASS,
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
    )
    .unwrap()
}

/// Opens `dir`, waiting (up to 10 s) while the folder's lock is still held. Tests start
/// child processes: between fork and exec a child holds a copy of every open
/// descriptor, another test's lock file too, for a moment (seen under load).
pub fn try_open_when_free(
    dir: &Path,
    unlock: dossier_core::Unlock<'_>,
) -> dossier_core::Result<Dossier> {
    let start = std::time::Instant::now();
    loop {
        match Dossier::open(dir, unlock) {
            Err(dossier_core::Error::InUse) if start.elapsed().as_secs() < 10 => {
                std::thread::yield_now()
            }
            other => return other,
        }
    }
}

/// [`try_open_when_free`], which must succeed.
pub fn open_when_free(dir: &Path, unlock: dossier_core::Unlock<'_>) -> Dossier {
    try_open_when_free(dir, unlock).unwrap()
}

/// A new, unlocked dossier in `dir` (the recovery code dropped).
pub fn dossier(dir: &Path) -> Dossier {
    create(dir).0
}

/// A `YYYY-MM-DD` date.
pub fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn note(title: &str, notes: &str) -> NewEntry {
    NewEntry {
        notes: notes.into(),
        ..NewEntry::new(
            EntryKind::CallIn,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            title,
        )
    }
}

/// Every file under `dir` with its bytes and modification time.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    for entry in walk(dir) {
        let meta = fs::metadata(&entry).unwrap();
        out.insert(
            entry.clone(),
            (fs::read(&entry).unwrap(), meta.modified().unwrap()),
        );
    }
    out
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => out.extend(walk(&p)),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Files under `dir` (recursively) that contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| fs::read(p).map(|b| contains(&b, needle)).unwrap_or(false))
        .collect()
}

/// The text of each page of `pdf`, by poppler's `pdftotext` (with `-layout` when
/// `layout`: columns kept side by side).
pub fn pages(pdf: &[u8], layout: bool) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundle.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut args = vec![path.to_str().unwrap(), "-"];
    if layout {
        args.insert(0, "-layout");
    }
    let out = std::process::Command::new("pdftotext")
        .args(&args)
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh --test");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

/// `s` with every run of white space one space.
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every statement `f` runs on `conn`, as SQLite's trace hook reports it: its SQL text
/// and the same with its values bound. SQLite reports a statement that runs while
/// another is stepping (FTS5 reading its own tables inside a `MATCH`) with `-- ` before
/// its text.
pub fn traced<T>(
    conn: &mut rusqlite::Connection,
    f: impl FnOnce(&rusqlite::Connection) -> T,
) -> (T, Vec<(String, String)>) {
    use rusqlite::trace::{TraceEvent, TraceEventCodes};
    use std::sync::{Arc, Mutex};
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_STMT,
        Some(move |e: TraceEvent<'_>| {
            if let TraceEvent::Stmt(stmt, sql) = e {
                let bound = stmt.expanded_sql().unwrap_or_default();
                log.lock().unwrap().push((sql.to_string(), bound));
            }
        }),
    )
    .unwrap();
    let out = f(conn);
    conn.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
        .unwrap();
    let all = seen.lock().unwrap().clone();
    (out, all)
}
