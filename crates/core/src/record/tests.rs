//! The model, the canonical JSON and the fixtures written by the code before the model
//! was derived (the hashes of existing dossiers depend on them byte for byte).

use super::*;
use crate::entry::{parse_date, parse_time, ContactRule, EntryPerson};
use crate::verslag::{Statement, Status, Verslag};

/// Every field set to something other than its default. Destructured below without
/// `..`, so a new field does not compile until it is given a value here.
fn full() -> Entry {
    let d = |s| Some(parse_date(s).unwrap());
    let data = EntryData {
        occurred_time: Some(parse_time("09:05").unwrap()),
        notes: "Zij zei: \"u moet\" — „ë€\nregel 2\ttab \\ slash".into(),
        asked: "vraag".into(),
        promised: "belofte".into(),
        agreed: "afspraak".into(),
        organisation: "Gemeente Zaandam".into(),
        place: "Loket".into(),
        channel: "telefoon".into(),
        kenmerk: "ZK-2026/77".into(),
        companions: "Ans (getuige)".into(),
        threat: true,
        threat_text: "korting 30%".into(),
        follow_up_on: d("2026-03-20"),
        medical: true,
        letter_dated: d("2026-03-01"),
        sent_on: d("2026-03-02"),
        received_on: d("2026-03-04"),
        reply_by: d("2026-03-25"),
        repair_by: d("2026-03-26"),
        appointment_on: d("2026-04-01"),
        appointment_time: Some(parse_time("14:30").unwrap()),
        on_objection: true,
        contact_rule: Some(ContactRule::InWritingOnly),
        contact_rule_until: d("2026-12-31"),
        tags: vec!["bezwaar".into(), "Öztürk".into()],
        people: vec![
            EntryPerson {
                person_id: 3,
                role: "belde mij".into(),
            },
            EntryPerson {
                person_id: 7,
                role: "".into(),
            },
        ],
        verslag: Some(Verslag {
            attachment_id: 5,
            sha256: "ab".repeat(32),
            typed_text: "Typed \"tekst\"".into(),
            statements: vec![Statement {
                id: 2,
                start: 7,
                quote: "Klant is akkoord.".into(),
                status: Status::NotSaid,
                important: true,
                my_version: "Ik zei: ik ben ziek.".into(),
                support_entries: vec![9, 12],
                support_attachments: vec![4],
            }],
        }),
        ..EntryData::new(
            EntryKind::Decision,
            parse_date("2026-03-05").unwrap(),
            "Beslissing op bezwaar",
        )
    };
    Entry {
        id: 42,
        data,
        created_at: "2026-03-05T10:00:00Z".into(),
        updated_at: Some("2026-03-06T10:00:00Z".into()),
        version: 3,
        deleted_at: Some("2026-03-07T10:00:00Z".into()),
        delete_reason: "dubbel".into(),
        attachment_count: 2,
    }
}

fn minimal() -> Entry {
    Entry {
        id: 1,
        data: EntryData::new(
            EntryKind::CallIn,
            parse_date("2026-01-02").unwrap(),
            "Gebeld",
        ),
        created_at: "2026-01-02T08:00:00Z".into(),
        updated_at: None,
        version: 1,
        deleted_at: None,
        delete_reason: String::new(),
        attachment_count: 0,
    }
}

#[test]
fn the_full_sample_sets_every_field() {
    let EntryData {
        kind: _,
        occurred_on: _,
        occurred_time,
        title: _,
        notes,
        asked,
        promised,
        agreed,
        organisation,
        place,
        channel,
        kenmerk,
        companions,
        threat,
        threat_text,
        follow_up_on,
        medical,
        letter_dated,
        sent_on,
        received_on,
        reply_by,
        repair_by,
        appointment_on,
        appointment_time,
        on_objection,
        contact_rule,
        contact_rule_until,
        tags,
        people,
        verslag,
    } = full().data;
    let texts = [
        notes,
        asked,
        promised,
        agreed,
        organisation,
        place,
        channel,
        kenmerk,
        companions,
        threat_text,
    ];
    assert!(texts.iter().all(|t| !t.is_empty()));
    assert!(threat && medical && on_objection);
    let dates = [
        follow_up_on,
        letter_dated,
        sent_on,
        received_on,
        reply_by,
        repair_by,
        appointment_on,
        contact_rule_until,
    ];
    assert!(dates.iter().all(Option::is_some));
    assert!(occurred_time.is_some() && appointment_time.is_some() && contact_rule.is_some());
    assert!(!tags.is_empty() && !people.is_empty() && verslag.is_some());
}

#[test]
fn every_field_of_the_model_is_in_the_canonical_json() {
    let e = full();
    let content = canonical(&e, &[]);
    let parsed: Value = serde_json::from_str(&content).unwrap();
    for key in fields(&e.data).keys() {
        assert!(
            parsed.get(key).is_some_and(|v| !v.is_null()),
            "{key} is in the model but not in the canonical JSON: {content}"
        );
    }
    // Read back, the canonical JSON gives the same data: nothing is left out or lost.
    assert_eq!(version_data(&content).unwrap(), e.data);
    assert_eq!(
        version_data(&canonical(&minimal(), &[])).unwrap(),
        minimal().data
    );
}

#[test]
fn the_canonical_json_is_byte_identical_to_what_earlier_versions_wrote() {
    // Written by the hand-made canonical() this module replaced (see git history); a
    // change here would make every existing dossier fail `verify`.
    let links = ["reply-to:12".to_string(), "same-decision:9".to_string()];
    // Those versions had no verslag: without one, the key is absent.
    let mut before_verslag = full();
    before_verslag.data.verslag = None;
    assert_eq!(
        canonical(&before_verslag, &links),
        include_str!("../../tests/fixtures/canonical-full.json")
    );
    // The verslag's own form, frozen from the version that added it (issue 14 part 3).
    assert_eq!(
        canonical(&full(), &links),
        include_str!("../../tests/fixtures/canonical-verslag.json")
    );
    assert_eq!(
        canonical(&minimal(), &[]),
        include_str!("../../tests/fixtures/canonical-minimal.json")
    );
}

#[test]
fn the_store_has_a_column_for_every_field_but_the_lists() {
    let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 28, "{names:?}");
    for key in fields(&full().data).keys() {
        assert!(
            names.contains(&key.as_str()) || key == "tags" || key == "people",
            "{key} has no column"
        );
    }
    let flags: Vec<&str> = COLUMNS
        .iter()
        .filter(|(_, c)| *c == Column::Flag)
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(flags, ["medical", "on_objection", "threat"]);
}

#[test]
fn front_end_input_may_leave_optional_fields_blank() {
    let v = serde_json::json!({
        "kind": "call-in", "occurred_on": " 2026-03-03 ", "title": "Gebeld",
        "occurred_time": "", "follow_up_on": "  ", "contact_rule": ""
    });
    let d = from_fields(v).unwrap();
    assert_eq!(d.occurred_time, None);
    assert_eq!(d.follow_up_on, None);
    let bad = serde_json::json!({"kind": "call-in", "occurred_on": "3-3-2026", "title": "x"});
    assert!(from_fields(bad).unwrap_err().contains("YYYY-MM-DD"));
}
