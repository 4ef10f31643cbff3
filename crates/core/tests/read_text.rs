#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! The read-text layer (OCR, issue 15): saved beside the entry, searchable, never a
//! version of the entry, gone from search with its attachment, never readable on disk;
//! which pages a scanned PDF yields; cancel between pages. The engine is a stand-in
//! here (crates/tesseract tests the real one).

mod common;

use std::io::Cursor;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use common::{clock, create, files_containing, note};
use dossier_core::ocr::{self, GrayPage, OcrEngine, PageText, SuggestionKind};
use dossier_core::Result;

/// Reads every page as the same letter text, counting pages; sets `cancel_after`.
#[derive(Debug, Default)]
struct Fake {
    pages: AtomicUsize,
    cancel_after: Option<usize>,
}

const READ: &str = "Gemeente Amsterdam\nDagtekening 3 februari 2026\nOns kenmerk WPI/2026/0099\n\
    U moet vóór 17 februari 2026 reageren, anders kunnen wij uw uitkering stopzetten.\n\
    Het woord kanarievogelzaad staat alleen in de scan.";

impl OcrEngine for Fake {
    fn name(&self) -> String {
        "fake 1.0 (nld)".into()
    }
    fn read(&self, page: &GrayPage, cancel: &AtomicBool) -> Result<PageText> {
        assert_eq!(page.pixels.len(), (page.width * page.height) as usize);
        let n = self.pages.fetch_add(1, Ordering::SeqCst) + 1;
        if self.cancel_after == Some(n) {
            cancel.store(true, Ordering::SeqCst);
        }
        Ok(PageText {
            text: READ.into(),
            confidence: Some(90),
        })
    }
}

fn photo() -> Vec<u8> {
    picture(600, 850)
}

fn picture(w: u32, h: u32) -> Vec<u8> {
    let img = image::GrayImage::from_fn(w, h, |x, y| {
        image::Luma([if y % 40 < 6 && x % 7 < 4 { 30 } else { 230 }])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

/// A PDF of `n` pages, each only a JPEG picture (a scan without text).
fn scanned_pdf(n: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let jpeg = picture(300, 425);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for _ in 0..n {
        let img = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 300, "Height" => 425,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
            },
            jpeg.clone(),
        ));
        let content = doc.add_object(Stream::new(
            dictionary! {},
            b"q 595 0 0 842 0 0 cm /Im1 Do Q".to_vec(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => img } },
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Count" => n as i64, "Kids" => kids,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn read_text_is_searchable_suggests_and_is_no_version_of_the_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, _) = create(&dir);
    let e = d.add_entry(&note("Brief", "op papier"), &clock()).unwrap();
    let a = d.attach(e.id, "brief.jpg", &photo(), &clock()).unwrap();
    let versions = d.history(e.id).unwrap().len();
    assert!(d.search("kanarievogelzaad", 10).unwrap().is_empty());

    let engine = Fake::default();
    let mut seen = Vec::new();
    let read = d
        .read_attachment_text(
            a.id,
            &engine,
            &AtomicBool::new(false),
            &mut |p| seen.push(p),
            &clock(),
        )
        .unwrap();
    assert_eq!(read.pages, 1);
    assert_eq!(read.engine, "fake 1.0 (nld)");
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((1, 1)));

    // Found by a word only the picture has; the entry itself is unchanged.
    let hits = d.search("kanarievogelzaad", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), [e.id]);
    assert_eq!(
        d.history(e.id).unwrap().len(),
        versions,
        "no version written"
    );
    assert_eq!(d.entry(e.id).unwrap().data.notes, "op papier");
    assert_eq!(
        d.verify_chain().unwrap().broken_at,
        None,
        "the chain still checks out"
    );

    // Stored and read back with its suggestions.
    let again = d.read_texts(e.id).unwrap();
    assert_eq!(again, vec![read.clone()]);
    let s = |k: SuggestionKind| {
        read.suggestions
            .iter()
            .find(|s| s.kind == k)
            .map(|s| s.value.clone())
    };
    assert_eq!(s(SuggestionKind::LetterDate).as_deref(), Some("2026-02-03"));
    assert_eq!(s(SuggestionKind::Kenmerk).as_deref(), Some("WPI/2026/0099"));
    assert_eq!(s(SuggestionKind::ReplyBy).as_deref(), Some("2026-02-17"));
    assert!(s(SuggestionKind::Threat).unwrap().contains("stopzetten"));

    // No readable trace of the text anywhere in the dossier folder.
    // (dossier.db and its -wal alike: SQLCipher encrypts both.)
    assert!(files_containing(&dir, b"kanarievogelzaad").is_empty());
    assert!(files_containing(&dir, b"WPI/2026/0099").is_empty());

    // Removing the picture takes its text out of search.
    d.detach(a.id, "verkeerde foto", &clock()).unwrap();
    assert!(d.search("kanarievogelzaad", 10).unwrap().is_empty());
    assert!(d.read_texts(e.id).unwrap().is_empty());
    let err = d
        .save_read_text(
            a.id,
            &ocr::OcrText {
                engine: "x".into(),
                pages: vec![],
            },
            &clock(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("removed"), "{err}");
}

#[test]
fn a_scanned_pdf_yields_its_pages_and_cancel_stops_between_them() {
    let pdf = scanned_pdf(3);
    let pages = ocr::pages("application/pdf", &pdf).unwrap();
    assert_eq!(pages.len(), 3);
    // 300 px over A4 (595 pt) is 36 dpi: upscaled, at most 4×, towards 300.
    assert_eq!(pages[0].width, 1200);
    assert_eq!(pages[0].dpi, 144);

    let engine = Fake {
        cancel_after: Some(2),
        ..Fake::default()
    };
    let cancel = AtomicBool::new(false);
    let err = ocr::read(&engine, &pages, &cancel, &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(
        engine.pages.load(Ordering::SeqCst),
        2,
        "the third page was not read"
    );
}

#[test]
fn files_without_pictures_to_read_are_refused_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = create(&tmp.path().join("kluis"));
    let e = d.add_entry(&note("Brief", ""), &clock()).unwrap();
    let a = d
        .attach(e.id, "notitie.txt", b"gewoon tekst", &clock())
        .unwrap();
    let err = d.read_pages(a.id).unwrap_err();
    assert!(err.to_string().contains("no text can be read"), "{err}");
}
