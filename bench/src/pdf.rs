//! The PDF bundle's speed: 1,000 entries with 50 image exhibits and 10,000 without
//! (pages per second, and whether time grows linearly), and the same 1,000-entry
//! chronology printed by headless Chromium from HTML, measured in the same run.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone};
use dossier_core::export::{self, ExportAttachment, ExportInput, ExportOptions};
use dossier_core::{Entry, EntryData, EntryKind, FixedClock};
use ring::digest;

fn entry(i: usize) -> Entry {
    let kinds = [
        EntryKind::CallIn,
        EntryKind::LetterIn,
        EntryKind::Meeting,
        EntryKind::EmailIn,
    ];
    let data = EntryData {
        notes: format!(
            "Gesprek {i}: de klantmanager vroeg opnieuw naar mijn cv en mijn beschikbaarheid. \
             Ik heb uitgelegd dat ik een medische ontheffing heb tot het einde van het jaar, \
             en gevraagd om dat op papier te bevestigen. Zij zou terugbellen."
        ),
        agreed: "Bevestiging per e-mail binnen een week".into(),
        kenmerk: format!("WPI/2026/{i:05}"),
        ..EntryData::new(
            kinds[i % kinds.len()],
            NaiveDate::from_ymd_opt(2020, 1, 1).expect("date")
                + chrono::Duration::days((i / 5) as i64),
            format!("Contact nummer {i} met WPI"),
        )
    };
    Entry {
        id: i as i64 + 1,
        data,
        created_at: "2026-11-22T10:00:00Z".into(),
        updated_at: None,
        version: 1,
        deleted_at: None,
        delete_reason: String::new(),
        attachment_count: 0,
    }
}

/// A plain, uncompressed-looking scan: a 1240×1754 grey page (A4 at 150 dpi) as PNG.
fn scan_png() -> Vec<u8> {
    let (w, h) = (1240u32, 1754u32);
    let img = image::GrayImage::from_fn(w, h, |x, y| {
        image::Luma([if y % 40 < 3 && x > 100 && x < w - 100 {
            40
        } else {
            245
        }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode PNG");
    out.into_inner()
}

fn input(n: usize, images: usize) -> ExportInput {
    let mut entries: Vec<Entry> = (0..n).map(entry).collect();
    let png = scan_png();
    let sha = hex(digest::digest(&digest::SHA256, &png).as_ref());
    let attachments = (0..images)
        .map(|k| {
            let e = &mut entries[k * n / images.max(1)];
            e.attachment_count = 1;
            ExportAttachment {
                id: k as i64 + 1,
                entry_id: e.id,
                filename: format!("scan-{k}.png"),
                media_type: "image/png".into(),
                sha256: sha.clone(),
                bytes: png.clone(),
            }
        })
        .collect();
    ExportInput {
        entries,
        people: Vec::new(),
        attachments,
        chain_head: "0".repeat(64),
        chain_versions: n as u64,
        chain_intact: true,
        open_deadlines: Vec::new(),
        exemptions: Vec::new(),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn ours(input: &ExportInput) -> (Duration, u32) {
    let clock = FixedClock(
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 22, 10, 0, 0)
            .unwrap(),
    );
    let t = Instant::now();
    let bundle = export::export_pdf(input, &ExportOptions::default(), &clock).expect("export");
    (t.elapsed(), bundle.pages)
}

/// The same chronology as simple HTML, one block per entry, A4 print CSS.
fn html(input: &ExportInput) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::from(
        "<!doctype html><html lang=nl><meta charset=utf-8><title>Chronologisch overzicht</title>\
         <style>@page{size:A4;margin:20mm}body{font:10pt 'Noto Sans',sans-serif}\
         section{break-inside:avoid;border-top:1px solid #000;margin-top:6pt}</style>\
         <h1>Chronologisch overzicht van contacten met WPI</h1>",
    );
    for e in &input.entries {
        out.push_str(&format!(
            "<section><h2>{} — {}</h2><p><b>Kenmerk:</b> {}</p><p>{}</p><p><b>Afgesproken:</b> {}</p></section>",
            e.data.occurred_on,
            esc(&e.data.title),
            esc(&e.data.kenmerk),
            esc(&e.data.notes),
            esc(&e.data.agreed)
        ));
    }
    out
}

/// Headless Chromium printing the HTML; `None` when Chromium is not installed.
fn chromium(dir: &Path, input: &ExportInput) -> Option<Duration> {
    let bin = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|b| Path::new(b).exists())?;
    let page = dir.join("chronologie.html");
    std::fs::write(&page, html(input)).ok()?;
    let pdf = dir.join("chromium.pdf");
    let t = Instant::now();
    let status = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .ok()?;
    let took = t.elapsed();
    (status.status.success() && pdf.exists()).then_some(took)
}

pub fn run(dir: &Path) {
    println!("\nPDF bundle (best of 3):");
    let best = |input: &ExportInput| {
        let runs: Vec<(Duration, u32)> = (0..3).map(|_| ours(input)).collect();
        runs.into_iter().min_by_key(|r| r.0).expect("three runs")
    };
    let small = input(1_000, 50);
    let large = input(10_000, 0);
    let text_only = input(1_000, 0);
    let (t1, p1) = best(&small);
    let (t10, p10) = best(&large);
    let (tt, pt) = best(&text_only);
    let rate = |t: Duration, p: u32| f64::from(p) / t.as_secs_f64();
    println!(
        "1,000 entries + 50 image exhibits   {:>8.0} ms  {p1:>5} pages  {:>6.0} pages/s",
        t1.as_secs_f64() * 1e3,
        rate(t1, p1)
    );
    println!(
        "10,000 entries, no exhibits         {:>8.0} ms  {p10:>5} pages  {:>6.0} pages/s",
        t10.as_secs_f64() * 1e3,
        rate(t10, p10)
    );
    println!(
        "1,000 entries, no exhibits          {:>8.0} ms  {pt:>5} pages",
        tt.as_secs_f64() * 1e3
    );
    println!(
        "10k ÷ 1k (same kind, no exhibits)   ratio {:.1} (10 = linear)",
        t10.as_secs_f64() / tt.as_secs_f64()
    );
    match chromium(dir, &text_only) {
        Some(tc) => println!(
            "headless Chromium, same 1,000 entries as HTML: {:.0} ms; ours ÷ Chromium ratio {:.2}",
            tc.as_secs_f64() * 1e3,
            tt.as_secs_f64() / tc.as_secs_f64()
        ),
        None => println!(
            "headless Chromium: not installed, comparison skipped (apt-get install chromium)"
        ),
    }
}
