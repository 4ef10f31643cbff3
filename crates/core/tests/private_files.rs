//! Files are private on Unix: the dossier folder 0700 and every file in it 0600 (also
//! SQLite's `-wal` and `-shm`, and what the export helpers create), and a dossier made
//! before this is tightened when it is opened. A folder left by lock is complete.
#![cfg(unix)]
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::*;
use dossier_core::{Dossier, Unlock};

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every file in the folder with a mode other than 0600, and the folder's own mode.
fn loose(dir: &Path) -> (u32, Vec<(String, u32)>) {
    let files = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                mode(&e.path()),
            )
        })
        .filter(|(_, m)| *m != 0o600)
        .collect();
    (mode(dir), files)
}

#[test]
fn every_file_of_a_dossier_is_private_while_open_and_after() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut d = dossier(&dir);
    let e = d.add_entry(&note("brief", "medisch"), &clock()).unwrap();
    d.attach(e.id, "brief.txt", b"uitslag", &clock()).unwrap();
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for expected in [
        "dossier.db",
        "dossier.db-wal",
        "dossier.db-shm",
        "keyslots.json",
        "keyslots.spare.json",
        "anchor.json",
        "dossier.lock",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing in {names:?}"
        );
    }
    assert_eq!(loose(&dir), (0o700, vec![]), "while open");
    d.lock();
    assert_eq!(loose(&dir), (0o700, vec![]), "after lock");
}

#[test]
fn an_existing_loose_dossier_is_tightened_when_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    dossier(&dir).lock();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    for e in fs::read_dir(&dir).unwrap().flatten() {
        fs::set_permissions(e.path(), fs::Permissions::from_mode(0o644)).unwrap();
    }
    assert_ne!(loose(&dir).1, vec![]);
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(loose(&dir), (0o700, vec![]));
    drop(d);
}

#[test]
fn a_new_dossier_in_an_existing_empty_folder_makes_it_private() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("leeg");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
    dossier(&dir).lock();
    assert_eq!(loose(&dir), (0o700, vec![]));
}

#[test]
fn export_files_are_created_private() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("overzicht.pdf");
    let mut f = dossier_core::vault::private_options()
        .create_new(true)
        .open(&path)
        .unwrap();
    f.write_all(b"%PDF").unwrap();
    assert_eq!(mode(&path), 0o600);
    let older = tmp.path().join("ouder.ics");
    fs::write(&older, "x").unwrap();
    fs::set_permissions(&older, fs::Permissions::from_mode(0o644)).unwrap();
    dossier_core::vault::private_file(&older).unwrap();
    assert_eq!(mode(&older), 0o600);
    assert_eq!(
        fs::read(&older).unwrap(),
        b"x",
        "tightening changed the content"
    );
}

#[test]
fn after_lock_the_database_file_alone_holds_every_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut d = dossier(&dir);
    for i in 0..25 {
        d.add_entry(&note(&format!("registratie {i}"), ""), &clock())
            .unwrap();
    }
    d.lock();
    // A copy of the folder without -wal and -shm (a careless copy, a sync tool).
    let copy = tmp.path().join("kopie");
    fs::create_dir(&copy).unwrap();
    for e in fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with("-wal") && !name.ends_with("-shm") {
            fs::copy(e.path(), copy.join(&name)).unwrap();
        }
    }
    let d = Dossier::open(&copy, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.entries().unwrap().len(), 25);
}
