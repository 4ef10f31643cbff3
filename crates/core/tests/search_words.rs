//! A typed word is asked for as the few whole words it starts (the index's word list),
//! and that finds exactly what SQLite's own prefix query finds: for whole words, for
//! prefixes of one, several and very many words, for words with accents or in capitals,
//! for digits, for words that are not there, and for several words at once; in the
//! ranked search and in a timeline page with text alike.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::collections::BTreeSet;

mod common;

use chrono::NaiveDate;
use common::traced;
use dossier_core::import::ImportItem;
use dossier_core::store::{self, entries, filter, search};
use dossier_core::{EntryFilter, EntryKind, NewEntry, PageStart};
use rusqlite::Connection;

/// Titles with words that share beginnings: one word alone ("hoorzitting"), three that
/// start "onthef", twenty that start "ko" (more than one prefix may stand for), names
/// with accents and capitals, and kenmerken with digits.
fn titles() -> Vec<String> {
    let mut t: Vec<String> = vec![
        "Hoorzitting over het bezwaar".into(),
        "Ontheffing van de arbeidsplicht".into(),
        "Twee ontheffingen aangevraagd".into(),
        "De ontheffingsbrief is binnen".into(),
        "Gesprek met mevrouw Öztürk".into(),
        "ÖZTÜRK belde terug".into(),
        "Één brief, twee kopieën".into(),
        "Kenmerk WPI/2026/004711".into(),
        "Kenmerk WPI/2025/004712".into(),
        "Café de Hoek: afspraak".into(),
    ];
    for i in 0..20 {
        t.push(format!(
            "Brief over ko{}",
            ["st", "rting", "pie", "rt", "ffie"][i % 5].repeat(1 + i / 5)
        ));
    }
    t
}

fn store_with(titles: &[String]) -> (tempfile::TempDir, Connection) {
    let tmp = tempfile::tempdir().unwrap();
    let conn = store::open_plain_for_benchmark(&tmp.path().join("plain.db")).unwrap();
    let items: Vec<ImportItem> = titles
        .iter()
        .enumerate()
        .map(|(i, title)| ImportItem {
            data: NewEntry::new(
                EntryKind::LetterIn,
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(i as i64),
                title.clone(),
            ),
            people: Vec::new(),
        })
        .collect();
    let tx = conn.unchecked_transaction().unwrap();
    entries::insert_many(&tx, &items, "2026-11-22T10:00:00Z").unwrap();
    tx.commit().unwrap();
    (tmp, conn)
}

/// SQLite's own answer: every typed word as an FTS5 prefix, nothing looked up first.
fn oracle(conn: &Connection, typed: &str) -> Vec<i64> {
    let Some(q) = search::to_match_query(typed) else {
        return Vec::new();
    };
    let mut stmt = conn
        .prepare(
            "SELECT search_rows.entry_id FROM search_index
             JOIN search_rows ON search_rows.row = search_index.rowid
             WHERE search_index MATCH ?1 ORDER BY search_index.rowid DESC",
        )
        .unwrap();
    let rows = stmt.query_map([q], |r| r.get(0)).unwrap();
    rows.map(|r| r.unwrap()).collect()
}

const TYPED: [&str; 16] = [
    "hoorzitting",
    "Hoorz",
    "onthef",
    "ontheffing",
    "ONTHEFFINGS",
    "ko",
    "k",
    "kost",
    "öztürk",
    "OZTURK",
    "een",
    "WPI/2026",
    "0047",
    "café",
    "zebra",
    "ontheffing aangevraagd",
];

#[test]
fn every_typed_word_finds_what_sqlites_own_prefix_query_finds() {
    let (_tmp, conn) = store_with(&titles());
    for typed in TYPED {
        let expected = oracle(&conn, typed);
        let ranked: BTreeSet<i64> = search::search_ids(&conn, typed, 1000)
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(
            ranked,
            expected.iter().copied().collect::<BTreeSet<_>>(),
            "ranked search for {typed:?}"
        );
        let f = EntryFilter {
            text: Some(typed.into()),
            ..EntryFilter::default()
        };
        let page: Vec<i64> = filter::page(&conn, &f, true, &PageStart::First, 1000)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(page, expected, "timeline page for {typed:?}, newest first");
    }
    // The data is what the cases above need: a prefix of one, three and twenty words.
    assert_eq!(oracle(&conn, "hoorz").len(), 1);
    assert_eq!(oracle(&conn, "onthef").len(), 3);
    assert!(oracle(&conn, "ko").len() > 16);
    assert_eq!(oracle(&conn, "öztürk").len(), 2);
    assert!(oracle(&conn, "zebra").is_empty());
}

/// The text each search gave FTS5 to match, read from SQLite's trace of the statements
/// with their values bound.
fn matched(conn: &mut Connection, typed: &str) -> Vec<String> {
    let (_, all) = traced(conn, |c| search::search_ids(c, typed, 50).unwrap());
    all.into_iter()
        .filter(|(sql, _)| sql.contains("search_index MATCH"))
        .map(|(_, bound)| bound)
        .collect()
}

#[test]
fn a_word_that_starts_few_words_is_asked_for_as_those_words() {
    let (_tmp, mut conn) = store_with(&titles());
    let asked = |conn: &mut Connection, typed: &str| matched(conn, typed).join("\n");
    let q = asked(&mut conn, "Hoorz");
    assert!(q.contains(r#"'"hoorzitting"'"#), "{q}");
    let q = asked(&mut conn, "onthef");
    assert!(
        q.contains(r#"'("ontheffing" OR "ontheffingen" OR "ontheffingsbrief")'"#),
        "{q}"
    );
    let q = asked(&mut conn, "ontheffing aangevraagd");
    assert!(
        q.contains(r#"'("ontheffing" OR "ontheffingen" OR "ontheffingsbrief") AND "aangevraagd"'"#),
        "{q}"
    );
    // Twenty words start with "ko": more than a prefix may stand for, so it stays one.
    let q = asked(&mut conn, "ko");
    assert!(q.contains(r#"'"ko"*'"#), "{q}");
    // A word with accents is folded by the tokenizer, not by us: it stays a prefix.
    let q = asked(&mut conn, "Öztürk");
    assert!(q.contains(r#"'"Öztürk"*'"#), "{q}");
    // A word that is not in the index at all stays the prefix that finds nothing.
    let q = asked(&mut conn, "zebra");
    assert!(q.contains(r#"'"zebra"*'"#), "{q}");
}

#[test]
fn a_word_added_is_found_by_its_prefix_at_once() {
    let (_tmp, conn) = store_with(&titles());
    assert_eq!(search::search_ids(&conn, "onthef", 50).unwrap().len(), 3);
    // A fourth word with the same beginning, written and searched in one transaction
    // (before the index has flushed it), then after the commit.
    let tx = conn.unchecked_transaction().unwrap();
    let item = ImportItem {
        data: NewEntry::new(
            EntryKind::CallIn,
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            "Ontheffingsaanvraag besproken",
        ),
        people: Vec::new(),
    };
    let ids = entries::insert_many(&tx, &[item], "2026-11-22T10:00:00Z").unwrap();
    assert_eq!(search::search_ids(&tx, "onthef", 50).unwrap().len(), 4);
    tx.commit().unwrap();
    let found = search::search_ids(&conn, "ontheffingsa", 50).unwrap();
    assert_eq!(found, ids);
    assert_eq!(oracle(&conn, "onthef").len(), 4);
}
