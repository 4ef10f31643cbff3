//! Letters from an entry (F12): every type rendered from entries like the demo
//! dossier's and read back by outside tools (pdftotext for the PDF, unzip for the
//! .docx), the Awb 6:5 check, the ingebrekestelling only after the decision term, and
//! the draft letter-out entry with its link and its to-do.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;
mod letters_setup;

use std::path::Path;
use std::process::Command;

use common::{clock, day, dossier};
use dossier_core::letters::{LetterFormat, LetterRequest, LetterType};
use dossier_core::todo::{TodoKind, TodoState};
use dossier_core::{Dossier, EntryKind, EntryLink, Error, LinkKind, NewEntry, Profile};
use letters_setup::{add, profile, req, setup, today, Ids, ADDRESS};

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What a reader of each format sees, by an outside tool.
fn read_back(dir: &Path, name: &str, format: LetterFormat, bytes: &[u8]) -> String {
    let file = dir.join(format!("{name}.{}", format.name()));
    std::fs::write(&file, bytes).unwrap();
    let f = file.to_str().unwrap();
    let text = match format {
        LetterFormat::Pdf => run(Command::new("pdftotext").args([f, "-"])),
        LetterFormat::Txt => String::from_utf8(bytes.to_vec()).unwrap(),
        LetterFormat::Docx => {
            let xml = run(Command::new("unzip").args(["-p", f, "word/document.xml"]));
            let mut text = String::new();
            let mut in_tag = false;
            for c in xml.replace("</w:p>", "\n").chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        }
    };
    squash(&text)
}

