#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! The PDF bundle as a lawyer receives it: checked through poppler's `pdftotext` and
//! `pdfinfo` and `qpdf --check`, on data built here (no dossier needed).
//!
//! Set `EXPORT_PDF_KEEP=/some/dir` to keep the PDFs for looking at them.

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use dossier_core::exemption::{Duty, Exemption, ExemptionBasis, ExemptionData};
use dossier_core::export::{
    export_pdf, CoverPerson, ExportAttachment, ExportInput, ExportOptions, ExportPerson, Lang,
    OpenDeadline, PdfBundle,
};
use dossier_core::{Entry, EntryData, EntryKind, EntryPerson, FixedClock};
use lopdf::{dictionary, Document, Object, Stream};

fn clock() -> FixedClock {
    FixedClock(Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap())
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn entry(id: i64, kind: EntryKind, date: &str, title: &str) -> Entry {
    Entry {
        id,
        data: EntryData::new(kind, day(date), title),
        created_at: format!("{date}T15:00:00Z"),
        updated_at: None,
        version: 1,
        deleted_at: None,
        delete_reason: String::new(),
        attachment_count: 0,
    }
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

fn attachment(
    id: i64,
    entry_id: i64,
    filename: &str,
    media_type: &str,
    bytes: Vec<u8>,
) -> ExportAttachment {
    ExportAttachment {
        id,
        entry_id,
        filename: filename.into(),
        media_type: media_type.into(),
        sha256: sha256(&bytes),
        bytes,
    }
}

/// A photographed letter: a light page with dark "text lines".
fn jpeg(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let line = (y / 18) % 2 == 0 && x > w / 10 && x < w * 9 / 10 && y > h / 8;
        if line {
            image::Rgb([40, 40, 60u8.wrapping_add(seed)])
        } else {
            image::Rgb([245, 242, 235])
        }
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, y| {
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 128, 255])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A PDF of `n` pages saying "Originele pagina i", with MediaBox and Resources
/// inherited from the page tree; page 2 (if any) is landscape and rotated.
fn pdf(n: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica"},
    );
    let resources = doc.add_object(dictionary! {"Font" => dictionary! {"F1" => font}});
    let mut kids: Vec<Object> = Vec::new();
    for i in 1..=n {
        // The landscape page's box is 595 high: its text sits lower.
        let y = if i == 2 { 500 } else { 720 };
        let content = format!(
            "BT /F1 28 Tf 72 {y} Td (Originele pagina {i}) Tj ET 0.5 w 72 {} m 520 {} l S",
            y - 20,
            y - 20
        );
        let c = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let mut page = dictionary! {"Type" => "Page", "Parent" => pages_id, "Contents" => c};
        if i == 2 {
            page.set("MediaBox", vec![0.into(), 0.into(), 842.into(), 595.into()]);
            page.set("Rotate", 90);
        }
        kids.push(doc.add_object(page).into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => n as i64, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// `bytes` encrypted by qpdf (AES-256) with this user password.
fn qpdf_encrypt(bytes: &[u8], user: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let (plain, locked) = (dir.path().join("in.pdf"), dir.path().join("out.pdf"));
    std::fs::write(&plain, bytes).unwrap();
    let args = ["--encrypt", user, "eigenaar", "256", "--print=none", "--"];
    let out = Command::new("qpdf")
        .args(args)
        .arg(&plain)
        .arg(&locked)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(locked).unwrap()
}

fn person(id: i64, name: &str, role: &str, org: &str) -> ExportPerson {
    ExportPerson {
        id,
        name: name.into(),
        role: role.into(),
        organisation: org.into(),
    }
}

const LONG_NAME: &str = "scan_van_de_brief_van_de_gemeente_over_de_opschorting_van_mijn_uitkering_maart_2026_definitief_versie_3_honderd_bladzijden.pdf";

const MEDICAL_TITLE: &str = "Keuring bij de bedrijfsarts over rugklachten";

/// A small dossier: given out of order on purpose.
fn sample() -> ExportInput {
    let mut letter = entry(
        3,
        EntryKind::LetterIn,
        "2026-03-05",
        "Brief: opschorting van de uitkering",
    );
    letter.data.kenmerk = "WPI/2026/0457".into();
    letter.data.letter_dated = Some(day("2026-03-02"));
    letter.data.sent_on = Some(day("2026-03-03"));
    letter.data.received_on = Some(day("2026-03-05"));
    // A Sunday, as the letter wrote it: printed unchanged.
    letter.data.reply_by = Some(day("2026-03-15"));
    letter.data.appointment_on = Some(day("2026-03-18"));
    letter.data.appointment_time = NaiveTime::from_hms_opt(10, 0, 0);
    letter.data.people = vec![EntryPerson {
        person_id: 1,
        role: String::new(),
    }];

    let mut call = entry(
        1,
        EntryKind::CallIn,
        "2026-02-10",
        "Gebeld door klantmanager over bankafschriften",
    );
    call.data.occurred_time = NaiveTime::from_hms_opt(9, 30, 0);
    call.data.notes = "Mevrouw Çağlar Özdemir-Şahin zei: één keer nog, geïnformeerd, coöperatie, Straße, financiële positie.".into();
    call.data.asked = "Alle bankafschriften van de afgelopen drie maanden.".into();
    call.data.promised = "Ik stuur ze vóór vrijdag via het portaal.".into();
    call.data.threat = true;
    call.data.threat_text =
        "Als de afschriften er vrijdag niet zijn, wordt de uitkering stopgezet.".into();
    call.data.companions = "Mijn buurvrouw luisterde mee (speaker).".into();
    call.data.people = vec![EntryPerson {
        person_id: 1,
        role: "belde mij".into(),
    }];
    call.created_at = "2026-02-14T20:00:00Z".into();

    let mut call2 = entry(
        2,
        EntryKind::CallOut,
        "2026-02-12",
        "Zelf gebeld: afschriften verstuurd?",
    );
    call2.data.agreed = "Ontvangst wordt per brief bevestigd.".into();

    let mut meeting = entry(
        4,
        EntryKind::Meeting,
        "2026-03-10",
        "Gesprek op kantoor met jobhunter",
    );
    meeting.data.place = "Servicepunt Zuid".into();
    meeting.data.people = vec![
        EntryPerson {
            person_id: 2,
            role: String::new(),
        },
        EntryPerson {
            person_id: 3,
            role: "tolkte".into(),
        },
    ];
    meeting.data.follow_up_on = Some(day("2026-12-01"));

    let mut decision = entry(
        5,
        EntryKind::Decision,
        "2026-11-06",
        "Besluit: maatregel 30% gedurende een maand",
    );
    decision.data.kenmerk = "WPI/2026/1122".into();
    decision.data.sent_on = Some(day("2026-11-05"));

    let mut gone = entry(6, EntryKind::Note, "2026-03-11", "Dubbel ingevoerd");
    gone.deleted_at = Some("2026-03-12T08:00:00Z".into());
    gone.delete_reason = "per ongeluk twee keer vastgelegd".into();

    let mut medical = entry(7, EntryKind::Note, "2026-03-08", MEDICAL_TITLE);
    medical.data.medical = true;
    medical.data.notes = "Diagnose hernia; advies geen tilwerk.".into();

    let mut keuring = entry(
        8,
        EntryKind::MedicalAssessment,
        "2026-03-09",
        "Medische keuring UWV",
    );
    keuring.data.notes = "Keuringsarts: beperkt belastbaar.".into();

    let mail = "From: Jan Jansen <j.jansen@wpi.example>\r\nTo: ik@example.nl\r\nSubject: Uw afspraak\r\nDate: Tue, 10 Mar 2026 10:00:00 +0100\r\n\r\nBeste mevrouw,\r\n\r\nUw afspraak staat op 10 maart.\r\n";
    let mut att_meeting_mail = attachment(
        14,
        4,
        "afspraak.eml",
        "message/rfc822",
        mail.as_bytes().to_vec(),
    );
    att_meeting_mail.id = 14;

    ExportInput {
        entries: vec![
            decision, meeting, gone, letter, keuring, call2, medical, call,
        ],
        people: vec![
            person(1, "Jan Jansen", "klantmanager", "WPI"),
            person(2, "Fatma Yılmaz", "jobhunter", "WPI Werk"),
            person(3, "Mohammed El Amrani (محمد العمراني)", "tolk", ""),
        ],
        attachments: vec![
            attachment(
                10,
                3,
                "brief-opschorting.jpg",
                "image/jpeg",
                jpeg(1240, 1754, 0),
            ),
            attachment(11, 3, "brief-bijlage.pdf", "application/pdf", pdf(3)),
            attachment(12, 1, "schermafdruk.png", "image/png", png(800, 500)),
            att_meeting_mail,
            attachment(
                15,
                7,
                "medisch-rapport.jpg",
                "image/jpeg",
                jpeg(600, 800, 99),
            ),
        ],
        chain_head: "9f2c".repeat(16),
        chain_versions: 42,
        chain_intact: true,
        open_deadlines: vec![OpenDeadline {
            entry_id: 5,
            date: day("2026-12-17"),
            text: "laatste dag van de bezwaartermijn tegen het besluit van 5 november".into(),
            missed: false,
        }],
        exemptions: vec![
            Exemption {
                id: 1,
                data: ExemptionData {
                    decided_by: "klantmanager J. Jansen, WPI".into(),
                    basis: ExemptionBasis::MedicalAssessment,
                    // Medical detail: printed only when medical material is included.
                    basis_text: "hernia".into(),
                    ..ExemptionData::new(Duty::Work, day("2025-07-01"), day("2027-06-30"))
                },
                created_at: "2025-07-02T10:00:00Z".into(),
                updated_at: None,
                deleted_at: None,
            },
            Exemption {
                id: 2,
                data: ExemptionData::new(Duty::Applying, day("2026-01-01"), day("2026-12-31")),
                created_at: "2026-01-02T10:00:00Z".into(),
                updated_at: None,
                deleted_at: Some("2026-01-03T10:00:00Z".into()),
            },
        ],
    }
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for these tests (poppler-utils, qpdf): {e}"))
}

/// Writes the bundle, checks it with qpdf and returns its text per page.
fn check(bundle: &PdfBundle, name: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&path, &bundle.bytes).unwrap();
    if let Ok(keep) = std::env::var("EXPORT_PDF_KEEP") {
        std::fs::write(Path::new(&keep).join(format!("{name}.pdf")), &bundle.bytes).unwrap();
    }
    let q = tool("qpdf", &["--check", path.to_str().unwrap()]);
    let qout = String::from_utf8_lossy(&q.stdout);
    assert!(
        q.status.success(),
        "qpdf --check {name}: {qout}{}",
        String::from_utf8_lossy(&q.stderr)
    );
    assert!(!qout.contains("WARNING"), "qpdf warns on {name}: {qout}");
    let info =
        String::from_utf8_lossy(&tool("pdfinfo", &[path.to_str().unwrap()]).stdout).to_string();
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        pages, bundle.pages,
        "{name}: pdfinfo and the bundle disagree on pages"
    );
    assert!(
        info.contains("Title:") && info.contains("WPI"),
        "{name}: document title"
    );
    // The XMP packet (PDF/A-style metadata) carries the same title and a language.
    let meta = String::from_utf8_lossy(&tool("pdfinfo", &["-meta", path.to_str().unwrap()]).stdout)
        .to_string();
    assert!(
        meta.contains("<dc:title>") && meta.contains("WPI") && meta.contains("<dc:language>"),
        "{name}: XMP metadata: {meta}"
    );
    let outline = tool(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    let outline = String::from_utf8_lossy(&outline.stdout).to_string();
    assert!(
        outline.contains("\"Voorblad\"") || outline.contains("\"Cover\""),
        "{name}: bookmarks, starting with the cover"
    );
    let text = tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    let text = String::from_utf8(text.stdout).unwrap();
    let mut per_page: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if per_page.last().is_some_and(|p| p.trim().is_empty()) {
        per_page.pop();
    }
    assert_eq!(
        per_page.len(),
        pages as usize,
        "{name}: one form feed per page"
    );
    for (i, p) in per_page.iter().enumerate() {
        let want = format!("pagina {} van {pages}", i + 1);
        let want_en = format!("page {} of {pages}", i + 1);
        assert!(
            p.contains(&want) || p.contains(&want_en),
            "{name}: page {} lacks '{want}':\n{p}",
            i + 1
        );
    }
    per_page
}

fn pos(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("'{needle}' not in the text"))
}

#[test]
fn the_bundle_reads_as_a_lawyer_expects() {
    let input = sample();
    let options = ExportOptions {
        cover_person: Some(CoverPerson {
            name: "Ayşe Çelik".into(),
            address: vec!["Kerkstraat 1".into(), "1234 AB Ergens".into()],
        }),
        ..ExportOptions::default()
    };
    let bundle = export_pdf(&input, &options, &clock()).unwrap();
    let pages = check(&bundle, "golden-nl");
    let all = pages.join("\n");
    let cover = &pages[0];
    assert!(cover.contains("Chronologisch overzicht van contacten met WPI"));
    assert!(cover.contains("Ayşe Çelik") && cover.contains("Kerkstraat 1"));
    assert!(cover.contains("2 telefoongesprekken"), "{cover}");
    assert!(
        cover.contains("1 brief") && cover.contains("1 besluit") && cover.contains("1 gesprek"),
        "{cover}"
    );
    assert!(
        cover.contains("zondag 22 november 2026"),
        "made on, from the clock: {cover}"
    );
    assert!(cover.contains("17 december 2026"), "open deadline: {cover}");
    assert!(cover.contains(&"9f2c".repeat(16)), "chain head: {cover}");
    // Oldest first, whatever order the input had.
    let order = [
        "Gebeld door klantmanager",
        "Zelf gebeld",
        "Brief: opschorting",
        "Gesprek op kantoor",
        "Dubbel ingevoerd",
        "Besluit: maatregel",
    ];
    // In the chronology (after the contents, which lists them in the same order).
    let toc_end = pages.iter().rposition(|p| p.contains("Blz.")).unwrap() + 1;
    let body = pages[toc_end..].join("\n");
    let at: Vec<usize> = order.iter().map(|t| pos(&body, t)).collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "not chronological: {at:?}"
    );
    assert!(all.contains("dinsdag 10 februari 2026, 09:30 uur"));
    assert!(
        all.contains("Reageren vóór (zoals in de brief): zondag 15 maart 2026"),
        "reply-by date as written: {all}"
    );
    assert!(all.contains("Afspraak op: woensdag 18 maart 2026 10:00"));
    // The exemption in force, on the cover and on the contacts made during it; not
    // the deleted one, and not what it rests on (medical) in a default export.
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    let cover_flat = cover.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        cover_flat.contains(
            "Ontheffingen in deze periode Arbeidsverplichtingen: van dinsdag 1 juli 2025 tot en \
             met woensdag 30 juni 2027. Besloten door: klantmanager J. Jansen, WPI."
        ),
        "{cover_flat}"
    );
    assert!(!flat.contains("sollicitatieplicht"), "a deleted exemption");
    let line = "Ontheffing op deze datum: arbeidsverplichtingen (tot en met woensdag 30 juni 2027)";
    let body_flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let call_block =
        &body_flat[pos(&body_flat, "Gebeld door klantmanager")..pos(&body_flat, "Zelf gebeld")];
    assert!(
        call_block.contains(line),
        "on the call the agency made: {call_block}"
    );
    let own_call =
        &body_flat[pos(&body_flat, "Zelf gebeld")..pos(&body_flat, "Brief: opschorting")];
    assert!(!own_call.contains(line), "not on the person's own call");
    assert!(
        all.contains("WPI/2026/0457") && all.contains("Jan Jansen (klantmanager, WPI) — belde mij")
    );
    assert!(all.contains("datum op de brief maandag 2 maart 2026"));
    assert!(all.contains("LET OP — sanctie gedreigd"));
    assert!(
        all.contains("Verwijderd op 12-03-2026")
            && all.contains("per ongeluk twee keer vastgelegd")
    );
    assert!(
        all.contains("Vastgelegd op 14-02-2026"),
        "recorded four days later"
    );
    // Arabic script has no glyphs in Noto Sans: boxes, with a note saying so; the
    // name in Latin letters reads normally.
    assert!(all.contains("Mohammed El Amrani"));
    assert!(all.contains("bevat tekens die het lettertype van dit overzicht niet heeft"));
    for word in [
        "Çağlar",
        "Özdemir-Şahin",
        "één",
        "geïnformeerd",
        "coöperatie",
        "Straße",
        "financiële",
        "Yılmaz",
    ] {
        assert!(all.contains(word), "diacritics lost: {word}");
    }
    // Exhibits: numbered in chronological order, index with the stored SHA-256.
    assert_eq!(bundle.exhibits, 4);
    let index = pages
        .iter()
        .position(|p| p.contains("Overzicht bijlagen"))
        .unwrap();
    for (n, a) in [(1, 12), (2, 10), (3, 11), (4, 14)] {
        let att = input.attachments.iter().find(|x| x.id == a).unwrap();
        assert!(
            pages[index].contains(&format!("Bijlage {n}")),
            "index lacks Bijlage {n}"
        );
        assert!(
            pages[index].contains(&att.sha256),
            "index lacks the hash of {}",
            att.filename
        );
        let sep = pages
            .iter()
            .position(|p| p.contains(&format!("Bijlage {n} — ")))
            .unwrap();
        assert!(sep > index, "Bijlage {n} comes after the index");
        let said = format!("{} · begint op pagina {}", att.filename, sep + 1);
        let index_text = pages[index].replace('\n', " ");
        assert!(
            index_text.contains(&format!("begint op pagina {}", sep + 1)),
            "the index gives the right start page for Bijlage {n}: {said}"
        );
    }
    // The block names each exhibit on its own line with the page it starts on.
    for (n, file) in [(2, "brief-opschorting.jpg"), (3, "brief-bijlage.pdf")] {
        let sep = pages
            .iter()
            .position(|p| p.contains(&format!("Bijlage {n} — ")))
            .unwrap();
        let line = format!("Bijlage {n} ({file}), pagina {}", sep + 1);
        assert!(body.contains(&line), "{line}");
    }
    // The three pages of the attached PDF, merged in order, text still extractable.
    let p: Vec<usize> = (1..=3)
        .map(|i| pos(&all, &format!("Originele pagina {i}")))
        .collect();
    assert!(p[0] < p[1] && p[1] < p[2]);
    assert!(all.contains("Bijlage 3 — blad 2 van 3"));
    assert!(all.contains("Van:") && all.contains("Uw afspraak staat op 10 maart."));
    assert_eq!(bundle.placeholders, 0);
}

