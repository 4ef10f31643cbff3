#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! The cover as a lawyer reads it on paper (issue 14 part 1), from a real dossier and
//! its own to-do engine, read back through poppler's `pdftotext`: a missed objection
//! period is there with what can still be done, every broken agreement and every
//! agency contact during an exemption is named by the entry number the chronology
//! prints, times are Dutch time, and each field says whose words it holds.

mod common;

use common::{clock, day, dossier, flat, pages};
use dossier_core::entry::ContactRule;
use dossier_core::export::ExportOptions;
use dossier_core::{Duty, EntryKind, ExemptionData, NewEntry};

/// The number the chronology prints before the block whose heading line holds `date`
/// and whose next line is `title`: found in the printed text, not asked of our code.
fn printed_number(chronology: &str, title: &str) -> String {
    let lines: Vec<&str> = chronology.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == title)
        .unwrap_or_else(|| panic!("no block titled {title}"));
    let head = lines[..at].iter().rev().find(|l| !l.is_empty()).unwrap();
    head.split('.').next().unwrap().to_string()
}

#[test]
fn the_cover_shows_what_a_lawyer_must_see_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = dossier(dir.path());
    let c = clock(); // Sunday 22 November 2026, 10:00 UTC (11:00 Dutch time)
    let agreement = NewEntry {
        contact_rule: Some(ContactRule::EmailOnly),
        notes: "Met de klantmanager afgesproken: alleen contact per e-mail.".into(),
        ..NewEntry::new(
            EntryKind::Agreement,
            day("2026-08-03"),
            "Afspraak over contact",
        )
    };
    d.add_entry(&agreement, &c).unwrap();
    d.add_exemption(
        &ExemptionData::new(Duty::Work, day("2026-08-01"), day("2027-01-31")),
        &c,
    )
    .unwrap();
    let call = NewEntry {
        asked: "Of ik morgen op gesprek kan komen.".into(),
        notes: "Ik zei dat we alleen per e-mail contact zouden hebben.".into(),
        ..NewEntry::new(
            EntryKind::CallIn,
            day("2026-09-10"),
            "Gebeld door de jobhunter",
        )
    };
    d.add_entry(&call, &c).unwrap();
    let missed = NewEntry {
        kenmerk: "WPI/2026/0901".into(),
        sent_on: Some(day("2026-09-01")),
        ..NewEntry::new(
            EntryKind::Decision,
            day("2026-09-02"),
            "Besluit: maatregel 100%",
        )
    };
    d.add_entry(&missed, &c).unwrap();
    let open = NewEntry {
        kenmerk: "WPI/2026/1105".into(),
        sent_on: Some(day("2026-11-05")),
        ..NewEntry::new(
            EntryKind::Decision,
            day("2026-11-06"),
            "Besluit: terugvordering",
        )
    };
    d.add_entry(&open, &c).unwrap();

    let pdf = d.export_pdf(&ExportOptions::default(), &c).unwrap();
    if let Ok(keep) = std::env::var("EXPORT_PDF_KEEP") {
        std::fs::write(std::path::Path::new(&keep).join("cover.pdf"), &pdf).unwrap();
    }
    let pages = pages(&pdf, true);
    let cover = flat(&pages[0]);
    let all = pages.join("\n");
    let chronology = pages[1..].join("\n");
    let missed_no = printed_number(&chronology, "Besluit: maatregel 100%");
    let open_no = printed_number(&chronology, "Besluit: terugvordering");
    let call_no = printed_number(&chronology, "Gebeld door de jobhunter");

    // Sent 1 September: six weeks end on Tuesday 13 October 2026; missed by 22 November.
    let missed_at = cover
        .find("Verlopen termijnen")
        .unwrap_or_else(|| panic!("no missed deadlines on the cover: {cover}"));
    let open_at = cover.find("Openstaande termijnen").unwrap();
    assert!(missed_at < open_at, "missed first: {cover}");
    let missed_part = &cover[missed_at..open_at];
    assert!(
        missed_part.contains("dinsdag 13 oktober 2026")
            && missed_part.contains(&format!("Nr. {missed_no}, 02-09-2026")),
        "the missed period names its last day and entry: {missed_part}"
    );
    assert!(
        missed_part.contains("waarom u te laat bent"),
        "a late objection needs the reason why (Awb 6:11): {missed_part}"
    );
    // Sent 5 November: the period runs to Thursday 17 December 2026.
    let open_part = &cover[open_at..];
    assert!(
        open_part.contains("donderdag 17 december 2026")
            && open_part.contains(&format!("Nr. {open_no}, 06-11-2026")),
        "{open_part}"
    );
    assert!(
        !open_part.contains("Geen openstaande termijnen"),
        "{open_part}"
    );

    assert!(
        cover.contains("1 contact ging in tegen een gemaakte afspraak over contact")
            && cover.contains(&format!("Nr. {call_no}, 10-09-2026")),
        "the broken agreement by number and date: {cover}"
    );
    let during = &cover[cover
        .find("Contact door de instantie terwijl er een ontheffing gold")
        .unwrap_or_else(|| panic!("no exemption contacts: {cover}"))..];
    assert!(
        during.contains(&format!("Nr. {call_no}, 10-09-2026"))
            && during.contains(&format!("Nr. {missed_no}, 02-09-2026")),
        "agency contacts during the exemption: {during}"
    );

    // Recorded on 22 November at 10:00 UTC: printed in Dutch time, never "UTC".
    assert!(all.contains("22-11-2026 11:00 uur"), "{all}");
    assert!(!all.contains("UTC"), "{all}");
    // Whose words: the user's account and what the agency asked, labelled apart.
    let text = flat(&chronology);
    assert!(
        text.contains(
            "Verslag van betrokkene, in eigen woorden: Ik zei dat we alleen per e-mail contact"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "Wat de instantie vroeg of wilde (volgens betrokkene): Of ik morgen op gesprek kan komen."
        ),
        "{text}"
    );
    assert!(!text.contains("Gevraagd:"), "{text}");
}

