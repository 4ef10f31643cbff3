//! Backups (F11) as a user meets them: one file that checks out and restores to the
//! same entries, attachments and history; every way a backup can be unusable gets
//! its own error and writes nothing; the dossier stays usable while a backup is made.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::path::Path;

use common::*;
use dossier_core::backup::{self, Progress};
use dossier_core::case::CaseData;
use dossier_core::exemption::{Duty, ExemptionData};
use dossier_core::{Dossier, EntryLink, Error, KdfParams, LinkKind, RecoveryCode, Unlock};
use ring::rand::SystemRandom;

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

fn xorshift(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}

/// A small but complete dossier: entries, a tombstone, a link, a case, an exemption
/// and attachments (one of 300 KB, so the backup spans several age chunks).
fn filled(dir: &Path) -> (Dossier, RecoveryCode) {
    let (mut d, code) = create(dir);
    let c = clock();
    let mut ids = Vec::new();
    for i in 0..40 {
        ids.push(
            d.add_entry(&note(&format!("Gesprek {i}"), "over de uitkering"), &c)
                .unwrap()
                .id,
        );
    }
    d.delete_entry(ids[3], "dubbel ingevoerd", &c).unwrap();
    d.link_entries(
        &EntryLink {
            from_id: ids[5],
            to_id: ids[4],
            kind: LinkKind::ReplyTo,
        },
        &c,
    )
    .unwrap();
    let case = d.add_case(&CaseData::new("Bezwaar korting"), &c).unwrap();
    d.add_to_case(case, ids[6]).unwrap();
    d.add_exemption(
        &ExemptionData::new(Duty::Work, day("2026-01-01"), day("2026-12-31")),
        &c,
    )
    .unwrap();
    let big: Vec<u8> = (0..300_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    d.attach(ids[7], "brief.bin", &big, &c).unwrap();
    d.attach(ids[8], "notitie.txt", b"Afspraak op dinsdag", &c)
        .unwrap();
    (d, code)
}

fn make_backup(d: &mut Dossier, file: &Path) -> backup::BackupReport {
    d.backup_to(file, &clock(), &mut quiet()).unwrap()
}

fn check(
    file: &Path,
    code: &RecoveryCode,
    scratch: &Path,
) -> dossier_core::Result<backup::BackupSummary> {
    backup::check_backup(file, code, scratch, &SystemRandom::new(), &mut quiet())
}

fn restore(
    file: &Path,
    code: &RecoveryCode,
    target: &Path,
) -> dossier_core::Result<backup::BackupSummary> {
    backup::restore_backup(
        file,
        code,
        target,
        "nieuw wachtwoord 2026",
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
        &mut quiet(),
    )
}

fn attachment_bytes(d: &Dossier) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in d.entries().unwrap() {
        for a in d.attachments(e.id).unwrap() {
            out.push((a.filename.clone(), d.attachment_bytes(a.id).unwrap()));
        }
    }
    out
}

#[test]
fn backup_checks_out_and_restores_the_same_dossier() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, code) = filled(&tmp.path().join("kluis"));
    let file = tmp.path().join("kopie.age");
    let report = make_backup(&mut d, &file);
    assert_eq!(report.body.entries, 39);
    assert_eq!(report.body.tombstones, 1);
    assert_eq!(report.body.attachments, 2);
    assert_eq!(report.body.chain_head, d.verify().unwrap().chain_head);

    let summary = check(&file, &code, tmp.path()).unwrap();
    assert_eq!(summary.body, report.body);

    let target = tmp.path().join("teruggezet");
    restore(&file, &code, &target).unwrap();
    // One opener at a time (the OS lock): the recovery code first, then the passphrase.
    drop(Dossier::open(&target, Unlock::RecoveryCode(&code)).unwrap());
    let r = Dossier::open(&target, Unlock::Passphrase("nieuw wachtwoord 2026")).unwrap();
    assert_eq!(r.entries().unwrap(), d.entries().unwrap());
    assert_eq!(attachment_bytes(&r), attachment_bytes(&d));
    assert_eq!(r.cases().unwrap(), d.cases().unwrap());
    assert_eq!(r.exemptions().unwrap(), d.exemptions().unwrap());
    assert_eq!(r.links(6).unwrap(), d.links(6).unwrap());
    let (rv, dv) = (r.verify().unwrap(), d.verify().unwrap());
    assert!(rv.problems.is_empty(), "{:?}", rv.problems);
    assert_eq!((rv.chain_head, rv.versions), (dv.chain_head, dv.versions));
    assert_eq!(
        r.search("uitkering", 100).unwrap().len(),
        d.search("uitkering", 100).unwrap().len()
    );
    // The restored copy makes backups to the same recovery code.
    assert_eq!(r.backup_recipient().unwrap(), d.backup_recipient().unwrap());
    // No scratch or staging folder is left behind.
    let left: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.iter().all(|n| !n.starts_with('.')), "{left:?}");
}

