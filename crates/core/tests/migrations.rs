//! Schema upgrades: an old dossier upgrades to exactly the fresh schema and keeps its
//! data; a dossier from a newer version is refused and left untouched.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::*;
use dossier_core::store::migrations::LATEST;
use dossier_core::{Dossier, Error, KdfParams, Unlock};
use ring::rand::SystemRandom;

fn schema(d: &Dossier) -> Vec<(String, String, String)> {
    let mut stmt = d
        .conn()
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

#[test]
fn a_version_1_dossier_upgrades_to_the_same_schema_as_a_fresh_one() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("oud");
    let (d, _) = Dossier::create_at(
        &old,
        PASS,
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
        1,
    )
    .unwrap();
    assert_eq!(d.schema_version().unwrap(), 1);
    // Written as version 1 wrote it: only the columns that existed then.
    d.conn()
        .execute(
            "INSERT INTO entries (kind, occurred_on, title, notes, created_at)
             VALUES ('letter-in', '2026-01-15', 'Uitnodiging cohortgesprek', 'met cv', '2026-01-16T08:00:00Z')",
            [],
        )
        .unwrap();
    drop(d);

    let upgraded = Dossier::open(&old, Unlock::Passphrase(PASS)).unwrap();
    let (fresh, _) = create(&tmp.path().join("nieuw"));
    assert_eq!(upgraded.schema_version().unwrap(), LATEST);
    assert_eq!(schema(&upgraded), schema(&fresh));
    assert_eq!(
        upgraded.entries().unwrap()[0].data.title,
        "Uitnodiging cohortgesprek"
    );
    let report = upgraded.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // The old entry joined the history chain and the search index.
    assert_eq!(report.versions, 1);
    assert_eq!(
        upgraded.history(1).unwrap()[0].recorded_at,
        "2026-01-16T08:00:00Z"
    );
    assert_eq!(upgraded.search("cohortgesprek", 10).unwrap().len(), 1);
}

#[test]
fn a_dossier_from_a_newer_version_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (d, _) = create(&dir);
    d.conn()
        .pragma_update(None, "user_version", LATEST + 1)
        .unwrap();
    drop(d);
    let before = snapshot(&dir);
    let err = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap_err();
    match err {
        Error::TooNew { found, supported } => {
            assert_eq!((found, supported), (LATEST + 1, LATEST));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(snapshot(&dir), before);
}