/// Per type: the entry, what the user fills, and every text that must come out.
fn cases(ids: &Ids) -> Vec<(LetterType, i64, LetterRequest, Vec<&'static str>)> {
    let sender = vec![
        "Fatima el Amrani",
        "Javaplein 12-2",
        "1094 HH Amsterdam",
        "fatima@example.nl",
        "WPI Amsterdam",
        "Postbus 2813",
        "1000 CV Amsterdam",
        "Amsterdam, 22 november 2026",
        "Met vriendelijke groet,",
    ];
    let with = |extra: &[&'static str]| {
        let mut v = sender.clone();
        v.extend_from_slice(extra);
        v
    };
    let bezwaar = LetterRequest {
        grounds: vec![
            "Mijn klantmanager gaf mij op 3 maart toestemming om de bril te kopen.".into(),
            "In het besluit staat niet waarom ik het geld moet terugbetalen.".into(),
        ],
        ..req(&[ADDRESS])
    };
    vec![
        (
            LetterType::Inzage,
            ids.call,
            req(&[ADDRESS, ("periode_van", "2025-01-01"), ("bsn", "123456782")]),
            with(&[
                "Betreft: Verzoek om inzage in mijn persoonsgegevens (artikel 15 AVG)",
                "de periode van 1 januari 2025 tot vandaag",
                "uiterlijk op dinsdag 22 december 2026",
                "Mijn burgerservicenummer is 123456782.",
            ]),
        ),
        (
            LetterType::VoorlopigBezwaar,
            ids.decision,
            req(&[ADDRESS]),
            with(&[
                "Betreft: Voorlopig bezwaar tegen uw besluit van 17 november 2026",
                "Uw kenmerk: WPI/BB/2026/77410",
                "Uw brief van: 17 november 2026",
                "Ik maak bezwaar tegen uw besluit van 17 november 2026 met kenmerk WPI/BB/2026/77410.",
                "Terugvordering bijzondere bijstand voor mijn bril",
                "ten minste vier weken",
                "Kopie van uw besluit van 17 november 2026 met kenmerk WPI/BB/2026/77410",
            ]),
        ),
        (
            LetterType::Bezwaar,
            ids.decision,
            bezwaar,
            with(&[
                "Betreft: Bezwaarschrift tegen uw besluit van 17 november 2026",
                "Uw kenmerk: WPI/BB/2026/77410",
                "1. Mijn klantmanager gaf mij op 3 maart toestemming om de bril te kopen.",
                "2. In het besluit staat niet waarom ik het geld moet terugbetalen.",
                "het besluit te herroepen",
                "hoorzitting",
                "(artikel 7:4 van de Algemene wet bestuursrecht)",
                "Bijlagen",
                "Kopie van uw besluit van 17 november 2026",
            ]),
        ),
        (
            LetterType::Bevestiging,
            ids.call,
            req(&[ADDRESS]),
            with(&[
                "Betreft: Bevestiging van ons telefoongesprek van 19 november 2026",
                "in ons telefoongesprek van 19 november 2026 om 10:30 uur met Mw. J. de Vries.",
                "Mw. de Vries zei dat mijn ontheffing tot 1 maart 2027 blijft gelden.",
                "Ik hoef tot 1 maart 2027 niet naar WerkPlus.",
                "Zonder tegenbericht binnen 14 dagen ga ik ervan uit dat dit klopt.",
                "uiterlijk op zondag 6 december 2026",
            ]),
        ),
        (
            LetterType::Verslag,
            ids.meeting,
            req(&[ADDRESS]),
            with(&[
                "Betreft: Verzoek om het verslag van ons gesprek van 10 november 2026",
                "het verslag van ons gesprek van 10 november 2026 om 09:00 uur met Mw. J. de Vries (Jan van Galenstraat)",
                "artikel 15 van de Algemene verordening gegevensbescherming",
                "uiterlijk op dinsdag 22 december 2026",
            ]),
        ),
        (
            LetterType::Correctie,
            ids.meeting,
            req(&[
                ADDRESS,
                ("onjuist", "In het verslag staat dat ik niet wil werken."),
                ("juist", "Ik heb gezegd dat ik door mijn ontheffing nu niet kan werken."),
            ]),
            with(&[
                "Betreft: Verzoek om correctie van mijn gegevens (artikel 16 AVG)",
                "Het gaat om: Gesprek over verplichtingen van 10 november 2026.",
                "In het verslag staat dat ik niet wil werken.",
                "Ik heb gezegd dat ik door mijn ontheffing nu niet kan werken.",
                "uiterlijk op dinsdag 22 december 2026",
            ]),
        ),
        (
            LetterType::Ingebrekestelling,
            ids.old_decision,
            req(&[ADDRESS]),
            with(&[
                "Betreft: Ingebrekestelling: u heeft niet op tijd beslist op mijn bezwaar",
                "Uw kenmerk: WPI/BES/2026/07731",
                "uw besluit van 1 juni 2026 met kenmerk WPI/BES/2026/07731",
                "Mijn bezwaarschrift is van 1 juli 2026.",
                "U moest uiterlijk op maandag 24 augustus 2026 op mijn bezwaar beslissen",
                "Ontvangt u deze brief op maandag 23 november 2026",
                "vanaf maandag 7 december 2026 en ten hoogste tot en met zondag 17 januari 2027",
                "artikel 6:12 Awb",
            ]),
        ),
        (
            LetterType::Klacht,
            ids.home_visit,
            req(&[ADDRESS, ("gewenst", "Excuses, en dat een huisbezoek voortaan wordt aangekondigd.")]),
            with(&[
                "Betreft: Klacht over de manier waarop ik ben behandeld",
                "Het gaat om het huisbezoek van 6 oktober 2026.",
                "Twee handhavers stonden zonder afspraak om 8 uur voor de deur en keken in mijn kasten.",
                "Excuses, en dat een huisbezoek voortaan wordt aangekondigd.",
                "(artikel 9:11 Awb)",
            ]),
        ),
    ]
}

