#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! Attachments (F3): sniffed types, hashes, limits, history versions, search, previews,
//! and that no readable byte of an attached file reaches the disk.

mod common;

use std::fs;
use std::io::Cursor;
use std::path::Path;

use common::{clock, contains, create, files_containing, note, walk, PASS};
use dossier_core::attachment::MAX_ATTACHMENT_BYTES;
use dossier_core::{Dossier, Error, Preview, Unlock};
use ring::digest;

fn sha256(bytes: &[u8]) -> String {
    hex::encode(digest::digest(&digest::SHA256, bytes))
}

/// A dossier in a fresh temp folder with one entry; returns (tempdir, dossier, entry id).
fn dossier_with_entry() -> (tempfile::TempDir, Dossier, i64) {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = create(&tmp.path().join("kluis"));
    let e = d
        .add_entry(&note("Brief WPI", "over de uitkering"), &clock())
        .unwrap();
    (tmp, d, e.id)
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encoded(width, height, image::ImageFormat::Jpeg)
}

fn encoded(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, _| image::Rgb([x as u8, 90, 200]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

/// A one-page PDF with `text` on it, built in memory with lopdf.
fn pdf(text: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![100.into(), 600.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn eml(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "Received: from mail.wpi.example by mx.example.nl; Mon, 2 Mar 2026 10:00:01 +0100\r\n\
From: Klantmanager WPI <km@wpi.example>\r\nTo: Ik <ik@example.nl>\r\n\
Subject: {subject}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\
Message-ID: <1@wpi.example>\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// Deterministic bytes that look like nothing (no signature, not UTF-8).
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out[0] = 0x00; // never a valid signature start, and a NUL: not text
    out
}

#[test]
fn type_is_sniffed_from_the_bytes_and_hash_is_sha256() {
    let (_tmp, mut d, id) = dossier_with_entry();
    // Names lie on purpose: the type must come from the content.
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("scan.pdf", jpeg(64, 48), "image/jpeg"),
        ("foto.jpg", png(10, 10), "image/png"),
        ("brief.txt", pdf("Beschikking"), "application/pdf"),
        ("mail.dat", eml("Uw uitkering", "Bel ons"), "message/rfc822"),
        (
            "notitie.png",
            "Gebeld, één vraag".as_bytes().to_vec(),
            "text/plain",
        ),
        ("onbekend.pdf", noise(1000), "application/octet-stream"),
    ];
    for (name, bytes, expect) in &cases {
        let a = d.attach(id, name, bytes, &clock()).unwrap();
        assert_eq!(&a.media_type, expect, "{name}");
        assert_eq!(a.sha256, sha256(bytes), "{name}");
        assert_eq!(a.size, bytes.len() as u64);
        assert_eq!(a.filename, *name);
        assert_eq!(d.attachment_bytes(a.id).unwrap(), *bytes);
    }
    let listed = d.attachments(id).unwrap();
    let names: Vec<&str> = listed.iter().map(|a| a.filename.as_str()).collect();
    assert_eq!(
        names,
        [
            "scan.pdf",
            "foto.jpg",
            "brief.txt",
            "mail.dat",
            "notitie.png",
            "onbekend.pdf"
        ]
    );
    assert_eq!(d.entry(id).unwrap().attachment_count, 6);
}

#[test]
fn previews_show_what_each_type_can_show() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let big = d
        .attach(id, "groot.png", &png(1000, 500), &clock())
        .unwrap();
    match d.preview(big.id).unwrap() {
        Preview::Image { png, width, height } => {
            assert_eq!((width, height), (1000, 500));
            let thumb = image::load_from_memory(&png).unwrap();
            assert_eq!((thumb.width(), thumb.height()), (480, 240));
        }
        other => panic!("{other:?}"),
    }
    let photo = d.attach(id, "foto.jpg", &jpeg(64, 48), &clock()).unwrap();
    assert!(matches!(
        d.preview(photo.id).unwrap(),
        Preview::Image {
            width: 64,
            height: 48,
            ..
        }
    ));
    for (name, format, kind) in [
        ("anim.gif", image::ImageFormat::Gif, "image/gif"),
        ("foto.webp", image::ImageFormat::WebP, "image/webp"),
    ] {
        let a = d
            .attach(id, name, &encoded(30, 20, format), &clock())
            .unwrap();
        assert_eq!(a.media_type, kind);
        assert!(matches!(
            d.preview(a.id).unwrap(),
            Preview::Image {
                width: 30,
                height: 20,
                ..
            }
        ));
    }
    let letter = d
        .attach(id, "brief.pdf", &pdf("Beschikking bijstand"), &clock())
        .unwrap();
    match d.preview(letter.id).unwrap() {
        Preview::Pdf {
            pages,
            first_page_text,
        } => {
            assert_eq!(pages, 1);
            assert!(first_page_text.contains("Beschikking"), "{first_page_text}");
        }
        other => panic!("{other:?}"),
    }
    let mail = d
        .attach(
            id,
            "mail.eml",
            &eml("Uw uitkering", "Bel ons vóór vrijdag"),
            &clock(),
        )
        .unwrap();
    match d.preview(mail.id).unwrap() {
        Preview::Email {
            from,
            to,
            subject,
            date,
            body,
        } => {
            assert_eq!(from, "Klantmanager WPI <km@wpi.example>");
            assert_eq!(to, "Ik <ik@example.nl>");
            assert_eq!(subject, "Uw uitkering");
            assert!(date.contains("2026"), "{date}");
            assert!(body.contains("vóór vrijdag"), "{body}");
        }
        other => panic!("{other:?}"),
    }
    let long = "regel\n".repeat(10_000);
    let text = d.attach(id, "log.txt", long.as_bytes(), &clock()).unwrap();
    match d.preview(text.id).unwrap() {
        Preview::Text { text } => assert_eq!(text.chars().count(), 20_000),
        other => panic!("{other:?}"),
    }
    let unknown = d.attach(id, "x.bin", &noise(100), &clock()).unwrap();
    assert!(matches!(
        d.preview(unknown.id).unwrap(),
        Preview::None { .. }
    ));
}

#[test]
fn damaged_jpeg_and_pdf_give_no_preview_but_no_error() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let mut broken_jpeg = jpeg(64, 48)[..40].to_vec();
    broken_jpeg.extend_from_slice(&noise(200));
    let mut broken_pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R".to_vec();
    broken_pdf.extend_from_slice(&noise(300));
    // What the attachment fuzzer made of our own files: 100 KB of a PDF with seven
    // trailers, three catalogs and no cross-reference table, which sends lopdf into its
    // repair scan (it once passed libFuzzer's 10 s limit on a machine under load).
    let fuzzed_pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pdf-fuzzed-xref-repair.pdf"
    ))
    .unwrap();
    for (name, bytes, kind) in [
        ("kapot.jpg", broken_jpeg, "image/jpeg"),
        ("kapot.pdf", broken_pdf, "application/pdf"),
        ("hersteld.pdf", fuzzed_pdf, "application/pdf"),
    ] {
        let a = d.attach(id, name, &bytes, &clock()).unwrap();
        assert_eq!(a.media_type, kind);
        match d.preview(a.id).unwrap() {
            Preview::None { reason } => assert!(reason.contains("damaged"), "{reason}"),
            other => panic!("{name}: {other:?}"),
        }
        // The bytes are kept as they were, damaged or not.
        assert_eq!(d.attachment_bytes(a.id).unwrap(), bytes);
    }
    assert!(d.verify_chain().unwrap().broken_at.is_none());
}

