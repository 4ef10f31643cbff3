//! People and klantmanager periods: validation, "your klantmanager on that date" at the
//! boundaries, overlaps refused, and a renamed person found by search.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{clock, day, dossier};

use dossier_core::{EntryKind, EntryPerson, Error, NewEntry, PersonData};

fn invalid(r: Result<impl std::fmt::Debug, Error>) -> String {
    match r {
        Err(Error::Invalid(m)) => m,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_person_needs_a_name_and_is_found_by_it_ignoring_case() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let msg = invalid(d.add_person(&PersonData::named("   ", "jobhunter"), &clock()));
    assert!(msg.contains("name"), "{msg}");
    let p = d
        .add_person(
            &PersonData {
                organisation: "WPI".into(),
                ..PersonData::named("  Sanne de Vries ", "klantmanager")
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(p.data.name, "Sanne de Vries");
    assert_eq!(p.created_at, "2026-11-22T10:00:00Z");
    let same = d
        .find_or_add_person("sanne DE vries", "iemand", &clock())
        .unwrap();
    assert_eq!(same.id, p.id);
    assert_eq!(
        same.data.role, "klantmanager",
        "an existing person is not changed"
    );
    let other = d
        .find_or_add_person("Karim", "jobhunter", &clock())
        .unwrap();
    assert_ne!(other.id, p.id);
    let names: Vec<String> = d
        .people()
        .unwrap()
        .into_iter()
        .map(|p| p.data.name)
        .collect();
    assert_eq!(names, ["Karim", "Sanne de Vries"]);
    assert!(d.update_person(999, &PersonData::named("X", "")).is_err());
}

#[test]
fn klantmanager_on_a_date_counts_both_ends_of_a_period() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let a = d
        .add_person(&PersonData::named("Anouk", "klantmanager"), &clock())
        .unwrap();
    let b = d
        .add_person(&PersonData::named("Bas", "klantmanager"), &clock())
        .unwrap();
    d.add_klantmanager_period(a.id, day("2025-11-01"), Some(day("2026-03-31")))
        .unwrap();
    d.add_klantmanager_period(b.id, day("2026-04-01"), None)
        .unwrap();
    let on = |s: &str| d.klantmanager_on(day(s)).unwrap().map(|p| p.data.name);
    let cases = [
        ("2025-10-31", None),
        ("2025-11-01", Some("Anouk")),
        ("2026-03-31", Some("Anouk")),
        ("2026-04-01", Some("Bas")),
        ("2030-01-01", Some("Bas")),
    ];
    for (date, want) in cases {
        assert_eq!(on(date).as_deref(), want, "{date}");
    }
    let periods = d.klantmanager_periods().unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[0].person_id, a.id);
    assert_eq!(periods[1].to_on, None);
}

#[test]
fn periods_that_end_before_they_start_or_overlap_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let a = d
        .add_person(&PersonData::named("Anouk", "klantmanager"), &clock())
        .unwrap();
    let b = d
        .add_person(&PersonData::named("Bas", "klantmanager"), &clock())
        .unwrap();
    let msg = invalid(d.add_klantmanager_period(a.id, day("2026-02-01"), Some(day("2026-01-31"))));
    assert!(msg.contains("ends"), "{msg}");
    // A one-day period is fine.
    d.add_klantmanager_period(a.id, day("2026-01-15"), Some(day("2026-01-15")))
        .unwrap();
    d.add_klantmanager_period(a.id, day("2026-02-01"), Some(day("2026-03-31")))
        .unwrap();
    for (from, to) in [
        ("2026-03-31", None),
        ("2026-01-01", Some("2026-02-01")),
        ("2026-02-10", Some("2026-02-11")),
        ("2025-01-01", None),
    ] {
        let msg = invalid(d.add_klantmanager_period(b.id, day(from), to.map(day)));
        assert!(
            msg.contains("overlaps the period of Anouk"),
            "{from}: {msg}"
        );
    }
    d.add_klantmanager_period(b.id, day("2026-04-01"), None)
        .unwrap();
    let msg = invalid(d.add_klantmanager_period(a.id, day("2027-01-01"), None));
    assert!(msg.contains("Bas") && msg.contains("now"), "{msg}");
    assert!(d
        .add_klantmanager_period(999, day("2020-01-01"), None)
        .is_err());
    assert_eq!(d.klantmanager_periods().unwrap().len(), 3);
}

