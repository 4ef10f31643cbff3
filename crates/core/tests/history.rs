//! Honest history (F5): an edit keeps the earlier version, a deletion leaves a visible
//! tombstone with its reason, and the hash chain catches any change made afterwards.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use chrono::{NaiveDate, TimeZone};
use common::*;
use dossier_core::store::history::GENESIS;
use dossier_core::{Dossier, EntryKind, Error, FixedClock, NewEntry, Unlock};

fn at(h: u32) -> FixedClock {
    FixedClock(chrono::Utc.with_ymd_and_hms(2026, 11, 22, h, 0, 0).unwrap())
}

fn letter() -> NewEntry {
    NewEntry {
        kenmerk: "WPI/2026/12345".into(),
        letter_dated: NaiveDate::from_ymd_opt(2026, 3, 2),
        sent_on: NaiveDate::from_ymd_opt(2026, 3, 3),
        received_on: NaiveDate::from_ymd_opt(2026, 3, 5),
        threat: true,
        threat_text: "Uitkering stopt als telefoonnummer niet vóór 10 maart bekend is".into(),
        tags: vec!["opschorting".into()],
        ..NewEntry::new(
            EntryKind::LetterIn,
            NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
            "Brief: telefoonnummer doorgeven",
        )
    }
}

#[test]
fn an_edit_keeps_the_earlier_version_with_its_reason_and_times() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = create(&tmp.path().join("k"));
    let first = d.add_entry(&letter(), &at(9)).unwrap();
    assert_eq!(first.version, 1);
    assert_eq!(first.created_at, "2026-11-22T09:00:00Z");
    assert_eq!(first.updated_at, None);

    let mut changed = first.data.clone();
    changed.notes = "Ik heb op 6 maart gebeld en mijn nummer gegeven.".into();
    let second = d
        .update_entry(first.id, &changed, "aangevuld na telefoontje", &at(11))
        .unwrap();
    assert_eq!(second.version, 2);
    assert_eq!(
        second.created_at, "2026-11-22T09:00:00Z",
        "recorded-on never moves"
    );
    assert_eq!(second.updated_at.as_deref(), Some("2026-11-22T11:00:00Z"));
    assert_eq!(second.data, changed);

    let versions = d.history(first.id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].action, "create");
    assert!(
        !versions[0].content.contains("6 maart gebeld"),
        "old version unchanged"
    );
    assert!(versions[0].content.contains("WPI/2026/12345"));
    assert_eq!(versions[1].action, "edit");
    assert_eq!(versions[1].reason, "aangevuld na telefoontje");
    assert!(versions[1].content.contains("6 maart gebeld"));
    assert_eq!(versions[1].recorded_at, "2026-11-22T11:00:00Z");
}

#[test]
fn a_deletion_leaves_a_visible_tombstone_and_needs_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = create(&tmp.path().join("k"));
    let e = d.add_entry(&letter(), &at(9)).unwrap();
    let err = d.delete_entry(e.id, "  ", &at(10)).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref m) if m.contains("why")),
        "{err:?}"
    );

    let gone = d.delete_entry(e.id, "dubbel ingevoerd", &at(10)).unwrap();
    assert_eq!(gone.deleted_at.as_deref(), Some("2026-11-22T10:00:00Z"));
    assert_eq!(gone.delete_reason, "dubbel ingevoerd");
    // Still listed (as a tombstone), no longer counted or found.
    let all = d.entries().unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0].deleted_at.is_some());
    assert_eq!(d.entry_count().unwrap(), 0);
    assert!(d.search("telefoonnummer", 10).unwrap().is_empty());
    // Its content stays in the history; it cannot be changed or deleted again.
    let versions = d.history(e.id).unwrap();
    assert_eq!(versions.last().unwrap().action, "delete");
    assert!(versions[0].content.contains("telefoonnummer"));
    assert!(d.update_entry(e.id, &letter(), "", &at(11)).is_err());
    assert!(d.delete_entry(e.id, "nog eens", &at(11)).is_err());
}

#[test]
fn the_chain_links_every_version_and_its_head_changes_with_each_write() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = create(&tmp.path().join("k"));
    assert_eq!(d.verify_chain().unwrap().head, GENESIS);
    let mut heads = vec![GENESIS.to_string()];
    let a = d.add_entry(&letter(), &at(9)).unwrap();
    heads.push(d.verify_chain().unwrap().head);
    d.add_entry(&note("Gebeld door jobhunter", "Hij drong aan."), &at(9))
        .unwrap();
    heads.push(d.verify_chain().unwrap().head);
    d.delete_entry(a.id, "verkeerd dossier", &at(10)).unwrap();
    let report = d.verify_chain().unwrap();
    heads.push(report.head.clone());
    assert_eq!(report.versions, 3);
    assert_eq!(report.broken_at, None);
    heads.dedup();
    assert_eq!(heads.len(), 4, "every write moves the head");
    assert!(d.verify().unwrap().problems.is_empty());
}

#[test]
fn changing_a_byte_of_an_old_version_through_sql_is_caught_by_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k");
    let (mut d, _) = create(&dir);
    let e = d.add_entry(&letter(), &at(9)).unwrap();
    let mut changed = e.data.clone();
    changed.threat = false;
    d.update_entry(e.id, &changed, "", &at(10)).unwrap();
    d.add_entry(&note("Later gesprek", ""), &at(11)).unwrap();
    // Someone rewrites history: the first version no longer mentions the threat date.
    d.conn()
        .execute_batch(
            // The triggers refuse this; someone holding the key can drop them first.
            "DROP TRIGGER entry_versions_no_update;
             UPDATE entry_versions SET content = replace(content, '10 maart', '20 maart') WHERE seq = 1",
        )
        .unwrap();
    let report = d.verify_chain().unwrap();
    assert_eq!(report.broken_at, Some((e.id, 1)));
    let problems = d.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| p.contains("history was changed")),
        "{problems:?}"
    );
    drop(d);
    // The damage persists across reopening: it is in the file, not in memory.
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.verify_chain().unwrap().broken_at, Some((e.id, 1)));
}

#[test]
fn removing_a_version_or_recomputing_only_its_own_hash_is_caught() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = create(&tmp.path().join("k"));
    for i in 0..3 {
        d.add_entry(&note(&format!("contact {i}"), ""), &at(9))
            .unwrap();
    }
    d.conn()
        .execute_batch(
            "DROP TRIGGER entry_versions_no_delete; DELETE FROM entry_versions WHERE seq = 2",
        )
        .unwrap();
    let report = d.verify_chain().unwrap();
    assert_eq!(
        report.broken_at,
        Some((3, 1)),
        "the next version's prev_hash no longer fits"
    );
}

#[test]
fn every_field_of_a_letter_survives_storage_and_reopening() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k");
    let (mut d, _) = create(&dir);
    let mut full = letter();
    full.occurred_time = chrono::NaiveTime::from_hms_opt(14, 30, 0);
    full.asked = "Telefoonnummer".into();
    full.promised = "Terugbellen".into();
    full.agreed = "Alleen per e-mail".into();
    full.organisation = "WPI".into();
    full.place = "Jan van Galenstraat".into();
    full.channel = "post".into();
    full.companions = "Marja (vrijwilliger)".into();
    full.follow_up_on = NaiveDate::from_ymd_opt(2026, 3, 10);
    full.medical = true;
    let saved = d.add_entry(&full, &at(9)).unwrap();
    drop(d);
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let back = d.entry(saved.id).unwrap();
    assert_eq!(back.data, full);
    assert_eq!(back, saved);
}
