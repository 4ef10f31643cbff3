//! `verify` checks what is shown: each tampering below is done through plain SQL on the
//! dossier's own decrypted connection, as someone holding the key could, and each must
//! make `verify` fail with a message naming the entry and what differs.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{clock, day, dossier, PASS};
use dossier_core::{
    Dossier, EntryKind, EntryLink, EntryPerson, LinkKind, NewEntry, PersonData, Unlock,
};

const TITLE: &str = "Gesprek klantmanager over bijstand";

/// A dossier with one entry that has every kind of live state: fields, tags, a person
/// with a role, a link and an attachment; and a second entry it links to.
fn full() -> (tempfile::TempDir, Dossier, i64) {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let c = clock();
    let p = d
        .add_person(&PersonData::named("Sanne de Vries", "klantmanager"), &c)
        .unwrap();
    let letter = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterIn, day("2026-11-01"), "Brief"),
            &c,
        )
        .unwrap();
    let e = NewEntry {
        notes: "Zij zei dat mijn uitkering doorloopt.".into(),
        tags: vec!["bijstand".into()],
        people: vec![EntryPerson {
            person_id: p.id,
            role: "belde mij".into(),
        }],
        ..NewEntry::new(EntryKind::CallIn, day("2026-11-03"), TITLE)
    };
    let e = d.add_entry(&e, &c).unwrap();
    let link = EntryLink {
        from_id: e.id,
        to_id: letter.id,
        kind: LinkKind::ReplyTo,
    };
    d.link_entries(&link, &c).unwrap();
    d.attach(e.id, "brief.txt", b"Geachte heer, uw uitkering ...", &c)
        .unwrap();
    let mut edited = d.entry(e.id).unwrap().data;
    edited.agreed = "Ik stuur de loonstrook op.".into();
    d.update_entry(e.id, &edited, "aangevuld", &c).unwrap();
    assert_eq!(d.verify().unwrap().problems, Vec::<String>::new());
    (tmp, d, e.id)
}

fn second_connection(d: &Dossier) -> &rusqlite::Connection {
    d.conn()
}

fn problems_after(sql: &str) -> (Vec<String>, i64) {
    let (_tmp, d, id) = full();
    second_connection(&d).execute_batch(sql).unwrap();
    (d.verify().unwrap().problems, id)
}

fn assert_named(problems: &[String], id: i64, what: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("entry {id} ")) && p.contains(what)),
        "no problem naming entry {id} and {what:?}: {problems:#?}"
    );
}

#[test]
fn a_clean_dossier_verifies_and_survives_reopening() {
    let (tmp, d, id) = full();
    d.lock();
    let d = Dossier::open(&tmp.path().join("k"), Unlock::Passphrase(PASS)).unwrap();
    assert_eq!(d.verify().unwrap().problems, Vec::<String>::new());
    assert!(d.entry(id).is_ok());
}

#[test]
fn a_live_field_changed_through_sql_is_caught() {
    let (p, id) =
        problems_after("UPDATE entries SET title = 'Niets gezegd' WHERE kind = 'call-in'");
    assert_named(&p, id, "title");
    assert!(p.iter().any(|m| m.contains("Niets gezegd")), "{p:?}");
    let (p, id) = problems_after("UPDATE entries SET agreed = '' WHERE kind = 'call-in'");
    assert_named(&p, id, "agreed");
}

#[test]
fn a_changed_tag_is_caught() {
    let (p, id) = problems_after("UPDATE entry_tags SET tag = 'onbelangrijk'");
    assert_named(&p, id, "tags");
}

#[test]
fn a_changed_role_of_a_person_is_caught() {
    let (p, id) = problems_after("UPDATE entry_people SET role = 'was er niet bij'");
    assert_named(&p, id, "people");
}

#[test]
fn a_removed_link_is_caught() {
    let (p, id) = problems_after("DELETE FROM entry_links");
    assert_named(&p, id, "links");
}

#[test]
fn swapped_attachment_bytes_are_caught() {
    let (p, id) = problems_after("UPDATE attachments SET data = CAST('Andere brief' AS BLOB)");
    assert_named(&p, id, "brief.txt");
    let (p, id) = problems_after("UPDATE attachments SET deleted_at = '2026-11-04T00:00:00Z'");
    assert_named(&p, id, "attached files");
}

#[test]
fn versions_cannot_be_changed_or_removed_through_sql() {
    let (_tmp, d, _) = full();
    let raw = second_connection(&d);
    let err = raw
        .execute("UPDATE entry_versions SET reason = 'niets'", [])
        .unwrap_err();
    assert!(err.to_string().contains("cannot be changed"), "{err}");
    let err = raw
        .execute(
            "DELETE FROM entry_versions WHERE seq = (SELECT max(seq) FROM entry_versions)",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("cannot be removed"), "{err}");
    assert_eq!(d.verify().unwrap().problems, Vec::<String>::new());
}

#[test]
fn deleting_the_newest_version_is_caught() {
    let (p, id) = problems_after(
        "DROP TRIGGER entry_versions_no_delete;
         DELETE FROM entry_versions WHERE seq = (SELECT max(seq) FROM entry_versions);",
    );
    assert_named(&p, id, "history ends at version");
}
/// SHA-256 over the length-prefixed parts, as the chain defines it (written out here,
/// not taken from core, so that a rewrite is made the way an outsider would).
fn chain_hash(prev: &str, content: &str, attachments: &str) -> String {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for part in [prev, content, attachments] {
        ctx.update(&(part.len() as u64).to_be_bytes());
        ctx.update(part.as_bytes());
    }
    hex::encode(ctx.finish())
}

#[test]
fn a_rewritten_and_fully_recomputed_chain_is_caught_by_the_recorded_head() {
    let (_tmp, d, id) = full();
    let raw = second_connection(&d);
    raw.execute_batch(
        "DROP TRIGGER entry_versions_no_update;
         DROP TRIGGER entry_versions_no_delete;
         UPDATE entries SET agreed = '' WHERE kind = 'call-in';
         UPDATE entry_versions SET content = replace(content, 'Ik stuur de loonstrook op.', '');",
    )
    .unwrap();
    // Recompute every hash in chain order, so the chain itself is consistent again.
    let rows: Vec<(i64, String, String)> = raw
        .prepare("SELECT seq, content, attachments FROM entry_versions ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = dossier_core::GENESIS.to_string();
    for (seq, content, attachments) in rows {
        let hash = chain_hash(&prev, &content, &attachments);
        raw.execute(
            "UPDATE entry_versions SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
            rusqlite::params![prev, hash, seq],
        )
        .unwrap();
        prev = hash;
    }
    assert_eq!(
        d.verify_chain().unwrap().broken_at,
        None,
        "the rewrite is consistent"
    );
    let problems = d.verify().unwrap().problems;
    assert!(
        problems.iter().any(|p| p.contains("recorded head")),
        "the rewrite went unnoticed: {problems:#?}"
    );
    let _ = id;
}