#[test]
fn every_letter_type_shows_every_filled_field_in_pdf_text_and_docx() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, ids) = setup(&tmp.path().join("kluis"));
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let cases = cases(&ids);
    assert_eq!(cases.len(), LetterType::ALL.len());
    for (t, entry, request, expected) in cases {
        for format in LetterFormat::ALL {
            let r = d
                .render_letter(entry, t, &request, format, today())
                .unwrap();
            let text = read_back(&out, t.name(), format, &r.bytes);
            for want in &expected {
                assert!(
                    text.contains(&squash(want)),
                    "{} as {}: no {want:?} in\n{text}",
                    t.name(),
                    format.name()
                );
            }
            assert!(
                !text.contains("[…]"),
                "{}: an unfilled blank\n{text}",
                t.name()
            );
            assert!(
                !text.contains('{'),
                "{}: a placeholder left\n{text}",
                t.name()
            );
        }
    }
}

#[test]
fn a_pdf_letter_is_a4_with_page_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, ids) = setup(&tmp.path().join("kluis"));
    let long = LetterRequest {
        grounds: (1..=40)
            .map(|i| format!("Reden {i}: de klantmanager heeft mijn dossier niet gelezen en mijn ontheffing niet meegewogen."))
            .collect(),
        ..req(&[ADDRESS])
    };
    let r = d
        .render_letter(
            ids.decision,
            LetterType::Bezwaar,
            &long,
            LetterFormat::Pdf,
            today(),
        )
        .unwrap();
    let file = std::env::var_os("LETTER_PDF_OUT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("lang.pdf"));
    std::fs::write(&file, &r.bytes).unwrap();
    let info = run(Command::new("pdfinfo").arg(&file));
    assert!(info.contains("pts (A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 2, "{info}");
    let text = squash(&run(
        Command::new("pdftotext").args([file.to_str().unwrap(), "-"])
    ));
    for p in 1..=pages {
        assert!(text.contains(&format!("pagina {p} van {pages}")), "{text}");
    }
    assert!(text.contains("40. Reden 40"));
}

#[test]
fn an_objection_without_a_name_is_refused_naming_what_awb_6_5_requires() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, ids) = setup(&tmp.path().join("kluis"));
    d.set_profile(&Profile::default()).unwrap();
    let bezwaar = LetterRequest {
        grounds: vec!["Het besluit klopt niet.".into()],
        ..req(&[ADDRESS])
    };
    for t in [LetterType::Bezwaar, LetterType::VoorlopigBezwaar] {
        let err = d
            .render_letter(ids.decision, t, &bezwaar, LetterFormat::Pdf, today())
            .unwrap_err();
        assert_eq!(err.code(), "letter_incomplete");
        let Error::LetterIncomplete(missing) = err else {
            panic!()
        };
        let keys: Vec<&str> = missing.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["naam", "ondertekening", "adres"], "{}", t.name());
        assert!(missing[0].nl.contains("Awb 6:5"));
    }
    // Grounds are what a full objection adds.
    let err = d
        .render_letter(
            ids.decision,
            LetterType::Bezwaar,
            &req(&[
                ADDRESS,
                ("naam", "F. el Amrani"),
                ("adres", "Javaplein 12|1094 HH Amsterdam"),
            ]),
            LetterFormat::Txt,
            today(),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("the reasons for your objection (Awb 6:5)"),
        "{err}"
    );
    // The blanks say so before anything is tried, those missing first.
    let blanks = d
        .letter_blanks(
            ids.decision,
            LetterType::Bezwaar,
            &LetterRequest::default(),
            today(),
        )
        .unwrap();
    let first: Vec<&str> = blanks
        .iter()
        .take_while(|b| b.missing)
        .map(|b| b.key.as_str())
        .collect();
    assert_eq!(first, ["naam", "adres", "ontvanger_adres", "gronden"]);
}

