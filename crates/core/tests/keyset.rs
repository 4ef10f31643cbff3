//! Timeline pages by key: walking page after page, at any page size and in both
//! directions, returns every matching entry exactly once and in order, also when
//! hundreds share a day (and a time); a page that starts at a day starts at the right
//! row; month counts stay equal to counting the rows themselves through every kind of
//! write; and a page is one SQL statement, whatever the filter.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use chrono::{NaiveDate, NaiveTime};
use common::{clock, day, dossier, traced};
use dossier_core::import::{ImportBatch, ImportItem};
use dossier_core::person::NamedRole;
use dossier_core::store::{self, entries, filter, search};
use dossier_core::{Dossier, Entry, EntryFilter, EntryKind, NewEntry, PageStart, SortKey};

/// What the model knows of an entry: its key and what the filters below look at.
#[derive(Debug, Clone)]
struct Known {
    key: SortKey,
    kind: EntryKind,
    medical: bool,
    deleted: bool,
    word: bool,
}

fn time(i: usize) -> Option<NaiveTime> {
    // A third untimed, the rest at one of three times: many ties on day and time.
    match i % 6 {
        0 | 3 => None,
        1 | 4 => NaiveTime::from_hms_opt(10, 0, 0),
        2 => NaiveTime::from_hms_opt(9, 15, 0),
        _ => NaiveTime::from_hms_opt(23, 59, 0),
    }
}

/// 600 entries: 400 on one busy day, the rest spread over two years; every 7th
/// medical, every 11th with the word "dwangsom", every 13th deleted afterwards.
fn busy_dossier(dir: &std::path::Path) -> (Dossier, Vec<Known>) {
    let mut d = dossier(dir);
    let busy = day("2025-05-12");
    let kinds = [EntryKind::CallIn, EntryKind::LetterIn, EntryKind::Note];
    let items: Vec<ImportItem> = (0..600)
        .map(|i| {
            let on = if i < 400 {
                busy
            } else {
                day("2024-01-01") + chrono::Duration::days(((i * 37) % 730) as i64)
            };
            let title = if i % 11 == 0 {
                format!("Brief over de dwangsom {i}")
            } else {
                format!("Contact {i}")
            };
            let mut data = NewEntry::new(kinds[i % 3], on, title);
            data.occurred_time = time(i);
            data.medical = i % 7 == 0;
            data.tags = vec![format!("t{}", i % 4), "alle".into()];
            ImportItem {
                data,
                people: vec![NamedRole {
                    name: ["Kees", "Anouk"][i % 2].into(),
                    role: "belde".into(),
                }],
            }
        })
        .collect();
    let report = d
        .import(
            &ImportBatch {
                entries: items.clone(),
                ..ImportBatch::default()
            },
            &clock(),
        )
        .unwrap();
    let mut known = Vec::new();
    for (i, (id, item)) in report.entry_ids.iter().zip(&items).enumerate() {
        if i % 13 == 0 {
            d.delete_entry(*id, "dubbel", &clock()).unwrap();
        }
        known.push(Known {
            key: SortKey {
                on: item.data.occurred_on,
                time: item.data.occurred_time,
                id: *id,
            },
            kind: item.data.kind,
            medical: item.data.medical,
            deleted: i % 13 == 0,
            word: i % 11 == 0,
        });
    }
    (d, known)
}

/// The model's answer: the keys that match, in timeline order.
fn expected(known: &[Known], f: &EntryFilter, newest_first: bool) -> Vec<SortKey> {
    let mut keys: Vec<SortKey> = known
        .iter()
        .filter(|k| f.include_deleted || !k.deleted)
        .filter(|k| f.kinds.is_empty() || f.kinds.contains(&k.kind))
        .filter(|k| f.medical.is_none_or(|m| m == k.medical))
        .filter(|k| f.from.is_none_or(|d| k.key.on >= d) && f.to.is_none_or(|d| k.key.on <= d))
        .filter(|k| match f.text.as_deref() {
            None => true,
            Some("dwangsom") => k.word && !k.deleted,
            Some("alle") => !k.deleted, // every entry's tag
            Some(other) => panic!("the model knows no {other}"),
        })
        .map(|k| k.key)
        .collect();
    keys.sort();
    if newest_first {
        keys.reverse();
    }
    keys
}

/// Walks the whole timeline page by page, each page after the last row of the one
/// before.
fn walk(d: &Dossier, f: &EntryFilter, newest_first: bool, size: u32) -> Vec<SortKey> {
    let mut out = Vec::new();
    let mut start = PageStart::First;
    loop {
        let page = d.timeline_page(f, newest_first, &start, size).unwrap();
        assert!(page.len() <= size as usize);
        let Some(last) = page.last() else { break };
        start = PageStart::After(SortKey::of(last));
        out.extend(page.iter().map(SortKey::of));
    }
    out
}

