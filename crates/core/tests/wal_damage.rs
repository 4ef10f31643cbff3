//! A damaged or cut `-wal` and an older `dossier.db` put back are reported as damage
//! naming what is missing, and leave every file as it was (the `-wal` is kept), instead
//! of SQLite silently recovering fewer entries and deleting the rest.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use dossier_core::{Dossier, Error, Unlock};

const CHILD_ENV: &str = "DOSSIER_WAL_CHILD_DIR";
/// Few enough that the -wal stays under the checkpoint threshold (every commit here is
/// about ten 4 KiB pages), so all of them are only in the -wal when the child exits.
const WRITES: usize = 6;

/// Not a test on its own: a child process that writes entries and exits without
/// closing the database, as a crash or a pulled USB stick would leave it (a `-wal`).
#[test]
fn child_writes_and_exits_without_closing() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut d = Dossier::open(Path::new(&dir), Unlock::Passphrase(PASS)).unwrap();
    for i in 0..WRITES {
        d.add_entry(&note(&format!("na de crash {i}"), "tekst"), &clock())
            .unwrap();
    }
    // No destructor runs: the connection is never closed, the -wal stays.
    std::process::exit(0);
}

/// A dossier with 5 entries in the file and WRITES more only in the `-wal`.
fn dossier_with_wal(tmp: &Path) -> PathBuf {
    let dir = tmp.join("kluis");
    let mut d = dossier(&dir);
    for i in 0..5 {
        d.add_entry(&note(&format!("oud {i}"), ""), &clock())
            .unwrap();
    }
    d.lock();
    let status = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writes_and_exits_without_closing"])
        .env(CHILD_ENV, &dir)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        fs::metadata(wal(&dir)).map(|m| m.len()).unwrap_or(0) > 32,
        "the child left no -wal with frames behind"
    );
    dir
}

fn wal(dir: &Path) -> PathBuf {
    dir.join("dossier.db-wal")
}

/// The byte range of the `-wal` that holds committed frames of the current generation,
/// read with SQLite's documented WAL format (header 32 bytes, frame header 24 bytes,
/// salts in both, a non-zero "database size" marking a commit frame).
fn committed_len(wal: &[u8]) -> usize {
    let be = |o: usize| u32::from_be_bytes(wal[o..o + 4].try_into().unwrap());
    let page = be(8) as usize;
    let (salt1, salt2) = (be(16), be(20));
    let frame = 24 + page;
    let mut end = 0;
    let mut at = 32;
    while at + frame <= wal.len() && be(at + 8) == salt1 && be(at + 12) == salt2 {
        if be(at + 4) != 0 {
            end = at + frame;
        }
        at += frame;
    }
    end
}

fn xorshift(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}

/// Opens the damaged folder and asserts: refused as missing entries, nothing changed.
fn assert_refused_untouched(dir: &Path, what: &str) -> Error {
    let db_before = fs::read(dir.join("dossier.db")).unwrap();
    let wal_before = fs::read(wal(dir)).unwrap();
    let err = try_open_when_free(dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(
        matches!(err, Error::EntriesMissing { .. }),
        "{what}: expected missing entries, got {err:?}"
    );
    assert_eq!(
        fs::read(wal(dir)).unwrap(),
        wal_before,
        "{what}: the -wal was changed or deleted"
    );
    assert_eq!(
        fs::read(dir.join("dossier.db")).unwrap(),
        db_before,
        "{what}: dossier.db was changed"
    );
    // A second attempt (e.g. the user tries again) is refused too and changes nothing.
    // Its counts may differ from the first (SQLite may read the damaged -wal through the
    // -shm index the first attempt left), so only the refusal is compared.
    let again = try_open_when_free(dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(
        matches!(again, Error::EntriesMissing { .. } | Error::Damaged(_)),
        "{what}: second attempt: {again:?}"
    );
    assert_eq!(
        fs::read(wal(dir)).unwrap(),
        wal_before,
        "{what}: second attempt"
    );
    assert_eq!(
        fs::read(dir.join("dossier.db")).unwrap(),
        db_before,
        "{what}: second attempt"
    );
    err
}

#[test]
fn a_flipped_byte_in_the_wal_is_reported_and_nothing_is_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = dossier_with_wal(tmp.path());
    let good = fs::read(wal(&dir)).unwrap();
    let committed = committed_len(&good);
    assert!(committed > 32, "no committed frames in the -wal");
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for trial in 0..10 {
        seed = xorshift(seed);
        let at = (seed % committed as u64) as usize;
        let mut bad = good.clone();
        bad[at] ^= 1 << (seed % 8);
        fs::write(wal(&dir), &bad).unwrap();
        let err = assert_refused_untouched(&dir, &format!("trial {trial}, offset {at}"));
        let Error::EntriesMissing {
            saved_entries,
            found_entries,
            missing_versions,
        } = err
        else {
            unreachable!()
        };
        assert_eq!(saved_entries, 5 + WRITES as u64, "trial {trial}");
        assert!(found_entries < saved_entries, "trial {trial}");
        assert_eq!(
            missing_versions,
            saved_entries - found_entries,
            "trial {trial}"
        );
        let text = err_text(saved_entries, found_entries);
        assert!(text.contains(&format!("of the {saved_entries} entries")));
    }
    // Put the good -wal back: everything is there, nothing was lost by the attempts.
    fs::write(wal(&dir), &good).unwrap();
    let d = open_when_free(&dir, Unlock::Passphrase(PASS));
    assert_eq!(d.entries().unwrap().len(), 5 + WRITES);
}

fn err_text(saved: u64, found: u64) -> String {
    Error::EntriesMissing {
        saved_entries: saved,
        found_entries: found,
        missing_versions: saved - found,
    }
    .to_string()
}

#[test]
fn a_wal_cut_in_half_is_reported_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = dossier_with_wal(tmp.path());
    let good = fs::read(wal(&dir)).unwrap();
    fs::write(wal(&dir), &good[..good.len() / 2]).unwrap();
    let err = assert_refused_untouched(&dir, "cut in half");
    let shown = err.to_string();
    assert!(
        shown.contains("entries saved last time cannot be read"),
        "{shown}"
    );
    assert!(shown.contains("nothing was deleted"), "{shown}");
}

