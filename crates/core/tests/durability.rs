//! Crash consistency under process kill: a child process writes entries and reports
//! each commit; the parent kills it (`kill -9`) at varying moments and checks that every
//! reported commit is there and nothing half-written is. The page cache survives a
//! killed process, so this would pass with `synchronous=OFF` too: power-loss
//! durability rests on the settings every connection reads back (tested below).
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::*;
use dossier_core::{Dossier, Unlock};

const CHILD_ENV: &str = "DOSSIER_DURABILITY_CHILD_DIR";
const ROUNDS: u64 = 24;

/// Not a test on its own: the body the parent runs in a child process (it returns at
/// once when the parent's environment variable is absent).
#[test]
fn child_writer_for_durability() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    for i in 0..100_000 {
        let e = d
            .add_entry(&note(&format!("entry {i}"), &"z".repeat(i % 700)), &clock())
            .unwrap();
        // Only after add_entry returned may the parent count this entry as committed.
        println!("committed {}", e.id);
    }
}

/// A small deterministic generator, so every run kills at the same variety of moments.
fn xorshift(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}

#[test]
fn every_entry_whose_write_returned_survives_sigkill() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    drop(create(&dir));
    let exe = std::env::current_exe().unwrap();
    let mut committed: Vec<i64> = Vec::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for round in 0..ROUNDS {
        seed = xorshift(seed);
        let kill_after = 1 + seed % 40;
        let mut child = Command::new(&exe)
            .args(["--exact", "child_writer_for_durability", "--nocapture"])
            .env(CHILD_ENV, &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut seen = 0;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if let Some(id) = line.strip_prefix("committed ") {
                committed.push(id.trim().parse().unwrap());
                seen += 1;
                if seen >= kill_after {
                    break;
                }
            }
        }
        // SIGKILL while the child is in the middle of its next writes.
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(seen >= kill_after, "round {round}: child stopped early");

        let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
        let ids: std::collections::HashSet<i64> =
            d.entries().unwrap().into_iter().map(|e| e.id).collect();
        for id in &committed {
            assert!(
                ids.contains(id),
                "round {round}: committed entry {id} was lost"
            );
        }
        let report = d.verify().unwrap();
        assert!(
            report.problems.is_empty(),
            "round {round}: {:?}",
            report.problems
        );
    }
    assert!(committed.len() as u64 >= ROUNDS);
}

#[test]
fn every_connection_runs_with_wal_full_sync_and_memory_temp_store() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (d, code) = create(&dir);
    let want = ("wal".to_string(), 2, 2);
    assert_eq!(d.connection_settings().unwrap(), want, "after create");
    d.lock();
    let d = open_when_free(&dir, Unlock::Passphrase(PASS));
    assert_eq!(d.connection_settings().unwrap(), want, "after open");
    d.lock();
    let d = open_when_free(&dir, Unlock::RecoveryCode(&code));
    assert_eq!(d.connection_settings().unwrap(), want, "after recovery");
}
