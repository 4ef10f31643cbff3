//! The bundle against Typst (issue 14): `dossier export --no-attachments` of 10,000
//! entries with 40–120 words of notes each, from an unlocked dossier, next to the
//! `typst` package from PyPI compiling the same chronology written as a .typ file, in
//! the same run. Each side runs in a child process of its own, so its peak resident
//! memory (VmHWM, reset after unlock) is its own.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::{NaiveDate, TimeZone};
use dossier_core::export::ExportOptions;
use dossier_core::store::entries::{self, ImportItem};
use dossier_core::{Dossier, Entry, EntryKind, FixedClock, KdfParams, NewEntry, Unlock};
use ring::rand::SystemRandom;

const ENTRIES: usize = 10_000;
const PASS: &str = "benchmark wachtwoord";

const WORDS: [&str; 40] = [
    "de",
    "klantmanager",
    "vroeg",
    "opnieuw",
    "naar",
    "mijn",
    "cv",
    "en",
    "ik",
    "heb",
    "uitgelegd",
    "dat",
    "een",
    "medische",
    "ontheffing",
    "tot",
    "het",
    "einde",
    "van",
    "jaar",
    "geldt",
    "zij",
    "zou",
    "terugbellen",
    "maar",
    "deed",
    "niet",
    "afspraak",
    "jobhunter",
    "bezwaar",
    "keuring",
    "brief",
    "gesprek",
    "week",
    "formulier",
    "gemeente",
    "uitkering",
    "maatregel",
    "bevestiging",
    "schriftelijk",
];

/// A small deterministic generator: both sides print the same text every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn items() -> Vec<ImportItem> {
    let mut r = Lcg(3);
    let start = NaiveDate::from_ymd_opt(2016, 1, 4).expect("date");
    (0..ENTRIES)
        .map(|i| {
            let words = 40 + r.next() % 81;
            let mut notes = String::new();
            for w in 0..words {
                let word = WORDS[r.next() % WORDS.len()];
                if w > 0 {
                    notes.push(if w % 12 == 0 { '.' } else { ' ' });
                    if w % 12 == 0 {
                        notes.push(' ');
                    }
                }
                notes.push_str(word);
            }
            notes.push('.');
            let mut data = NewEntry::new(
                [
                    EntryKind::CallIn,
                    EntryKind::LetterIn,
                    EntryKind::Meeting,
                    EntryKind::EmailIn,
                ][i % 4],
                start + chrono::Duration::days((i / 3) as i64),
                format!("Contact nummer {} met WPI", i + 1),
            );
            data.notes = notes;
            data.kenmerk = format!("WPI/{}/{:05}", 2016 + i / 1100, i + 1);
            data.agreed = "Bevestiging per e-mail binnen een week".into();
            ImportItem {
                data,
                people: Vec::new(),
            }
        })
        .collect()
}

/// Typst markup escaping for running text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\#*_`$<>@[]=-+/~\"'".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The same chronology as the bundle's: A4, Noto Sans 10 pt, a running footer with
/// "pagina X van Y", one block per entry (date, kind, title, kenmerk, notes, agreed).
fn typ(entries: &[Entry]) -> String {
    let mut out = String::from(
        "#set page(paper: \"a4\", margin: 20mm, footer: context align(right)[pagina #counter(page).display() van #counter(page).final().first()])\n\
         #set text(font: \"Noto Sans\", size: 10pt, lang: \"nl\")\n\
         = Chronologisch overzicht van contacten met WPI\n\n",
    );
    for (n, e) in entries.iter().enumerate() {
        let _ = write!(
            out,
            "#block(breakable: true, stroke: (top: 0.5pt), inset: (top: 4pt))[*{}. {} — {}* \\\n{}\\\n*Kenmerk:* {}\\\n{}\\\n*Afgesproken:* {}]\n\n",
            n + 1,
            e.data.occurred_on.format("%d-%m-%Y"),
            esc(e.data.kind.name()),
            esc(&e.data.title),
            esc(&e.data.kenmerk),
            esc(&e.data.notes),
            esc(&e.data.agreed),
        );
    }
    out
}

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// `dossier-bench export-child DIR`: unlock, reset the peak-memory mark, export without
/// attachments; prints "ms pages peak_kib".
pub fn child(dir: &Path) {
    let d = Dossier::open(dir, Unlock::Passphrase(PASS)).expect("open");
    // Writing 5 resets VmHWM, so the figure is the export's, not the unlock's.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let clock = FixedClock(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap());
    let options = ExportOptions {
        include_attachments: false,
        ..ExportOptions::default()
    };
    let t = Instant::now();
    let bundle = d.export_bundle(&options, &clock).expect("export");
    let ms = t.elapsed().as_secs_f64() * 1e3;
    println!("{ms:.0} {} {}", bundle.pages, peak_kib());
}