#[test]
fn renaming_a_person_makes_their_entries_findable_by_the_new_name() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let p = d
        .add_person(&PersonData::named("Jobhunter Kees", "jobhunter"), &clock())
        .unwrap();
    let mut e = NewEntry::new(
        EntryKind::CallIn,
        day("2026-03-03"),
        "Gebeld over een vacature",
    );
    e.people = vec![EntryPerson {
        person_id: p.id,
        role: "belde mij".into(),
    }];
    let saved = d.add_entry(&e, &clock()).unwrap();
    assert_eq!(d.search("Kees", 10).unwrap().len(), 1);
    assert!(d.search("Bakker", 10).unwrap().is_empty());
    d.update_person(
        p.id,
        &PersonData {
            organisation: "Werkbrug".into(),
            ..PersonData::named("Kees Bakker", "jobhunter")
        },
    )
    .unwrap();
    let found = d.search("bakker werkbrug", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, saved.id);
    // Changing a person changes no entry: the history chain still verifies.
    assert_eq!(d.verify_chain().unwrap().broken_at, None);
}

#[test]
fn names_compare_with_unicode_case_folding_not_ascii_only() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let p = d
        .add_person(&PersonData::named("Öztürk", "klantmanager"), &clock())
        .unwrap();
    for typed in ["ÖZTÜRK", " öztürk ", "ÖzTüRk"] {
        let found = d.person_named(typed).unwrap();
        assert_eq!(found.map(|f| f.id), Some(p.id), "{typed}");
    }
    let strasse = d
        .add_person(&PersonData::named("Straße", ""), &clock())
        .unwrap();
    assert_eq!(
        d.person_named("STRASSE").unwrap().map(|f| f.id),
        Some(strasse.id)
    );
    assert!(d.person_named("Ozturk").unwrap().is_none(), "accents count");
    let same = d.find_or_add_person("ÖZTÜRK", "iemand", &clock()).unwrap();
    assert_eq!(same.id, p.id, "no second Öztürk");
}

#[test]
fn undoing_a_new_person_removes_them_only_while_nothing_names_them() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    // Added by mistake and named nowhere: undo takes them away again.
    let typo = d
        .add_person(&PersonData::named("Mw. de Vires", "klantmanager"), &clock())
        .unwrap();
    d.remove_unused_person(typo.id).unwrap();
    assert!(d.people().unwrap().is_empty());
    assert!(d.person(typo.id).is_err());

    // Named in an entry (live, or only in an earlier version), or as the user's
    // klantmanager: the history must keep saying who was there, so they stay.
    let kees = d
        .add_person(&PersonData::named("Kees", "jobhunter"), &clock())
        .unwrap();
    let mut e = NewEntry::new(EntryKind::CallIn, day("2026-03-03"), "Gebeld");
    e.people = vec![EntryPerson {
        person_id: kees.id,
        role: "belde mij".into(),
    }];
    let saved = d.add_entry(&e, &clock()).unwrap();
    invalid(d.remove_unused_person(kees.id));
    e.people.clear();
    d.update_entry(saved.id, &e, "niet Kees", &clock()).unwrap();
    invalid(d.remove_unused_person(kees.id));
    let km = d
        .add_person(&PersonData::named("Sanne", "klantmanager"), &clock())
        .unwrap();
    d.add_klantmanager_period(km.id, day("2026-01-01"), None)
        .unwrap();
    invalid(d.remove_unused_person(km.id));
    assert_eq!(d.people().unwrap().len(), 2);
    assert!(d.verify().unwrap().problems.is_empty());
}
