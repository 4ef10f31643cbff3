//! `dossier package` (issue 14 item 4): the folder or .zip a lawyer receives, checked
//! with tools that are not ours: GNU `sha256sum -c`, `exiftool`, `pdftotext`, `qpdf`,
//! `unzip` and python3-icalendar.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{fails, ok};
use dossier_core::{Dossier, EntryKind, FixedClock, NewEntry, Unlock};

const PASS: &str = "pakket test zin 2026";
const PDF_PW: &str = "bel-me-even 4711";
const PYTHON: &str = "/usr/bin/python3";

fn dossier(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(args)
        .env("DOSSIER_PASSPHRASE", PASS)
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("DOSSIER_PDF_PASSWORD")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run dossier")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs a tool; its output, whether it succeeded.
fn tool(cmd: &str, args: &[&str], cwd: Option<&Path>) -> (bool, String) {
    let mut c = Command::new(cmd);
    c.args(args);
    if let Some(d) = cwd {
        c.current_dir(d);
    }
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (installed by scripts/setup.sh --test): {e}"));
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

fn sha256sum(file: &Path) -> String {
    let (good, out) = tool("sha256sum", &[s(file)], None);
    assert!(good, "{out}");
    out.split_whitespace().next().unwrap().to_string()
}

/// A 400 × 300 JPEG with a GPS position written by exiftool.
fn gps_photo(dir: &Path) -> Vec<u8> {
    let img = image::RgbImage::from_fn(400, 300, |x, _| image::Rgb([(x % 256) as u8, 120, 80]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    let path = dir.join("foto.jpg");
    fs::write(&path, out.into_inner()).unwrap();
    let (good, text) = tool(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            "-GPSLatitude=52.3676",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=4.9041",
            "-GPSLongitudeRef=E",
            s(&path),
        ],
        None,
    );
    assert!(good, "{text}");
    assert!(has_gps(&path), "the input really has a position");
    fs::read(&path).unwrap()
}

fn has_gps(file: &Path) -> bool {
    let (good, tags) = tool("exiftool", &["-a", "-G1", "-s", s(file)], None);
    assert!(good, "{tags}");
    tags.contains("GPS")
}

/// A one-page PDF written by hand (a letter from WPI).
fn small_pdf() -> Vec<u8> {
    let objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    dir: PathBuf,
    photo_sha: String,
}

/// A dossier made by `init`, filled through the core API: a letter with a GPS photo,
/// a letter with a PDF and an appointment, and a medical keuring with its report.
fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let dir = root.join("kluis");
    ok(&dossier(&["init", s(&dir)], &[]));
    let photo = gps_photo(&root);
    let clock = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z")
            .unwrap()
            .into(),
    );
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let e = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterIn, day("2026-11-02"), "Foto van de brief"),
            &clock,
        )
        .unwrap();
    d.attach(e.id, "foto.jpg", &photo, &clock).unwrap();
    let mut letter = NewEntry::new(
        EntryKind::LetterIn,
        day("2026-11-10"),
        "Uitnodiging gesprek",
    );
    letter.appointment_on = Some(day("2027-03-10"));
    let e = d.add_entry(&letter, &clock).unwrap();
    d.attach(e.id, "uitnodiging WPI.pdf", &small_pdf(), &clock)
        .unwrap();
    let mut keuring = NewEntry::new(EntryKind::Note, day("2026-11-12"), "Verslag keuring");
    keuring.medical = true;
    let e = d.add_entry(&keuring, &clock).unwrap();
    d.attach(
        e.id,
        "keuring.txt",
        b"Rapport van de arts: rugklachten.\n",
        &clock,
    )
    .unwrap();
    drop(d);
    Fixture {
        photo_sha: sha256_hex(&photo),
        _tmp: tmp,
        root,
        dir,
    }
}

