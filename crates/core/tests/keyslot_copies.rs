//! Losing or damaging `keyslots.json` does not lose the dossier: the second copy opens
//! it, a checksum that no longer fits still lets an intact slot open, the message says
//! which copy was used, and a crafted file cannot make the KDF exhaust memory.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use dossier_core::{Dossier, Error, RecoveryCode, SlotCopy, Unlock};
use ring::digest;

const MAIN: &str = "keyslots.json";
const SPARE: &str = "keyslots.spare.json";

/// A dossier with one entry; returns its folder and recovery code.
fn kluis(tmp: &Path, name: &str) -> (PathBuf, RecoveryCode) {
    let dir = tmp.join(name);
    let (mut d, code) = create(&dir);
    d.add_entry(&note("brief van de gemeente", ""), &clock())
        .unwrap();
    d.lock();
    (dir, code)
}

fn opens(dir: &Path, unlock: Unlock<'_>) -> Result<SlotCopy, Error> {
    let d = Dossier::open(dir, unlock)?;
    assert_eq!(d.entries().unwrap()[0].data.title, "brief van de gemeente");
    Ok(d.slot_copy())
}

#[test]
fn both_copies_are_written_and_equal() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = kluis(tmp.path(), "k");
    assert_eq!(
        fs::read(dir.join(MAIN)).unwrap(),
        fs::read(dir.join(SPARE)).unwrap()
    );
    let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    d.change_passphrase(
        "een nieuwe zin",
        &dossier_core::KdfParams::INSECURE_FOR_TESTS,
        &ring::rand::SystemRandom::new(),
    )
    .unwrap();
    assert_eq!(
        fs::read(dir.join(MAIN)).unwrap(),
        fs::read(dir.join(SPARE)).unwrap()
    );
}

#[test]
fn keyslots_deleted_opens_with_the_spare_and_is_written_anew() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, code) = kluis(tmp.path(), "k");
    let spare = fs::read(dir.join(SPARE)).unwrap();
    fs::remove_file(dir.join(MAIN)).unwrap();
    assert_eq!(
        opens(&dir, Unlock::RecoveryCode(&code)).unwrap(),
        SlotCopy::Spare
    );
    assert_eq!(
        fs::read(dir.join(MAIN)).unwrap(),
        spare,
        "keyslots.json not repaired"
    );
    fs::remove_file(dir.join(MAIN)).unwrap();
    assert_eq!(
        opens(&dir, Unlock::Passphrase(PASS)).unwrap(),
        SlotCopy::Spare
    );
    assert!(SlotCopy::Spare
        .notice()
        .unwrap()
        .contains("keyslots.spare.json"));
    // Both gone: damage, said plainly.
    fs::remove_file(dir.join(MAIN)).unwrap();
    fs::remove_file(dir.join(SPARE)).unwrap();
    let err = Dossier::open(&dir, Unlock::RecoveryCode(&code)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
}

#[test]
fn keyslots_truncated_opens_with_both_secrets() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, code) = kluis(tmp.path(), "k");
    let good = fs::read(dir.join(MAIN)).unwrap();
    for cut in [0, 1, good.len() / 3, good.len() / 2, good.len() - 2] {
        fs::write(dir.join(MAIN), &good[..cut]).unwrap();
        assert_eq!(
            opens(&dir, Unlock::RecoveryCode(&code)).unwrap(),
            SlotCopy::Spare,
            "cut {cut}"
        );
        fs::write(dir.join(MAIN), &good[..cut]).unwrap();
        assert_eq!(
            opens(&dir, Unlock::Passphrase(PASS)).unwrap(),
            SlotCopy::Spare,
            "cut {cut}"
        );
    }
}

#[test]
fn one_flipped_byte_anywhere_in_keyslots_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, code) = kluis(tmp.path(), "k");
    let good = fs::read(dir.join(MAIN)).unwrap();
    for at in 0..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 0x02;
        fs::write(dir.join(MAIN), &bad).unwrap();
        let unlock = if at % 2 == 0 {
            Unlock::RecoveryCode(&code)
        } else {
            Unlock::Passphrase(PASS)
        };
        match opens(&dir, unlock) {
            Ok(_) => {}
            Err(e) => panic!("flipped byte at {at}: {e:?}"),
        }
        // The good copy is back after every open (repaired from the spare).
        assert_eq!(
            fs::read(dir.join(MAIN)).unwrap(),
            good,
            "byte {at} not repaired"
        );
    }
}

