//! A new recovery code replaces the old one; a full re-key gives the database a new
//! data key and survives a crash at any step.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};

use common::*;
use dossier_core::backup::{self, BackupIdentity};
use dossier_core::vault::RekeyStep;
use dossier_core::{Dossier, Error, KdfParams, Unlock};
use ring::rand::SystemRandom;

#[test]
fn a_new_recovery_code_replaces_the_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, old) = create(&dir);
    d.add_entry(&note("brief", ""), &clock()).unwrap();
    let new = d.new_recovery_code(&SystemRandom::new()).unwrap();
    assert_ne!(new.display().as_str(), old.display().as_str());
    d.lock();
    let err = Dossier::open(&dir, Unlock::RecoveryCode(&old)).unwrap_err();
    assert!(matches!(err, Error::WrongRecoveryCode), "{err:?}");
    // Not through the spare either: both copies hold the new slot.
    fs::remove_file(dir.join("keyslots.json")).unwrap();
    let err = Dossier::open(&dir, Unlock::RecoveryCode(&old)).unwrap_err();
    assert!(matches!(err, Error::WrongRecoveryCode), "{err:?}");
    Dossier::open(&dir, Unlock::RecoveryCode(&new))
        .unwrap()
        .lock();
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.entries().unwrap().len(), 1);
}

#[test]
fn rekey_gives_a_new_data_key_and_keeps_every_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, old_code) = create(&dir);
    for i in 0..30 {
        d.add_entry(&note(&format!("registratie {i}"), "tekst"), &clock())
            .unwrap();
    }
    let head = d.verify().unwrap().chain_head;
    d.lock();
    let old_slots = fs::read(dir.join("keyslots.json")).unwrap();
    let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let mut steps = Vec::new();
    let code = d
        .rekey(
            PASS,
            &KdfParams::INSECURE_FOR_TESTS,
            &SystemRandom::new(),
            &mut |s| steps.push(s),
        )
        .unwrap();
    assert_eq!(steps.first(), Some(&RekeyStep::Preparing));
    assert!(matches!(steps[1], RekeyStep::Rewriting { pages } if pages > 0));
    assert_eq!(steps.last(), Some(&RekeyStep::Done));
    let report = d.verify().unwrap();
    assert_eq!(
        (
            report.entries,
            report.chain_head.clone(),
            report.problems.len()
        ),
        (30, head.clone(), 0)
    );
    d.lock();
    // The old slot file (old data key) no longer opens the database: it was re-keyed.
    let stale = tmp.path().join("oud");
    fs::create_dir(&stale).unwrap();
    fs::copy(dir.join("dossier.db"), stale.join("dossier.db")).unwrap();
    fs::write(stale.join("keyslots.json"), &old_slots).unwrap();
    let err = Dossier::open(&stale, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
    // The old recovery code is replaced; the new one and the passphrase open.
    let err = Dossier::open(&dir, Unlock::RecoveryCode(&old_code)).unwrap_err();
    assert!(matches!(err, Error::WrongRecoveryCode), "{err:?}");
    Dossier::open(&dir, Unlock::RecoveryCode(&code))
        .unwrap()
        .lock();
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.verify().unwrap().chain_head, head);
}

#[test]
fn a_rekey_cut_short_at_any_step_still_opens_with_the_old_secrets() {
    // 0: before the database is re-encrypted; 1: after it, before the slots are new.
    for stop_at in 0..2 {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("kluis");
        let (mut d, code) = create(&dir);
        for i in 0..10 {
            d.add_entry(&note(&format!("registratie {i}"), ""), &clock())
                .unwrap();
        }
        // A panic in the progress callback stands in for a crash at that step.
        let crashed = catch_unwind(AssertUnwindSafe(|| {
            let mut n = 0;
            let _ = d.rekey(
                PASS,
                &KdfParams::INSECURE_FOR_TESTS,
                &SystemRandom::new(),
                &mut |_| {
                    if n == stop_at + 1 {
                        panic!("crash at step {n}");
                    }
                    n += 1;
                },
            );
        }));
        assert!(crashed.is_err(), "step {stop_at}: no crash");
        drop(d);
        for unlock in [Unlock::Passphrase(PASS), Unlock::RecoveryCode(&code)] {
            let d = Dossier::open(&dir, unlock).unwrap_or_else(|e| panic!("step {stop_at}: {e:?}"));
            assert_eq!(d.entries().unwrap().len(), 10, "step {stop_at}");
            assert!(d.verify().unwrap().problems.is_empty(), "step {stop_at}");
        }
    }
}

/// Backups follow the code: one made after a new recovery code opens with the new code
/// (and the age identity `backup-identity` prints for it), not with the old one; one
/// made before keeps opening with the old code only.
#[test]
fn backups_after_a_new_recovery_code_open_with_the_new_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, old) = create(&dir);
    d.add_entry(&note("brief", ""), &clock()).unwrap();
    let rng = SystemRandom::new();
    let before = tmp.path().join("voor.age");
    d.backup_to(&before, &clock(), &mut |_| {}).unwrap();
    let new = d.new_recovery_code(&rng).unwrap();
    assert_eq!(
        d.backup_recipient().unwrap().unwrap(),
        BackupIdentity::from_recovery_code(&new)
            .unwrap()
            .recipient()
    );
    let after = tmp.path().join("na.age");
    d.backup_to(&after, &clock(), &mut |_| {}).unwrap();
    let check = |file: &std::path::Path, code| {
        backup::check_backup(file, code, tmp.path(), &rng, &mut |_| {})
    };
    assert_eq!(check(&after, &new).unwrap().body.entries, 1);
    assert!(matches!(
        check(&after, &old).unwrap_err(),
        Error::BackupWrongSecret
    ));
    assert!(check(&before, &old).is_ok());
    assert!(matches!(
        check(&before, &new).unwrap_err(),
        Error::BackupWrongSecret
    ));
    // A full re-key gives a new code too, and backups follow it.
    let third = d
        .rekey(PASS, &KdfParams::INSECURE_FOR_TESTS, &rng, &mut |_| {})
        .unwrap();
    let rekeyed = tmp.path().join("herversleuteld.age");
    d.backup_to(&rekeyed, &clock(), &mut |_| {}).unwrap();
    assert!(check(&rekeyed, &third).is_ok());
    assert!(matches!(
        check(&rekeyed, &new).unwrap_err(),
        Error::BackupWrongSecret
    ));
}
