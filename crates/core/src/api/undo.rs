//! Undo of the last change to an entry, written as new history so the chain stays
//! honest: undoing an add deletes the entry (a visible tombstone with reason
//! "ongedaan gemaakt"); undoing an edit stores the previous version's data as a new edit;
//! undoing the addition of files detaches them again (with the same reason).
//! Also reads a stored version back into `EntryData`, for showing what changed.

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

use crate::clock::Clock;
use crate::entry::{ContactRule, Entry, EntryData, EntryKind, EntryPerson};
use crate::error::{Error, Result};
use crate::store::history::Version;
use crate::vault::Dossier;

/// The reason stored with every undo, visible in the history.
pub const UNDO_REASON: &str = "ongedaan gemaakt";

fn damaged(what: &str) -> Error {
    Error::Damaged(format!("a stored version has no valid {what}"))
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn opt_date(v: &Value, key: &str) -> Result<Option<NaiveDate>> {
    match v.get(key).and_then(Value::as_str) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| damaged(key)),
    }
}

fn opt_time(v: &Value, key: &str) -> Result<Option<NaiveTime>> {
    match v.get(key).and_then(Value::as_str) {
        None => Ok(None),
        Some(s) => NaiveTime::parse_from_str(s, "%H:%M")
            .map(Some)
            .map_err(|_| damaged(key)),
    }
}