#[test]
fn an_older_database_put_back_is_detected() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut d = dossier(&dir);
    for i in 0..4 {
        d.add_entry(&note(&format!("eerst {i}"), ""), &clock())
            .unwrap();
    }
    d.lock();
    assert!(!wal(&dir).exists(), "closing leaves a complete dossier.db");
    let old = fs::read(dir.join("dossier.db")).unwrap();
    let mut d = open_when_free(&dir, Unlock::Passphrase(PASS));
    for i in 0..3 {
        d.add_entry(&note(&format!("later {i}"), ""), &clock())
            .unwrap();
    }
    // An edit without a new entry is also a saved change that a rollback would undo.
    let first = d.entries().unwrap()[0].clone();
    d.update_entry(
        first.id,
        &note("eerst, verbeterd", ""),
        "typefout",
        &clock(),
    )
    .unwrap();
    d.lock();
    fs::write(dir.join("dossier.db"), &old).unwrap();
    let err = try_open_when_free(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    match err {
        Error::EntriesMissing {
            saved_entries: 7,
            found_entries: 4,
            missing_versions: 4,
        } => {}
        other => panic!("expected 3 of 7 entries and 4 changes missing, got {other:?}"),
    }
    assert_eq!(fs::read(dir.join("dossier.db")).unwrap(), old);
}

#[test]
fn a_crash_between_commit_and_anchor_is_not_damage() {
    // The database may be ahead of the anchor (the anchor is written after the commit):
    // put an anchor of an earlier state back and the dossier still opens, re-anchored.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut d = dossier(&dir);
    d.add_entry(&note("een", ""), &clock()).unwrap();
    let earlier = fs::read(dir.join("anchor.json")).unwrap();
    d.add_entry(&note("twee", ""), &clock()).unwrap();
    let now = d.anchor().unwrap();
    assert_eq!((now.entries, now.versions), (2, 2));
    assert_eq!(d.saved_anchor().unwrap(), Some(now.clone()));
    d.lock();
    fs::write(dir.join("anchor.json"), earlier).unwrap();
    let d = open_when_free(&dir, Unlock::Passphrase(PASS));
    assert_eq!(d.saved_anchor().unwrap(), Some(now));
}

#[test]
fn the_wal_stays_small() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut d = dossier(&dir);
    let mut largest = 0;
    for i in 0..400 {
        d.add_entry(
            &note(&format!("registratie {i}"), &"x".repeat(900)),
            &clock(),
        )
        .unwrap();
        largest = largest.max(fs::metadata(wal(&dir)).map(|m| m.len()).unwrap_or(0));
    }
    assert!(
        largest < 2 * 1024 * 1024,
        "the -wal grew to {largest} bytes without a checkpoint"
    );
}