#[test]
fn an_ingebrekestelling_is_offered_only_after_the_decision_term_passed() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, ids) = setup(&tmp.path().join("kluis"));
    let offered = |d: &Dossier, id: i64, on: chrono::NaiveDate| -> Vec<LetterType> {
        d.letter_options(id, on)
            .unwrap()
            .into_iter()
            .map(|o| o.letter_type)
            .collect()
    };
    // No objection linked to the new decision: no term is running at all.
    assert!(!offered(&d, ids.decision, today()).contains(&LetterType::Ingebrekestelling));
    let objection = add(
        &mut d,
        NewEntry::new(
            EntryKind::LetterOut,
            day("2026-11-21"),
            "Bezwaar tegen de terugvordering",
        ),
    );
    d.link_entries(
        &EntryLink {
            from_id: objection,
            to_id: ids.decision,
            kind: LinkKind::ObjectionAgainst,
        },
        &clock(),
    )
    .unwrap();
    // Sent 17 November: objection period to 29 December, decision due 9 February 2027.
    let err = d
        .render_letter(
            ids.decision,
            LetterType::Ingebrekestelling,
            &req(&[ADDRESS]),
            LetterFormat::Pdf,
            today(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "letter_not_offered", "{err}");
    assert!(!offered(&d, ids.decision, today()).contains(&LetterType::Ingebrekestelling));
    assert!(!offered(&d, ids.decision, day("2027-02-09")).contains(&LetterType::Ingebrekestelling));
    assert!(offered(&d, ids.decision, day("2027-02-10")).contains(&LetterType::Ingebrekestelling));
    // The old one is past its term; its objection letter offers it too.
    assert!(offered(&d, ids.old_decision, today()).contains(&LetterType::Ingebrekestelling));
    let all = offered(&d, ids.decision, today());
    assert_eq!(
        all,
        [
            LetterType::Inzage,
            LetterType::VoorlopigBezwaar,
            LetterType::Bezwaar,
            LetterType::Correctie
        ]
    );
    assert_eq!(
        offered(&d, ids.call, today()),
        [
            LetterType::Inzage,
            LetterType::Bevestiging,
            LetterType::Correctie,
            LetterType::Klacht
        ]
    );
}

