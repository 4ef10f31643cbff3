//! The vault's security properties, tested from outside: nothing readable on disk, a
//! wrong secret changes nothing, damage is reported as damage, recovery and re-keying.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;

use common::*;
use dossier_core::{Dossier, Error, KdfParams, RecoveryCode, Unlock};
use ring::rand::SystemRandom;

#[test]
fn canary_is_found_in_no_file_the_dossier_wrote_and_no_temp_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let canary = format!("KANARIE-{}", std::process::id());
    let started = std::time::SystemTime::now();
    {
        let (mut d, _code) = create(&dir);
        for i in 0..200 {
            d.add_entry(
                &note(&format!("{canary} titel {i}"), &canary.repeat(20)),
                &clock(),
            )
            .unwrap();
        }
        // Sorting forces SQLite to use temp space when it spills; it must stay in memory.
        let mut stmt = d
            .conn()
            .prepare("SELECT title FROM entries ORDER BY notes DESC, title")
            .unwrap();
        let n = stmt.query_map([], |_| Ok(())).unwrap().count();
        assert_eq!(n, 200);
        // Still open: the WAL holds the fresh pages, and must be encrypted too.
        assert!(files_containing(&dir, canary.as_bytes()).is_empty());
    }
    assert!(files_containing(&dir, canary.as_bytes()).is_empty());
    let db = fs::read(dir.join("dossier.db")).unwrap();
    assert!(!db.starts_with(b"SQLite format 3"));
    // No file in the temp directory written since the test began holds the canary.
    let temp = std::env::temp_dir();
    for f in walk(&temp) {
        let fresh = fs::metadata(&f)
            .and_then(|m| m.modified())
            .map(|m| m >= started)
            .unwrap_or(false);
        if fresh && !f.starts_with(&dir) {
            let bytes = fs::read(&f).unwrap_or_default();
            assert!(
                !contains(&bytes, canary.as_bytes()),
                "{} leaks",
                f.display()
            );
        }
    }
    // And the entries really are there: the search above would pass on an empty store.
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.entries().unwrap().len(), 200);
    assert!(d.entries().unwrap()[0].data.title.contains(&canary));
}

#[test]
fn wrong_passphrase_three_times_leaves_every_file_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    {
        let (mut d, _) = create(&dir);
        d.add_entry(&note("Brief WPI", "telefoonnummer vóór 10 maart"), &clock())
            .unwrap();
    }
    let before = snapshot(&dir);
    for guess in [
        "paard batterij nietjes",
        "PAARD BATTERIJ NIETJE",
        "wachtwoord123",
    ] {
        let err = Dossier::open(&dir, Unlock::Passphrase(guess)).unwrap_err();
        assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    }
    assert_eq!(snapshot(&dir), before, "a failed unlock changed a file");
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(
        d.entries().unwrap()[0].data.notes,
        "telefoonnummer vóór 10 maart"
    );
}

/// Opens, lists and verifies; returns the first error, or the listed titles.
fn open_list_verify(dir: &std::path::Path) -> Result<Vec<String>, Error> {
    let d = Dossier::open(dir, Unlock::Passphrase(PASS))?;
    let titles = d.entries()?.into_iter().map(|e| e.data.title).collect();
    let report = d.verify()?;
    if !report.problems.is_empty() {
        return Err(Error::Damaged(report.problems.join("; ")));
    }
    Ok(titles)
}

#[test]
fn flipped_bytes_in_any_page_are_reported_as_damage_never_as_wrong_data() {
    let tmp = tempfile::tempdir().unwrap();
    let original = tmp.path().join("origineel");
    let mut titles = Vec::new();
    {
        let (mut d, _) = create(&original);
        for i in 0..60 {
            let e = d
                .add_entry(&note(&format!("gesprek {i}"), &"x".repeat(300)), &clock())
                .unwrap();
            titles.push(e.data.title);
        }
    }
    let db_len = fs::metadata(original.join("dossier.db")).unwrap().len() as usize;
    let page = 4096;
    let pages = db_len / page;
    assert!(pages >= 5, "test needs several pages, got {pages}");
    let mut damaged_reports = 0;
    for p in 0..pages {
        let copy = tmp.path().join(format!("kopie-{p}"));
        fs::create_dir(&copy).unwrap();
        for f in ["dossier.db", "keyslots.json"] {
            fs::copy(original.join(f), copy.join(f)).unwrap();
        }
        let mut bytes = fs::read(copy.join("dossier.db")).unwrap();
        for off in [p * page + 100, p * page + 2000, p * page + 3000] {
            bytes[off] ^= 0x5a;
        }
        fs::write(copy.join("dossier.db"), &bytes).unwrap();
        match open_list_verify(&copy) {
            Err(Error::Damaged(_)) => damaged_reports += 1,
            Ok(got) => panic!(
                "page {p}: damage not noticed (listed {} entries)",
                got.len()
            ),
            Err(other) => panic!("page {p}: wrong error {other:?}"),
        }
    }
    assert_eq!(damaged_reports, pages);
}

