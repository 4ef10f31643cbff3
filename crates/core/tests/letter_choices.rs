//! What the user chooses, or gets back, on the letter screen (issue 13 part 1): the
//! enclosures of an objection picked from the bundle's own exhibit numbers, an
//! organisation's postal address typed once and used for the next letter to it, and
//! "marked sent" taken back like any other change.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;
mod letters_setup;

use std::process::Command;

use common::{clock, day};
use dossier_core::letters::{LetterFormat, LetterRequest, LetterType};
use dossier_core::todo::{TodoKind, TodoState};
use dossier_core::{
    Dossier, EntryKind, EntryLink, Error, LinkKind, NewEntry, PreparedAttachment, Unlock,
};
use letters_setup::{req, setup, today, ADDRESS};

fn text_of(made: &dossier_core::MadeLetter) -> String {
    String::from_utf8(made.rendered.bytes.clone()).unwrap()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_objection_lists_the_exhibits_the_user_picked_by_the_numbers_the_bundle_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, ids) = setup(&tmp.path().join("kluis"));
    let c = clock();
    d.attach(ids.old_decision, "maatregel.txt", b"Maatregel 30%", &c)
        .unwrap();
    d.attach(ids.call, "gespreksnotitie.txt", b"Ontheffing blijft", &c)
        .unwrap();
    d.attach(ids.decision, "besluit-bril.txt", b"Terugvordering", &c)
        .unwrap();
    let medical = d
        .add_entry(
            &NewEntry {
                medical: true,
                ..NewEntry::new(EntryKind::Note, day("2026-11-15"), "Brief huisarts")
            },
            &c,
        )
        .unwrap();
    d.attach(medical.id, "huisarts.txt", b"Rugklachten", &c)
        .unwrap();

    let options = d.enclosure_options(ids.decision).unwrap();
    let labels: Vec<(&str, &str)> = options
        .iter()
        .map(|o| (o.label.as_str(), o.filename.as_str()))
        .collect();
    // The decision's own scan goes along as "Kopie van uw besluit" anyway, and a
    // medical paper is never offered to send to the agency.
    assert_eq!(
        labels,
        [("1", "maatregel.txt"), ("2", "gespreksnotitie.txt")]
    );
    assert_eq!(
        options[1].text,
        "Bijlage 2 uit mijn dossieroverzicht: gespreksnotitie.txt (Klantmanager belde over WerkPlus, 19 november 2026)"
    );

    // The overview PDF numbers them the same way.
    let pdf = tmp.path().join("overzicht.pdf");
    std::fs::write(&pdf, d.export_pdf(&Default::default(), &c).unwrap()).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let bundle = String::from_utf8_lossy(&out.stdout).into_owned();
    for (label, name) in [
        ("1", "maatregel.txt"),
        ("2", "gespreksnotitie.txt"),
        ("3", "besluit-bril.txt"),
    ] {
        let printed = format!("Bijlage {label} ({name})");
        assert!(
            bundle.contains(&printed),
            "{printed} in the bundle:\n{bundle}"
        );
    }
    assert!(!bundle.contains("huisarts.txt"), "no medical paper");

    let made = d
        .make_letter(
            ids.decision,
            LetterType::Bezwaar,
            &LetterRequest {
                grounds: vec!["Het besluit klopt niet.".into()],
                enclosures: vec![options[1].text.clone()],
                ..req(&[ADDRESS])
            },
            LetterFormat::Txt,
            &c,
        )
        .unwrap();
    let letter = squash(&text_of(&made));
    assert!(
        letter.contains("Bijlagen: 1. Kopie van uw besluit van 17 november 2026 met kenmerk WPI/BB/2026/77410 2. Bijlage 2 uit mijn dossieroverzicht: gespreksnotitie.txt (Klantmanager belde over WerkPlus, 19 november 2026)"),
        "{letter}"
    );
}

