//! E-mail in as entries (F13), on a corpus of real-world messages from public test
//! suites (tests/fixtures/mail/README.md): what a user sees of each imported mail
//! (kind, title, date and time, notes, people, attachments and their bytes), the
//! original kept byte for byte (its SHA-256 equals `sha256sum` of the file),
//! duplicates skipped, and a bad file refused with nothing added.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{clock, day, dossier};
use dossier_core::mail::{self, MailProblemKind};
use dossier_core::{
    Dossier, DuplicateBy, Entry, EntryKind, Error, MailImportOptions, MailInput, MailProgress,
    MailStep, Profile,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mail")
        .join(name)
}

fn input(name: &str) -> MailInput {
    MailInput {
        name: name.into(),
        bytes: std::fs::read(fixture(name)).unwrap(),
        pick: None,
    }
}

/// `sha256sum FILE`: the outside tool's word on the bytes.
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

fn setup(dir: &Path, own: &str) -> Dossier {
    let mut d = dossier(dir);
    d.set_profile(&Profile {
        email: own.into(),
        ..Profile::default()
    })
    .unwrap();
    d
}

fn opts() -> MailImportOptions {
    MailImportOptions {
        add_people: true,
        ..MailImportOptions::default()
    }
}

fn import_one(d: &mut Dossier, name: &str) -> Entry {
    let report = d.import_mail(&[input(name)], &opts(), &clock()).unwrap();
    assert_eq!(report.added.len(), 1, "{name}: {report:?}");
    d.entry(report.added[0].entry_id.unwrap()).unwrap()
}

fn names(d: &Dossier, id: i64) -> Vec<String> {
    d.attachments(id)
        .unwrap()
        .into_iter()
        .map(|a| a.filename)
        .collect()
}

#[test]
fn an_html_only_mail_becomes_an_entry_with_readable_notes_and_its_original() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "mueller@example.com");
    let e = import_one(&mut d, "html-only-iso-8859-1.eml");
    assert_eq!(e.data.kind, EntryKind::EmailIn);
    // RFC 2047 in ISO-8859-1: "Die Hasen und die Frösche".
    assert_eq!(e.data.title, "Die Hasen und die Frösche");
    // Fri, 19 May 2000 00:31:00 -0400 is 06:31 in Amsterdam (summer time).
    assert_eq!(e.data.occurred_on, day("2000-05-19"));
    assert_eq!(
        e.data.occurred_time.unwrap().format("%H:%M").to_string(),
        "06:31"
    );
    assert!(!e.data.notes.contains('<'), "{}", e.data.notes);
    assert!(e.data.notes.contains("Hasen"), "{}", e.data.notes);
    let files = d.attachments(e.id).unwrap();
    assert_eq!(files[0].filename, "html-only-iso-8859-1.eml");
    assert_eq!(
        files[0].sha256,
        sha256sum(&fixture("html-only-iso-8859-1.eml"))
    );
    assert_eq!(
        d.attachment_bytes(files[0].id).unwrap(),
        std::fs::read(fixture("html-only-iso-8859-1.eml")).unwrap()
    );
    // The sender is a person of the entry, with their address; the user is not.
    let people: Vec<String> = e
        .data
        .people
        .iter()
        .map(|p| format!("{} ({})", d.person(p.person_id).unwrap().data.name, p.role))
        .collect();
    assert_eq!(people, ["Doug Sauder (afzender)"]);
    assert_eq!(d.people().unwrap()[0].data.email, "dwsauder@example.com");
    assert_eq!(e.data.organisation, "example.com");
    assert!(d.verify().unwrap().problems.is_empty());
}

