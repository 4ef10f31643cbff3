//! "Their record against mine" (issue 14 part 3) as a user meets it: the agency's
//! verslag pinned to its file, statements that are history versions like any other
//! change, survive an edit of the entry, undo and a backup round trip, and a file
//! that changed (or another file offered in its place) is refused.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::*;
use dossier_core::backup::{self, Progress};
use dossier_core::{
    ChangeReason, Dossier, EntryData, EntryKind, Error, KdfParams, StatementInput, Status, Unlock,
};
use ring::rand::SystemRandom;

const VERSLAG: &str =
    "Verslag gesprek 3 november.\n\nKlant geeft aan dat hij volledig kan werken. \
Klant gaat akkoord met een jobhunter. Er is gesproken over zijn cv.";

fn meeting(d: &mut Dossier) -> (i64, i64) {
    let mut data = EntryData::new(
        EntryKind::Meeting,
        day("2026-11-03"),
        "Gesprek klantmanager",
    );
    data.notes = "Ik heb gezegd dat ik ziek ben.".into();
    let e = d.add_entry(&data, &clock()).unwrap();
    let a = d
        .attach(e.id, "verslag.txt", VERSLAG.as_bytes(), &clock())
        .unwrap();
    (e.id, a.id)
}

fn statement(quote: &str, status: Status) -> StatementInput {
    StatementInput {
        start: VERSLAG
            .find(quote)
            .map(|b| VERSLAG[..b].chars().count() as u32)
            .unwrap(),
        quote: quote.into(),
        status,
        important: status != Status::Correct,
        my_version: format!("Niet zo: {quote}"),
        support_entries: vec![],
        support_attachments: vec![],
    }
}

#[test]
fn statements_are_versions_and_survive_an_edit_and_undo() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    let (id, att) = meeting(&mut d);
    d.set_verslag(id, att, "", &clock()).unwrap();
    let v = d.verslag(id).unwrap().unwrap();
    assert_eq!(v.text, VERSLAG);
    assert!(!v.typed);
    assert_eq!(v.sentences.len(), 4);
    let (_, n1) = d
        .add_statement(
            id,
            &statement(
                "Klant geeft aan dat hij volledig kan werken.",
                Status::NotSaid,
            ),
            &clock(),
        )
        .unwrap();
    let (_, n2) = d
        .add_statement(
            id,
            &statement("Klant gaat akkoord met een jobhunter.", Status::Incorrect),
            &clock(),
        )
        .unwrap();
    assert_eq!((n1, n2), (1, 2));
    let mut changed = statement("Er is gesproken over zijn cv.", Status::Correct);
    changed.support_entries = vec![id];
    let (_, n3) = d.add_statement(id, &changed, &clock()).unwrap();
    changed.status = Status::Incomplete;
    changed.support_attachments = vec![att];
    d.change_statement(id, n3, &changed, &clock()).unwrap();

    // A quote that is not in the verslag is refused, naming the problem.
    let mut wrong = statement("Klant gaat akkoord met een jobhunter.", Status::Incorrect);
    wrong.quote = "Klant wil graag werken.".into();
    let e = d.add_statement(id, &wrong, &clock()).unwrap_err();
    assert!(e.to_string().contains("not in the verslag"), "{e}");

    // Each change is a version with its own reason.
    let reasons: Vec<ChangeReason> = d
        .history(id)
        .unwrap()
        .iter()
        .map(|v| ChangeReason::parse(&v.reason))
        .collect();
    assert_eq!(
        reasons[2..],
        [
            ChangeReason::VerslagChosen {
                name: "verslag.txt".into()
            },
            ChangeReason::StatementAdded { n: 1 },
            ChangeReason::StatementAdded { n: 2 },
            ChangeReason::StatementAdded { n: 3 },
            ChangeReason::StatementChanged { n: 3 },
        ]
    );

    // An edit of the entry (as the editor sends it: the current verslag passed on)
    // keeps every statement.
    let mut edit = d.entry(id).unwrap().data;
    edit.title = "Gesprek met klantmanager Jansen".into();
    d.update_entry(id, &edit, "titel", &clock()).unwrap();
    let after = d.verslag(id).unwrap().unwrap();
    assert_eq!(after.statements.len(), 3);
    assert_eq!(after.statements[2].status, Status::Incomplete);

    d.remove_statement(id, n2, &clock()).unwrap();
    assert_eq!(d.verslag(id).unwrap().unwrap().statements.len(), 2);
    // Undo brings the removed statement back, as a new version.
    d.undo_last_change(id, &clock()).unwrap();
    let back = d.verslag(id).unwrap().unwrap();
    assert_eq!(back.statements.len(), 3);
    assert_eq!(back.statements[1].id, n2);
    let report = d.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_changed_or_other_file_is_refused_once_statements_quote_the_verslag() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    let (id, att) = meeting(&mut d);
    let other = d
        .attach(id, "ander-verslag.txt", b"Een ander verslag.", &clock())
        .unwrap();
    d.set_verslag(id, att, "", &clock()).unwrap();
    // Before any statement, another file may still be chosen (and back).
    d.set_verslag(id, other.id, "", &clock()).unwrap();
    d.set_verslag(id, att, "", &clock()).unwrap();
    d.add_statement(
        id,
        &statement("Klant gaat akkoord met een jobhunter.", Status::NotSaid),
        &clock(),
    )
    .unwrap();
    let e = d.set_verslag(id, other.id, "", &clock()).unwrap_err();
    assert_eq!(e.code(), "verslag_changed", "{e}");
    assert!(e.to_string().contains("another file"), "{e}");
    // Typed text is only for a file without text of its own.
    let photo = d.attach(id, "foto.png", &tiny_png(), &clock()).unwrap();
    let e = d.set_verslag(id, other.id, "typed", &clock()).unwrap_err();
    assert_eq!(e.code(), "verslag_changed", "{e}");
    // The verslag's file cannot be detached while it is the verslag.
    let e = d.detach(att, "weg", &clock()).unwrap_err();
    assert_eq!(e.code(), "verslag_changed", "{e}");

    // The bytes changed behind the dossier's back: refused, with what it was pinned to.
    let versions = d.history(id).unwrap().len();
    d.conn()
        .execute(
            "UPDATE attachments SET data = CAST('Klant is akkoord met alles.' AS BLOB) WHERE id = ?1",
            [att],
        )
        .unwrap();
    let e = d.verslag(id).unwrap_err();
    assert!(matches!(e, Error::VerslagChanged { .. }), "{e:?}");
    assert!(
        e.to_string().contains("changed after your statements"),
        "{e}"
    );
    let e = d
        .add_statement(
            id,
            &statement("Er is gesproken over zijn cv.", Status::Correct),
            &clock(),
        )
        .unwrap_err();
    assert_eq!(e.code(), "verslag_changed");
    assert_eq!(d.history(id).unwrap().len(), versions, "nothing written");
    let _ = photo;
}