fn sha256_hex(b: &[u8]) -> String {
    let tmp = tempfile::NamedTempFile::new().unwrap();
    fs::write(tmp.path(), b).unwrap();
    sha256sum(tmp.path())
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walk(dir) {
        out.push(
            e.strip_prefix(dir)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/"),
        );
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn sums_check(dir: &Path) -> (bool, String) {
    tool("sha256sum", &["-c", "SHA256SUMS"], Some(dir))
}

/// manifest.csv as rows of fields (the fixture's fields hold no commas or quotes,
/// but a quoted field is read as RFC 4180 says).
fn csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        let mut fields = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        fields.push(cur);
        rows.push(fields);
    }
    rows
}

#[test]
fn the_package_checks_out_and_leaves_out_location_and_medical_papers() {
    let f = fixture();
    let out = f.root.join("voor-advocaat");
    let said = ok(&dossier(&["package", s(&f.dir), s(&out)], &[]));
    assert!(said.contains("Advocaatpakket gemaakt"), "{said}");

    let files = files_in(&out);
    for want in [
        "LEESMIJ.txt",
        "SHA256SUMS",
        "keten.txt",
        "manifest.csv",
        "overzicht.pdf",
        "termijnen.ics",
        "originelen/01-foto.jpg",
        "originelen/02-uitnodiging_WPI.pdf",
    ] {
        assert!(files.contains(&want.to_string()), "{want} in {files:?}");
    }
    assert!(
        !files.iter().any(|p| p.contains("keuring")),
        "no medical file without --medical: {files:?}"
    );
    let (good, text) = sums_check(&out);
    assert!(good, "{text}");
    // Every other file is listed.
    let sums = fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    assert_eq!(sums.lines().count(), files.len() - 1, "{sums}");

    // The copy has no position; the dossier's original still has it.
    assert!(!has_gps(&out.join("originelen/01-foto.jpg")));
    let d = Dossier::open(&f.dir, Unlock::Passphrase(PASS)).unwrap();
    let entry = d
        .entries()
        .unwrap()
        .into_iter()
        .find(|e| e.data.title == "Foto van de brief")
        .unwrap();
    let att = &d.attachments(entry.id).unwrap()[0];
    let stored = f.root.join("uit-het-dossier.jpg");
    fs::write(&stored, d.attachment_bytes(att.id).unwrap()).unwrap();
    drop(d);
    assert!(has_gps(&stored), "the dossier keeps the original");

    // The manifest's hashes are the files' hashes.
    let rows = csv(&fs::read_to_string(out.join("manifest.csv")).unwrap());
    assert_eq!(rows[0][0], "bijlage");
    assert_eq!(rows.len(), 3, "{rows:?}");
    for row in &rows[1..] {
        assert_eq!(row.len(), 8, "{row:?}");
        let file = out.join(&row[3]);
        assert_eq!(row[5], sha256sum(&file), "{row:?}");
        assert_eq!(row[4], fs::metadata(&file).unwrap().len().to_string());
    }
    let photo = rows.iter().find(|r| r[3].ends_with("foto.jpg")).unwrap();
    assert_eq!(photo[6], f.photo_sha, "the original's hash");
    assert_eq!(photo[7], "ja");
    let pdf_row = rows.iter().find(|r| r[3].ends_with(".pdf")).unwrap();
    assert_eq!(pdf_row[5], pdf_row[6], "a PDF is copied byte for byte");
    assert_eq!(pdf_row[7], "nee");

    // The bundle, the read-me, the chain, the calendar.
    let (good, text) = tool("pdftotext", &[s(&out.join("overzicht.pdf")), "-"], None);
    assert!(good, "{text}");
    assert!(
        text.contains("Chronologisch overzicht van contacten met WPI"),
        "{text}"
    );
    assert!(
        !text.contains("Verslag keuring"),
        "no medical entry in the bundle"
    );
    let readme = fs::read_to_string(out.join("LEESMIJ.txt")).unwrap();
    let chain = fs::read_to_string(out.join("keten.txt")).unwrap();
    let head = chain.lines().next().unwrap().rsplit(' ').next().unwrap();
    assert_eq!(head.len(), 64, "{chain}");
    assert!(readme.contains(head) && readme.contains("sha256sum -c SHA256SUMS"));
    assert!(readme.contains("Medische gegevens zitten NIET"), "{readme}");
    let verify = ok(&dossier(&["verify", s(&f.dir)], &[]));
    assert!(
        verify.contains(head),
        "the chain head of `verify`: {verify}"
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/ics/read_calendar.py");
    let (good, cal) = tool(PYTHON, &[s(&script), s(&out.join("termijnen.ics"))], None);
    assert!(good, "python3-icalendar reads the calendar: {cal}");
    let cal: serde_json::Value = serde_json::from_str(&cal).unwrap();
    assert!(!cal["events"].as_array().unwrap().is_empty(), "{cal}");

    // One changed byte in an original is caught.
    let copy = out.join("originelen/02-uitnodiging_WPI.pdf");
    let mut bytes = fs::read(&copy).unwrap();
    bytes[3] ^= 0x01;
    fs::write(&copy, bytes).unwrap();
    let (good, text) = sums_check(&out);
    assert!(!good, "a changed file must fail the check: {text}");
    assert!(text.contains("02-uitnodiging_WPI.pdf: FAILED"), "{text}");

    // With --medical the keuring's report is in, and the package still checks out.
    let with = f.root.join("met-medisch");
    let said = ok(&dossier(
        &["package", s(&f.dir), s(&with), "--medical"],
        &[],
    ));
    assert!(said.contains("met medische gegevens"), "{said}");
    let files = files_in(&with);
    assert!(
        files.contains(&"originelen/M01-keuring.txt".to_string()),
        "{files:?}"
    );
    let (good, text) = sums_check(&with);
    assert!(good, "{text}");
    let readme = fs::read_to_string(with.join("LEESMIJ.txt")).unwrap();
    assert!(readme.contains("Medische gegevens zitten WEL"), "{readme}");
}

#[test]
fn the_pdf_password_opens_the_bundle_and_nothing_else_does() {
    let f = fixture();
    let out = f.root.join("pakket");
    let said = ok(&dossier(
        &["package", s(&f.dir), s(&out), "--pdf-password"],
        &[("DOSSIER_PDF_PASSWORD", PDF_PW)],
    ));
    let phone = said
        .find("telefoon")
        .expect("the phone advice, in Dutch first");
    assert!(said.contains("nooit in dezelfde e-mail"), "{said}");
    assert!(phone > 0);
    let pdf = out.join("overzicht.pdf");
    let (needs, text) = tool("qpdf", &["--requires-password", s(&pdf)], None);
    assert!(
        needs,
        "qpdf --requires-password exits 0 for a locked PDF: {text}"
    );
    let (good, text) = tool(
        "qpdf",
        &["--decrypt", s(&pdf), s(&f.root.join("fout.pdf"))],
        None,
    );
    assert!(!good, "no password, no PDF: {text}");
    let open = f.root.join("open.pdf");
    let pw = format!("--password={PDF_PW}");
    let (good, text) = tool("qpdf", &["--decrypt", &pw, s(&pdf), s(&open)], None);
    assert!(good, "{text}");
    let (good, text) = tool("pdftotext", &[s(&open), "-"], None);
    assert!(good, "{text}");
    assert!(
        text.contains("Chronologisch overzicht van contacten met WPI"),
        "{text}"
    );
    let (good, text) = sums_check(&out);
    assert!(good, "{text}");
}

#[test]
fn the_zip_holds_the_same_files_and_checks_out_after_unzip() {
    let f = fixture();
    let folder = f.root.join("map");
    ok(&dossier(&["package", s(&f.dir), s(&folder)], &[]));
    let zip = f.root.join("pakket.zip");
    ok(&dossier(&["package", s(&f.dir), s(&zip), "--zip"], &[]));
    assert!(!f.root.join("pakket.zip.partial").exists());
    let (good, list) = tool("unzip", &["-Z1", s(&zip)], None);
    assert!(good, "{list}");
    let mut listed: Vec<String> = list.lines().map(str::to_string).collect();
    listed.sort();
    assert_eq!(listed, files_in(&folder));
    let (good, text) = tool("unzip", &["-l", s(&zip)], None);
    assert!(good && text.contains("originelen/01-foto.jpg"), "{text}");
    let unpacked = f.root.join("uitgepakt");
    let (good, text) = tool("unzip", &["-q", s(&zip), "-d", s(&unpacked)], None);
    assert!(good, "{text}");
    let (good, text) = sums_check(&unpacked);
    assert!(good, "{text}");
    // Never over an existing file.
    let again = dossier(&["package", s(&f.dir), s(&zip), "--zip"], &[]);
    fails(&again, 9);
}

#[test]
fn a_folder_that_holds_something_is_refused_and_kept() {
    let f = fixture();
    let out = f.root.join("bezet");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("mijn-notities.txt"), "niet weggooien").unwrap();
    let err = fails(&dossier(&["package", s(&f.dir), s(&out)], &[]), 9);
    assert!(err.contains("kies een lege of nieuwe map"), "{err}");
    assert_eq!(files_in(&out), vec!["mijn-notities.txt".to_string()]);
    assert_eq!(
        fs::read_to_string(out.join("mijn-notities.txt")).unwrap(),
        "niet weggooien"
    );
    // An empty folder is fine.
    let empty = f.root.join("leeg");
    fs::create_dir(&empty).unwrap();
    ok(&dossier(&["package", s(&f.dir), s(&empty)], &[]));
    assert!(empty.join("SHA256SUMS").exists());
}