fn filters() -> Vec<(&'static str, EntryFilter)> {
    vec![
        ("everything", EntryFilter::default()),
        (
            "with deleted",
            EntryFilter {
                include_deleted: true,
                ..EntryFilter::default()
            },
        ),
        (
            "one kind",
            EntryFilter {
                kinds: vec![EntryKind::LetterIn],
                ..EntryFilter::default()
            },
        ),
        (
            "two kinds",
            EntryFilter {
                kinds: vec![EntryKind::CallIn, EntryKind::Note],
                ..EntryFilter::default()
            },
        ),
        (
            "medical only",
            EntryFilter {
                medical: Some(true),
                ..EntryFilter::default()
            },
        ),
        (
            "no medical",
            EntryFilter {
                medical: Some(false),
                ..EntryFilter::default()
            },
        ),
        (
            "a word (few matches)",
            EntryFilter {
                text: Some("dwangsom".into()),
                ..EntryFilter::default()
            },
        ),
        (
            "a common word (most entries)",
            EntryFilter {
                text: Some("alle".into()),
                ..EntryFilter::default()
            },
        ),
        (
            "a common word in one kind, not medical",
            EntryFilter {
                text: Some("alle".into()),
                kinds: vec![EntryKind::LetterIn],
                medical: Some(false),
                ..EntryFilter::default()
            },
        ),
        (
            "a word in a period (the busy day inside it)",
            EntryFilter {
                text: Some("dwangsom".into()),
                from: Some(day("2024-06-01")),
                to: Some(day("2025-05-12")),
                ..EntryFilter::default()
            },
        ),
        (
            "a common word in a period that ends the day before the busy day",
            EntryFilter {
                text: Some("alle".into()),
                from: Some(day("2024-03-01")),
                to: Some(day("2025-05-11")),
                ..EntryFilter::default()
            },
        ),
    ]
}

#[test]
fn walking_the_pages_returns_every_entry_once_in_order_even_on_a_busy_day() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, known) = busy_dossier(&tmp.path().join("k"));
    for (name, f) in filters() {
        for newest_first in [true, false] {
            let want = expected(&known, &f, newest_first);
            assert!(want.len() > 20, "{name}: the model selects enough");
            for size in [1, 7, 50, 500] {
                let got = walk(&d, &f, newest_first, size);
                assert_eq!(
                    got, want,
                    "{name}, newest first {newest_first}, pages of {size}"
                );
            }
        }
    }
}

#[test]
fn pages_agree_with_a_plain_order_by_over_the_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, _) = busy_dossier(&tmp.path().join("k"));
    // An outside oracle: SQLite's own sort of the table, no index, no key condition.
    let oracle = |sql: &str| -> Vec<i64> {
        let mut stmt = d.conn().prepare(sql).unwrap();
        let ids = stmt.query_map([], |r| r.get(0)).unwrap();
        ids.collect::<Result<_, _>>().unwrap()
    };
    let ids = |keys: Vec<SortKey>| keys.into_iter().map(|k| k.id).collect::<Vec<_>>();
    assert_eq!(
        ids(walk(&d, &EntryFilter::default(), true, 13)),
        oracle(
            "SELECT id FROM entries NOT INDEXED WHERE deleted_at IS NULL
             ORDER BY occurred_on DESC, occurred_time DESC, id DESC"
        )
    );
    let all = EntryFilter {
        include_deleted: true,
        ..EntryFilter::default()
    };
    assert_eq!(
        ids(walk(&d, &all, false, 13)),
        oracle("SELECT id FROM entries NOT INDEXED ORDER BY occurred_on, occurred_time, id")
    );
}

#[test]
fn a_page_from_a_day_starts_at_that_days_first_row_in_the_lists_order() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, known) = busy_dossier(&tmp.path().join("k"));
    let texts = [
        EntryFilter::default(),
        EntryFilter {
            text: Some("alle".into()),
            ..EntryFilter::default()
        },
    ];
    for (f, on) in texts.iter().flat_map(|f| {
        [
            day("2025-05-12"),
            day("2025-05-11"),
            day("2024-02-29"),
            day("2023-01-01"),
            day("2030-01-01"),
        ]
        .map(|on| (f, on))
    }) {
        for newest_first in [true, false] {
            let want: Vec<SortKey> = expected(&known, f, newest_first)
                .into_iter()
                .filter(|k| if newest_first { k.on <= on } else { k.on >= on })
                .take(30)
                .collect();
            let got: Vec<SortKey> = d
                .timeline_page(f, newest_first, &PageStart::Day(on), 30)
                .unwrap()
                .iter()
                .map(SortKey::of)
                .collect();
            assert_eq!(got, want, "{f:?} from {on}, newest first {newest_first}");
        }
    }
}