#[test]
fn the_address_typed_for_an_organisation_is_used_for_the_next_letter_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let (mut d, ids) = setup(&dir);
    assert!(d.organisation_address("WPI Amsterdam").unwrap().is_empty());
    let first = d
        .letter_blanks(
            ids.call,
            LetterType::Inzage,
            &LetterRequest::default(),
            today(),
        )
        .unwrap();
    let address = first.iter().find(|b| b.key == "ontvanger_adres").unwrap();
    assert!(address.missing, "asked the first time");
    d.make_letter(
        ids.call,
        LetterType::Inzage,
        &req(&[ADDRESS, ("periode_van", "2025-01-01")]),
        LetterFormat::Txt,
        &clock(),
    )
    .unwrap();
    drop(d);

    // Kept in the dossier: after opening it again, and for any spelling of the name.
    let mut d = Dossier::open(&dir, Unlock::Passphrase(common::PASS)).unwrap();
    assert_eq!(
        d.organisation_address("wpi AMSTERDAM ").unwrap(),
        ["Postbus 2813", "1000 CV Amsterdam"]
    );
    let next = d
        .letter_blanks(
            ids.meeting,
            LetterType::Verslag,
            &LetterRequest::default(),
            today(),
        )
        .unwrap();
    let address = next.iter().find(|b| b.key == "ontvanger_adres").unwrap();
    assert!(!address.missing, "not asked again");
    assert_eq!(
        address.suggested.as_deref(),
        Some("Postbus 2813\n1000 CV Amsterdam")
    );
    let made = d
        .make_letter(
            ids.meeting,
            LetterType::Verslag,
            &LetterRequest::default(),
            LetterFormat::Txt,
            &clock(),
        )
        .unwrap();
    assert_eq!(
        made.rendered.letter.recipient,
        ["WPI Amsterdam", "Postbus 2813", "1000 CV Amsterdam"]
    );

    // Another organisation typed in: never the address remembered for WPI.
    let err = d
        .render_letter(
            ids.meeting,
            LetterType::Verslag,
            &req(&[("ontvanger", "Stichting Werkplaats")]),
            LetterFormat::Txt,
            today(),
        )
        .unwrap_err();
    let Error::LetterIncomplete(missing) = err else {
        panic!("{err:?}")
    };
    assert!(
        missing.iter().any(|m| m.key == "ontvanger_adres"),
        "{missing:?}"
    );

    // A new address typed for WPI replaces the old one.
    d.make_letter(
        ids.meeting,
        LetterType::Verslag,
        &req(&[("ontvanger_adres", "Postbus 1000\n1000 AA Amsterdam")]),
        LetterFormat::Txt,
        &clock(),
    )
    .unwrap();
    assert_eq!(
        d.organisation_address("WPI Amsterdam").unwrap(),
        ["Postbus 1000", "1000 AA Amsterdam"]
    );
}

#[test]
fn marking_a_letter_sent_is_undone_as_new_history_and_the_objection_is_open_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut d, ids) = setup(&tmp.path().join("kluis"));
    let objection = |d: &Dossier| {
        d.todos_of(&[ids.decision], today())
            .unwrap()
            .into_iter()
            .find(|t| t.kind == TodoKind::Objection)
            .unwrap()
            .state
    };
    let made = d
        .make_letter(
            ids.decision,
            LetterType::Bezwaar,
            &LetterRequest {
                grounds: vec!["Het besluit klopt niet.".into()],
                ..req(&[ADDRESS])
            },
            LetterFormat::Pdf,
            &clock(),
        )
        .unwrap();
    let id = made.entry.id;
    let draft = made.entry.data.clone();
    let proof = PreparedAttachment::from_bytes(
        "verzendbewijs.txt",
        zeroize::Zeroizing::new(b"Aangetekend verzonden, nummer 3SABCD".to_vec()),
    )
    .unwrap();
    d.mark_letter_sent(id, today(), "aangetekend", Some(&proof), &clock())
        .unwrap();
    assert_eq!(objection(&d), TodoState::Done { by: Some(id) });
    let versions = d.history(id).unwrap().len();

    let back = d.undo_letter_sent(id, &clock()).unwrap();
    assert_eq!(back.data, draft, "a draft again, as it was made");
    assert!(back.data.tags.contains(&"concept".to_string()));
    assert_eq!(back.data.sent_on, None);
    assert_eq!(
        d.links(id).unwrap(),
        [EntryLink {
            from_id: id,
            to_id: ids.decision,
            kind: LinkKind::SameDecision,
        }]
    );
    assert_eq!(objection(&d), TodoState::Open, "the deadline shows again");
    let files: Vec<String> = d
        .attachments(id)
        .unwrap()
        .into_iter()
        .map(|a| a.filename)
        .collect();
    assert_eq!(files, ["bezwaar-2026-11-22.pdf"], "the proof is taken off");
    // Nothing was rewritten: the sending and its undoing are both in the history.
    let history = d.history(id).unwrap();
    assert!(history.len() > versions, "new versions only");
    assert!(history
        .iter()
        .any(|v| v.reason == dossier_core::SENT_REASON));
    assert!(history.iter().any(|v| v.reason == "ongedaan gemaakt"));
    assert!(d.verify().unwrap().problems.is_empty());

    // Once undone there is nothing left to undo.
    assert!(matches!(
        d.undo_letter_sent(id, &clock()),
        Err(Error::Invalid(_))
    ));
    // Sent again, then changed: the sending is no longer the last change.
    d.mark_letter_sent(id, today(), "e-mail", None, &clock())
        .unwrap();
    let mut changed = d.entry(id).unwrap().data;
    changed.notes.push_str("\nMet kopie aan mijn advocaat.");
    let later = dossier_core::FixedClock(clock().0 + chrono::Duration::minutes(5));
    d.update_entry(id, &changed, "aanvulling", &later).unwrap();
    let before = d.entry(id).unwrap();
    assert!(matches!(
        d.undo_letter_sent(id, &later),
        Err(Error::Invalid(_))
    ));
    assert_eq!(d.entry(id).unwrap(), before, "refused: nothing changed");
}