#[test]
fn latin_1_and_windows_1252_bodies_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ik@example.nl");
    let latin = import_one(&mut d, "iso-8859-1.eml");
    assert_eq!(
        latin.data.title,
        "Die Hasen und die Frösche (Microsoft Outlook 00)"
    );
    assert!(latin.data.notes.contains("Frösche"), "{}", latin.data.notes);
    let cp = import_one(&mut d, "windows-1252.eml");
    assert!(cp.data.notes.contains("Frösche"), "{}", cp.data.notes);
    assert!(!cp.data.notes.contains('\u{FFFD}'), "{}", cp.data.notes);
}

#[test]
fn attachments_inline_images_and_nested_parts_are_kept_with_their_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ik@example.nl");
    let pdf = import_one(&mut d, "attached-pdf.eml");
    assert_eq!(names(&d, pdf.id), ["attached-pdf.eml", "broken.pdf"]);
    let files = d.attachments(pdf.id).unwrap();
    assert_eq!(files[0].sha256, sha256sum(&fixture("attached-pdf.eml")));
    // The PDF's bytes are the base64 part decoded: `base64 -d` says the same.
    let b64 = std::fs::read_to_string(fixture("attached-pdf.eml")).unwrap();
    let body: String = b64
        .lines()
        .skip_while(|l| !l.starts_with("JVBERi0"))
        .take_while(|l| !l.starts_with("------"))
        .collect();
    let mut decode = Command::new("base64")
        .arg("-d")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    decode
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let decoded = decode.wait_with_output().unwrap().stdout;
    assert_eq!(d.attachment_bytes(files[1].id).unwrap(), decoded);
    assert!(
        pdf.data.title.contains("Another PDF with 🎉 Unicode chars"),
        "{}",
        pdf.data.title
    );
    assert!(
        pdf.data.notes.starts_with("Just attaching another PDF"),
        "{}",
        pdf.data.notes
    );

    let inline = import_one(&mut d, "inline-image.eml");
    let files = d.attachments(inline.id).unwrap();
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(files[1].media_type, "image/png");

    let nested = import_one(&mut d, "nested-multipart.eml");
    let files = d.attachments(nested.id).unwrap();
    assert!(files.len() >= 2, "{files:?}");
    assert!(nested.data.notes.contains("Hasen"), "{}", nested.data.notes);
}

#[test]
fn outlook_messages_with_and_without_rtf_and_in_ansi() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ku@digitaldolphins.jp");
    // msgreader's own expectations (test/test1.json): subject "title", body "body",
    // delivered Tue, 05 Mar 2019 07:22:17 GMT; To and Cc.
    let rtf = import_one(&mut d, "with-rtf.msg");
    assert_eq!(rtf.data.title, "title");
    assert_eq!(rtf.data.notes, "body");
    assert_eq!(rtf.data.occurred_on, day("2019-03-05"));
    assert_eq!(
        rtf.data.occurred_time.unwrap().format("%H:%M").to_string(),
        "08:22"
    );
    let roles: Vec<String> = rtf.data.people.iter().map(|p| p.role.clone()).collect();
    assert_eq!(roles, ["ontvanger", "cc"]);
    assert_eq!(names(&d, rtf.id), ["with-rtf.msg"]);
    assert_eq!(
        d.attachments(rtf.id).unwrap()[0].sha256,
        sha256sum(&fixture("with-rtf.msg"))
    );

    let html = import_one(&mut d, "html-no-rtf.msg");
    assert!(!html.data.notes.is_empty());
    assert!(!html.data.notes.contains("<"), "{}", html.data.notes);

    // nonUnicodeMail.json: "Non Unicode mail subject", "Non Unicode mail body!".
    let ansi = import_one(&mut d, "ansi.msg");
    assert_eq!(ansi.data.title, "Non Unicode mail subject");
    assert_eq!(ansi.data.notes, "Non Unicode mail body!");
    assert_eq!(ansi.data.occurred_on, day("2021-11-05"));

    // attachmentFiles.json: jpg.jpg (726 bytes), png.png (134), tif.tif (664).
    let att = import_one(&mut d, "attachments.msg");
    assert_eq!(
        names(&d, att.id),
        ["attachments.msg", "jpg.jpg", "png.png", "tif.tif"]
    );
    let sizes: Vec<u64> = d
        .attachments(att.id)
        .unwrap()
        .iter()
        .skip(1)
        .map(|a| a.size)
        .collect();
    assert_eq!(sizes, [726, 134, 664]);
    assert_eq!(att.data.occurred_on, day("2023-11-01"));
}