/// Month counts as SQLite counts the rows themselves (no index, no day table).
fn counted(d: &Dossier, deleted_too: bool) -> Vec<(String, u32)> {
    let cond = if deleted_too {
        "1"
    } else {
        "deleted_at IS NULL"
    };
    let mut stmt = d
        .conn()
        .prepare(&format!(
            "SELECT substr(occurred_on, 1, 7) AS m, count(*) FROM entries NOT INDEXED
             WHERE {cond} GROUP BY m ORDER BY m"
        ))
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn assert_counts_true(d: &Dossier, when: &str) {
    for deleted_too in [false, true] {
        let f = EntryFilter {
            include_deleted: deleted_too,
            ..EntryFilter::default()
        };
        assert_eq!(
            d.month_counts(&f).unwrap(),
            counted(d, deleted_too),
            "{when}, deleted too: {deleted_too}"
        );
    }
}

#[test]
fn month_counts_stay_equal_to_the_rows_through_every_kind_of_write() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, known) = busy_dossier(&tmp.path().join("k"));
    assert_counts_true(&d, "after the import and deletions");
    let c = clock();
    let e = d
        .add_entry(
            &NewEntry::new(EntryKind::Note, day("2026-02-01"), "Nieuw"),
            &c,
        )
        .unwrap();
    assert_counts_true(&d, "after an add");
    let moved = NewEntry {
        occurred_on: day("2019-07-04"),
        ..e.data.clone()
    };
    d.update_entry(e.id, &moved, "datum verbeterd", &c).unwrap();
    assert_counts_true(&d, "after moving it to another month");
    d.delete_entry(e.id, "weg", &c).unwrap();
    assert_counts_true(&d, "after deleting it");
    let deleted = known.iter().find(|k| k.deleted).unwrap();
    d.restore_entry(deleted.key.id, "toch nodig", &c).unwrap();
    assert_counts_true(&d, "after a restore");
    // The filtered counts (from the rows) agree with the day table's on what both see.
    let live = EntryFilter {
        from: Some(day("2025-01-01")),
        ..EntryFilter::default()
    };
    let by_days = d.month_counts(&live).unwrap();
    let by_rows = d
        .month_counts(&EntryFilter {
            tag: Some("alle".into()),
            ..live.clone()
        })
        .unwrap();
    assert_eq!(by_days, by_rows);
    assert!(by_days.iter().all(|(m, _)| m.as_str() >= "2025-01"));
}

/// Counts the statements `f` runs on `conn` (SQLite's trace hook). SQLite traces a
/// statement that runs while another one is stepping with a leading `-- `: FTS5 reads
/// its own index that way inside a `MATCH`. Those are allowed (they are part of the one
/// statement and do not grow with the rows), and so is the look-up of each typed word
/// in the index's word list before a text search (`store::search_words`: one small
/// read per word, whatever the number of rows, with FTS5's own nested read of the
/// table it lists); any other nested statement, such as a query per row while the
/// page is being read, is counted as a statement of its own.
fn statements<T>(
    conn: &mut rusqlite::Connection,
    f: impl FnOnce(&rusqlite::Connection) -> T,
) -> usize {
    let (_, all) = traced(conn, f);
    let fts_own = |sql: &str| {
        sql.starts_with("SELECT term FROM search_vocab ")
            || sql.strip_prefix("-- ").is_some_and(|inner| {
                inner.contains("'main'.'search_index_")
                    || inner == "PRAGMA 'main'.data_version"
                    || inner.starts_with("SELECT t.'search_index' FROM 'main'.'search_index' AS t")
            })
    };
    all.iter().filter(|(sql, _)| !fts_own(sql)).count()
}

