//! Links between entries ("objection against", "reply to", "same decision"): stored,
//! read from both ends, part of the honest history.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{clock, day, dossier};
use dossier_core::{EntryKind, EntryLink, Error, LinkKind, NewEntry};

#[test]
fn an_objection_is_linked_to_its_decision_and_the_history_shows_when() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let decision = d
        .add_entry(
            &NewEntry::new(
                EntryKind::Decision,
                day("2026-03-03"),
                "Besluit: maatregel 30%",
            ),
            &clock(),
        )
        .unwrap();
    let objection = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterOut, day("2026-03-20"), "Bezwaarschrift"),
            &clock(),
        )
        .unwrap();
    let link = EntryLink {
        from_id: objection.id,
        to_id: decision.id,
        kind: LinkKind::ObjectionAgainst,
    };
    d.link_entries(&link, &clock()).unwrap();
    // Seen from both ends.
    assert_eq!(d.links(objection.id).unwrap(), vec![link]);
    assert_eq!(d.links(decision.id).unwrap(), vec![link]);
    // A new version of the objection records the link; the chain still verifies.
    let versions = d.history(objection.id).unwrap();
    assert_eq!(versions.len(), 2);
    assert!(versions[1].reason.contains("objection-against"));
    assert!(versions[1]
        .content
        .contains(&format!("objection-against:{}", decision.id)));
    assert_eq!(d.entry(objection.id).unwrap().version, 2);
    assert_eq!(d.verify_chain().unwrap().broken_at, None);
    // Linking twice changes nothing; unlinking leaves a version.
    d.link_entries(&link, &clock()).unwrap();
    assert_eq!(d.history(objection.id).unwrap().len(), 2);
    d.unlink_entries(&link, &clock()).unwrap();
    assert!(d.links(decision.id).unwrap().is_empty());
    assert_eq!(d.history(objection.id).unwrap().len(), 3);
    assert!(!d.history(objection.id).unwrap()[2]
        .content
        .contains("links"));
}

#[test]
fn links_to_itself_to_missing_or_deleted_entries_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let a = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterIn, day("2026-01-05"), "Brief"),
            &clock(),
        )
        .unwrap();
    let b = d
        .add_entry(
            &NewEntry::new(EntryKind::CallIn, day("2026-01-06"), "Gebeld"),
            &clock(),
        )
        .unwrap();
    let to = |to_id| EntryLink {
        from_id: b.id,
        to_id,
        kind: LinkKind::ReplyTo,
    };
    assert!(matches!(
        d.link_entries(&to(b.id), &clock()),
        Err(Error::Invalid(_))
    ));
    assert!(matches!(
        d.link_entries(&to(999), &clock()),
        Err(Error::Invalid(_))
    ));
    d.delete_entry(a.id, "dubbel", &clock()).unwrap();
    assert!(matches!(
        d.link_entries(&to(a.id), &clock()),
        Err(Error::Invalid(_))
    ));
    assert!(LinkKind::from_name("antwoord").is_err());
    for k in LinkKind::ALL {
        assert_eq!(LinkKind::from_name(k.name()).unwrap(), k);
    }
}
