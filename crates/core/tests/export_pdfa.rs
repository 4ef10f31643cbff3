#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! PDF/A-2b for the bundle's own pages (issue 14 part 5), checked with tools that are
//! not ours: no PDF/A validator (veraPDF) can be installed from the package registries
//! this project may use, so each rule the bundle must keep is read back one by one:
//! `exiftool` reads the XMP claim and the information dictionary, `qpdf --json` the
//! structure (output intent, embedded fonts, annotations, trailer), and LittleCMS'
//! `transicc` reads the embedded colour profile and maps colours through it as sRGB.
//! A bundle with an attached PDF's pages makes no claim: those pages are copied as
//! they are.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{clock, day, dossier};
use dossier_core::export::ExportOptions;
use dossier_core::{EntryKind, NewEntry};
use serde_json::Value;

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (installed by scripts/setup.sh --test): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One exiftool tag's value (`-s3`: the value only), or "" when absent.
fn exif(tag: &str, pdf: &Path) -> String {
    run("exiftool", &["-s3", tag, pdf.to_str().unwrap()])
        .trim()
        .to_string()
}

/// qpdf's view of every object, by "obj:N 0 R".
fn objects(pdf: &Path) -> (serde_json::Map<String, Value>, Value) {
    let json: Value =
        serde_json::from_str(&run("qpdf", &["--json", pdf.to_str().unwrap()])).unwrap();
    let objs = json["qpdf"][1].as_object().unwrap().clone();
    let trailer = objs["trailer"]["value"].clone();
    (objs, trailer)
}

/// An object's dictionary, a stream's or a plain one.
fn dict<'a>(objs: &'a serde_json::Map<String, Value>, reference: &str) -> &'a Value {
    let o = &objs[&format!("obj:{reference}")];
    if o.get("stream").is_some() {
        &o["stream"]["dict"]
    } else {
        &o["value"]
    }
}

fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(320, 200, |x, _| image::Rgb([(x % 256) as u8, 90, 160]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn bundle(with_pdf_original: Option<&[u8]>) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let (tmp, d) = dossier_with(with_pdf_original);
    let options = ExportOptions {
        include_attachments: true,
        ..ExportOptions::default()
    };
    let pdf = d.export_pdf(&options, &clock()).unwrap();
    let path = tmp.path().join("bundel.pdf");
    std::fs::write(&path, &pdf).unwrap();
    (tmp, path, pdf)
}

fn dossier_with(with_pdf_original: Option<&[u8]>) -> (tempfile::TempDir, dossier_core::Dossier) {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("dossier"));
    let c = clock();
    let mut decision = NewEntry::new(
        EntryKind::Decision,
        day("2026-11-02"),
        "Besluit: korting van 30% op de bijstand",
    );
    decision.notes =
        "Volgens de gemeente heb ik het gesprek gemist. Dat klopt niet: ik had een ontheffing."
            .into();
    decision.kenmerk = "WPI/2026/4471".into();
    let decision = d.add_entry(&decision, &c).unwrap();
    d.attach(decision.id, "brief.jpg", &photo(), &c).unwrap();
    let call = NewEntry::new(
        EntryKind::CallIn,
        day("2026-11-05"),
        "Klantmanager belde over de brief",
    );
    let call = d.add_entry(&call, &c).unwrap();
    if let Some(pdf) = with_pdf_original {
        d.attach(call.id, "eerder-overzicht.pdf", pdf, &c).unwrap();
    }
    (tmp, d)
}

