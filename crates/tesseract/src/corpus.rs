//! The measurement corpus (feature `corpus`, for tests and `dossier-bench ocr` only):
//! Dutch agency-style letters made with core's own letter PDF, rendered at 300 dpi by
//! poppler's `pdftoppm` (through pipes, no files), and phone-like copies of them (3°
//! turn, blur, uneven light, smaller, JPEG quality 60). Each letter knows its text and
//! the suggestions a reader should make, so error rates are computed, not eyeballed.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::NaiveDate;
use dossier_core::letters::{self, Letter, LetterFormat, LetterType};
use dossier_core::ocr::{self, prepare, OcrEngine, SuggestionKind};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, GrayImage, ImageFormat, Luma};

/// One letter of the corpus and what reading it should yield.
#[derive(Debug, Clone)]
pub struct Sample {
    pub name: &'static str,
    pub letter: Letter,
    pub dated: NaiveDate,
    pub kenmerk: &'static str,
    pub reply_by: Vec<NaiveDate>,
    pub decision: bool,
    pub threat: bool,
}

impl Sample {
    /// Every line printed on the page (each paragraph fits on one line).
    pub fn lines(&self) -> Vec<String> {
        let l = &self.letter;
        let mut out: Vec<String> = Vec::new();
        out.extend(l.sender.iter().cloned());
        out.extend(l.recipient.iter().cloned());
        out.push(l.place_date.clone());
        // The page prints the subject after its label, as the letter PDF lays it out.
        out.push(format!("Betreft: {}", l.subject));
        out.extend(l.references.iter().cloned());
        out.extend(l.body.iter().cloned());
        out.push(l.closing.clone());
        out.push(l.signer.clone());
        out.retain(|s| !s.trim().is_empty());
        out
    }
}

