//! Benchmarks that print ratios against a reference measured in the same run: the
//! encrypted store against plain SQLite with the same schema and pragmas, and the
//! unlock cost of the default key derivation. Timings are printed, never asserted.

mod backup;
mod ocr;
mod pdf;
mod timeline;
mod typst;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dossier_core::store::{self, entries};
use dossier_core::{Dossier, EntryKind, KdfParams, NewEntry, Unlock};
use ring::rand::SystemRandom;

const N: usize = 10_000;
const ROUNDS: usize = 3;
const PASS: &str = "benchmark wachtwoord";

fn entry(i: usize) -> NewEntry {
    NewEntry {
        notes: "Zij vroeg opnieuw om een cv, hoewel ik een ontheffing heb. ".repeat(4),
        ..NewEntry::new(
            EntryKind::ALL[i % EntryKind::ALL.len()],
            NaiveDate::from_ymd_opt(2020, 1, 1).expect("date")
                + chrono::Duration::days((i % 2000) as i64),
            format!("Telefoongesprek met klantmanager nummer {i}"),
        )
    }
}

/// Inserts N entries in one transaction, then reads them all back.
fn workload(conn: &rusqlite_conn::Connection) -> (Duration, Duration) {
    let t = Instant::now();
    let tx = conn.unchecked_transaction().expect("transaction");
    for i in 0..N {
        entries::insert(&tx, &entry(i), "2026-11-22T10:00:00Z").expect("insert");
    }
    tx.commit().expect("commit");
    let insert = t.elapsed();
    let t = Instant::now();
    let all = entries::list(conn).expect("list");
    assert_eq!(all.len() % N, 0);
    (insert, t.elapsed())
}

mod rusqlite_conn {
    pub use dossier_core::store::Connection;
}

fn best(v: &[Duration]) -> Duration {
    v.iter().copied().min().unwrap_or_default()
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let rng = SystemRandom::new();
    // `dossier-bench backup` runs only the backup bench (the whole suite is long on 2 cores),
    // `dossier-bench timeline` only the 100,000-entry timeline, `dossier-bench pdf` only the bundle.
    match std::env::args().nth(1).as_deref() {
        Some("backup") => return backup::run(tmp.path()),
        Some("timeline") => return timeline::run(tmp.path(), &rng),
        Some("typst") => return typst::run(tmp.path(), &rng),
        // A child of the Typst bench: one export in a process of its own.
        Some("export-child") => {
            let dir = std::env::args().nth(2).expect("dossier folder");
            return typst::child(std::path::Path::new(&dir));
        }
        Some("ocr") => return ocr::run(),
        // Only the bundle against Chromium (1,000 entries with 50 photos, and the rest).
        Some("pdf") => return pdf::run(tmp.path()),
        _ => {}
    }

    // Unlock cost of the default KDF (what a person waits for at the unlock screen).
    let kdf_dir = tmp.path().join("kdf");
    drop(Dossier::create(&kdf_dir, PASS, &KdfParams::DEFAULT, &rng).expect("create"));
    let mut unlocks = Vec::new();
    for _ in 0..ROUNDS {
        let t = Instant::now();
        drop(Dossier::open(&kdf_dir, Unlock::Passphrase(PASS)).expect("open"));
        unlocks.push(t.elapsed());
    }
    println!(
        "unlock with default Argon2id ({} MiB, t={}): best {:.0} ms",
        KdfParams::DEFAULT.memory_kib / 1024,
        KdfParams::DEFAULT.iterations,
        best(&unlocks).as_secs_f64() * 1e3
    );

    let (mut enc_ins, mut enc_read, mut plain_ins, mut plain_read) =
        (vec![], vec![], vec![], vec![]);
    for round in 0..ROUNDS {
        let dir = tmp.path().join(format!("enc-{round}"));
        let (d, _) =
            Dossier::create(&dir, PASS, &KdfParams::INSECURE_FOR_TESTS, &rng).expect("create");
        let (i, r) = workload(d.conn());
        enc_ins.push(i);
        enc_read.push(r);
        let plain = store::open_plain_for_benchmark(&tmp.path().join(format!("plain-{round}.db")))
            .expect("plain");
        let (i, r) = workload(&plain);
        plain_ins.push(i);
        plain_read.push(r);
    }
    let row = |name: &str, enc: &[Duration], plain: &[Duration]| {
        let (e, p) = (best(enc).as_secs_f64(), best(plain).as_secs_f64());
        println!(
            "{name:<32} encrypted {:>8.1} ms   plain {:>8.1} ms   ratio {:.2}",
            e * 1e3,
            p * 1e3,
            e / p
        );
    };
    println!("{N} entries, best of {ROUNDS} rounds, same schema and pragmas:");
    row("insert (one transaction)", &enc_ins, &plain_ins);
    row("read all back (date order)", &enc_read, &plain_read);

    timeline::run(tmp.path(), &rng);
    pdf::run(tmp.path());
    typst::run(tmp.path(), &rng);
    backup::run(tmp.path());
    ocr::run();
}
