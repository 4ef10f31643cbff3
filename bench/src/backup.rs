//! Backup (F11) against the reference a careful person could script by hand: `tar` of
//! the same (locked, self-contained) dossier folder piped through `age` to the same
//! X25519 recipient, then `sync` of the file (our backup is fsynced too). `age -p`
//! would add only a scrypt stanza (seconds of key derivation, same payload cipher) and
//! reads its passphrase from a terminal, so the recipient form is the fair one.
//! Restore is compared with `age -d | tar -x` of the reference file.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dossier_core::backup::{self, BackupIdentity};
use dossier_core::store::entries::{ImportBatch, ImportItem};
use dossier_core::{Dossier, EntryKind, FixedClock, KdfParams, NewEntry, RecoveryCode, Unlock};
use ring::rand::SystemRandom;

const ENTRIES: usize = 10_000;
const ATTACHMENTS: usize = 40;
const ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
const ROUNDS: usize = 3;
const PASS: &str = "benchmark wachtwoord";

fn best(v: &[Duration]) -> Duration {
    v.iter().copied().min().unwrap_or_default()
}

fn build(dir: &Path, rng: &SystemRandom, clock: &FixedClock) -> RecoveryCode {
    let (mut d, code) =
        Dossier::create(dir, PASS, &KdfParams::INSECURE_FOR_TESTS, rng).expect("create");
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let batch = ImportBatch {
        entries: (0..ENTRIES)
            .map(|i| ImportItem {
                data: NewEntry {
                    notes: format!(
                        "Gesprek {i} met de klantmanager over de korting op de uitkering"
                    ),
                    ..NewEntry::new(
                        EntryKind::CallIn,
                        start + chrono::Duration::days((i % 900) as i64),
                        format!("Contact {i}"),
                    )
                },
                people: vec![],
            })
            .collect(),
        ..ImportBatch::default()
    };
    let ids = d.import(&batch, clock).expect("import").entry_ids;
    // Scans do not compress; neither side compresses, so any bytes will do.
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for n in 0..ATTACHMENTS {
        let bytes: Vec<u8> = (0..ATTACHMENT_BYTES)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        d.attach(ids[n * 97], &format!("scan-{n}.pdf"), &bytes, clock)
            .expect("attach");
    }
    d.lock();
    code
}

fn shell(script: &str) -> Duration {
    let t = Instant::now();
    let ok = Command::new("sh")
        .args(["-c", script])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "reference failed: {script}");
    t.elapsed()
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

pub fn run(tmp: &Path) {
    if !have("age") {
        println!("backup: the age tool is missing (scripts/setup.sh --bench installs it)");
        return;
    }
    let rng = SystemRandom::new();
    let clock = FixedClock(chrono::Utc::now());
    let dir = tmp.join("backup-dossier");
    let code = build(&dir, &rng, &clock);
    let identity = BackupIdentity::from_recovery_code(&code).expect("identity");
    let id_file = tmp.join("backup-identity.txt");
    std::fs::write(&id_file, identity.to_age_secret().as_bytes()).expect("identity file");
    let recipient = identity.recipient();
    let size: u64 = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();

    let (mut ours, mut reference, mut restore, mut ref_restore) = (vec![], vec![], vec![], vec![]);
    // Where our backup spends its time: until the first encrypted bytes it copies the
    // database (SQLCipher) and hashes the copy; after that it encrypts and writes.
    let mut copy_phase = vec![];
    for round in 0..ROUNDS {
        let file = tmp.join(format!("ours-{round}.age"));
        let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).expect("open");
        let t = Instant::now();
        let mut first_encrypt = None;
        d.backup_to(&file, &clock, &mut |p| {
            if p.phase == backup::Phase::Encrypt && first_encrypt.is_none() {
                first_encrypt = Some(t.elapsed());
            }
        })
        .expect("backup");
        ours.push(t.elapsed());
        copy_phase.push(first_encrypt.unwrap_or_default());
        d.lock();

        let ref_file = tmp.join(format!("ref-{round}.age"));
        reference.push(shell(&format!(
            "tar -cf - -C '{}' . | age -r {recipient} -o '{}' && sync '{}'",
            dir.display(),
            ref_file.display(),
            ref_file.display()
        )));

        let target = tmp.join(format!("restored-{round}"));
        let t = Instant::now();
        backup::restore_backup(
            &file,
            &code,
            &target,
            PASS,
            &KdfParams::INSECURE_FOR_TESTS,
            &rng,
            &mut |_| {},
        )
        .expect("restore");
        restore.push(t.elapsed());

        let ref_target = tmp.join(format!("ref-restored-{round}"));
        std::fs::create_dir(&ref_target).expect("dir");
        ref_restore.push(shell(&format!(
            "age -d -i '{}' '{}' | tar -xf - -C '{}' && sync",
            id_file.display(),
            ref_file.display(),
            ref_target.display()
        )));
        for p in [file, ref_file] {
            let _ = std::fs::remove_file(p);
        }
        let _ = std::fs::remove_dir_all(target);
        let _ = std::fs::remove_dir_all(ref_target);
    }
    let (o, r) = (best(&ours).as_secs_f64(), best(&reference).as_secs_f64());
    let (ro, rr) = (
        best(&restore).as_secs_f64(),
        best(&ref_restore).as_secs_f64(),
    );
    println!(
        "backup of {ENTRIES} entries + {} MB attachments ({} MB folder), best of {ROUNDS}:",
        ATTACHMENTS * ATTACHMENT_BYTES / 1_000_000,
        size / 1_000_000
    );
    println!(
        "  backup   ours {o:>6.2} s   tar | age -r (X25519, then sync) {r:>6.2} s   ratio {:.2} (goal <= 1.5)",
        o / r
    );
    println!(
        "           ours: {:.2} s until the first encrypted bytes (copy of the database and its hash)",
        best(&copy_phase).as_secs_f64()
    );
    println!(
        "  restore  ours {ro:>6.2} s (decrypt, check, copy with a new key)   age -d | tar -x {rr:>6.2} s   ratio {:.2}",
        ro / rr
    );
}
