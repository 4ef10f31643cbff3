//! The timeline at scale (issue 4): 100,000 entries imported through core's bulk path,
//! then the first page, a kind + period page, totals, month counts and full-text
//! queries, each on the encrypted store and on plain SQLite in the same run.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dossier_core::export::{self, ExportOptions};
use dossier_core::person::NamedRole;
use dossier_core::store::entries::{self, ImportItem};
use dossier_core::store::{self, filter, search, todos, Connection};
use dossier_core::todo::derive_todos;
use dossier_core::{Dossier, EntryFilter, EntryKind, KdfParams, NewEntry, PageStart, SortKey};
use ring::rand::SystemRandom;

const ENTRIES: usize = 100_000;
const QUERIES: usize = 200;
const REPEAT: usize = 20;
/// The page (0-based, of 50 rows) the deep-page figure reads.
const DEEP_PAGE: usize = 999;

const WORDS: [&str; 24] = [
    "ontheffing",
    "jobhunter",
    "cohortgesprek",
    "maatregel",
    "bezwaar",
    "keuring",
    "opschorting",
    "telefoonnummer",
    "huisbezoek",
    "heronderzoek",
    "vrijwilligerswerk",
    "bankafschriften",
    "afspraak",
    "klantmanager",
    "participatie",
    "werkfit",
    "uitnodiging",
    "herinnering",
    "voedselbank",
    "huurachterstand",
    "rugklachten",
    "formulier",
    "hoorzitting",
    "terugbetaling",
];
const NAMES: [&str; 12] = [
    "Petra de Wit",
    "Ruben Kok",
    "Dennis Brouwer",
    "Lotte Visser",
    "Joop Hendriks",
    "Hanna Smit",
    "Tarik Yilmaz",
    "Sanne Bakker",
    "Mohamed Amrani",
    "Ingrid Vos",
    "Kees Jansen",
    "Fatima Ouali",
];

/// A small deterministic generator, so both stores get the same data every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

fn items() -> Vec<ImportItem> {
    let mut r = Lcg(7);
    let start = NaiveDate::from_ymd_opt(2016, 11, 1).expect("date");
    (0..ENTRIES)
        .map(|i| {
            let (a, b, c) = (r.pick(&WORDS), r.pick(&WORDS), r.pick(&WORDS));
            let mut data = NewEntry::new(
                EntryKind::ALL[r.next() % EntryKind::ALL.len()],
                start + chrono::Duration::days((r.next() % 3650) as i64),
                format!("Contact over {a} en {b}"),
            );
            data.notes = format!(
                "Zij vroeg naar {a}. Ik zei dat ik een ontheffing heb en dat {c} al geregeld is. \
                 Volgens de klantmanager moest ik nog een {b} sturen voor de volgende week."
            );
            data.kenmerk = format!("WPI/{}/{i:06}", 2016 + i % 10);
            data.organisation = ["WPI Amsterdam", "UWV", "WerkPlus Amsterdam"][i % 3].into();
            data.medical = i % 29 == 0;
            data.tags = vec![r.pick(&WORDS).to_string()];
            let people = (0..1 + r.next() % 2)
                .map(|_| NamedRole {
                    name: r.pick(&NAMES).to_string(),
                    role: "belde mij".into(),
                })
                .collect::<Vec<_>>();
            ImportItem { data, people }
        })
        .collect()
}

fn queries() -> Vec<String> {
    let mut r = Lcg(11);
    (0..QUERIES)
        .map(|i| match i % 4 {
            // A kenmerk (one entry), one word (~1 in 8), two words, a name prefix.
            0 => format!("{:06}", r.next() % ENTRIES),
            1 => r.pick(&WORDS).to_string(),
            2 => format!("{} {}", r.pick(&WORDS), r.pick(&WORDS)),
            _ => r.pick(&NAMES).split(' ').next().unwrap_or("Petra")[..4].to_string(),
        })
        .collect()
}

struct Figures {
    import: Duration,
    first_page: Duration,
    first_page_with_total: Duration,
    deep_page: Duration,
    month_page: Duration,
    kind_period_page: Duration,
    month_counts: Duration,
    todos: Duration,
    preview_all: Duration,
    preview_period: Duration,
    fts: Vec<Duration>,
    text_page: Vec<Duration>,
}

