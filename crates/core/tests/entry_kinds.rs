//! Every kind of entry keeps every field: add → read back → find in the timeline →
//! bulk import elsewhere gives the same data.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use common::{clock, day, dossier};

use chrono::NaiveTime;
use dossier_core::person::NamedRole;
use dossier_core::store::entries::{ImportBatch, ImportItem};
use dossier_core::{ContactRule, EntryData, EntryFilter, EntryKind, EntryPerson, PersonData};

/// An entry of `kind` with every field set to something that names the kind.
fn full(kind: EntryKind, person_id: i64) -> EntryData {
    let k = kind.name();
    EntryData {
        occurred_time: Some(NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
        notes: format!("notities {k}"),
        asked: format!("gevraagd {k}"),
        promised: format!("beloofd {k}"),
        agreed: format!("afgesproken {k}"),
        organisation: "WPI Amsterdam".into(),
        place: "Kantoor Nieuw-West".into(),
        channel: "telefoon".into(),
        kenmerk: format!("WPI/2026/{k}"),
        companions: "Joop (getuige)".into(),
        threat: true,
        threat_text: "korting van 30%".into(),
        follow_up_on: Some(day("2026-12-01")),
        medical: kind == EntryKind::MedicalAssessment,
        letter_dated: Some(day("2026-03-01")),
        sent_on: Some(day("2026-03-02")),
        received_on: Some(day("2026-03-04")),
        // A Sunday on purpose: dates written in a letter are kept exactly as written.
        reply_by: Some(day("2026-03-15")),
        repair_by: Some(day("2026-03-20")),
        appointment_on: Some(day("2026-04-02")),
        appointment_time: Some(NaiveTime::from_hms_opt(10, 15, 0).unwrap()),
        on_objection: kind == EntryKind::Decision,
        contact_rule: (kind == EntryKind::Agreement).then_some(ContactRule::EmailOnly),
        contact_rule_until: (kind == EntryKind::Agreement).then(|| day("2026-12-31")),
        tags: vec!["bezwaar".into(), "ontheffing".into()],
        people: vec![EntryPerson {
            person_id,
            role: "belde mij".into(),
        }],
        ..EntryData::new(kind, day("2026-03-04"), format!("Titel {k}"))
    }
}

#[test]
fn every_kind_keeps_every_field_through_add_read_filter_and_import() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("a"));
    let mut other = dossier(&tmp.path().join("b"));
    let kees = d
        .add_person(&PersonData::named("Kees", "jobhunter"), &clock())
        .unwrap();
    for kind in EntryKind::ALL {
        let data = full(kind, kees.id);
        let saved = d.add_entry(&data, &clock()).unwrap();
        assert_eq!(saved.data, data, "{}: add", kind.name());
        assert_eq!(
            d.entry(saved.id).unwrap().data,
            data,
            "{}: read",
            kind.name()
        );
        let f = EntryFilter {
            kinds: vec![kind],
            ..EntryFilter::default()
        };
        let page = d.find_entries(&f, true, &Default::default(), 10).unwrap();
        assert_eq!(page.total, 1, "{}", kind.name());
        assert_eq!(page.entries[0].data, data, "{}: timeline", kind.name());

        let item = ImportItem {
            data: data.clone(),
            people: vec![NamedRole {
                name: "Kees".into(),
                role: "belde mij".into(),
            }],
        };
        let batch = ImportBatch {
            entries: vec![item],
            ..ImportBatch::default()
        };
        let id = other.import(&batch, &clock()).unwrap().entry_ids[0];
        let imported = other.entry(id).unwrap().data;
        let kees_there = other.person_named("kees").unwrap().unwrap().id;
        let want = EntryData {
            people: vec![EntryPerson {
                person_id: kees_there,
                role: "belde mij".into(),
            }],
            ..data
        };
        assert_eq!(imported, want, "{}: import", kind.name());
    }
    assert_eq!(other.people().unwrap().len(), 1, "Kees was made once");
    assert_eq!(other.verify_chain().unwrap().versions, 17);
}