#[test]
fn truncated_database_is_reported_as_damage() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    {
        let (mut d, _) = create(&dir);
        for i in 0..60 {
            d.add_entry(&note(&format!("brief {i}"), &"y".repeat(300)), &clock())
                .unwrap();
        }
    }
    let db = dir.join("dossier.db");
    let len = fs::metadata(&db).unwrap().len();
    for cut in [len / 2, len / 2 + 1234, len - 10] {
        let f = fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.set_len(cut).unwrap();
        drop(f);
        match open_list_verify(&dir) {
            Err(Error::Damaged(_)) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
}

#[test]
fn key_slot_file_with_changed_kdf_parameters_is_damage() {
    // Only keyslots.json changed: the spare copy opens (keyslot_copies.rs covers that
    // and, with a checksum that fits, that only the AEAD tag catches the change). Both
    // copies changed: damage, never a silently weakened slot.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    drop(create(&dir));
    let slots = fs::read_to_string(dir.join("keyslots.json")).unwrap();
    let memory = KdfParams::INSECURE_FOR_TESTS.memory_kib;
    let needle = format!("\"memory_kib\": {memory}");
    assert!(slots.contains(&needle), "{slots}");
    let changed = slots.replace(&needle, &format!("\"memory_kib\": {}", memory * 2));
    fs::write(dir.join("keyslots.json"), &changed).unwrap();
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.slot_copy(), dossier_core::SlotCopy::Spare);
    drop(d);
    for f in ["keyslots.json", "keyslots.spare.json"] {
        fs::write(dir.join(f), &changed).unwrap();
    }
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
    for f in ["keyslots.json", "keyslots.spare.json"] {
        fs::write(dir.join(f), "{ niet af").unwrap();
    }
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::Damaged(_)), "{err:?}");
}

#[test]
fn a_folder_that_is_not_a_dossier_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let err = Dossier::open(tmp.path(), Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::NotADossier(_)), "{err:?}");
    let err = Dossier::open(&tmp.path().join("bestaat-niet"), Unlock::Passphrase(PASS));
    assert!(matches!(err, Err(Error::NotADossier(_))));
    fs::write(
        tmp.path().join("keyslots.json"),
        r#"{"format":"iets anders"}"#,
    )
    .unwrap();
    let err = Dossier::open(tmp.path(), Unlock::Passphrase(PASS)).unwrap_err();
    assert!(matches!(err, Error::NotADossier(_)), "{err:?}");
}

#[test]
fn creating_over_existing_files_is_refused_and_touches_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("belangrijk.txt"), "mijn brief").unwrap();
    let err = Dossier::create(
        tmp.path(),
        PASS,
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::AlreadyExists(_)), "{err:?}");
    assert_eq!(
        fs::read_to_string(tmp.path().join("belangrijk.txt")).unwrap(),
        "mijn brief"
    );
    let short = Dossier::create(
        &tmp.path().join("nieuw"),
        "kort",
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
    );
    assert!(matches!(short, Err(Error::PassphraseTooShort { min: 8 })));
    assert!(!tmp.path().join("nieuw").exists());
}

#[test]
fn recovery_code_opens_and_a_typo_is_caught_before_decryption() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, code) = create(&dir);
    d.add_entry(&note("Ontheffing arbeidsplicht", ""), &clock())
        .unwrap();
    drop(d);
    let printed = code.display().to_string();
    let typed = RecoveryCode::parse(&printed.to_lowercase()).unwrap();
    let d = Dossier::open(&dir, Unlock::RecoveryCode(&typed)).unwrap();
    assert_eq!(
        d.entries().unwrap()[0].data.title,
        "Ontheffing arbeidsplicht"
    );
    drop(d);

    let mut chars: Vec<char> = printed.chars().collect();
    chars[5] = if chars[5] == 'A' { 'B' } else { 'A' };
    let typo: String = chars.into_iter().collect();
    assert!(matches!(
        RecoveryCode::parse(&typo),
        Err(Error::RecoveryCodeTypo(_))
    ));

    // A well-formed code of another dossier is a wrong code, not a typo.
    let other_dir = tmp.path().join("ander");
    let (_, other) = create(&other_dir);
    let other = RecoveryCode::parse(&other.display()).unwrap();
    let err = Dossier::open(&dir, Unlock::RecoveryCode(&other)).unwrap_err();
    assert!(matches!(err, Error::WrongRecoveryCode), "{err:?}");
}