#[test]
fn a_photo_gets_the_text_the_user_typed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(tmp.path());
    let (id, _) = meeting(&mut d);
    let photo = d.attach(id, "foto.png", &tiny_png(), &clock()).unwrap();
    assert_eq!(d.attachment_text(photo.id).unwrap(), "");
    d.set_verslag(
        id,
        photo.id,
        "Klant wil werken. Klant heeft geen klachten.",
        &clock(),
    )
    .unwrap();
    let v = d.verslag(id).unwrap().unwrap();
    assert!(v.typed);
    assert_eq!(v.sentences.len(), 2);
    assert_eq!(v.sentences[1].start, 18);
}

#[test]
fn statements_survive_a_backup_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, code) = create(&tmp.path().join("kluis"));
    let (id, att) = meeting(&mut d);
    d.set_verslag(id, att, "", &clock()).unwrap();
    d.add_statement(
        id,
        &statement("Klant gaat akkoord met een jobhunter.", Status::NotSaid),
        &clock(),
    )
    .unwrap();
    let file = tmp.path().join("kopie.age");
    d.backup_to(&file, &clock(), &mut |_: Progress| {}).unwrap();
    let target = tmp.path().join("terug");
    backup::restore_backup(
        &file,
        &code,
        &target,
        "nieuw wachtwoord 2026",
        &KdfParams::INSECURE_FOR_TESTS,
        &SystemRandom::new(),
        &mut |_: Progress| {},
    )
    .unwrap();
    let r = Dossier::open(&target, Unlock::Passphrase("nieuw wachtwoord 2026")).unwrap();
    assert_eq!(r.verslag(id).unwrap(), d.verslag(id).unwrap());
    assert_eq!(r.history(id).unwrap(), d.history(id).unwrap());
    assert!(r.verify().unwrap().problems.is_empty());
}

/// A 1×1 PNG: a photo without text of its own.
fn tiny_png() -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::new_rgb8(1, 1)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}