#[test]
fn the_bundle_keeps_the_pdfa_2b_rules_and_says_so() {
    let (_tmp, path, bytes) = bundle(None);
    // 6.1.2: a 1.x header and a comment of four bytes above 127 on the next line.
    assert!(bytes.starts_with(b"%PDF-1.7\n%"), "{:?}", &bytes[..12]);
    assert!(bytes[10..14].iter().all(|b| *b > 127));
    run("qpdf", &["--check", path.to_str().unwrap()]);

    // 6.6: the claim, and XMP that says what the information dictionary says.
    assert_eq!(exif("-XMP-pdfaid:Part", &path), "2");
    assert_eq!(exif("-XMP-pdfaid:Conformance", &path), "B");
    assert_eq!(exif("-XMP-dc:Title", &path), exif("-PDF:Title", &path));
    assert_eq!(
        exif("-XMP-pdf:Producer", &path),
        exif("-PDF:Producer", &path)
    );
    assert_eq!(
        exif("-XMP-xmp:CreatorTool", &path),
        exif("-PDF:Creator", &path)
    );
    assert_eq!(
        exif("-XMP-xmp:CreateDate", &path),
        exif("-PDF:CreateDate", &path)
    );

    let (objs, trailer) = objects(&path);
    // 6.1.3 and 6.1.4: an ID, no encryption.
    assert_eq!(
        trailer["/ID"].as_array().map(Vec::len),
        Some(2),
        "{trailer}"
    );
    assert!(trailer.get("/Encrypt").is_none());

    // 6.2.3: one output intent of PDF/A with an RGB profile.
    let root = trailer["/Root"].as_str().unwrap();
    let catalog = dict(&objs, root);
    let intents = catalog["/OutputIntents"].as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let intent = dict(&objs, intents[0].as_str().unwrap());
    assert_eq!(intent["/S"], "/GTS_PDFA1");
    let profile_ref = intent["/DestOutputProfile"].as_str().unwrap();
    assert_eq!(dict(&objs, profile_ref)["/N"], 3);
    // The profile is a real sRGB one: LittleCMS reads it and maps colours through it
    // to its own built-in sRGB without changing them.
    let num = profile_ref.split_whitespace().next().unwrap();
    let icc = Command::new("qpdf")
        .args([
            &format!("--show-object={num}"),
            "--filtered-stream-data",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap()
        .stdout;
    let icc_path = path.with_file_name("intent.icc");
    std::fs::write(&icc_path, &icc).unwrap();
    let mut child = Command::new("transicc")
        .args(["-i", icc_path.to_str().unwrap(), "-o", "*sRGB", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("transicc (liblcms2-utils, installed by scripts/setup.sh --test)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"255 0 0\n0 128 255\n40 200 90\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let mapped: Vec<f64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.split_whitespace().count() == 3)
        .flat_map(|l| {
            l.split_whitespace()
                .map(|v| v.parse::<f64>().unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    let want = [255.0, 0.0, 0.0, 0.0, 128.0, 255.0, 40.0, 200.0, 90.0];
    assert_eq!(
        mapped.len(),
        want.len(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (got, want) in mapped.iter().zip(want) {
        assert!((got - want).abs() < 1.0, "{mapped:?}");
    }

    // 6.2.11.4: every font is embedded; 6.2.11.3.2: CIDFontType2 maps CIDs to glyphs.
    let mut fonts = 0;
    for o in objs.values() {
        let d = o
            .get("value")
            .filter(|v| v.is_object())
            .or_else(|| o.get("stream").map(|s| &s["dict"]));
        let Some(d) = d else { continue };
        if d["/Type"] == "/Font" {
            assert_eq!(
                d["/Subtype"], "/Type0",
                "only embedded composite fonts: {d}"
            );
            let cid = &d["/DescendantFonts"][0];
            let cid = cid.as_str().map_or(cid, |r| dict(&objs, r));
            assert_eq!(cid["/Subtype"], "/CIDFontType2", "{cid}");
            assert_eq!(cid["/CIDToGIDMap"], "/Identity", "{cid}");
            let descriptor = dict(&objs, cid["/FontDescriptor"].as_str().unwrap());
            assert!(descriptor.get("/FontFile2").is_some(), "{descriptor}");
            fonts += 1;
        }
        // 6.3.2: every annotation printable, none hidden.
        if d["/Type"] == "/Annot" {
            let f = d["/F"].as_i64().unwrap_or(0);
            assert_eq!(f & 4, 4, "{d}");
            assert_eq!(f & (1 | 2 | 32), 0, "{d}");
        }
        // 6.2.8: no interpolated images.
        if d["/Subtype"] == "/Image" {
            assert_ne!(d["/Interpolate"], true, "{d}");
            assert_ne!(d["/ColorSpace"], "/DeviceCMYK", "{d}");
        }
        // 6.1.7: no external streams; 6.6.1: no scripts.
        assert!(d.get("/F").is_none() || d["/Type"] == "/Annot", "{d}");
        assert!(
            d.get("/JS").is_none() && d.get("/JavaScript").is_none(),
            "{d}"
        );
    }
    assert_eq!(fonts, 3, "regular, bold and italic");
}

#[test]
fn a_bundle_with_an_attached_pdfs_pages_makes_no_claim() {
    let (_tmp, _path, first) = bundle(None);
    let (_tmp2, path, _) = bundle(Some(&first));
    assert_eq!(
        exif("-XMP-pdfaid:Part", &path),
        "",
        "no claim that may be false"
    );
    // The rest of what our pages need is still there.
    assert!(!exif("-XMP-dc:Title", &path).is_empty());
    let (objs, trailer) = objects(&path);
    let catalog = dict(&objs, trailer["/Root"].as_str().unwrap());
    assert_eq!(catalog["/OutputIntents"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_password_locked_copy_for_the_lawyer_makes_no_claim() {
    // PDF/A forbids encryption: the package's locked PDF must not say it conforms,
    // while the open one does.
    let (tmp, d) = dossier_with(None);
    let rng = ring::rand::SystemRandom::new();
    let pdf_of = |password: Option<&str>| {
        let p = d
            .package(&ExportOptions::default(), password, &rng, &clock())
            .unwrap();
        p.files
            .into_iter()
            .find(|f| f.path == "overzicht.pdf")
            .unwrap()
            .bytes
    };
    let open = tmp.path().join("open.pdf");
    std::fs::write(&open, pdf_of(None)).unwrap();
    assert_eq!(exif("-XMP-pdfaid:Part", &open), "2");
    let locked = tmp.path().join("locked.pdf");
    std::fs::write(&locked, pdf_of(Some("k7mxp-2trwa-9qhde"))).unwrap();
    let opened = tmp.path().join("opened.pdf");
    run(
        "qpdf",
        &[
            "--decrypt",
            "--password=k7mxp-2trwa-9qhde",
            locked.to_str().unwrap(),
            opened.to_str().unwrap(),
        ],
    );
    assert!(
        !exif("-XMP-dc:Title", &opened).is_empty(),
        "the XMP is read"
    );
    assert_eq!(exif("-XMP-pdfaid:Part", &opened), "");
}

#[test]
fn text_the_font_cannot_show_makes_no_claim() {
    // Arabic has no glyphs in the bundle's font: it would print as `.notdef` boxes,
    // which PDF/A forbids.
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("dossier"));
    let mut e = NewEntry::new(
        EntryKind::Note,
        day("2026-11-03"),
        "Notitie van mijn buurvrouw",
    );
    e.notes = "Zij schreef: مرحبا، سأساعدك".into();
    d.add_entry(&e, &clock()).unwrap();
    let path = tmp.path().join("bundel.pdf");
    std::fs::write(
        &path,
        d.export_pdf(&ExportOptions::default(), &clock()).unwrap(),
    )
    .unwrap();
    assert_eq!(exif("-XMP-pdfaid:Part", &path), "");
}