#[test]
fn passphrase_change_rewraps_the_key_without_rewriting_the_database() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, code) = create(&dir);
    d.add_entry(&note("Huisbezoek", "twee handhavers"), &clock())
        .unwrap();
    drop(d);
    let db_before = snapshot(&dir).remove(&dir.join("dossier.db")).unwrap();

    let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    d.change_passphrase(
        "nieuw wachtwoord 2026",
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
    )
    .unwrap();
    drop(d);

    let db_after = snapshot(&dir).remove(&dir.join("dossier.db")).unwrap();
    assert!(db_before == db_after, "the database file was rewritten");
    assert!(matches!(
        Dossier::open(&dir, Unlock::Passphrase(PASS)),
        Err(Error::WrongPassphrase)
    ));
    let d = Dossier::open(&dir, Unlock::Passphrase("nieuw wachtwoord 2026")).unwrap();
    assert_eq!(d.entries().unwrap()[0].data.notes, "twee handhavers");
    drop(d);
    let code = RecoveryCode::parse(&code.display()).unwrap();
    assert!(Dossier::open(&dir, Unlock::RecoveryCode(&code)).is_ok());
}

#[test]
fn recovery_then_new_passphrase_is_the_forgot_my_passphrase_path() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (_, code) = create(&dir);
    let code = RecoveryCode::parse(&code.display()).unwrap();
    let mut d = Dossier::open(&dir, Unlock::RecoveryCode(&code)).unwrap();
    d.change_passphrase(
        "weer een nieuwe zin",
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
    )
    .unwrap();
    drop(d);
    assert!(Dossier::open(&dir, Unlock::Passphrase("weer een nieuwe zin")).is_ok());
}

#[test]
fn new_dossiers_get_the_default_kdf_and_it_meets_the_floor() {
    // The binaries pass KdfParams::DEFAULT; this checks the value stored with the slot.
    let tmp = tempfile::tempdir().unwrap();
    let (d, _) = Dossier::create(
        &tmp.path().join("k"),
        PASS,
        &KdfParams::DEFAULT,
        &SystemRandom::new(),
    )
    .unwrap();
    let p = d.passphrase_params().unwrap();
    assert_eq!(p, KdfParams::DEFAULT);
    assert!(p.memory_kib >= 64 * 1024 && p.meets_owasp_minimum());
}

/// The pretty key-slot file as `serde_json::to_vec` writes it for the checksum: the
/// same keys in the same order, without the whitespace between tokens.
fn compact(pretty: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Sets the file's checksum to the one `keyslot.rs` would compute, so that only the
/// authenticated encryption of the wrapped key can notice what was changed.
fn with_recomputed_checksum(pretty: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(pretty).unwrap();
    let old = value["checksum"].as_str().unwrap().to_string();
    let blank = pretty.replace(&format!("\"checksum\": \"{old}\""), "\"checksum\": \"\"");
    let digest = ring::digest::digest(&ring::digest::SHA256, compact(&blank).as_bytes());
    pretty.replace(&old, &hex::encode(digest))
}

#[test]
fn changed_kdf_parameters_with_a_valid_checksum_are_caught_by_the_aead() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    drop(create(&dir));
    let slots = fs::read_to_string(dir.join("keyslots.json")).unwrap();
    // The recomputation itself is right: the untouched file gets its own checksum.
    assert_eq!(with_recomputed_checksum(&slots), slots);
    let memory = KdfParams::INSECURE_FOR_TESTS.memory_kib;
    let needle = format!("\"memory_kib\": {memory}");
    let changed = slots.replace(&needle, &format!("\"memory_kib\": {}", memory * 2));
    assert_ne!(changed, slots);
    fs::write(
        dir.join("keyslots.json"),
        with_recomputed_checksum(&changed),
    )
    .unwrap();
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    // Past the checksum: what refuses the file now is the wrapped key's tag.
    assert!(
        !err.to_string().contains("checksum"),
        "the checksum still caught it: {err:?}"
    );
    fs::write(dir.join("keyslots.json"), &slots).unwrap();
    assert!(Dossier::open(&dir, Unlock::Passphrase(PASS)).is_ok());
}
