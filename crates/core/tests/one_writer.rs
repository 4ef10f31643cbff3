//! One writer at a time: a second opener is refused and writes nothing, the lock goes
//! with the process that held it (even `kill -9`), a sync tool's conflict copy is never
//! opened, and an entry with its files is saved all or nothing.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use dossier_core::{Dossier, Error, PreparedAttachment, Unlock};
use zeroize::Zeroizing;

const CHILD_ENV: &str = "DOSSIER_LOCK_CHILD_DIR";

/// Not a test on its own: a child that opens the dossier, says so, and keeps it open
/// until its stdin closes (the parent kills it first).
#[test]
fn child_holds_the_dossier_open() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let _d = Dossier::open(Path::new(&dir), Unlock::Passphrase(PASS)).unwrap();
    println!("open");
    let mut rest = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut rest);
}

#[test]
fn a_second_opener_is_refused_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut first = dossier(&dir);
    first.add_entry(&note("eerste", ""), &clock()).unwrap();
    let before = snapshot(&dir);
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::InUse), "{err:?}");
    assert_eq!(err.code(), "in_use");
    assert_eq!(
        err.to_string(),
        "this dossier is already open (in Dossierkluis or in another program)"
    );
    assert_eq!(snapshot(&dir), before, "the refused opener changed a file");
    // The first one goes on writing undisturbed; after it closes, the next may open.
    first.add_entry(&note("tweede", ""), &clock()).unwrap();
    first.lock();
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.entries().unwrap().len(), 2);
}

#[test]
fn the_lock_goes_when_the_process_holding_it_is_killed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    dossier(&dir).lock();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_holds_the_dossier_open", "--nocapture"])
        .env(CHILD_ENV, &dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|l| l.unwrap().contains("open")),
        "child did not open"
    );
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::InUse), "{err:?}");
    child.kill().unwrap(); // SIGKILL: no destructor, no unlock by the child itself
    child.wait().unwrap();
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.entries().unwrap().len(), 0);
}

#[test]
fn a_conflict_copy_from_a_sync_tool_is_explained_and_not_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    dossier(&dir).lock();
    for copy in [
        "dossier (conflicted copy 2026-12-01).db",
        "keyslots (1).json",
        "dossier.sync-conflict-20261201-101500-ABCDEFG.db",
    ] {
        fs::copy(dir.join("dossier.db"), dir.join(copy)).unwrap();
        let before = snapshot(&dir);
        let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
        match &err {
            Error::SyncConflict(names) => assert!(names.contains(copy), "{names}"),
            other => panic!("{copy}: expected a sync conflict, got {other:?}"),
        }
        assert!(
            err.to_string().contains("move it out of the folder"),
            "{err}"
        );
        assert_eq!(snapshot(&dir), before, "{copy}: a file was changed");
        fs::remove_file(dir.join(copy)).unwrap();
    }
    Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
}

#[test]
fn an_entry_whose_attachment_fails_is_not_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let mut d = dossier(&dir);
    let good =
        PreparedAttachment::from_bytes("brief.txt", Zeroizing::new(b"brief".to_vec())).unwrap();
    // An empty file is refused while preparing: nothing has been written yet.
    let err = PreparedAttachment::from_bytes("leeg.pdf", Zeroizing::new(Vec::new())).unwrap_err();
    assert!(matches!(err, Error::AttachmentEmpty(_)), "{err:?}");
    // A failure while the second file is stored (as a full disk or an I/O error would
    // make it; simulated by a temporary trigger on this connection only) leaves no
    // entry, no first file and no history version behind.
    d.conn()
        .execute_batch(
            "CREATE TEMP TRIGGER fail_second BEFORE INSERT ON attachments
             WHEN NEW.filename = 'kapot.pdf' BEGIN SELECT RAISE(ABORT, 'simulated I/O error'); END;",
        )
        .unwrap();
    let broken =
        PreparedAttachment::from_bytes("kapot.pdf", Zeroizing::new(b"%PDF-1.4".to_vec())).unwrap();
    let versions_before = d.anchor().unwrap().versions;
    let failed = d.add_entry_with_attachments(
        &note("brief met twee bijlagen", ""),
        &[
            PreparedAttachment::from_bytes("brief.txt", Zeroizing::new(b"brief".to_vec())).unwrap(),
            broken,
        ],
        &clock(),
    );
    assert!(failed.is_err());
    assert_eq!(
        d.entries().unwrap().len(),
        0,
        "the entry was kept without its file"
    );
    assert_eq!(d.anchor().unwrap().versions, versions_before);
    d.conn().execute_batch("DROP TRIGGER fail_second").unwrap();
    let (e, files) = d
        .add_entry_with_attachments(&note("met bijlage", ""), &[good], &clock())
        .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(d.attachments(e.id).unwrap().len(), 1);
    assert_eq!(d.attachment_bytes(files[0].id).unwrap(), b"brief");
}
