//! The JSON the CLI reads and writes: entries as `list --json` emits them (which is
//! also what `import` reads), people, periods, and the conversions to and from core.

use std::collections::HashMap;

use dossier_core::entry::parse_date;
use dossier_core::import::{ImportBatch, ImportItem};
use dossier_core::person::{NamedPeriod, NamedRole};
use dossier_core::{record, Entry, Error, KlantmanagerPeriod, Person, PersonData, SystemClock};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One entry. The keys are a contract (snake_case); `import` reads the same shape and
/// ignores what it cannot set (id, created_at, version, klantmanager…).
#[derive(Debug, Serialize, Deserialize)]
pub struct EntryJson {
    #[serde(default)]
    pub id: i64,
    pub kind: String,
    pub occurred_on: String,
    /// `HH:MM` or null.
    #[serde(default)]
    pub time: Option<String>,
    pub title: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub asked: String,
    #[serde(default)]
    pub promised: String,
    #[serde(default)]
    pub agreed: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub kenmerk: String,
    #[serde(default)]
    pub companions: String,
    #[serde(default)]
    pub threat: bool,
    #[serde(default)]
    pub threat_text: String,
    #[serde(default)]
    pub follow_up_on: Option<String>,
    #[serde(default)]
    pub medical: bool,
    #[serde(default)]
    pub letter_dated: Option<String>,
    #[serde(default)]
    pub sent_on: Option<String>,
    #[serde(default)]
    pub received_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment_time: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_objection: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_rule_until: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub people: Vec<PersonRoleJson>,
    /// The agency's report and the statements about it, in the model's form (output
    /// only: it names attachments of this dossier, which `import` does not bring).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verslag: Option<Value>,
    /// The user's own klantmanager on that day, when periods were recorded (output only).
    #[serde(default)]
    pub klantmanager: Option<String>,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub version: u32,
    /// Set for a tombstone; `import` skips tombstones.
    #[serde(default)]
    pub deleted_at: Option<String>,
    #[serde(default)]
    pub delete_reason: String,
    #[serde(default)]
    pub attachment_count: u32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PersonRoleJson {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PersonJson {
    #[serde(default)]
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub created_at: String,
    /// Output of `people --json` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub klantmanager_periods: Option<Vec<PeriodJson>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PeriodJson {
    /// The person's name (import finds or creates them by it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person: String,
    pub from_on: String,
    #[serde(default)]
    pub to_on: Option<String>,
}

/// What `import` accepts: the array `list --json` prints, or an object with `entries`
/// and optionally `people` and `klantmanager_periods` (as `export-json` writes).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ImportFile {
    Entries(Vec<EntryJson>),
    Dossier {
        #[serde(default)]
        people: Vec<PersonJson>,
        #[serde(default)]
        klantmanager_periods: Vec<PeriodJson>,
        entries: Vec<EntryJson>,
    },
}

/// Names of people by id, and the klantmanager periods, read once per command.
pub struct Cast {
    names: HashMap<i64, String>,
    periods: Vec<KlantmanagerPeriod>,
}

impl Cast {
    pub fn new(people: &[Person], periods: Vec<KlantmanagerPeriod>) -> Cast {
        Cast {
            names: people.iter().map(|p| (p.id, p.data.name.clone())).collect(),
            periods,
        }
    }

    pub fn name(&self, id: i64) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }

    fn klantmanager_on(&self, day: chrono_day::NaiveDate) -> Option<String> {
        self.periods
            .iter()
            .find(|p| p.from_on <= day && p.to_on.is_none_or(|to| day <= to))
            .map(|p| self.name(p.person_id))
    }
}

mod chrono_day {
    pub use dossier_core::deadline::NaiveDate;
}