/// A 110 KB PNG whose header says 30000 × 30000 pixels (a 1-bit image of zeros; made by
/// writing IHDR and one zlib stream of 30000 empty rows): decoding it whole would need
/// gigabytes. It is kept byte for byte, but gets no preview, at once.
#[test]
fn a_picture_bomb_is_kept_but_not_decoded() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let bytes = include_bytes!("fixtures/png-30000x30000-1bit.png");
    let a = d.attach(id, "enorm.png", bytes, &clock()).unwrap();
    assert_eq!(a.media_type, "image/png");
    match d.preview(a.id).unwrap() {
        Preview::None { reason } => assert!(
            reason.contains("too large") && reason.contains("30000 × 30000"),
            "{reason}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(d.attachment_bytes(a.id).unwrap(), bytes.to_vec());
    // A big but ordinary picture still gets its thumbnail.
    let photo = d
        .attach(id, "foto.png", &png(2000, 1500), &clock())
        .unwrap();
    assert!(matches!(
        d.preview(photo.id).unwrap(),
        Preview::Image { width: 2000, .. }
    ));
}

#[test]
fn empty_file_is_refused_and_nothing_is_stored() {
    let (tmp, mut d, id) = dossier_with_entry();
    let before = d.history(id).unwrap().len();
    let err = d.attach(id, "scan.jpg", &[], &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::AttachmentEmpty(n) if n == "scan.jpg"),
        "{err:?}"
    );
    assert_eq!(err.code(), "attachment_empty");
    let empty = tmp.path().join("leeg.pdf");
    fs::write(&empty, b"").unwrap();
    let err = d.attach_file(id, &empty, &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::AttachmentEmpty(n) if n == "leeg.pdf"),
        "{err:?}"
    );
    assert!(d.attachments(id).unwrap().is_empty());
    assert_eq!(d.history(id).unwrap().len(), before);
    assert_eq!(d.entry(id).unwrap().version, 1);
}