#[test]
fn the_backup_holds_nothing_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _code) = filled(&tmp.path().join("kluis"));
    let file = tmp.path().join("kopie.age");
    make_backup(&mut d, &file);
    let bytes = fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    for needle in [
        &b"Gesprek"[..],
        b"uitkering",
        b"manifest",
        b"Afspraak",
        b"SQLite format",
    ] {
        assert!(
            !contains(&bytes, needle),
            "{}",
            String::from_utf8_lossy(needle)
        );
    }
}

#[cfg(unix)]
#[test]
fn backup_is_private_never_overwrites_and_cleans_a_stale_partial() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, code) = filled(&tmp.path().join("kluis"));
    let file = tmp.path().join("kopie.age");
    // What a crash during an earlier backup leaves.
    fs::write(tmp.path().join("kopie.age.partial"), b"half").unwrap();
    fs::write(tmp.path().join("kopie.age.partial-db"), b"half").unwrap();
    make_backup(&mut d, &file);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(!tmp.path().join("kopie.age.partial").exists());
    assert!(!tmp.path().join("kopie.age.partial-db").exists());
    let before = fs::read(&file).unwrap();
    let again = d.backup_to(&file, &clock(), &mut quiet());
    assert!(matches!(again, Err(Error::AlreadyExists(_))), "{again:?}");
    assert_eq!(fs::read(&file).unwrap(), before);
    check(&file, &code, tmp.path()).unwrap();
    // The restored dossier is private too.
    let target = tmp.path().join("terug");
    restore(&file, &code, &target).unwrap();
    for f in walk(&target) {
        assert_eq!(
            fs::metadata(&f).unwrap().permissions().mode() & 0o077,
            0,
            "{}",
            f.display()
        );
    }
}

fn assert_nothing_written(tmp: &Path, target: &Path, before: &[String]) {
    assert!(!target.exists(), "restore left {}", target.display());
    let mut now: Vec<String> = fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    now.sort();
    assert_eq!(now, before, "files appeared beside the backup");
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_cut_off_backup_is_reported_as_incomplete_at_20_offsets() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, code) = filled(&tmp.path().join("kluis"));
    let file = tmp.path().join("kopie.age");
    make_backup(&mut d, &file);
    let bytes = fs::read(&file).unwrap();
    let work = tmp.path().join("werk");
    fs::create_dir(&work).unwrap();
    let cut = work.join("afgebroken.age");
    let mut seed = 0x5eed_u64;
    // The last chunk boundary and the header's end are the interesting places.
    let mut offsets = vec![1, 30, bytes.len() - 1, bytes.len() - 17];
    while offsets.len() < 20 {
        seed = xorshift(seed);
        offsets.push(1 + (seed as usize) % (bytes.len() - 1));
    }
    for off in offsets {
        fs::write(&cut, &bytes[..off]).unwrap();
        let before = names(&work);
        let got = check(&cut, &code, &work);
        assert!(
            matches!(got, Err(Error::BackupTruncated)),
            "cut at {off}: {got:?}"
        );
        let target = work.join("terug");
        let got = restore(&cut, &code, &target);
        assert!(
            matches!(got, Err(Error::BackupTruncated)),
            "cut at {off}: {got:?}"
        );
        assert_nothing_written(&work, &target, &before);
    }
}

