//! Dossiers opened at the same moment by many threads, as the very first thing a
//! process does, all open: SQLCipher finishes its set-up after SQLite reports itself
//! ready, and a thread keying a database in between used to be refused. One test in
//! this file on purpose: each test file is its own process, so this start is the first.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::sync::{Arc, Barrier};

use dossier_core::{Dossier, KdfParams};
use ring::rand::SystemRandom;

#[test]
fn dossiers_created_in_parallel_at_process_start_all_open() {
    let tmp = tempfile::tempdir().unwrap();
    let threads = 16;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let dir = tmp.path().join(format!("d{i}"));
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                Dossier::create(
                    &dir,
                    "paard batterij nietje",
                    &KdfParams::INSECURE_FOR_TESTS,
                    &SystemRandom::new(),
                )
                .map(|_| ())
                .map_err(|e| e.to_string())
            })
        })
        .collect();
    let failed: Vec<String> = handles
        .into_iter()
        .filter_map(|h| h.join().unwrap().err())
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
}