#[test]
fn oversized_file_is_refused_from_its_size_without_reading_it() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let before = d.history(id).unwrap().len();
    // Not under the system temp folder, which the canary test reads file by file.
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    for (name, len) in [
        ("net-te-groot.mp4", MAX_ATTACHMENT_BYTES + 1),
        // Sparse, so nothing is written; reading it would take minutes and 10 GB.
        ("film.mkv", 10 * 1024 * 1024 * 1024),
    ] {
        let path = tmp.path().join(name);
        fs::File::create(&path).unwrap().set_len(len).unwrap();
        let started = std::time::Instant::now();
        let err = d.attach_file(id, &path, &clock()).unwrap_err();
        assert!(
            matches!(&err, Error::AttachmentTooLarge { name: n, max_mb: 200 } if n == name),
            "{err:?}"
        );
        assert_eq!(err.code(), "attachment_too_large");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
    assert!(d.attachments(id).unwrap().is_empty());
    assert_eq!(d.history(id).unwrap().len(), before);
}

#[test]
fn missing_file_and_folder_give_clear_errors() {
    let (tmp, mut d, id) = dossier_with_entry();
    let missing = tmp.path().join("bestaat-niet.pdf");
    let err = d.attach_file(id, &missing, &clock()).unwrap_err();
    // Said as "not found", not as an input/output failure of the dossier or stick.
    assert_eq!(err.code(), "not_found", "{err:?}");
    assert!(err.to_string().contains("bestaat-niet.pdf"), "{err}");
    let err = d.attach_file(id, tmp.path(), &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(m) if m.contains("folder")),
        "{err:?}"
    );
    assert!(d.attachments(id).unwrap().is_empty());
}

#[test]
fn attach_file_reads_the_file_and_keeps_its_name() {
    let (tmp, mut d, id) = dossier_with_entry();
    let path = tmp.path().join("brief gemeente.pdf");
    let bytes = pdf("Besluit");
    fs::write(&path, &bytes).unwrap();
    let a = d.attach_file(id, &path, &clock()).unwrap();
    assert_eq!(a.filename, "brief gemeente.pdf");
    assert_eq!(a.media_type, "application/pdf");
    assert_eq!(a.sha256, sha256(&bytes));
    assert_eq!(d.attachment_bytes(a.id).unwrap(), bytes);
}