#[test]
fn making_a_letter_keeps_a_linked_draft_with_its_to_do_and_sending_it_settles_the_objection() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, ids) = setup(&tmp.path().join("kluis"));
    let objection_todo = |d: &Dossier| {
        d.todos_of(&[ids.decision], today())
            .unwrap()
            .into_iter()
            .find(|t| t.kind == TodoKind::Objection)
            .unwrap()
    };
    assert_eq!(objection_todo(&d).state, TodoState::Open);
    let request = LetterRequest {
        grounds: vec!["Het besluit klopt niet.".into()],
        ..req(&[ADDRESS])
    };
    let made = d
        .make_letter(
            ids.decision,
            LetterType::Bezwaar,
            &request,
            LetterFormat::Pdf,
            &clock(),
        )
        .unwrap();
    let e = &made.entry;
    assert_eq!(e.data.kind, EntryKind::LetterOut);
    assert_eq!(e.data.letter_dated, Some(today()));
    assert_eq!(e.data.sent_on, None);
    assert_eq!(e.data.tags, ["bezwaar", "concept"]);
    assert_eq!(e.data.kenmerk, "WPI/BB/2026/77410");
    assert!(e.data.notes.contains("1. Het besluit klopt niet."));
    assert_eq!(e.data.title, "Bezwaarschrift aan WPI Amsterdam");
    let files = d.attachments(e.id).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].filename, "bezwaar-2026-11-22.pdf");
    assert_eq!(
        d.attachment_bytes(files[0].id).unwrap(),
        made.rendered.bytes
    );
    let link = EntryLink {
        from_id: e.id,
        to_id: ids.decision,
        kind: LinkKind::SameDecision,
    };
    assert_eq!(d.links(e.id).unwrap(), [link]);
    // A draft must not hide the objection deadline.
    assert_eq!(objection_todo(&d).state, TodoState::Open);

    let proof = dossier_core::PreparedAttachment::from_bytes(
        "verzendbewijs.jpg",
        zeroize::Zeroizing::new(b"\xff\xd8\xff\xe0 not really a jpeg".to_vec()),
    )
    .unwrap();
    let sent = d
        .mark_letter_sent(
            e.id,
            day("2026-11-22"),
            "aangetekend",
            Some(&proof),
            &clock(),
        )
        .unwrap();
    assert_eq!(sent.data.sent_on, Some(day("2026-11-22")));
    assert_eq!(sent.data.channel, "aangetekend");
    assert_eq!(sent.data.tags, ["bezwaar"]);
    assert_eq!(
        d.links(e.id).unwrap(),
        [EntryLink {
            kind: LinkKind::ObjectionAgainst,
            ..link
        }]
    );
    assert_eq!(objection_todo(&d).state, TodoState::Done { by: Some(e.id) });
    assert_eq!(d.attachments(e.id).unwrap().len(), 2);
    // Every step is a version in the history, and the chain holds.
    let reasons: Vec<String> = d
        .history(e.id)
        .unwrap()
        .iter()
        .map(|v| v.reason.clone())
        .collect();
    assert_eq!(reasons.len(), 7, "{reasons:?}");
    assert!(reasons.contains(&"verstuurd".to_string()), "{reasons:?}");
    let report = d.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn letters_that_set_a_term_get_a_to_do_on_its_last_day() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, ids) = setup(&tmp.path().join("kluis"));
    for (t, from, fills, due) in [
        (
            LetterType::Inzage,
            ids.call,
            vec![ADDRESS, ("periode_van", "2025-01-01")],
            Some("2026-12-22"),
        ),
        (
            LetterType::Bevestiging,
            ids.call,
            vec![ADDRESS],
            Some("2026-12-06"),
        ),
        (
            LetterType::Ingebrekestelling,
            ids.old_decision,
            vec![ADDRESS],
            Some("2026-12-07"),
        ),
        (
            LetterType::Ingebrekestelling,
            ids.old_decision,
            vec![ADDRESS, ("ontvangen_op", "2026-11-25")],
            Some("2026-12-09"),
        ),
        (LetterType::Klacht, ids.home_visit, vec![ADDRESS], None),
    ] {
        let made = d
            .make_letter(from, t, &req(&fills), LetterFormat::Txt, &clock())
            .unwrap();
        let todos: Vec<_> = d
            .todos_of(&[made.entry.id], today())
            .unwrap()
            .into_iter()
            .filter(|t| t.kind == TodoKind::FollowUp)
            .collect();
        match due {
            Some(due) => {
                assert_eq!(todos.len(), 1, "{}", t.name());
                assert_eq!(todos[0].due_on, day(due), "{}", t.name());
                assert_eq!(todos[0].state, TodoState::Open);
            }
            None => assert!(todos.is_empty(), "{}", t.name()),
        }
    }
}

#[test]
fn a_letter_never_names_a_later_day_than_the_law() {
    // Counted from the letter's own date, which the agency cannot receive it before:
    // on every day of two years, the named day is at most one month (AVG) or two
    // weeks after receipt on that same day, the earliest possible receipt.
    let mut d = day("2026-01-01");
    while d < day("2028-01-01") {
        let month = dossier_core::deadline::one_month_after(d).unwrap();
        assert!(month <= d.checked_add_months(chrono::Months::new(1)).unwrap());
        assert!(month > d && (month - d).num_days() <= 31);
        let p = dossier_core::deadline::penalty_days(d).unwrap();
        assert_eq!((p.first_day - d).num_days(), 14);
        d = d.succ_opt().unwrap();
    }
}

#[test]
fn a_medical_entry_lends_no_words_to_a_letter() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("kluis"));
    d.set_profile(&profile()).unwrap();
    let keuring = add(
        &mut d,
        NewEntry {
            organisation: "MediKeur".into(),
            notes: "De arts vroeg naar mijn medicijnen en mijn diagnose.".into(),
            ..NewEntry::new(
                EntryKind::MedicalAssessment,
                day("2026-02-26"),
                "Medische keuring",
            )
        },
    );
    let blanks = d
        .letter_blanks(
            keuring,
            LetterType::Klacht,
            &LetterRequest::default(),
            today(),
        )
        .unwrap();
    let gedraging = blanks.iter().find(|b| b.key == "gedraging").unwrap();
    assert_eq!(gedraging.suggested, None);
    assert!(gedraging.missing);
}
