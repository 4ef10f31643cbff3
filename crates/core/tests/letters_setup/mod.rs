//! The dossier the letter tests start from (entries like the demo dossier's, the
//! user's profile set), shared by tests/letters.rs and tests/letter_choices.rs.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
#![allow(dead_code)]

use std::path::Path;

use crate::common::{clock, day, dossier};
use dossier_core::letters::LetterRequest;
use dossier_core::{
    Dossier, EntryKind, EntryLink, EntryPerson, LinkKind, NewEntry, PersonData, Profile,
};

/// The Dutch day of `common::clock()`: Sunday 22 November 2026.
pub fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

pub struct Ids {
    pub decision: i64,
    pub old_decision: i64,
    pub call: i64,
    pub meeting: i64,
    pub home_visit: i64,
}

pub fn profile() -> Profile {
    Profile {
        name: "Fatima el Amrani".into(),
        address: vec!["Javaplein 12-2".into(), "1094 HH Amsterdam".into()],
        email: "fatima@example.nl".into(),
    }
}

pub fn add(d: &mut Dossier, e: NewEntry) -> i64 {
    d.add_entry(&e, &clock()).unwrap().id
}

/// A dossier with entries like the demo's, the user's profile set.
pub fn setup(dir: &Path) -> (Dossier, Ids) {
    let mut d = dossier(dir);
    d.set_profile(&profile()).unwrap();
    let km = d
        .add_person(
            &PersonData {
                name: "Mw. J. de Vries".into(),
                role: "klantmanager".into(),
                organisation: "WPI Amsterdam".into(),
                phone: String::new(),
                email: String::new(),
                notes: String::new(),
            },
            &clock(),
        )
        .unwrap()
        .id;
    let with_km = vec![EntryPerson {
        person_id: km,
        role: "klantmanager".into(),
    }];
    let decision = add(
        &mut d,
        NewEntry {
            organisation: "WPI Amsterdam".into(),
            kenmerk: "WPI/BB/2026/77410".into(),
            letter_dated: Some(day("2026-11-17")),
            sent_on: Some(day("2026-11-17")),
            ..NewEntry::new(
                EntryKind::Decision,
                day("2026-11-20"),
                "Terugvordering bijzondere bijstand voor mijn bril",
            )
        },
    );
    // Sent 1 June: objection period to 13 July, decision due (Awb 7:10) 24 August.
    let old_decision = add(
        &mut d,
        NewEntry {
            organisation: "WPI Amsterdam".into(),
            kenmerk: "WPI/BES/2026/07731".into(),
            letter_dated: Some(day("2026-06-01")),
            sent_on: Some(day("2026-06-01")),
            ..NewEntry::new(
                EntryKind::Decision,
                day("2026-06-03"),
                "Maatregel van 30% voor drie maanden",
            )
        },
    );
    let objection = add(
        &mut d,
        NewEntry {
            organisation: "WPI Amsterdam".into(),
            letter_dated: Some(day("2026-07-01")),
            sent_on: Some(day("2026-07-01")),
            ..NewEntry::new(
                EntryKind::LetterOut,
                day("2026-07-01"),
                "Bezwaar tegen de maatregel",
            )
        },
    );
    d.link_entries(
        &EntryLink {
            from_id: objection,
            to_id: old_decision,
            kind: LinkKind::ObjectionAgainst,
        },
        &clock(),
    )
    .unwrap();
    let call = add(
        &mut d,
        NewEntry {
            organisation: "WPI Amsterdam".into(),
            occurred_time: Some(chrono::NaiveTime::from_hms_opt(10, 30, 0).unwrap()),
            notes: "Mw. de Vries zei dat mijn ontheffing tot 1 maart 2027 blijft gelden.".into(),
            agreed: "Ik hoef tot 1 maart 2027 niet naar WerkPlus.".into(),
            people: with_km.clone(),
            ..NewEntry::new(
                EntryKind::CallIn,
                day("2026-11-19"),
                "Klantmanager belde over WerkPlus",
            )
        },
    );
    let meeting = add(
        &mut d,
        NewEntry {
            organisation: "WPI Amsterdam".into(),
            occurred_time: Some(chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
            place: "Jan van Galenstraat".into(),
            people: with_km,
            ..NewEntry::new(
                EntryKind::Meeting,
                day("2026-11-10"),
                "Gesprek over verplichtingen",
            )
        },
    );
    let home_visit = add(
        &mut d,
        NewEntry {
            organisation: "WPI Amsterdam".into(),
            notes: "Twee handhavers stonden zonder afspraak om 8 uur voor de deur en keken in mijn kasten."
                .into(),
            ..NewEntry::new(EntryKind::HomeVisit, day("2026-10-06"), "Onaangekondigd huisbezoek")
        },
    );
    (
        d,
        Ids {
            decision,
            old_decision,
            call,
            meeting,
            home_visit,
        },
    )
}

pub fn req(fills: &[(&str, &str)]) -> LetterRequest {
    LetterRequest {
        fills: fills
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..LetterRequest::default()
    }
}

pub const ADDRESS: (&str, &str) = ("ontvanger_adres", "Postbus 2813|1000 CV Amsterdam");