#[test]
fn fifty_megabytes_round_trip_byte_identical() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let dir = tmp.path().join("kluis");
    let bytes = noise(50 * 1024 * 1024);
    let (id, att) = {
        let (mut d, _) = create(&dir);
        let e = d.add_entry(&note("Dossier UWV", ""), &clock()).unwrap();
        let a = d.attach(e.id, "dossier-uwv.bin", &bytes, &clock()).unwrap();
        (e.id, a)
    };
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let back = d.attachment_bytes(att.id).unwrap();
    assert_eq!(back.len(), bytes.len());
    assert_eq!(sha256(&back), sha256(&bytes));
    assert!(back == bytes);
    assert_eq!(d.attachments(id).unwrap(), vec![att]);
}

#[test]
fn attach_and_detach_are_versions_in_the_verified_chain() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let bytes = eml("Afspraak", "Gesprek op dinsdag");
    let a = d.attach(id, "afspraak.eml", &bytes, &clock()).unwrap();
    let entry = d.entry(id).unwrap();
    assert_eq!(entry.version, 2);
    assert_eq!(entry.attachment_count, 1);
    assert!(entry.updated_at.is_some());
    let versions = d.history(id).unwrap();
    assert_eq!(versions.len(), 2);
    let v2 = &versions[1];
    assert_eq!((v2.version, v2.action.as_str()), (2, "edit"));
    assert_eq!(v2.reason, "bijlage toegevoegd: afspraak.eml");
    assert_eq!(v2.attachments, sha256(&bytes));
    assert_eq!(versions[0].attachments, "");
    let report = d.verify_chain().unwrap();
    assert_eq!(report.broken_at, None);
    assert_eq!(report.head, v2.hash);

    assert!(matches!(
        d.detach(a.id, "  ", &clock()),
        Err(Error::Invalid(_))
    ));
    d.detach(a.id, "verkeerde mail", &clock()).unwrap();
    assert!(d.attachments(id).unwrap().is_empty());
    assert_eq!(d.entry(id).unwrap().attachment_count, 0);
    let versions = d.history(id).unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(
        versions[2].reason,
        "bijlage verwijderd: afspraak.eml — verkeerde mail"
    );
    assert_eq!(versions[2].attachments, "");
    assert_eq!(versions[1].attachments, sha256(&bytes));
    assert_eq!(d.verify_chain().unwrap().broken_at, None);
    // The old version can still be opened from the history.
    assert_eq!(d.attachment_bytes(a.id).unwrap(), bytes);
    let err = d.detach(a.id, "nog eens", &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(m) if m.contains("already")),
        "{err:?}"
    );
    assert_eq!(d.history(id).unwrap().len(), 3);
}

#[test]
fn attaching_to_a_deleted_or_missing_entry_is_refused() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let err = d.attach(9999, "a.txt", b"tekst", &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(m) if m.contains("does not exist")),
        "{err:?}"
    );
    let a = d.attach(id, "a.txt", b"tekst", &clock()).unwrap();
    d.delete_entry(id, "dubbel ingevoerd", &clock()).unwrap();
    let versions = d.history(id).unwrap().len();
    let err = d.attach(id, "b.txt", b"meer tekst", &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(m) if m.contains("deleted")),
        "{err:?}"
    );
    let err = d.detach(a.id, "weg", &clock()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(m) if m.contains("deleted")),
        "{err:?}"
    );
    // The refused detach was rolled back with its transaction.
    assert_eq!(d.attachments(id).unwrap(), vec![a]);
    assert_eq!(d.history(id).unwrap().len(), versions);
    assert_eq!(d.verify_chain().unwrap().broken_at, None);
}

