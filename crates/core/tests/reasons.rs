//! History reasons as data: every reason core writes reads back as its structure and is
//! shown in English without a Dutch word left (issue 12: "koppeling toegevoegd:
//! reply-to 7" on an English screen).
#![allow(clippy::unwrap_used)]

mod common;

use common::{clock, day, dossier};
use dossier_core::{ChangeReason, EntryKind, EntryLink, LinkKind, NewEntry, ReasonLang};

#[test]
fn every_reason_core_writes_reads_back_and_speaks_english() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let letter = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterIn, day("2026-03-02"), "Brief"),
            &clock(),
        )
        .unwrap()
        .id;
    let answer = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterOut, day("2026-03-05"), "Antwoord"),
            &clock(),
        )
        .unwrap()
        .id;
    let link = EntryLink {
        from_id: answer,
        to_id: letter,
        kind: LinkKind::ReplyTo,
    };
    d.link_entries(&link, &clock()).unwrap();
    d.unlink_entries(&link, &clock()).unwrap();
    let file = d
        .attach(answer, "brief.pdf", b"%PDF-1.4 test", &clock())
        .unwrap();
    d.detach(file.id, "verkeerde brief", &clock()).unwrap();
    // An undo (here of an add: the entry becomes a tombstone with that reason).
    let undone = d
        .add_entry(
            &NewEntry::new(EntryKind::Note, day("2026-03-06"), "Per ongeluk"),
            &clock(),
        )
        .unwrap()
        .id;
    d.undo_last_change(undone, &clock()).unwrap();
    let last = d.history(undone).unwrap().pop().unwrap();
    assert_eq!(ChangeReason::parse(&last.reason), ChangeReason::Undone);
    assert_eq!(ChangeReason::Undone.text(ReasonLang::En), "undone");

    let reasons: Vec<ChangeReason> = d
        .history(answer)
        .unwrap()
        .iter()
        .map(|v| ChangeReason::parse(&v.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ChangeReason::None,
            ChangeReason::LinkAdded {
                kind: "reply-to".into(),
                to: letter
            },
            ChangeReason::LinkRemoved {
                kind: "reply-to".into(),
                to: letter
            },
            ChangeReason::FileAdded {
                name: "brief.pdf".into()
            },
            ChangeReason::FileRemoved {
                name: "brief.pdf".into(),
                why: "verkeerde brief".into()
            },
        ]
    );
    let kinds: Vec<&str> = reasons.iter().map(ChangeReason::kind).collect();
    assert_eq!(kinds, ["none", "link", "link", "file", "file"]);
    let english: Vec<String> = reasons.iter().map(|r| r.text(ReasonLang::En)).collect();
    assert_eq!(
        english[1],
        format!("link added: this answers entry {letter}")
    );
    assert_eq!(
        english[2],
        format!("link removed: this answers entry {letter}")
    );
    assert_eq!(english[3], "attachment added: brief.pdf");
    // The user's own words stay as they typed them, in any language.
    assert_eq!(
        english[4],
        "attachment removed: brief.pdf — verkeerde brief"
    );
    for (r, text) in reasons.iter().zip(&english) {
        if matches!(r, ChangeReason::FileRemoved { .. }) {
            continue;
        }
        for dutch in [
            "koppeling",
            "bijlage",
            "toegevoegd",
            "verwijderd",
            "ongedaan",
            "item",
        ] {
            assert!(!text.contains(dutch), "{text:?} has Dutch {dutch:?}");
        }
    }
    assert_eq!(
        reasons[1].text(ReasonLang::Nl),
        format!("koppeling toegevoegd: dit is een antwoord op item {letter}")
    );
}

#[test]
fn a_typed_reason_that_looks_like_ours_but_is_not_stays_the_users() {
    for typed in [
        "koppeling toegevoegd",
        "koppeling toegevoegd: zomaar",
        "bijlage verwijderd: x",
    ] {
        assert_eq!(
            ChangeReason::parse(typed),
            ChangeReason::Given(typed.into()),
            "{typed}"
        );
    }
    let r = ChangeReason::LinkAdded {
        kind: "same-decision".into(),
        to: 12,
    };
    assert_eq!(ChangeReason::parse(&r.stored()), r);
}