/// A TOC row as `pdftotext -layout` prints it: entry number, date, …, page.
fn toc_row(line: &str) -> Option<(usize, String, usize)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let no = words.first()?.parse().ok()?;
    let date = words
        .get(1)
        .filter(|d| d.len() == 10 && d.as_bytes()[2] == b'-')?;
    let page = words.last()?.parse().ok()?;
    Some((no, date.to_string(), page))
}

#[test]
fn the_contents_give_the_right_pages_and_its_links_lead_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = dossier(dir.path());
    let c = clock();
    let words = "Ik heb uitgelegd dat ik de afschriften al twee keer heb ingeleverd en dat de \
                 klantmanager dat zelf heeft bevestigd in het gesprek van vorige week. ";
    let mut with_exhibit = Vec::new();
    for i in 0..60u32 {
        let on = day("2026-01-05") + chrono::Duration::days(i64::from(i) * 3);
        let entry = NewEntry {
            notes: words.repeat(1 + (i as usize % 4) * 3),
            ..NewEntry::new(EntryKind::CallIn, on, format!("Gesprek nummer {i}"))
        };
        let e = d.add_entry(&entry, &c).unwrap();
        if i % 20 == 7 {
            let img = image::RgbImage::from_pixel(60, 40, image::Rgb([200, 10, 10]));
            let mut png = std::io::Cursor::new(Vec::new());
            img.write_to(&mut png, image::ImageFormat::Png).unwrap();
            d.attach(e.id, &format!("foto-{i}.png"), &png.into_inner(), &c)
                .unwrap();
            with_exhibit.push(i);
        }
    }
    let options = ExportOptions {
        include_attachments: true,
        ..ExportOptions::default()
    };
    let pdf = d.export_pdf(&options, &c).unwrap();
    let pages = pages(&pdf, true);
    let toc_pages: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains("Blz."))
        .collect();
    assert!(
        toc_pages.len() >= 2,
        "60 rows take two pages: {toc_pages:?}"
    );
    let rows: Vec<(usize, String, usize)> = toc_pages
        .iter()
        .flat_map(|&i| pages[i].lines().filter_map(toc_row).collect::<Vec<_>>())
        .collect();
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        (1..=60).collect::<Vec<_>>(),
        "one row per entry, in order"
    );
    // Where five blocks really are: the page whose text holds "N. <weekday> …".
    for &(no, ref date, page) in [&rows[0], &rows[12], &rows[26], &rows[43], &rows[59]] {
        let heading = format!("{no}. ");
        let found = (toc_pages[toc_pages.len() - 1] + 1..pages.len())
            .find(|&i| {
                pages[i].lines().any(|l| {
                    l.trim_start().starts_with(&heading) && l.contains("— Telefoongesprek")
                })
            })
            .unwrap_or_else(|| panic!("no block {no} ({date})"));
        assert_eq!(
            found + 1,
            page,
            "entry {no} of {date}: the contents say {page}"
        );
    }

    // The links, read with lopdf: each row's link leads to the page it names, and each
    // exhibit reference to the page its exhibit starts on.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let numbers: std::collections::HashMap<lopdf::ObjectId, usize> = doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect();
    let links_on = |page: usize| -> Vec<([f32; 4], usize)> {
        let id = doc.get_pages()[&(u32::try_from(page).unwrap())];
        let dict = doc.get_dictionary(id).unwrap();
        let Ok(annots) = dict.get(b"Annots").and_then(lopdf::Object::as_array) else {
            return Vec::new();
        };
        annots
            .iter()
            .map(|a| {
                let a = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
                let r: Vec<f32> = a
                    .get(b"Rect")
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_float().unwrap())
                    .collect();
                let dest = a.get(b"Dest").unwrap().as_array().unwrap();
                let to = numbers[&dest[0].as_reference().unwrap()];
                ([r[0], r[1], r[2], r[3]], to)
            })
            .collect()
    };
    let mut row_links = Vec::new();
    for &i in &toc_pages {
        let mut on_page: Vec<_> = links_on(i + 1)
            .into_iter()
            .filter(|(r, _)| r[0] < 70.0) // the row link starts at the left margin
            .collect();
        on_page.sort_by(|a, b| b.0[1].total_cmp(&a.0[1]));
        row_links.extend(on_page.into_iter().map(|(_, to)| to));
    }
    assert_eq!(
        row_links,
        rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        "every row links to the page it prints"
    );
    for (n, i) in with_exhibit.iter().enumerate() {
        let no = i + 1;
        let block = rows[*i as usize].2;
        let exhibit_page = pages
            .iter()
            .position(|p| p.contains(&format!("Bijlage {} — Gesprek nummer {i}", n + 1)))
            .unwrap()
            + 1;
        let links: Vec<usize> = (block..=block + 1)
            .flat_map(&links_on)
            .map(|(_, to)| to)
            .collect();
        assert!(
            links.contains(&exhibit_page),
            "entry {no}: a link to Bijlage {} on page {exhibit_page}: {links:?}",
            n + 1
        );
    }
}