fn median_of<F: FnMut()>(mut f: F) -> Duration {
    let mut v: Vec<Duration> = (0..REPEAT)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn measure(conn: &Connection, items: &[ImportItem], qs: &[String]) -> Figures {
    let t = Instant::now();
    let tx = conn.unchecked_transaction().expect("transaction");
    let ids = entries::insert_many(&tx, items, "2026-11-22T10:00:00Z").expect("import");
    tx.commit().expect("commit");
    let import = t.elapsed();
    assert_eq!(ids.len(), ENTRIES);

    let all = EntryFilter::default();
    let page_from =
        |f: &EntryFilter, start: &PageStart| filter::page(conn, f, true, start, 50).expect("page");
    let page = |f: &EntryFilter| page_from(f, &PageStart::First);
    let first_page = median_of(|| assert_eq!(page(&all).len(), 50));
    let first_page_with_total = median_of(|| {
        assert_eq!(page(&all).len(), 50);
        assert!(filter::total(conn, &all).expect("total") > 0);
    });
    // Page 1,000 of 50 (rows 49,951-50,000), after the last row of page 999 (its key;
    // reached by walking the pages before, outside the timing).
    let mut start = PageStart::First;
    for _ in 0..DEEP_PAGE {
        let p = page_from(&all, &start);
        start = PageStart::After(SortKey::of(p.last().expect("a full page")));
    }
    let deep_page = median_of(|| assert_eq!(page_from(&all, &start).len(), 50));
    // A month's first row, as when the list jumps to a month far down.
    let month = PageStart::Day(NaiveDate::from_ymd_opt(2021, 3, 31).expect("date"));
    let month_page = median_of(|| assert_eq!(page_from(&all, &month).len(), 50));
    let kind_period = EntryFilter {
        kinds: vec![EntryKind::CallIn],
        from: NaiveDate::from_ymd_opt(2025, 1, 1),
        to: NaiveDate::from_ymd_opt(2025, 12, 31),
        ..EntryFilter::default()
    };
    let kind_period_page = median_of(|| assert!(!page(&kind_period).is_empty()));
    let month_counts = median_of(|| {
        assert!(!filter::month_counts(conn, &all).expect("months").is_empty());
    });
    // The home view on every unlock: read the rows that can make a to-do, the stored
    // choices and the links, and derive every to-do (as `Dossier::todos` does).
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let todos = median_of(|| {
        let sources = todos::sources(conn, None).expect("sources");
        let states = todos::states(conn).expect("states");
        let links = todos::incoming_links(conn).expect("links");
        let all = derive_todos(&sources, &states, &links, today).expect("derive");
        assert!(!all.is_empty());
    });
    // The Export screen asks again on every change of an option.
    let preview = |o: &ExportOptions| {
        let p = export::preview_counts(conn, o)
            .expect("preview")
            .expect("counted");
        assert!(p.entries > 0 && p.medical_left_out > 0);
    };
    let preview_all = median_of(|| preview(&ExportOptions::default()));
    let period = ExportOptions {
        from: NaiveDate::from_ymd_opt(2024, 1, 1),
        to: NaiveDate::from_ymd_opt(2024, 12, 31),
        ..ExportOptions::default()
    };
    let preview_period = median_of(|| preview(&period));
    let mut fts = Vec::new();
    let mut text_page = Vec::new();
    for q in qs {
        let t = Instant::now();
        let found = search::search_ids(conn, q, 50).expect("search");
        fts.push(t.elapsed());
        assert!(!found.is_empty(), "{q} finds something");
        let f = EntryFilter {
            text: Some(q.clone()),
            ..EntryFilter::default()
        };
        let t = Instant::now();
        page(&f);
        text_page.push(t.elapsed());
    }
    fts.sort();
    text_page.sort();
    Figures {
        import,
        first_page,
        first_page_with_total,
        deep_page,
        month_page,
        kind_period_page,
        month_counts,
        todos,
        preview_all,
        preview_period,
        fts,
        text_page,
    }
}

fn pct(v: &[Duration], p: usize) -> Duration {
    v[(v.len() * p / 100).min(v.len() - 1)]
}

fn row(name: &str, enc: Duration, plain: Duration) {
    let (e, p) = (enc.as_secs_f64() * 1e3, plain.as_secs_f64() * 1e3);
    println!(
        "{name:<40} encrypted {e:>9.2} ms   plain {p:>9.2} ms   ratio {:.2}",
        e / p
    );
}

pub fn run(tmp: &Path, rng: &SystemRandom) {
    let items = items();
    let qs = queries();
    let (d, _) = Dossier::create(
        &tmp.join("timeline-enc"),
        "benchmark wachtwoord",
        &KdfParams::INSECURE_FOR_TESTS,
        rng,
    )
    .expect("create");
    let enc = measure(d.conn(), &items, &qs);
    let plain_conn =
        store::open_plain_for_benchmark(&tmp.join("timeline-plain.db")).expect("plain");
    let plain = measure(&plain_conn, &items, &qs);

    println!();
    println!(
        "{ENTRIES} entries through the bulk import (one transaction, history + search index):"
    );
    let rate = |d: Duration| ENTRIES as f64 / d.as_secs_f64();
    println!(
        "{:<40} encrypted {:>9.0} /s   plain {:>9.0} /s   ratio {:.2} (time)",
        "import rate",
        rate(enc.import),
        rate(plain.import),
        enc.import.as_secs_f64() / plain.import.as_secs_f64()
    );
    println!("median of {REPEAT} runs:");
    row(
        "first page (50, newest first)",
        enc.first_page,
        plain.first_page,
    );
    row(
        "first page + total count",
        enc.first_page_with_total,
        plain.first_page_with_total,
    );
    row(
        "page 1,000 (after the key of row 49,950)",
        enc.deep_page,
        plain.deep_page,
    );
    row(
        "a month's first page (March 2021)",
        enc.month_page,
        plain.month_page,
    );
    row(
        "kind + period page (call-in, 2025)",
        enc.kind_period_page,
        plain.kind_period_page,
    );
    row(
        "month counts (whole timeline)",
        enc.month_counts,
        plain.month_counts,
    );
    row("to-dos: derive all (home view)", enc.todos, plain.todos);
    row(
        "export preview (everything)",
        enc.preview_all,
        plain.preview_all,
    );
    row(
        "export preview (one year)",
        enc.preview_period,
        plain.preview_period,
    );
    println!("{QUERIES} full-text queries (kenmerk, word, two words, name prefix):");
    row("FTS ids p50", pct(&enc.fts, 50), pct(&plain.fts, 50));
    row("FTS ids p95", pct(&enc.fts, 95), pct(&plain.fts, 95));
    row(
        "FTS timeline page p50",
        pct(&enc.text_page, 50),
        pct(&plain.text_page, 50),
    );
    row(
        "FTS timeline page p95",
        pct(&enc.text_page, 95),
        pct(&plain.text_page, 95),
    );
}