#[test]
fn the_rtf_body_unpacks_as_the_test_suite_unpacked_it() {
    // msgreader ships test1.rtf beside test1.msg: our own decompression must give it.
    let want = std::fs::read(fixture("with-rtf.rtf")).unwrap();
    let text = mail::rtf_text_of_msg(&std::fs::read(fixture("with-rtf.msg")).unwrap()).unwrap();
    assert_eq!(text.0, want);
    assert_eq!(text.1, "body");
}

#[test]
fn an_mbox_lists_its_messages_and_imports_the_chosen_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "doug@example.com");
    let bytes = std::fs::read(fixture("three.mbox")).unwrap();
    let list = mail::mbox_summaries(&bytes).unwrap();
    let shown: Vec<(usize, String)> = list.iter().map(|s| (s.index, s.subject.clone())).collect();
    assert_eq!(
        shown,
        [
            (
                1,
                "Die Hasen und die Frösche (Microsoft Outlook 00)".to_string()
            ),
            (
                2,
                "Die Hasen und die Frösche (Microsoft Outlook 00)".to_string()
            ),
            (3, "25 HTML + embedded image".to_string()),
        ]
    );
    let mut pick = input("three.mbox");
    pick.pick = Some(vec![1, 3]);
    let report = d.import_mail(&[pick], &opts(), &clock()).unwrap();
    let added: Vec<String> = report.added.iter().map(|o| o.source.clone()).collect();
    assert_eq!(added, ["three.mbox #1", "three.mbox #3"]);
    // The user's own mail is email-out; the other one came in.
    let kinds: Vec<EntryKind> = report.added.iter().map(|o| o.data.kind).collect();
    assert_eq!(kinds, [EntryKind::EmailOut, EntryKind::EmailIn]);
    let first = report.added[0].entry_id.unwrap();
    assert_eq!(names(&d, first), ["three-1.eml"]);
    let mut bad = input("three.mbox");
    bad.pick = Some(vec![4]);
    let err = d.import_mail(&[bad], &opts(), &clock()).unwrap_err();
    assert!(err.to_string().contains("no message 4"), "{err}");
}

#[test]
fn the_same_message_twice_is_skipped_by_hash_and_by_message_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ik@example.nl");
    import_one(&mut d, "iso-8859-1.eml");
    let before = d.entry_count().unwrap();
    let again = d
        .import_mail(&[input("iso-8859-1.eml")], &opts(), &clock())
        .unwrap();
    assert!(again.added.is_empty());
    assert_eq!(again.skipped[0].duplicate, Some(DuplicateBy::Hash));
    // The same message from the mbox has other bytes (LF line ends) but the same
    // Message-ID.
    let mut m = input("three.mbox");
    m.pick = Some(vec![1]);
    let from_mbox = d.import_mail(&[m], &opts(), &clock()).unwrap();
    assert!(from_mbox.added.is_empty(), "{from_mbox:?}");
    assert_eq!(from_mbox.skipped[0].duplicate, Some(DuplicateBy::MessageId));
    assert_eq!(d.entry_count().unwrap(), before);
    // Twice in one import: once added, once skipped.
    let dir2 = tempfile::tempdir().unwrap();
    let mut d2 = setup(dir2.path(), "ik@example.nl");
    let twice = d2
        .import_mail(
            &[input("windows-1252.eml"), input("windows-1252.eml")],
            &opts(),
            &clock(),
        )
        .unwrap();
    assert_eq!((twice.added.len(), twice.skipped.len()), (1, 1));
}

