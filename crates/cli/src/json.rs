//! The JSON the CLI reads and writes: entries as `list --json` emits them (which is
//! also what `import` reads), people, periods, and the conversions to and from core.

use std::collections::HashMap;

use dossier_core::entry::{parse_date, parse_time};
use dossier_core::person::{NamedPeriod, NamedRole};
use dossier_core::store::entries::{ImportBatch, ImportItem};
use dossier_core::{
    Entry, EntryData, EntryKind, Error, KlantmanagerPeriod, Person, PersonData, SystemClock,
};
use serde::{Deserialize, Serialize};

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

pub fn entry_json(e: &Entry, cast: &Cast) -> EntryJson {
    let d = &e.data;
    EntryJson {
        id: e.id,
        kind: d.kind.name().to_string(),
        occurred_on: d.occurred_on.to_string(),
        time: d.occurred_time.map(|t| t.format("%H:%M").to_string()),
        title: d.title.clone(),
        notes: d.notes.clone(),
        asked: d.asked.clone(),
        promised: d.promised.clone(),
        agreed: d.agreed.clone(),
        organisation: d.organisation.clone(),
        place: d.place.clone(),
        channel: d.channel.clone(),
        kenmerk: d.kenmerk.clone(),
        companions: d.companions.clone(),
        threat: d.threat,
        threat_text: d.threat_text.clone(),
        follow_up_on: date(d.follow_up_on),
        medical: d.medical,
        letter_dated: date(d.letter_dated),
        sent_on: date(d.sent_on),
        received_on: date(d.received_on),
        reply_by: date(d.reply_by),
        repair_by: date(d.repair_by),
        appointment_on: date(d.appointment_on),
        appointment_time: d.appointment_time.map(|t| t.format("%H:%M").to_string()),
        on_objection: d.on_objection,
        contact_rule: d.contact_rule.map(|r| r.name().to_string()),
        contact_rule_until: date(d.contact_rule_until),
        tags: d.tags.clone(),
        people: d
            .people
            .iter()
            .map(|p| PersonRoleJson {
                name: cast.name(p.person_id),
                role: p.role.clone(),
            })
            .collect(),
        klantmanager: cast.klantmanager_on(d.occurred_on),
        created_at: e.created_at.clone(),
        updated_at: e.updated_at.clone(),
        version: e.version,
        deleted_at: e.deleted_at.clone(),
        delete_reason: e.delete_reason.clone(),
        attachment_count: e.attachment_count,
    }
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
    let data = EntryData {
        occurred_time: j
            .time
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(parse_time)
            .transpose()?,
        notes: j.notes.clone(),
        asked: j.asked.clone(),
        promised: j.promised.clone(),
        agreed: j.agreed.clone(),
        organisation: j.organisation.clone(),
        place: j.place.clone(),
        channel: j.channel.clone(),
        kenmerk: j.kenmerk.clone(),
        companions: j.companions.clone(),
        threat: j.threat,
        threat_text: j.threat_text.clone(),
        follow_up_on: opt_date(&j.follow_up_on)?,
        medical: j.medical,
        letter_dated: opt_date(&j.letter_dated)?,
        sent_on: opt_date(&j.sent_on)?,
        received_on: opt_date(&j.received_on)?,
        reply_by: opt_date(&j.reply_by)?,
        repair_by: opt_date(&j.repair_by)?,
        appointment_on: opt_date(&j.appointment_on)?,
        appointment_time: j
            .appointment_time
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(parse_time)
            .transpose()?,
        on_objection: j.on_objection,
        contact_rule: j
            .contact_rule
            .as_deref()
            .filter(|r| !r.trim().is_empty())
            .map(dossier_core::ContactRule::from_name)
            .transpose()?,
        contact_rule_until: opt_date(&j.contact_rule_until)?,
        tags: j.tags.clone(),
        ..EntryData::new(
            EntryKind::from_name(&j.kind)?,
            parse_date(&j.occurred_on)?,
            j.title.clone(),
        )
    };
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