#[test]
fn a_page_is_one_statement_with_its_tags_and_people() {
    let tmp = tempfile::tempdir().unwrap();
    let mut conn = store::open_plain_for_benchmark(&tmp.path().join("plain.db")).unwrap();
    let items: Vec<ImportItem> = (0..300)
        .map(|i| {
            let mut data = NewEntry::new(
                EntryKind::CallIn,
                NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(i % 40),
                format!("Gesprek over de dwangsom {i}"),
            );
            data.tags = vec!["a".into(), "b".into()];
            ImportItem {
                data,
                people: vec![
                    NamedRole {
                        name: "Kees".into(),
                        role: "belde".into(),
                    },
                    NamedRole {
                        name: "Anouk".into(),
                        role: "luisterde".into(),
                    },
                ],
            }
        })
        .collect();
    let tx = conn.unchecked_transaction().unwrap();
    entries::insert_many(&tx, &items, "2026-11-22T10:00:00Z").unwrap();
    tx.commit().unwrap();
    let check = |page: &[Entry]| {
        assert_eq!(page.len(), 50);
        for e in page {
            assert_eq!(e.data.tags, ["a", "b"], "tags of {}", e.id);
            let roles: Vec<&str> = e.data.people.iter().map(|p| p.role.as_str()).collect();
            assert_eq!(roles, ["belde", "luisterde"], "people of {}", e.id);
        }
    };
    for (name, f) in filters() {
        let n = statements(&mut conn, |c| {
            let first = filter::page(c, &f, true, &PageStart::First, 50).unwrap();
            if !first.is_empty() {
                check(&first);
            }
        });
        assert_eq!(n, 1, "{name}: the first page");
        let after = filter::page(&conn, &f, true, &PageStart::First, 50).unwrap();
        if let Some(last) = after.last() {
            let start = PageStart::After(SortKey::of(last));
            let n = statements(&mut conn, |c| {
                filter::page(c, &f, true, &start, 50).unwrap()
            });
            assert_eq!(n, 1, "{name}: a page after a key");
        }
    }
    let n = statements(&mut conn, |c| {
        check(&search::search_entries(c, "dwangsom", 50).unwrap());
    });
    assert_eq!(n, 1, "a search with its rows");
    let n = statements(&mut conn, |c| entries::get(c, 7).unwrap().unwrap());
    assert_eq!(n, 1, "one entry");
}

/// The search index keeps its rows in timeline order, so an entry whose day or time
/// changes must move there too: found once, at its new place, gone when deleted, back
/// when restored.
#[test]
fn a_found_entry_moves_on_the_timeline_when_its_date_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = busy_dossier(&tmp.path().join("k"));
    let f = EntryFilter {
        text: Some("dwangsom".into()),
        ..EntryFilter::default()
    };
    let found = |d: &Dossier| -> Vec<SortKey> {
        let mut all = walk(d, &f, true, 7);
        let by_sort = {
            let mut s = all.clone();
            s.sort();
            s.reverse();
            s
        };
        assert_eq!(all, by_sort, "in timeline order");
        all.dedup();
        all
    };
    let before = found(&d);
    let oldest = *before.last().unwrap();
    let entry = d.entry(oldest.id).unwrap();
    let mut data = entry.data.clone();
    data.occurred_on = day("2026-11-20");
    data.occurred_time = NaiveTime::from_hms_opt(7, 30, 0);
    d.update_entry(oldest.id, &data, "datum verbeterd", &clock())
        .unwrap();
    let after = found(&d);
    assert_eq!(after.len(), before.len(), "{after:?}");
    assert_eq!(after[0].id, oldest.id, "now the newest match");
    assert_eq!(after[0].on, day("2026-11-20"));
    assert!(!after[1..].iter().any(|k| k.id == oldest.id));

    // Into a slot whose rows sit side by side (the busy day at 10:00, numbered by the
    // import), between entries of smaller and larger id: the slot is numbered anew.
    let busy = *after
        .iter()
        .find(|k| k.on == day("2025-05-12") && k.time != NaiveTime::from_hms_opt(10, 0, 0))
        .unwrap();
    let mut data = d.entry(busy.id).unwrap().data;
    data.occurred_time = NaiveTime::from_hms_opt(10, 0, 0);
    d.update_entry(busy.id, &data, "tijd verbeterd", &clock())
        .unwrap();
    let moved = found(&d);
    assert_eq!(moved.len(), before.len());
    assert!(moved
        .iter()
        .any(|k| k.id == busy.id && k.time == data.occurred_time));
    let every = walk(
        &d,
        &EntryFilter {
            text: Some("alle".into()),
            ..EntryFilter::default()
        },
        false,
        50,
    );
    let mut sorted = every.clone();
    sorted.sort();
    assert_eq!(every, sorted, "every entry of the renumbered slot in order");
    let after = moved;

    d.delete_entry(oldest.id, "dubbel", &clock()).unwrap();
    assert_eq!(found(&d).len(), before.len() - 1);
    d.restore_entry(oldest.id, "toch niet dubbel", &clock())
        .unwrap();
    assert_eq!(found(&d), after);
    assert_eq!(
        d.search("dwangsom", 1000).unwrap().len(),
        before.len(),
        "the ranked search finds each once too"
    );
}