#[test]
fn medical_material_stays_out_unless_chosen() {
    let input = sample();
    let med = input
        .attachments
        .iter()
        .find(|a| a.id == 15)
        .unwrap()
        .bytes
        .clone();
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);

    let bundle = export_pdf(&input, &ExportOptions::default(), &clock()).unwrap();
    let pages = check(&bundle, "default");
    let all = pages.join("\n");
    for marker in [
        "Vertrouwelijk",
        "VERTROUWELIJK",
        MEDICAL_TITLE,
        "hernia",
        "Medische keuring UWV",
        "medisch-rapport.jpg",
        "keuring",
    ] {
        assert!(!all.contains(marker), "default export shows '{marker}'");
    }
    assert!(
        !contains(&bundle.bytes, &med[..2048]),
        "medical image bytes in the default export"
    );
    assert!(!contains(&bundle.bytes, &med[med.len() - 4096..]));

    let opted = ExportOptions {
        include_medical: true,
        ..ExportOptions::default()
    };
    let bundle = export_pdf(&input, &opted, &clock()).unwrap();
    let pages = check(&bundle, "medical");
    let cover = pages
        .iter()
        .position(|p| p.contains("Vertrouwelijk — medische gegevens") && p.contains("AVG"))
        .unwrap();
    let last_main = pages.iter().rposition(|p| p.contains("Bijlage 4")).unwrap();
    assert!(cover > last_main, "the annex comes after the main exhibits");
    let entry = pages
        .iter()
        .position(|p| p.contains(MEDICAL_TITLE))
        .unwrap();
    assert!(entry > cover);
    assert!(pages[cover..]
        .iter()
        .all(|p| p.contains("VERTROUWELIJK — MEDISCHE GEGEVENS") || p.contains("Vertrouwelijk")));
    assert!(pages[cover..].iter().any(|p| p.contains("Bijlage M1 — ")));
    assert!(
        contains(&bundle.bytes, &med),
        "opted in: the medical JPEG is placed as it is"
    );
    // Opted in: what the exemption rests on may be shown.
    let cover_flat = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        cover_flat.contains("Op grond van: medische keuring (hernia)."),
        "{cover_flat}"
    );
    // Main numbering does not move when the annex is added.
    assert!(pages[..cover].iter().any(|p| p.contains("Bijlage 4 — ")));
}