/// The position of `needle` inside the value of the slot of `kind`.
fn in_slot(text: &str, kind: &str, field: &str) -> usize {
    let slot = text.find(&format!("\"kind\": \"{kind}\"")).unwrap();
    slot + text[slot..].find(&format!("\"{field}\": \"")).unwrap() + field.len() + 8
}

#[test]
fn without_a_spare_the_intact_slot_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, code) = kluis(tmp.path(), "k");
    fs::remove_file(dir.join(SPARE)).unwrap();
    let good = fs::read_to_string(dir.join(MAIN)).unwrap();
    // Damage the passphrase slot's wrapped key: the recovery code still opens (the
    // checksum is off, the recovery slot's tag is fine), the passphrase cannot.
    let mut bad = good.clone().into_bytes();
    let at = in_slot(&good, "passphrase", "wrapped");
    bad[at] = if bad[at] == b'a' { b'b' } else { b'a' };
    fs::write(dir.join(MAIN), &bad).unwrap();
    assert_eq!(
        opens(&dir, Unlock::RecoveryCode(&code)).unwrap(),
        SlotCopy::MainDamaged
    );
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
    // And the other way round.
    let mut bad = good.clone().into_bytes();
    let at = in_slot(&good, "recovery", "wrapped");
    bad[at] = if bad[at] == b'a' { b'b' } else { b'a' };
    fs::write(dir.join(MAIN), &bad).unwrap();
    assert_eq!(
        opens(&dir, Unlock::Passphrase(PASS)).unwrap(),
        SlotCopy::MainDamaged
    );
    let err = Dossier::open(&dir, Unlock::RecoveryCode(&code)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
}

/// The checksum as the file defines it: SHA-256 over the compact JSON with the checksum
/// field empty. Computed from the text, so the test does not use the code it checks.
fn with_fresh_checksum(pretty: &str) -> String {
    let start = pretty.find("\"checksum\": \"").unwrap() + 13;
    let end = start + pretty[start..].find('"').unwrap();
    let blank = format!("{}{}", &pretty[..start], &pretty[end..]);
    let compact: String = blank
        .lines()
        .map(str::trim)
        .collect::<String>()
        .replace("\": ", "\":");
    let sum = hex::encode(digest::digest(&digest::SHA256, compact.as_bytes()));
    format!("{}{}{}", &pretty[..start], sum, &pretty[end..])
}

#[test]
fn changed_kdf_parameters_with_a_fitting_checksum_are_caught_by_the_tag() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, code) = kluis(tmp.path(), "k");
    fs::remove_file(dir.join(SPARE)).unwrap();
    let slots = fs::read_to_string(dir.join(MAIN)).unwrap();
    assert_eq!(
        with_fresh_checksum(&slots),
        slots,
        "the checksum recipe is off"
    );
    let memory = dossier_core::KdfParams::INSECURE_FOR_TESTS.memory_kib;
    let needle = format!("\"memory_kib\": {memory}");
    let lowered =
        with_fresh_checksum(&slots.replace(&needle, &format!("\"memory_kib\": {}", memory * 2)));
    fs::write(dir.join(MAIN), &lowered).unwrap();
    // The checksum fits, so only the AEAD tag (which covers the parameters) refuses it.
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    assert_eq!(
        opens(&dir, Unlock::RecoveryCode(&code)).unwrap(),
        SlotCopy::Main
    );
}

#[test]
fn a_crafted_kdf_cost_is_refused_before_any_memory_is_taken() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, code) = kluis(tmp.path(), "k");
    fs::remove_file(dir.join(SPARE)).unwrap();
    let slots = fs::read_to_string(dir.join(MAIN)).unwrap();
    let memory = dossier_core::KdfParams::INSECURE_FOR_TESTS.memory_kib;
    // 4 TiB of memory: Argon2 would try to allocate it (and abort the process).
    let crafted = with_fresh_checksum(&slots.replace(
        &format!("\"memory_kib\": {memory}"),
        "\"memory_kib\": 4294967295",
    ));
    fs::write(dir.join(MAIN), &crafted).unwrap();
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
    assert!(err.to_string().contains("KDF parameters"), "{err}");
    // The recovery slot does not depend on them.
    opens(&dir, Unlock::RecoveryCode(&code)).unwrap();
}
