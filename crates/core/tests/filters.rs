//! Timeline filters and pages: each filter alone and combined, paging both ways, month
//! counts, tombstones only when asked, the query plan, and the bulk import path.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{clock, day, dossier};

use dossier_core::person::NamedRole;
use dossier_core::store::entries::{ImportBatch, ImportItem};
use dossier_core::store::filter;
use dossier_core::{
    Dossier, Entry, EntryFilter, EntryKind, EntryPerson, NewEntry, PageStart, PersonData, SortKey,
};

fn titles(entries: &[Entry]) -> Vec<&str> {
    entries.iter().map(|e| e.data.title.as_str()).collect()
}

/// A small dossier: six entries over three months, one person, tags, one medical,
/// one deleted.
fn sample(d: &mut Dossier) -> i64 {
    let kees = d
        .add_person(
            &PersonData {
                organisation: "Werkbrug".into(),
                ..PersonData::named("Kees", "jobhunter")
            },
            &clock(),
        )
        .unwrap();
    let rows = [
        (
            EntryKind::LetterIn,
            "2026-01-05",
            None,
            "Uitnodiging cohortgesprek",
            false,
        ),
        (
            EntryKind::CallIn,
            "2026-01-20",
            Some("09:30"),
            "Jobhunter belde",
            false,
        ),
        (
            EntryKind::CallIn,
            "2026-01-20",
            Some("08:15"),
            "Vroeg gebeld",
            false,
        ),
        (
            EntryKind::MedicalAssessment,
            "2026-02-11",
            None,
            "Keuring bij de arts",
            true,
        ),
        (
            EntryKind::Decision,
            "2026-03-02",
            None,
            "Besluit maatregel 30%",
            false,
        ),
        (
            EntryKind::Note,
            "2026-03-03",
            None,
            "Weggegooide notitie",
            false,
        ),
    ];
    for (kind, date, time, title, medical) in rows {
        let mut e = NewEntry::new(kind, day(date), title);
        e.occurred_time = time.map(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").unwrap());
        e.medical = medical;
        if kind == EntryKind::CallIn && time == Some("09:30") {
            e.people = vec![EntryPerson {
                person_id: kees.id,
                role: "belde mij".into(),
            }];
            e.tags = vec!["ontheffing".into()];
        }
        if kind == EntryKind::Decision {
            e.organisation = "WPI".into();
            e.kenmerk = "WPI/2026/4471".into();
            e.tags = vec!["maatregel".into(), "ontheffing".into()];
        }
        d.add_entry(&e, &clock()).unwrap();
    }
    let note = d
        .entries()
        .unwrap()
        .into_iter()
        .find(|e| e.data.kind == EntryKind::Note);
    d.delete_entry(note.unwrap().id, "per ongeluk", &clock())
        .unwrap();
    kees.id
}

fn find(d: &Dossier, f: &EntryFilter) -> Vec<String> {
    let page = d.find_entries(f, false, &PageStart::First, 100).unwrap();
    assert_eq!(page.total, page.entries.len() as u64);
    titles(&page.entries)
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn each_filter_alone_and_combined() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let kees = sample(&mut d);
    let all = EntryFilter::default();
    let cases: Vec<(&str, EntryFilter, Vec<&str>)> = vec![
        (
            "none: timeline order, time within a day, tombstone left out",
            all.clone(),
            vec![
                "Uitnodiging cohortgesprek",
                "Vroeg gebeld",
                "Jobhunter belde",
                "Keuring bij de arts",
                "Besluit maatregel 30%",
            ],
        ),
        (
            "kind",
            EntryFilter {
                kinds: vec![EntryKind::CallIn],
                ..all.clone()
            },
            vec!["Vroeg gebeld", "Jobhunter belde"],
        ),
        (
            "two kinds",
            EntryFilter {
                kinds: vec![EntryKind::Decision, EntryKind::LetterIn],
                ..all.clone()
            },
            vec!["Uitnodiging cohortgesprek", "Besluit maatregel 30%"],
        ),
        (
            "period, both ends inclusive",
            EntryFilter {
                from: Some(day("2026-01-20")),
                to: Some(day("2026-02-11")),
                ..all.clone()
            },
            vec!["Vroeg gebeld", "Jobhunter belde", "Keuring bij de arts"],
        ),
        (
            "from only",
            EntryFilter {
                from: Some(day("2026-02-12")),
                ..all.clone()
            },
            vec!["Besluit maatregel 30%"],
        ),
        (
            "to only",
            EntryFilter {
                to: Some(day("2026-01-05")),
                ..all.clone()
            },
            vec!["Uitnodiging cohortgesprek"],
        ),
        (
            "person",
            EntryFilter {
                person_id: Some(kees),
                ..all.clone()
            },
            vec!["Jobhunter belde"],
        ),
        (
            "organisation of the entry or of a person in it",
            EntryFilter {
                organisation: Some("werkbrug".into()),
                ..all.clone()
            },
            vec!["Jobhunter belde"],
        ),
        (
            "organisation",
            EntryFilter {
                organisation: Some("WPI".into()),
                ..all.clone()
            },
            vec!["Besluit maatregel 30%"],
        ),
        (
            "tag",
            EntryFilter {
                tag: Some("ontheffing".into()),
                ..all.clone()
            },
            vec!["Jobhunter belde", "Besluit maatregel 30%"],
        ),
        (
            "medical only",
            EntryFilter {
                medical: Some(true),
                ..all.clone()
            },
            vec!["Keuring bij de arts"],
        ),
        (
            "no medical",
            EntryFilter {
                medical: Some(false),
                ..all.clone()
            },
            vec![
                "Uitnodiging cohortgesprek",
                "Vroeg gebeld",
                "Jobhunter belde",
                "Besluit maatregel 30%",
            ],
        ),
        (
            "text",
            EntryFilter {
                text: Some("maatreg".into()),
                ..all.clone()
            },
            vec!["Besluit maatregel 30%"],
        ),
        (
            "text by kenmerk",
            EntryFilter {
                text: Some("4471".into()),
                ..all.clone()
            },
            vec!["Besluit maatregel 30%"],
        ),
        (
            "text by a person's name",
            EntryFilter {
                text: Some("kees".into()),
                ..all.clone()
            },
            vec!["Jobhunter belde"],
        ),
        (
            "text that is only punctuation filters nothing",
            EntryFilter {
                text: Some("\"*(".into()),
                kinds: vec![EntryKind::CallIn],
                ..all.clone()
            },
            vec!["Vroeg gebeld", "Jobhunter belde"],
        ),
        (
            "text + kind + period + tag",
            EntryFilter {
                text: Some("belde".into()),
                kinds: vec![EntryKind::CallIn],
                from: Some(day("2026-01-01")),
                to: Some(day("2026-01-31")),
                tag: Some("ontheffing".into()),
                ..all.clone()
            },
            vec!["Jobhunter belde"],
        ),
        (
            "combined to nothing",
            EntryFilter {
                kinds: vec![EntryKind::Decision],
                medical: Some(true),
                ..all.clone()
            },
            vec![],
        ),
        (
            "deleted text is not found",
            EntryFilter {
                text: Some("weggegooide".into()),
                ..all.clone()
            },
            vec![],
        ),
        (
            "deleted included when asked",
            EntryFilter {
                include_deleted: true,
                from: Some(day("2026-03-01")),
                ..all.clone()
            },
            vec!["Besluit maatregel 30%", "Weggegooide notitie"],
        ),
    ];
    for (name, f, want) in cases {
        assert_eq!(find(&d, &f), want, "{name}");
    }
}

#[test]
fn pages_newest_first_and_oldest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    sample(&mut d);
    let all = EntryFilter::default();
    // Each page starts after the last row of the one before (its sort key).
    let p1 = d.find_entries(&all, true, &PageStart::First, 2).unwrap();
    assert_eq!(p1.total, 5);
    assert_eq!(
        titles(&p1.entries),
        ["Besluit maatregel 30%", "Keuring bij de arts"]
    );
    let p2 = d.find_entries(&all, true, &p1.next().unwrap(), 2).unwrap();
    assert_eq!(titles(&p2.entries), ["Jobhunter belde", "Vroeg gebeld"]);
    let p3 = d.find_entries(&all, true, &p2.next().unwrap(), 2).unwrap();
    assert_eq!(titles(&p3.entries), ["Uitnodiging cohortgesprek"]);
    assert!(d
        .find_entries(&all, true, &p3.next().unwrap(), 2)
        .unwrap()
        .entries
        .is_empty());
    let oldest = d.find_entries(&all, false, &PageStart::First, 2).unwrap();
    assert_eq!(
        titles(&oldest.entries),
        ["Uitnodiging cohortgesprek", "Vroeg gebeld"]
    );
    let with_deleted = EntryFilter {
        include_deleted: true,
        ..all
    };
    let first = d
        .find_entries(&with_deleted, true, &PageStart::First, 1)
        .unwrap();
    assert_eq!(first.total, 6);
    assert_eq!(first.entries[0].delete_reason, "per ongeluk");
}