#[test]
fn a_case_package_holds_only_that_cases_entries_and_exhibits() {
    let f = fixture();
    // The case holds the invitation letter (with its PDF) only; the photo letter and
    // the keuring stay outside it.
    let mut d = Dossier::open(&f.dir, Unlock::Passphrase(PASS)).unwrap();
    let clock = FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
            .unwrap()
            .into(),
    );
    let case = d
        .add_case(
            &dossier_core::case::CaseData::new("Bezwaar uitnodiging"),
            &clock,
        )
        .unwrap();
    let letter = d
        .entries()
        .unwrap()
        .into_iter()
        .find(|e| e.data.title == "Uitnodiging gesprek")
        .unwrap();
    d.add_to_case(case, letter.id).unwrap();
    drop(d);

    let out = f.root.join("alleen-de-zaak");
    let said = ok(&dossier(
        &["package", s(&f.dir), s(&out), "--case", &case.to_string()],
        &[],
    ));
    assert!(said.contains("Advocaatpakket gemaakt"), "{said}");
    let files = files_in(&out);
    let originals: Vec<&String> = files
        .iter()
        .filter(|p| p.starts_with("originelen/"))
        .collect();
    assert_eq!(
        originals,
        ["originelen/01-uitnodiging_WPI.pdf"],
        "the case's exhibit only, numbered as the case's bundle numbers it"
    );
    let (good, text) = sums_check(&out);
    assert!(good, "{text}");

    let rows = csv(&fs::read_to_string(out.join("manifest.csv")).unwrap());
    assert_eq!(
        rows.len(),
        2,
        "a header and the case's one exhibit: {rows:?}"
    );
    assert_eq!(rows[1][0], "1");
    assert!(rows[1][3].ends_with("uitnodiging_WPI.pdf"), "{rows:?}");
    assert!(
        !rows.iter().flatten().any(|c| c.contains("foto")),
        "the photo of another entry is not listed: {rows:?}"
    );

    let (good, text) = tool("pdftotext", &[s(&out.join("overzicht.pdf")), "-"], None);
    assert!(good, "{text}");
    assert!(text.contains("Uitnodiging gesprek"), "{text}");
    assert!(!text.contains("Foto van de brief"), "another entry: {text}");
    assert!(!text.contains("Verslag keuring"), "another entry: {text}");
    let readme = fs::read_to_string(out.join("LEESMIJ.txt")).unwrap();
    assert!(
        readme.contains("Alleen de zaak: Bezwaar uitnodiging"),
        "{readme}"
    );

    // A case that does not exist: refused, nothing written.
    let none = f.root.join("geen-zaak");
    let err = dossier(&["package", s(&f.dir), s(&none), "--case", "999"], &[]);
    assert!(!err.status.success());
    assert!(!none.exists(), "nothing is written for an unknown case");
}