#[test]
fn a_bad_file_or_a_missing_date_refuses_the_whole_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ik@example.nl");
    let err = d
        .import_mail(
            &[input("iso-8859-1.eml"), input("not-a-mail.eml")],
            &opts(),
            &clock(),
        )
        .unwrap_err();
    let Error::MailRefused(problems) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "not-a-mail.eml");
    assert!(err.to_string().contains("application/pdf"), "{err}");
    assert_eq!(d.entry_count().unwrap(), 0);
    assert!(d.people().unwrap().is_empty());

    let err = d
        .import_mail(&[input("no-date.eml")], &opts(), &clock())
        .unwrap_err();
    let Error::MailRefused(problems) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems[0].kind, MailProblemKind::NoDate);
    assert_eq!(err.code(), "mail_needs_date");
    let with_date = MailImportOptions {
        fallback_date: Some(day("2026-03-02")),
        ..opts()
    };
    let r = d
        .import_mail(&[input("no-date.eml")], &with_date, &clock())
        .unwrap();
    let e = d.entry(r.added[0].entry_id.unwrap()).unwrap();
    assert_eq!(e.data.occurred_on, day("2026-03-02"));
    assert_eq!(e.data.occurred_time, None);
    assert_eq!(e.data.title, "Multipart Email Example");
    assert!(
        e.data.notes.starts_with("Plain text email goes here!"),
        "{}",
        e.data.notes
    );
}

#[test]
fn without_the_users_own_address_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = dossier(dir.path());
    let err = d
        .import_mail(&[input("iso-8859-1.eml")], &opts(), &clock())
        .unwrap_err();
    assert!(matches!(err, Error::MailNeedsOwnAddress), "{err:?}");
    assert_eq!(d.entry_count().unwrap(), 0);
}

#[test]
fn every_corpus_file_parses_without_panicking() {
    // The readers catch a parser's panic (so a hostile file cannot take an import
    // down); count the panics themselves, which the catching would hide.
    let panics = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = panics.clone();
    std::panic::set_hook(Box::new(move |info| {
        seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        eprintln!("{info}");
    }));
    for f in std::fs::read_dir(fixture("")).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        let _ = mail::parse_eml(&bytes);
        let _ = mail::parse_msg(&bytes);
        let _ = mail::mbox_summaries(&bytes);
        // Every prefix of a .msg: a cut-off file must fail cleanly, not panic.
        if bytes.starts_with(&[0xD0, 0xCF]) {
            for cut in (0..bytes.len()).step_by(997) {
                let _ = mail::parse_msg(&bytes[..cut]);
            }
        }
    }
    let _ = std::panic::take_hook();
    assert_eq!(panics.load(std::sync::atomic::Ordering::SeqCst), 0);
}

/// Found by the fuzzer: a message whose nested multipart never closes (mail-parser's
/// own corpus, mutated). Imported, it is one entry with its original kept byte for byte.
#[test]
fn a_message_whose_multipart_never_closes_imports_with_its_original() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ik@example.nl");
    let e = import_one(&mut d, "unclosed-multipart.eml");
    let files = d.attachments(e.id).unwrap();
    let original = fixture("unclosed-multipart.eml");
    assert!(
        files.iter().any(|a| a.sha256 == sha256sum(&original)),
        "{files:?}"
    );
}