#[test]
fn month_counts_follow_the_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    sample(&mut d);
    let m = |f: &EntryFilter| d.month_counts(f).unwrap();
    let own = |v: &[(&str, u32)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), *b))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        m(&EntryFilter::default()),
        own(&[("2026-01", 3), ("2026-02", 1), ("2026-03", 1)])
    );
    let deleted = EntryFilter {
        include_deleted: true,
        ..EntryFilter::default()
    };
    assert_eq!(
        m(&deleted),
        own(&[("2026-01", 3), ("2026-02", 1), ("2026-03", 2)])
    );
    let calls = EntryFilter {
        kinds: vec![EntryKind::CallIn],
        ..EntryFilter::default()
    };
    assert_eq!(m(&calls), own(&[("2026-01", 2)]));
}

#[test]
fn the_first_page_and_the_kind_filter_are_read_through_an_index_not_sorted_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let d = dossier(&tmp.path().join("k"));
    let kind = EntryFilter {
        kinds: vec![EntryKind::CallIn],
        ..EntryFilter::default()
    };
    let kind_period = EntryFilter {
        from: Some(day("2025-01-01")),
        to: Some(day("2025-12-31")),
        ..kind.clone()
    };
    let period = EntryFilter {
        from: Some(day("2025-01-01")),
        ..EntryFilter::default()
    };
    // The first page, one deep in the timeline, and a month's first row.
    let starts = [
        PageStart::First,
        PageStart::After(SortKey {
            on: day("2025-06-01"),
            time: None,
            id: 500,
        }),
        PageStart::Day(day("2025-06-30")),
    ];
    let medical = EntryFilter {
        medical: Some(true),
        ..EntryFilter::default()
    };
    let kinds = EntryFilter {
        kinds: vec![EntryKind::LetterOut, EntryKind::EmailOut],
        ..EntryFilter::default()
    };
    for (name, f) in [
        ("unfiltered", EntryFilter::default()),
        ("medical", medical),
        ("kinds", kinds),
        ("kind", kind),
        ("kind + period", kind_period),
        ("period", period),
    ] {
        for (newest, start) in [true, false]
            .into_iter()
            .flat_map(|n| starts.map(|s| (n, s)))
        {
            let plan = filter::explain_page(d.conn(), &f, newest, &start)
                .unwrap()
                .join(" | ");
            assert!(plan.contains("USING INDEX"), "{name}: {plan}");
            assert!(
                !plan.contains("USE TEMP B-TREE FOR ORDER BY"),
                "{name}: {plan}"
            );
            assert!(
                !plan.split(" | ").any(|step| step.trim() == "SCAN entries"),
                "{name}: {plan}"
            );
            // Keyset pages: not even the times within a day are sorted.
            assert!(!plan.contains("TEMP B-TREE"), "{name}: {plan}");
        }
    }
}