#[test]
fn a_flipped_byte_anywhere_is_damage_not_a_wrong_code() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, code) = filled(&tmp.path().join("kluis"));
    let file = tmp.path().join("kopie.age");
    make_backup(&mut d, &file);
    let bytes = fs::read(&file).unwrap();
    let header_end = bytes.windows(5).position(|w| w == b"\n--- ").unwrap();
    let work = tmp.path().join("werk");
    fs::create_dir(&work).unwrap();
    let bad = work.join("beschadigd.age");
    let mut seed = 0xf11b_u64;
    // A few in the header (the stanzas and the MAC line), the rest anywhere.
    let mut offsets = vec![5, 40, 80, header_end + 10, header_end + 60, bytes.len() - 1];
    while offsets.len() < 20 {
        seed = xorshift(seed);
        offsets.push((seed as usize) % bytes.len());
    }
    for off in offsets {
        let mut b = bytes.clone();
        b[off] ^= 0x04;
        fs::write(&bad, &b).unwrap();
        let before = names(&work);
        let got = check(&bad, &code, &work);
        assert!(
            matches!(got, Err(Error::BackupDamaged(_))),
            "flip at {off}: {got:?}"
        );
        let target = work.join("terug");
        let got = restore(&bad, &code, &target);
        assert!(
            matches!(got, Err(Error::BackupDamaged(_))),
            "flip at {off}: {got:?}"
        );
        assert_nothing_written(&work, &target, &before);
    }
}

#[test]
fn another_recovery_code_is_told_apart_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _code) = filled(&tmp.path().join("kluis"));
    let (_other, other_code) = create(&tmp.path().join("ander"));
    let file = tmp.path().join("kopie.age");
    make_backup(&mut d, &file);
    let work = tmp.path().join("werk");
    fs::create_dir(&work).unwrap();
    let got = check(&file, &other_code, &work);
    assert!(matches!(got, Err(Error::BackupWrongSecret)), "{got:?}");
    let target = work.join("terug");
    let got = restore(&file, &other_code, &target);
    assert!(matches!(got, Err(Error::BackupWrongSecret)), "{got:?}");
    assert_nothing_written(&work, &target, &[]);
}

#[test]
fn a_backup_taken_while_another_thread_adds_entries_checks_out() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, code) = filled(&tmp.path().join("kluis"));
    let source = d.backup_source().unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (tx, rx) = std::sync::mpsc::channel();
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                d.add_entry(&note(&format!("tijdens de kopie {n}"), "x"), &clock())
                    .unwrap();
                n += 1;
                if n == 5 {
                    tx.send(()).unwrap();
                }
            }
            (d, n)
        })
    };
    rx.recv().unwrap();
    let file = tmp.path().join("kopie.age");
    let report = source.write(&file, &clock(), &mut quiet()).unwrap();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let (d, n) = writer.join().unwrap();
    let summary = check(&file, &code, tmp.path()).unwrap();
    assert_eq!(summary.body, report.body);
    assert!(summary.body.entries >= 39 + 5 && summary.body.entries <= 39 + n);
    assert!(d.verify().unwrap().problems.is_empty());
}