#[test]
fn search_finds_words_that_occur_only_in_attachments() {
    let (_tmp, mut d, id) = dossier_with_entry();
    let other = d
        .add_entry(&note("Telefoon", "niets bijzonders"), &clock())
        .unwrap();
    assert!(d.search("herindicatie", 10).unwrap().is_empty());
    let mail = d
        .attach(
            id,
            "mail.eml",
            &eml("Oproep", "Uw herindicatie is gepland"),
            &clock(),
        )
        .unwrap();
    d.attach(
        other.id,
        "notitie.txt",
        "Het re-integratietraject loopt".as_bytes(),
        &clock(),
    )
    .unwrap();
    d.attach(other.id, "brief.pdf", &pdf("Maatregel verlaging"), &clock())
        .unwrap();
    let ids = |d: &Dossier, q: &str| -> Vec<i64> {
        d.search(q, 10).unwrap().iter().map(|e| e.id).collect()
    };
    assert_eq!(ids(&d, "herindicatie"), [id]);
    assert_eq!(ids(&d, "Oproep"), [id]); // the subject header
    assert_eq!(ids(&d, "wpi.example"), [id]); // the sender
    assert_eq!(ids(&d, "traject"), Vec::<i64>::new()); // whole words / prefixes only
    assert_eq!(ids(&d, "re-integratietraject"), [other.id]);
    assert_eq!(ids(&d, "maatregel"), [other.id]); // PDF text
    d.detach(mail.id, "hoort bij ander gesprek", &clock())
        .unwrap();
    assert!(ids(&d, "herindicatie").is_empty());
}

#[test]
fn canary_in_attachments_is_found_in_no_file_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let canary = format!("KANARIEBIJLAGE{}", std::process::id());
    let started = std::time::SystemTime::now();
    let source = tmp.path().join("bron");
    fs::create_dir(&source).unwrap();
    let note_file = source.join("medisch.txt");
    fs::write(&note_file, format!("Diagnose: {canary}\n").repeat(50)).unwrap();
    {
        let (mut d, _) = create(&dir);
        let e = d.add_entry(&note("Keuring", "verslag"), &clock()).unwrap();
        d.attach_file(e.id, &note_file, &clock()).unwrap();
        d.attach(
            e.id,
            "keuring.eml",
            &eml(&canary, &canary.repeat(30)),
            &clock(),
        )
        .unwrap();
        let _ = d.preview(1).unwrap();
        assert_eq!(d.search(&canary, 5).unwrap().len(), 1);
        // Still open: the WAL holds the fresh pages and must be encrypted too.
        assert!(dir.join("dossier.db-wal").exists());
        assert_eq!(
            files_containing(&dir, canary.as_bytes()),
            Vec::<std::path::PathBuf>::new()
        );
    }
    assert_eq!(
        files_containing(&dir, canary.as_bytes()),
        Vec::<std::path::PathBuf>::new()
    );
    assert_no_fresh_temp_file_holds(canary.as_bytes(), started, &[&dir, &source]);
    // And it really is inside: the byte search above would pass on an empty store.
    let d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let hits = d.search(&canary, 5).unwrap();
    assert_eq!(hits.len(), 1);
    let atts = d.attachments(hits[0].id).unwrap();
    assert_eq!(atts.len(), 2);
    assert!(contains(
        &d.attachment_bytes(atts[0].id).unwrap(),
        canary.as_bytes()
    ));
}

fn assert_no_fresh_temp_file_holds(needle: &[u8], since: std::time::SystemTime, skip: &[&Path]) {
    for f in walk(&std::env::temp_dir()) {
        // Other test processes share the temp folder; a file of theirs larger than
        // anything this test wrote cannot hold our canary in a way worth reading.
        let fresh = fs::metadata(&f)
            .map(|m| m.len() < 64 * 1024 * 1024 && m.modified().is_ok_and(|t| t >= since))
            .unwrap_or(false);
        if fresh && !skip.iter().any(|s| f.starts_with(s)) {
            let bytes = fs::read(&f).unwrap_or_default();
            assert!(!contains(&bytes, needle), "{} leaks", f.display());
        }
    }
}