#[test]
fn a_user_value_never_becomes_sql() {
    let f = EntryFilter {
        text: Some("x'); DROP TABLE entries; --".into()),
        organisation: Some("' OR 1=1 --".into()),
        tag: Some("a'b".into()),
        ..EntryFilter::default()
    };
    let c = filter::condition(&f);
    assert!(!c.sql.contains("DROP") && !c.sql.contains("OR 1=1") && !c.sql.contains("a'b"));
    assert_eq!(c.sql.matches('?').count(), c.values.len());
}

#[test]
fn bulk_import_records_history_and_the_same_search_text_as_a_single_add() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let mut data = NewEntry::new(EntryKind::CallIn, day("2026-03-03"), "Jobhunter belde weer");
    data.organisation = "Werkbrug".into();
    data.kenmerk = "K-77".into();
    data.tags = vec!["druk".into()];
    let batch = ImportBatch {
        people: vec![PersonData {
            organisation: "WPI".into(),
            ..PersonData::named("Anouk", "klantmanager")
        }],
        klantmanager_periods: vec![dossier_core::person::NamedPeriod {
            name: "anouk".into(),
            from_on: day("2026-01-01"),
            to_on: None,
        }],
        entries: vec![
            ImportItem {
                data: data.clone(),
                people: vec![
                    NamedRole {
                        name: "Kees".into(),
                        role: "belde mij".into(),
                    },
                    NamedRole {
                        name: "ANOUK".into(),
                        role: "stond erbij".into(),
                    },
                ],
            },
            ImportItem {
                data: NewEntry::new(EntryKind::Note, day("2026-03-04"), "Slecht geslapen"),
                people: vec![],
            },
        ],
    };
    let report = d.import(&batch, &clock()).unwrap();
    assert_eq!(report.entry_ids.len(), 2);
    assert_eq!(report.people_added, 2, "Anouk and Kees, each once");
    assert_eq!(report.periods_added, 1);
    assert_eq!(
        d.klantmanager_on(day("2026-03-03"))
            .unwrap()
            .unwrap()
            .data
            .name,
        "Anouk"
    );
    let id = report.entry_ids[0];
    let e = d.entry(id).unwrap();
    assert_eq!(e.data.people.len(), 2);
    assert_eq!(e.data.kenmerk, "K-77");
    let h = d.history(id).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].reason, "imported from a file");
    assert_eq!(d.verify_chain().unwrap().versions, 2);
    assert_eq!(d.search("kees", 10).unwrap()[0].id, id);

    // The bulk index text equals what a single add / reindex writes.
    let body = |d: &Dossier| -> String {
        d.conn()
            .query_row(
                "SELECT body FROM search_index WHERE entry_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    let bulk = body(&d);
    d.write(|tx| dossier_core::store::search::reindex_entry(tx, id))
        .unwrap();
    assert_eq!(body(&d), bulk);

    // One invalid entry: nothing of the file is stored, and the error says which one.
    let before = d.entry_count().unwrap();
    let mut bad = batch.clone();
    bad.klantmanager_periods.clear();
    bad.entries[1].data.title = " ".into();
    let msg = d.import(&bad, &clock()).unwrap_err().to_string();
    assert!(
        msg.contains("entry 2 in the file") && msg.contains("title"),
        "{msg}"
    );
    let mut overlapping = batch.clone();
    overlapping.entries.truncate(1);
    let msg = d.import(&overlapping, &clock()).unwrap_err().to_string();
    assert!(msg.contains("overlaps"), "{msg}");
    assert_eq!(d.entry_count().unwrap(), before);
    assert_eq!(d.people().unwrap().len(), 2);
}

#[test]
fn a_text_page_reads_the_matches_in_timeline_order_from_the_search_index() {
    let tmp = tempfile::tempdir().unwrap();
    let d = dossier(&tmp.path().join("k"));
    let f = EntryFilter {
        text: Some("dwangsom".into()),
        ..EntryFilter::default()
    };
    for newest in [true, false] {
        let plan = filter::explain_page(d.conn(), &f, newest, &PageStart::First)
            .unwrap()
            .join(" | ");
        // The index hands out its matches in rowid order, which is timeline order, and
        // each match's row is read by its id: no sort, no walk over other entries.
        assert!(plan.contains("SCAN search_index VIRTUAL TABLE"), "{plan}");
        assert!(
            plan.contains("SEARCH entries USING INTEGER PRIMARY KEY"),
            "{plan}"
        );
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        assert!(
            !plan.split(" | ").any(|step| step.trim() == "SCAN entries"),
            "{plan}"
        );
    }
}