/// The Python with `typst` that `scripts/setup.sh --bench` installs, if any.
fn python() -> Option<PathBuf> {
    let cache = std::env::var_os("DOSSIER_CACHE")?;
    let py = Path::new(&cache).join("bench-venv/bin/python");
    py.exists().then_some(py)
}

const TYPST_CHILD: &str = r#"
import resource, sys, time, typst
src, fonts, out = sys.argv[1], sys.argv[2], sys.argv[3]
t = time.perf_counter()
pdf = typst.compile(src, font_paths=[fonts], ignore_system_fonts=True)
ms = (time.perf_counter() - t) * 1e3
open(out, "wb").write(pdf)
print(f"{ms:.0f} 0 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
"#;

fn parse(out: &[u8]) -> Option<(f64, u64, u64)> {
    let s = String::from_utf8_lossy(out);
    let mut it = s.split_whitespace();
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

fn pdfinfo_pages(pdf: &Path) -> Option<u64> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.starts_with("Pages:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

pub fn run(tmp: &Path, rng: &SystemRandom) {
    let dir = tmp.join("typst-dossier");
    let (d, _) = Dossier::create(&dir, PASS, &KdfParams::INSECURE_FOR_TESTS, rng).expect("create");
    let items = items();
    {
        let tx = d.conn().unchecked_transaction().expect("transaction");
        entries::insert_many(&tx, &items, "2026-12-01T10:00:00Z").expect("import");
        tx.commit().expect("commit");
    }
    let listed = entries::list(d.conn()).expect("list");
    drop(d);
    println!("\nBundle against Typst, {ENTRIES} entries with 40-120 words of notes, no attachments (best of 3):");
    let exe = std::env::current_exe().expect("own path");
    let ours: Vec<(f64, u64, u64)> = (0..3)
        .filter_map(|_| {
            let out = Command::new(&exe)
                .arg("export-child")
                .arg(&dir)
                .output()
                .ok()?;
            parse(&out.stdout)
        })
        .collect();
    let Some(&(ms, pages, kib)) = ours.iter().min_by(|a, b| a.0.total_cmp(&b.0)) else {
        println!("our export failed");
        return;
    };
    println!(
        "ours (export after unlock)   {ms:>8.0} ms  {pages:>5} pages  peak {:>5} MB",
        kib / 1024
    );
    let Some(py) = python() else {
        println!("typst: not installed, comparison skipped (scripts/setup.sh --bench)");
        return;
    };
    let src = tmp.join("chronologie.typ");
    std::fs::write(&src, typ(&listed)).expect("write .typ");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/fonts/pdf");
    let pdf = tmp.join("typst.pdf");
    let theirs: Vec<(f64, u64, u64)> = (0..3)
        .filter_map(|_| {
            let out = Command::new(&py)
                .args(["-c", TYPST_CHILD])
                .arg(&src)
                .arg(&fonts)
                .arg(&pdf)
                .output()
                .ok()?;
            if !out.status.success() {
                eprintln!("typst: {}", String::from_utf8_lossy(&out.stderr));
            }
            parse(&out.stdout)
        })
        .collect();
    let Some(&(tms, _, tkib)) = theirs.iter().min_by(|a, b| a.0.total_cmp(&b.0)) else {
        println!("typst failed (see above)");
        return;
    };
    let tpages = pdfinfo_pages(&pdf).unwrap_or(0);
    println!(
        "typst (compile of the .typ)  {tms:>8.0} ms  {tpages:>5} pages  peak {:>5} MB",
        tkib / 1024
    );
    println!(
        "typst ÷ ours: time {:.1}× (goal ≥ 6), memory {:.1}×; ours {} MB (goal ≤ 200), {:.0} ms (goal ≤ 1,200)",
        tms / ms,
        tkib as f64 / kib as f64,
        kib / 1024,
        ms
    );
}