/// "12 maart 2026".
fn day_text(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    use chrono::Datelike;
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn letter(
    sender: &[&str],
    date: NaiveDate,
    subject: &str,
    refs: &[String],
    body: &[&str],
) -> Letter {
    let day = day_text(date);
    Letter {
        letter_type: LetterType::Bevestiging,
        letter_date: date,
        sender: sender.iter().map(|s| s.to_string()).collect(),
        recipient: vec![
            "Mevrouw J. de Vries".into(),
            "Kerkstraat 12 hs".into(),
            "1017 GC Amsterdam".into(),
        ],
        place_date: format!("Amsterdam, {day}"),
        subject: subject.into(),
        references: refs.to_vec(),
        body: body.iter().map(|s| s.to_string()).collect(),
        closing: "Met vriendelijke groet,".into(),
        signer: "R. Jansen, klantmanager".into(),
        enclosures: Vec::new(),
        term_ends: None,
        entry_title: subject.into(),
    }
}

/// The letters: a decision with a cut, an invitation with a reply date, a request for
/// papers with a threat to stop the benefit, and a plain grant.
pub fn samples() -> Vec<Sample> {
    let wpi = [
        "Gemeente Amsterdam",
        "Werk, Participatie en Inkomen",
        "Postbus 2536, 1000 CM Amsterdam",
    ];
    let refs = |date: NaiveDate, k: &str| {
        vec![
            format!("Datum: {}", day_text(date)),
            format!("Ons kenmerk: {k}"),
        ]
    };
    let a = d(2026, 3, 12);
    let b = d(2026, 4, 2);
    let c = d(2026, 5, 19);
    let e = d(2026, 9, 7);
    vec![
        Sample {
            name: "besluit-korting",
            letter: letter(
                &wpi,
                a,
                "Besluit over uw bijstandsuitkering",
                &refs(a, "WPI/2026/004127"),
                &[
                    "Wij hebben besloten uw uitkering per 1 april 2026 te verlagen.",
                    "U krijgt drie maanden een korting van 20 procent op uw uitkering.",
                    "Dit is een maatregel omdat u niet op de afspraak van 2 maart kwam.",
                    "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken.",
                    "Dat moet binnen zes weken na de datum van deze brief.",
                ],
            ),
            dated: a,
            kenmerk: "WPI/2026/004127",
            reply_by: vec![],
            decision: true,
            threat: true,
        },
        Sample {
            name: "uitnodiging-gesprek",
            letter: letter(
                &wpi,
                b,
                "Uitnodiging voor een gesprek",
                &refs(b, "ZK-2026-118834"),
                &[
                    "Wij nodigen u uit voor een gesprek over uw re-integratie.",
                    "Het gesprek is op dinsdag 14 april 2026 om 10.30 uur.",
                    "Kunt u niet komen? Reageer dan vóór 9 april 2026.",
                    "Neem uw identiteitsbewijs en uw laatste loonstrook mee.",
                ],
            ),
            dated: b,
            kenmerk: "ZK-2026-118834",
            reply_by: vec![d(2026, 4, 9)],
            decision: false,
            threat: false,
        },
        Sample {
            name: "inlichtingen-stopzetten",
            letter: letter(
                &[
                    "Gemeente Rotterdam",
                    "Werk en Inkomen",
                    "Postbus 70012, 3000 KP Rotterdam",
                ],
                c,
                "Wij hebben informatie van u nodig",
                &refs(c, "2026.0519.7731"),
                &[
                    "Voor uw uitkering hebben wij uw bankafschriften van april nodig.",
                    "Stuur de afschriften uiterlijk op 2 juni 2026 naar ons op.",
                    "Krijgen wij ze niet op tijd, dan kunnen wij uw uitkering stopzetten.",
                    "Heeft u vragen? Bel ons op werkdagen tussen 9 en 17 uur.",
                ],
            ),
            dated: c,
            kenmerk: "2026.0519.7731",
            reply_by: vec![d(2026, 6, 2)],
            decision: false,
            threat: true,
        },
        Sample {
            name: "besluit-toekenning",
            letter: letter(
                &[
                    "Gemeente Utrecht",
                    "Werk en Inkomen",
                    "Postbus 16200, 3500 CE Utrecht",
                ],
                e,
                "Besluit op uw aanvraag bijzondere bijstand",
                &refs(e, "BB/88213/2026"),
                &[
                    "U vroeg op 14 augustus 2026 bijzondere bijstand aan voor een bril.",
                    "Wij kennen u een bedrag van 185 euro toe.",
                    "Wij maken het bedrag binnen vijf werkdagen over.",
                    "Bent u het niet eens met dit besluit, dan kunt u bezwaar maken.",
                ],
            ),
            dated: e,
            kenmerk: "BB/88213/2026",
            reply_by: vec![],
            decision: true,
            threat: false,
        },
    ]
}

/// The letter's first page at 300 dpi, grayscale, from `pdftoppm` (stdin to stdout).
pub fn render(sample: &Sample) -> GrayImage {
    let pdf = letters::render(&sample.letter, LetterFormat::Pdf).expect("letter PDF");
    let mut child = Command::new("pdftoppm")
        .args([
            "-r",
            "300",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftoppm (poppler-utils, installed by scripts/setup.sh --test)");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&pdf));
    let mut pgm = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut pgm)
        .expect("read pdftoppm");
    writer.join().expect("writer").expect("write pdf");
    assert!(child.wait().expect("pdftoppm").success());
    pgm_image(&pgm)
}

/// A binary PGM ("P5 W H 255", then the bytes): what `pdftoppm -gray` writes.
fn pgm_image(pgm: &[u8]) -> GrayImage {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "pdftoppm -gray writes binary PGM");
    let w: u32 = fields[1].parse().expect("width");
    let h: u32 = fields[2].parse().expect("height");
    GrayImage::from_raw(w, h, pgm[at + 1..].to_vec()).expect("the PGM's pixels")
}

/// A phone photo of the page: turned 3°, softened, lit unevenly from one corner, at
/// about 200 dpi, saved as JPEG quality 60.
pub fn phone(scan: &GrayImage) -> Vec<u8> {
    let turned = prepare::rotate(scan, 3.0);
    let small = image::imageops::resize(
        &turned,
        scan.width() * 2 / 3,
        scan.height() * 2 / 3,
        image::imageops::FilterType::Triangle,
    );
    let soft = image::imageops::blur(&small, 1.0);
    let (w, h) = soft.dimensions();
    let lit = GrayImage::from_fn(w, h, |x, y| {
        let shade = 1.0 - 0.45 * (x as f32 / w as f32) * (y as f32 / h as f32) - 0.1;
        Luma([(soft.get_pixel(x, y).0[0] as f32 * shade) as u8])
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 60)
        .encode_image(&DynamicImage::ImageLuma8(lit))
        .expect("jpeg");
    jpeg
}

/// PNG bytes of a scan.
pub fn png(scan: &GrayImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    scan.write_to(&mut out, ImageFormat::Png).expect("png");
    out.into_inner()
}

fn norm(s: &str) -> Vec<char> {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

/// Levenshtein distance in chars.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Each printed line with the read line closest to it and their distance in edits
/// (capped at the line's length: a line not read at all costs all its characters).
pub fn line_errors(expected: &[String], read: &str) -> Vec<(String, String, usize)> {
    let read_lines: Vec<Vec<char>> = read.lines().map(norm).filter(|l| !l.is_empty()).collect();
    expected
        .iter()
        .map(|line| {
            let want = norm(line);
            let best = read_lines
                .iter()
                .map(|got| (distance(&want, got), got))
                .min_by_key(|(d, _)| *d);
            let (edits, got) = match best {
                Some((d, got)) => (d.min(want.len()), got.iter().collect()),
                None => (want.len(), String::new()),
            };
            (line.clone(), got, edits)
        })
        .collect()
}

/// Character error rate, matched by line: each printed line against the read line
/// closest to it (layout puts blocks in an order of the engine's choosing, which says
/// nothing about how well it reads), as edits over printed characters.
pub fn cer(expected: &[String], read: &str) -> f64 {
    let errors = line_errors(expected, read);
    let total: usize = expected.iter().map(|l| norm(l).len()).sum();
    let edits: usize = errors.iter().map(|(_, _, e)| e).sum();
    edits as f64 / total.max(1) as f64
}

/// What one read of one sample scored.
#[derive(Debug, Clone)]
pub struct Score {
    pub cer: f64,
    pub seconds: f64,
    /// Dates and kenmerken expected, found (right value), and suggested wrongly.
    pub expected: usize,
    pub found: usize,
    pub wrong: usize,
    pub wrong_what: Vec<String>,
    pub text: String,
}

/// Reads `media_type` bytes of `sample` with `engine` and scores text and suggestions.
pub fn score(engine: &dyn OcrEngine, sample: &Sample, media_type: &str, bytes: &[u8]) -> Score {
    let t = Instant::now();
    let pages = ocr::pages(media_type, bytes).expect("prepare");
    let read = ocr::read(engine, &pages, &AtomicBool::new(false), &mut |_| {}).expect("read");
    let seconds = t.elapsed().as_secs_f64();
    let text = read.text();
    let cer = cer(&sample.lines(), &text);
    let got = ocr::suggest(&text);
    let mut expected_values: Vec<(SuggestionKind, String)> = vec![
        (SuggestionKind::LetterDate, sample.dated.to_string()),
        (SuggestionKind::Kenmerk, sample.kenmerk.to_string()),
    ];
    expected_values.extend(
        sample
            .reply_by
            .iter()
            .map(|d| (SuggestionKind::ReplyBy, d.to_string())),
    );
    let found = expected_values
        .iter()
        .filter(|(k, v)| got.iter().any(|s| s.kind == *k && &s.value == v))
        .count();
    let mut wrong_what = Vec::new();
    for s in &got {
        let bad = match s.kind {
            SuggestionKind::LetterDate | SuggestionKind::Kenmerk | SuggestionKind::ReplyBy => {
                !expected_values
                    .iter()
                    .any(|(k, v)| *k == s.kind && *v == s.value)
            }
            SuggestionKind::Decision => !sample.decision,
            SuggestionKind::Threat => !sample.threat,
        };
        if bad {
            wrong_what.push(format!("{:?} {} (from \"{}\")", s.kind, s.value, s.source));
        }
    }
    for (flag, kind) in [
        (sample.decision, SuggestionKind::Decision),
        (sample.threat, SuggestionKind::Threat),
    ] {
        if flag && !got.iter().any(|s| s.kind == kind) {
            wrong_what.push(format!("{kind:?} missed"));
        }
    }
    Score {
        cer,
        seconds,
        expected: expected_values.len(),
        found,
        wrong: got
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    SuggestionKind::LetterDate | SuggestionKind::Kenmerk | SuggestionKind::ReplyBy
                ) && !expected_values
                    .iter()
                    .any(|(k, v)| *k == s.kind && *v == s.value)
            })
            .count(),
        wrong_what,
        text,
    }
}