#[test]
fn english_bundle_and_no_originals() {
    let options = ExportOptions {
        lang: Lang::En,
        include_attachments: false,
        kinds: vec![EntryKind::CallIn, EntryKind::CallOut, EntryKind::LetterIn],
        ..ExportOptions::default()
    };
    let bundle = export_pdf(&sample(), &options, &clock()).unwrap();
    let pages = check(&bundle, "english");
    let all = pages.join("\n");
    assert!(all.contains("Chronological record of contacts with WPI"));
    assert!(all.contains("2 phone calls") && all.contains("1 letter"));
    assert!(all.contains("List of exhibits") && all.contains("Exhibit 3"));
    assert!(
        !all.contains("Originele pagina"),
        "originals left out on request"
    );
    assert!(!all.contains("Meeting at the office"), "kind filter");
}

#[test]
fn robust_against_long_text_many_entries_and_bad_files() {
    let mut input = sample();
    let mut long = entry(
        100,
        EntryKind::Note,
        "2026-04-01",
        "Lange notitie over het hele traject",
    );
    long.data.notes = (0..2000)
        .map(|i| format!("woord{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    long.data.notes.push_str(&format!(" {}", "x".repeat(3000)));
    input.entries.push(long);
    for i in 0..500 {
        let mut e = entry(
            1000 + i,
            EntryKind::Sms,
            "2026-04-02",
            &format!("Bericht {i} van die dag"),
        );
        e.data.occurred_time =
            NaiveTime::from_hms_opt(8 + (i / 60) as u32 % 12, (i % 60) as u32, 0);
        input.entries.push(e);
    }
    input.entries.push(entry(
        200,
        EntryKind::LetterIn,
        "2026-04-03",
        "Brief met slechte bijlagen",
    ));
    let good = jpeg(400, 300, 1);
    let mut corrupt = good[..4].to_vec();
    corrupt.extend(std::iter::repeat_n(0x55u8, 5000));
    let truncated = good[..good.len() / 2].to_vec();
    let broken_pdf =
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"
            .to_vec();
    let locked = qpdf_encrypt(&pdf(2), "geheim");
    // Agencies often send PDFs with an owner password only: they open without one.
    let restricted = qpdf_encrypt(&pdf(2), "");
    input.attachments.extend([
        attachment(300, 200, "kapot.jpg", "image/jpeg", corrupt),
        attachment(301, 200, "half.jpg", "image/jpeg", truncated),
        attachment(302, 200, "kapot.pdf", "application/pdf", broken_pdf),
        attachment(303, 200, "beveiligd.pdf", "application/pdf", locked),
        attachment(306, 200, "alleen-lezen.pdf", "application/pdf", restricted),
        attachment(304, 200, LONG_NAME, "application/pdf", pdf(100)),
        // 110 KB that describe 30000 × 30000 pixels (900 million): printing it used to
        // take minutes and 1.9 GB; it must get a placeholder at once.
        attachment(
            307,
            200,
            "enorm.png",
            "image/png",
            include_bytes!("fixtures/png-30000x30000-1bit.png").to_vec(),
        ),
        attachment(
            305,
            200,
            "notulen.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            vec![0x50, 0x4b, 3, 4, 1, 2, 3],
        ),
    ]);
    let bundle = export_pdf(&input, &ExportOptions::default(), &clock()).unwrap();
    let pages = check(&bundle, "robust");
    let all = pages.join("\n");
    assert!(bundle.pages > 130, "{} pages", bundle.pages);
    assert!(
        all.contains("woord1999"),
        "the long note is printed to its end"
    );
    assert!(all.contains("Bericht 499 van die dag"));
    assert!(all.contains("Deze afbeelding is beschadigd"));
    assert!(
        all.contains("Deze afbeelding is te groot om af te drukken (30000 × 30000)"),
        "the picture bomb gets a placeholder page naming its size"
    );
    assert!(all.contains("Deze PDF is beschadigd"));
    assert!(all.contains("met een wachtwoord beveiligd"));
    assert!(all.contains("Originele pagina 100") && all.contains("blad 100 van 100"));
    assert!(all.contains("Een bestand van dit soort"));
    let sep = pages
        .iter()
        .position(|p| p.contains("Bestand: alleen-lezen.pdf (application/pdf)"))
        .unwrap();
    assert!(
        pages[sep].contains("Originele pagina 1") && pages[sep + 1].contains("Originele pagina 2"),
        "a PDF with only an owner password is merged, page 1 under its separator"
    );
    assert!(
        all.contains("Let op: dit bestand is onvolledig"),
        "cut-off JPEG"
    );
    // A long file name wraps its index line once the start page is printed: the
    // start pages must still be right.
    let index: String = pages
        .iter()
        .filter(|p| p.contains("SHA-256 van het origineel:") && p.contains("bestand:"))
        .map(|p| p.replace('\n', " "))
        .collect();
    for n in 1..=11 {
        let sep = pages
            .iter()
            .position(|p| p.contains(&format!("Bijlage {n} — ")))
            .unwrap();
        let said = format!("begint op pagina {} ", sep + 1);
        assert!(index.contains(&said), "Bijlage {n}: index lacks '{said}'");
    }
    assert!(
        bundle.placeholders >= 4,
        "{} placeholders",
        bundle.placeholders
    );
    for a in input.attachments.iter().filter(|a| a.entry_id == 200) {
        assert!(
            all.contains(&a.sha256),
            "placeholder and index show the hash of {}",
            a.filename
        );
    }
}

mod common;

/// The same bundle from a real dossier, through `Dossier::export_pdf`: people,
/// attachments and the chain come from the store, and the medical attachment is not
/// even read in a default export.
#[test]
fn a_dossier_exports_through_its_public_api() {
    use dossier_core::{NewEntry, PersonData};
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, _) = common::create(&tmp.path().join("k"));
    let c = clock();
    let jan = d
        .add_person(
            &PersonData {
                name: "Jan Jansen".into(),
                role: "klantmanager".into(),
                organisation: "WPI".into(),
                ..PersonData::default()
            },
            &c,
        )
        .unwrap();
    let letter = NewEntry {
        kenmerk: "WPI/2026/0457".into(),
        people: vec![EntryPerson {
            person_id: jan.id,
            role: "ondertekende".into(),
        }],
        ..NewEntry::new(EntryKind::LetterIn, day("2026-03-05"), "Brief: opschorting")
    };
    let letter = d.add_entry(&letter, &c).unwrap();
    let scan = d.attach(letter.id, "brief.pdf", &pdf(2), &c).unwrap();
    let medical = NewEntry {
        medical: true,
        ..NewEntry::new(EntryKind::Note, day("2026-03-06"), MEDICAL_TITLE)
    };
    let medical = d.add_entry(&medical, &c).unwrap();
    let secret = jpeg(300, 200, 42);
    d.attach(medical.id, "rapport.jpg", &secret, &c).unwrap();

    let bytes = d.export_pdf(&ExportOptions::default(), &c).unwrap();
    let head = d.verify_chain().unwrap().head;
    let bundle = export_pdf(
        &d.export_input(&ExportOptions::default(), &c).unwrap(),
        &ExportOptions::default(),
        &c,
    )
    .unwrap();
    assert!(bundle.bytes == bytes, "same dossier and clock, same bytes");
    let pages = check(&bundle, "dossier");
    let all = pages.join("\n");
    assert!(all.contains("Jan Jansen (klantmanager, WPI) — ondertekende"));
    assert!(all.contains(&scan.sha256) && all.contains(&head));
    assert!(all.contains("Originele pagina 2"));
    assert!(!all.contains(MEDICAL_TITLE) && !all.contains("rapport.jpg"));
    let input = d.export_input(&ExportOptions::default(), &c).unwrap();
    assert!(
        input.attachments.iter().all(|a| a.entry_id != medical.id),
        "medical bytes not loaded"
    );
}