/// The entry's fields as they were stored in one version (its canonical JSON).
pub fn version_data(version: &Version) -> Result<EntryData> {
    let v: Value = serde_json::from_str(&version.content).map_err(|_| damaged("content"))?;
    let kind = EntryKind::from_name(&text(&v, "kind")).map_err(|_| damaged("kind"))?;
    let occurred_on = opt_date(&v, "occurred_on")?.ok_or_else(|| damaged("date"))?;
    let occurred_time = opt_time(&v, "occurred_time")?;
    let tags = v
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let people = v
        .get("people")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    Some(EntryPerson {
                        person_id: p.get("person_id")?.as_i64()?,
                        role: text(p, "role"),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(EntryData {
        kind,
        occurred_on,
        occurred_time,
        title: text(&v, "title"),
        notes: text(&v, "notes"),
        asked: text(&v, "asked"),
        promised: text(&v, "promised"),
        agreed: text(&v, "agreed"),
        organisation: text(&v, "organisation"),
        place: text(&v, "place"),
        channel: text(&v, "channel"),
        kenmerk: text(&v, "kenmerk"),
        companions: text(&v, "companions"),
        threat: v.get("threat").and_then(Value::as_bool).unwrap_or(false),
        threat_text: text(&v, "threat_text"),
        follow_up_on: opt_date(&v, "follow_up_on")?,
        medical: v.get("medical").and_then(Value::as_bool).unwrap_or(false),
        letter_dated: opt_date(&v, "letter_dated")?,
        sent_on: opt_date(&v, "sent_on")?,
        received_on: opt_date(&v, "received_on")?,
        reply_by: opt_date(&v, "reply_by")?,
        repair_by: opt_date(&v, "repair_by")?,
        appointment_on: opt_date(&v, "appointment_on")?,
        appointment_time: opt_time(&v, "appointment_time")?,
        on_objection: v
            .get("on_objection")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        contact_rule: v
            .get("contact_rule")
            .and_then(Value::as_str)
            .map(ContactRule::from_name)
            .transpose()?,
        contact_rule_until: opt_date(&v, "contact_rule_until")?,
        tags,
        people,
    })
}

impl Dossier {
    /// Every version of one entry with its fields read back, oldest first.
    pub fn history_with_data(&self, id: i64) -> Result<Vec<(Version, EntryData)>> {
        self.history(id)?
            .into_iter()
            .map(|v| {
                let data = version_data(&v)?;
                Ok((v, data))
            })
            .collect()
    }

    /// Detaches the live attachments of `id` that are not in `earlier` (the
    /// comma-separated SHA-256 list of an earlier version), newest first.
    fn detach_added_since(&mut self, id: i64, earlier: &str, clock: &dyn Clock) -> Result<()> {
        let mut kept: Vec<&str> = earlier.split(',').filter(|h| !h.is_empty()).collect();
        let mut added = Vec::new();
        for a in self.attachments(id)? {
            match kept.iter().position(|h| *h == a.sha256) {
                Some(i) => {
                    kept.remove(i);
                }
                None => added.push(a.id),
            }
        }
        for a in added.into_iter().rev() {
            self.detach(a, UNDO_REASON, clock)?;
        }
        Ok(())
    }

    /// Undoes the latest change to entry `id` as a new version (see the module docs).
    /// A deletion is not undone here: the tombstone stays.
    pub fn undo_last_change(&mut self, id: i64, clock: &dyn Clock) -> Result<Entry> {
        let versions = self.history(id)?;
        let Some(last) = versions.last() else {
            return Err(Error::Invalid(format!("entry {id} does not exist")));
        };
        match last.action.as_str() {
            "create" => self.delete_entry(id, UNDO_REASON, clock),
            "edit" => {
                let previous = versions
                    .len()
                    .checked_sub(2)
                    .and_then(|i| versions.get(i))
                    .ok_or_else(|| damaged("earlier version"))?;
                let data = version_data(previous)?;
                if data == version_data(last)? && previous.attachments != last.attachments {
                    // Only files were added: take them off again (they stay in the history).
                    self.detach_added_since(id, &previous.attachments, clock)?;
                    return self.entry(id);
                }
                self.update_entry(id, &data, UNDO_REASON, clock)
            }
            _ => Err(Error::Invalid(format!(
                "entry {id} was deleted; a deletion cannot be undone"
            ))),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::TimeZone;
    use ring::rand::SystemRandom;

    use super::*;
    use crate::{FixedClock, KdfParams};

    fn clock() -> FixedClock {
        FixedClock(chrono::Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap())
    }

    fn dossier(dir: &std::path::Path) -> Dossier {
        Dossier::create(
            dir,
            "paard batterij nietje",
            &KdfParams::INSECURE_FOR_TESTS,
            &SystemRandom::new(),
        )
        .unwrap()
        .0
    }

    fn call(title: &str) -> EntryData {
        EntryData {
            occurred_time: NaiveTime::from_hms_opt(9, 30, 0),
            threat: true,
            threat_text: "uitkering stopt".into(),
            tags: vec!["cv".into()],
            letter_dated: NaiveDate::from_ymd_opt(2026, 3, 1),
            ..EntryData::new(
                EntryKind::CallIn,
                NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
                title,
            )
        }
    }

    #[test]
    fn undo_of_an_edit_restores_the_earlier_data_and_keeps_both_in_history() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = dossier(&tmp.path().join("d"));
        let original = call("Gebeld door klantmanager");
        let e = d.add_entry(&original, &clock()).unwrap();
        let changed = EntryData {
            title: "Gebeld door jobhunter".into(),
            threat: false,
            ..original.clone()
        };
        d.update_entry(e.id, &changed, "typfout", &clock()).unwrap();
        let undone = d.undo_last_change(e.id, &clock()).unwrap();
        assert_eq!(undone.data, original);
        let history = d.history_with_data(e.id).unwrap();
        assert_eq!(history.len(), 3);
        assert_eq!(history[1].1, changed);
        assert_eq!(history[2].0.reason, UNDO_REASON);
        assert!(d.verify_chain().unwrap().broken_at.is_none());
    }

    #[test]
    fn undo_of_an_attachment_detaches_it_and_keeps_the_data() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = dossier(&tmp.path().join("d"));
        let e = d.add_entry(&call("Brief met scan"), &clock()).unwrap();
        d.attach(e.id, "brief.txt", b"Geachte heer", &clock())
            .unwrap();
        let undone = d.undo_last_change(e.id, &clock()).unwrap();
        assert_eq!(undone.data, call("Brief met scan"));
        assert!(undone.deleted_at.is_none());
        assert!(d.attachments(e.id).unwrap().is_empty());
        assert!(d.verify_chain().unwrap().broken_at.is_none());
    }

    #[test]
    fn undo_of_an_add_leaves_a_tombstone_and_a_deletion_is_not_undone() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = dossier(&tmp.path().join("d"));
        let e = d.add_entry(&call("Per ongeluk"), &clock()).unwrap();
        let undone = d.undo_last_change(e.id, &clock()).unwrap();
        assert!(undone.deleted_at.is_some());
        assert_eq!(undone.delete_reason, UNDO_REASON);
        assert!(d.undo_last_change(e.id, &clock()).is_err());
    }
}