fn date(d: Option<chrono_day::NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The model's key for the entry's time; the CLI calls it `time`.
const TIME_KEY: (&str, &str) = ("occurred_time", "time");

/// The model's fields under the CLI's keys, plus what the CLI adds: people by name,
/// the klantmanager of the day, and the entry's history columns.
pub fn entry_json(e: &Entry, cast: &Cast) -> EntryJson {
    let mut m = record::fields(&e.data);
    if let Some(t) = m.remove(TIME_KEY.0) {
        m.insert(TIME_KEY.1.into(), t);
    }
    let people: Vec<Value> = e
        .data
        .people
        .iter()
        .map(|p| json!({"name": cast.name(p.person_id), "role": p.role}))
        .collect();
    m.insert("people".into(), Value::Array(people));
    let extra = json!({
        "id": e.id,
        "klantmanager": cast.klantmanager_on(e.data.occurred_on),
        "created_at": e.created_at,
        "updated_at": e.updated_at,
        "version": e.version,
        "deleted_at": e.deleted_at,
        "delete_reason": e.delete_reason,
        "attachment_count": e.attachment_count,
    });
    if let Value::Object(extra) = extra {
        m.extend(extra);
    }
    // EntryJson has a key for every field of the model (tested below).
    serde_json::from_value(Value::Object(m)).expect("EntryJson covers the entry model")
}

pub fn person_json(p: &Person) -> PersonJson {
    PersonJson {
        id: p.id,
        name: p.data.name.clone(),
        role: p.data.role.clone(),
        organisation: p.data.organisation.clone(),
        phone: p.data.phone.clone(),
        email: p.data.email.clone(),
        notes: p.data.notes.clone(),
        created_at: p.created_at.clone(),
        klantmanager_periods: None,
    }
}

pub fn period_json(p: &KlantmanagerPeriod, cast: &Cast) -> PeriodJson {
    PeriodJson {
        person: cast.name(p.person_id),
        from_on: p.from_on.to_string(),
        to_on: date(p.to_on),
    }
}

fn opt_date(s: &Option<String>) -> Result<Option<chrono_day::NaiveDate>, Error> {
    s.as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(parse_date)
        .transpose()
}

/// The entry data a JSON entry describes (people by name, resolved by core).
pub fn entry_data(j: &EntryJson) -> Result<ImportItem, Error> {
    let Ok(Value::Object(mut m)) = serde_json::to_value(j) else {
        return Err(Error::Invalid("the entry is not an object".into()));
    };
    if let Some(t) = m.remove(TIME_KEY.1) {
        m.insert(TIME_KEY.0.into(), t);
    }
    m.remove("people");
    m.remove("verslag");
    let data = record::from_fields(Value::Object(m)).map_err(Error::Invalid)?;
    Ok(ImportItem {
        data,
        people: j
            .people
            .iter()
            .map(|p| NamedRole {
                name: p.name.clone(),
                role: p.role.clone(),
            })
            .collect(),
    })
}

/// Turns a parsed import file into a batch for core; tombstones are left out (a
/// deleted entry is not brought back to life). Returns the batch and how many
/// tombstones were skipped.
pub fn import_batch(file: ImportFile) -> Result<(ImportBatch, usize), Error> {
    let (people, periods, entries) = match file {
        ImportFile::Entries(e) => (Vec::new(), Vec::new(), e),
        ImportFile::Dossier {
            people,
            klantmanager_periods,
            entries,
        } => (people, klantmanager_periods, entries),
    };
    let mut batch = ImportBatch {
        people: people
            .into_iter()
            .map(|p| PersonData {
                name: p.name,
                role: p.role,
                organisation: p.organisation,
                phone: p.phone,
                email: p.email,
                notes: p.notes,
            })
            .collect(),
        ..ImportBatch::default()
    };
    for (i, p) in periods.iter().enumerate() {
        let place =
            |e: Error| Error::Invalid(format!("klantmanager period {} in the file: {e}", i + 1));
        batch.klantmanager_periods.push(NamedPeriod {
            name: p.person.clone(),
            from_on: parse_date(&p.from_on).map_err(place)?,
            to_on: opt_date(&p.to_on).map_err(place)?,
        });
    }
    let mut skipped = 0;
    for (i, e) in entries.iter().enumerate() {
        if e.deleted_at.is_some() {
            skipped += 1;
            continue;
        }
        // Validated here too, so the error counts entries as the file does (core
        // counts only what it was given, without the skipped tombstones).
        let item = entry_data(e)
            .and_then(|item| item.data.validate(&SystemClock).map(|()| item))
            .map_err(|err| Error::Invalid(format!("entry {} in the file: {err}", i + 1)))?;
        batch.entries.push(item);
    }
    Ok((batch, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::deadline::NaiveDate;
    use dossier_core::{EntryData, EntryKind};

    #[test]
    fn the_cli_json_has_every_field_of_the_model_and_reads_back_the_same() {
        let mut data = EntryData::new(
            EntryKind::Agreement,
            NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            "Afspraak",
        );
        data.occurred_time = dossier_core::entry::parse_time("10:15").ok();
        data.contact_rule = Some(dossier_core::ContactRule::EmailOnly);
        let day = NaiveDate::from_ymd_opt(2026, 3, 20);
        (data.reply_by, data.repair_by, data.appointment_on) = (day, day, day);
        data.contact_rule_until = day;
        data.appointment_time = dossier_core::entry::parse_time("09:00").ok();
        data.on_objection = true;
        data.tags = vec!["mail".into()];
        let e = Entry {
            id: 5,
            data: data.clone(),
            created_at: "2026-03-03T10:00:00Z".into(),
            updated_at: None,
            version: 1,
            deleted_at: None,
            delete_reason: String::new(),
            attachment_count: 0,
        };
        let j = entry_json(&e, &Cast::new(&[], Vec::new()));
        assert_eq!(j.time.as_deref(), Some("10:15"));
        let out = serde_json::to_value(&j).unwrap();
        for key in record::fields(&data).keys() {
            let key = if key == TIME_KEY.0 { TIME_KEY.1 } else { key };
            // Absent while unset, like in the canonical JSON (checked below when set).
            if key == "verslag" {
                continue;
            }
            assert!(out.get(key).is_some(), "{key} missing in {out}");
        }
        assert_eq!(entry_data(&j).unwrap().data, data);
        // A verslag is written out, and left out by import: it names this dossier's files.
        let mut with = e.clone();
        with.data.kind = EntryKind::Meeting;
        with.data.contact_rule = None;
        with.data.contact_rule_until = None;
        with.data.on_objection = false;
        with.data.verslag = Some(dossier_core::Verslag {
            attachment_id: 3,
            sha256: "0".repeat(64),
            typed_text: String::new(),
            statements: Vec::new(),
        });
        let j = entry_json(&with, &Cast::new(&[], Vec::new()));
        assert_eq!(j.verslag.as_ref().unwrap()["attachment_id"], 3);
        assert_eq!(entry_data(&j).unwrap().data.verslag, None);
    }
}