#[test]
fn a_person_the_user_declines_is_not_added_the_others_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = setup(dir.path(), "ik@voorbeeld.nl");
    let plan = d
        .mail_plan(&[input("with-rtf.msg")], &opts(), &clock())
        .unwrap();
    let suggested: Vec<String> = plan[0].people.iter().map(|p| p.email.clone()).collect();
    assert!(
        suggested.len() >= 2 && !suggested[0].is_empty(),
        "{suggested:?}"
    );
    // Declined by address, in other letters: the check ignores case.
    let declined = MailImportOptions {
        declined_people: vec![suggested[0].to_uppercase()],
        ..opts()
    };
    let r = d
        .import_mail(&[input("with-rtf.msg")], &declined, &clock())
        .unwrap();
    let e = d.entry(r.added[0].entry_id.unwrap()).unwrap();
    let people = d.people().unwrap();
    assert!(
        people
            .iter()
            .all(|p| !p.data.email.eq_ignore_ascii_case(&suggested[0])),
        "{people:?}"
    );
    assert_eq!(people.len(), suggested.len() - 1, "{people:?}");
    assert_eq!(e.data.people.len(), suggested.len() - 1);
}

/// An mbox of `subjects.len()` messages without a Date header.
fn undated_mbox(subjects: &[&str]) -> MailInput {
    let mut text = String::new();
    for s in subjects {
        text.push_str(&format!(
            "From klantmanager@wpi.nl Mon Mar  2 10:00:00 2026\nFrom: Mw. de Vries <klantmanager@wpi.nl>\nTo: ik@voorbeeld.nl\nSubject: {s}\nMessage-ID: <{s}@wpi.nl>\n\nOver {s}.\n\n"
        ));
    }
    MailInput {
        name: "oud.mbox".into(),
        bytes: text.into_bytes(),
        pick: None,
    }
}

fn undated(err: Error) -> Vec<String> {
    let Error::MailRefused(problems) = err else {
        panic!("{err:?}")
    };
    assert!(
        problems.iter().all(|p| p.kind == MailProblemKind::NoDate),
        "{problems:?}"
    );
    problems.into_iter().map(|p| p.file).collect()
}

#[test]
fn each_message_without_a_date_gets_its_own_day_and_progress_counts_every_message() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = setup(&tmp.path().join("kluis"), "ik@voorbeeld.nl");
    let mbox = undated_mbox(&["Eerste brief", "Tweede brief", "Derde brief"]);

    // Every message without a date is named, so each can be asked about.
    let err = d
        .mail_plan(std::slice::from_ref(&mbox), &opts(), &clock())
        .unwrap_err();
    assert_eq!(undated(err), ["oud.mbox #1", "oud.mbox #2", "oud.mbox #3"]);
    // A day for one of them: the others are still asked.
    let mut o = opts();
    o.dates.insert("oud.mbox #2".into(), day("2026-03-04"));
    let err = d
        .mail_plan(std::slice::from_ref(&mbox), &o, &clock())
        .unwrap_err();
    assert_eq!(undated(err), ["oud.mbox #1", "oud.mbox #3"]);

    // Each its own day; the day given for all (`--date`) only where none was given.
    o.dates.insert("oud.mbox #1".into(), day("2026-03-02"));
    o.fallback_date = Some(day("2026-03-09"));
    let mut seen: Vec<MailProgress> = Vec::new();
    let r = d
        .import_mail_with_progress(&[mbox], &o, &clock(), &mut |p| seen.push(p))
        .unwrap();
    let days: Vec<(String, chrono::NaiveDate)> = r
        .added
        .iter()
        .map(|m| {
            let e = d.entry(m.entry_id.unwrap()).unwrap();
            (e.data.title, e.data.occurred_on)
        })
        .collect();
    assert_eq!(
        days,
        [
            ("Eerste brief".to_string(), day("2026-03-02")),
            ("Tweede brief".to_string(), day("2026-03-04")),
            ("Derde brief".to_string(), day("2026-03-09")),
        ]
    );
    // n of N for reading, then for writing, in order and ending at N.
    let steps: Vec<(MailStep, usize, usize)> =
        seen.iter().map(|p| (p.step, p.done, p.total)).collect();
    let mut want = Vec::new();
    for step in [MailStep::Read, MailStep::Write] {
        for done in 0..=3 {
            want.push((step, done, 3));
        }
    }
    assert_eq!(steps, want);
}