#[test]
fn restore_in_place_makes_a_safety_backup_and_says_what_is_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, code) = filled(&dir);
    let file = tmp.path().join("kopie.age");
    let report = make_backup(&mut d, &file);
    for i in 0..6 {
        d.add_entry(&note(&format!("na de kopie {i}"), ""), &clock())
            .unwrap();
    }
    let summary = check(&file, &code, tmp.path()).unwrap();
    let cmp = d.compare_with_backup(&summary.body).unwrap();
    assert_eq!(cmp.lost_entries, 6);
    assert_eq!(cmp.lost_versions, 6);
    assert!(!cmp.other_dossier);

    let safety = tmp.path().join("veiligheid.age");
    let out = d
        .restore_in_place(
            &file,
            &code,
            &safety,
            &clock(),
            &SystemRandom::new(),
            &mut quiet(),
        )
        .unwrap();
    assert_eq!(out.restored.body, report.body);
    assert_eq!(d.entries().unwrap().len(), 40);
    assert_eq!(d.verify().unwrap().chain_head, report.body.chain_head);
    // The anchor now names the restored state (it is behind what was anchored before):
    // without that the next open would report the 6 lost entries as damage.
    assert_eq!(d.saved_anchor().unwrap(), Some(d.anchor().unwrap()));
    drop(d);
    // The same passphrase and recovery code still open it, and the safety backup
    // holds what was there before.
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.entries().unwrap().len(), 40);
    assert!(d.verify().unwrap().problems.is_empty());
    drop(d);
    Dossier::open(&dir, Unlock::RecoveryCode(&code)).unwrap();
    assert_eq!(check(&safety, &code, tmp.path()).unwrap().body.entries, 45);
}

#[test]
fn a_bad_backup_leaves_the_open_dossier_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, code) = filled(&dir);
    let file = tmp.path().join("kopie.age");
    make_backup(&mut d, &file);
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let head = d.verify().unwrap().chain_head;
    let safety = tmp.path().join("veiligheid.age");
    let got = d.restore_in_place(
        &file,
        &code,
        &safety,
        &clock(),
        &SystemRandom::new(),
        &mut quiet(),
    );
    assert!(matches!(got, Err(Error::BackupTruncated)), "{got:?}");
    assert!(
        !safety.exists(),
        "no safety backup needed when nothing is replaced"
    );
    assert_eq!(d.verify().unwrap().chain_head, head);
    d.add_entry(&note("gaat door", ""), &clock()).unwrap();
}

#[test]
fn the_reminder_asks_after_30_days_or_20_new_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _code) = create(&tmp.path().join("kluis"));
    let r = d.backup_reminder(&clock()).unwrap();
    assert!(!r.due, "an empty dossier needs no backup yet");
    d.add_entry(&note("eerste", ""), &clock()).unwrap();
    assert!(!d.backup_reminder(&clock()).unwrap().due);
    let later = dossier_core::FixedClock(clock().0 + chrono::Duration::days(30));
    let r = d.backup_reminder(&later).unwrap();
    assert!(r.due && r.last_backup_at.is_none(), "{r:?}");

    make_backup(&mut d, &tmp.path().join("kopie.age"));
    let r = d.backup_reminder(&clock()).unwrap();
    assert_eq!(r.last_backup_at.as_deref(), Some("2026-11-22T10:00:00Z"));
    assert!(!r.due);
    let next_day = dossier_core::FixedClock(clock().0 + chrono::Duration::days(1));
    for i in 0..19 {
        d.add_entry(&note(&format!("n{i}"), ""), &next_day).unwrap();
    }
    assert!(!d.backup_reminder(&next_day).unwrap().due);
    d.add_entry(&note("twintigste", ""), &next_day).unwrap();
    let r = d.backup_reminder(&next_day).unwrap();
    assert!(r.due && r.entries_since == 20, "{r:?}");
}

#[test]
fn a_backup_to_the_dossiers_own_disk_is_flagged() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _code) = filled(&tmp.path().join("kluis"));
    let report = make_backup(&mut d, &tmp.path().join("kopie.age"));
    assert!(report.same_disk);
    // /dev/shm is another file system on Linux; elsewhere the check is skipped.
    let shm = Path::new("/dev/shm");
    if shm.is_dir() && !backup::same_disk(shm, tmp.path()) {
        let other = tempfile::tempdir_in(shm).unwrap();
        let report = make_backup(&mut d, &other.path().join("kopie.age"));
        assert!(!report.same_disk);
    }
}
