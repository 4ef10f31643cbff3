//! Undo of the last change to an entry, written as new history so the chain stays
//! honest: undoing an add deletes the entry (a visible tombstone with reason
//! "ongedaan gemaakt"); undoing an edit stores the previous version's data as a new edit;
//! undoing the addition of files detaches them again (with the same reason); undoing a
//! deletion brings the entry back as a `restore` version (reason
//! [`ChangeReason::DeleteUndone`]) with its tags, people, links and files, which the
//! deletion never removed. Undoing that restore deletes it again.
//! Also reads a stored version back into `EntryData`, for showing what changed.

use crate::clock::Clock;
use crate::entry::{Entry, EntryData};
use crate::error::{Error, Result};
use crate::reason::ChangeReason;
use crate::store::history::Version;
use crate::vault::Dossier;

/// The reason stored with every undo, visible in the history.
pub const UNDO_REASON: &str = "ongedaan gemaakt";

/// The entry's fields as they were stored in one version (its canonical JSON).
pub fn version_data(version: &Version) -> Result<EntryData> {
    crate::record::version_data(&version.content)
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
    pub fn undo_last_change(&mut self, id: i64, clock: &dyn Clock) -> Result<Entry> {
        let versions = self.history(id)?;
        let Some(last) = versions.last() else {
            return Err(Error::Invalid(format!("entry {id} does not exist")));
        };
        match last.action.as_str() {
            "create" | "restore" => self.delete_entry(id, UNDO_REASON, clock),
            "delete" => self.restore_entry(id, &ChangeReason::DeleteUndone.stored(), clock),
            "edit" => {
                let previous = versions
                    .len()
                    .checked_sub(2)
                    .and_then(|i| versions.get(i))
                    .ok_or_else(|| Error::Damaged(format!("entry {id} has no earlier version")))?;
                let data = version_data(previous)?;
                if data == version_data(last)? && previous.attachments != last.attachments {
                    // Only files were added: take them off again (they stay in the history).
                    self.detach_added_since(id, &previous.attachments, clock)?;
                    return self.entry(id);
                }
                self.update_entry(id, &data, UNDO_REASON, clock)
            }
            other => Err(Error::Damaged(format!(
                "entry {id} has a version of an unknown kind ({other})"
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
    use crate::entry::EntryKind;
    use crate::{FixedClock, KdfParams};
    use chrono::{NaiveDate, NaiveTime};

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
    fn undo_of_an_add_leaves_a_tombstone_and_undoing_that_brings_it_back() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = dossier(&tmp.path().join("d"));
        let e = d.add_entry(&call("Per ongeluk"), &clock()).unwrap();
        let undone = d.undo_last_change(e.id, &clock()).unwrap();
        assert!(undone.deleted_at.is_some());
        assert_eq!(undone.delete_reason, UNDO_REASON);
        let back = d.undo_last_change(e.id, &clock()).unwrap();
        assert!(back.deleted_at.is_none());
        assert_eq!(back.data, call("Per ongeluk"));
    }

    #[test]
    fn undo_of_a_delete_brings_the_entry_back_with_everything_it_had() {
        use crate::link::{EntryLink, LinkKind};
        use crate::person::PersonData;
        let tmp = tempfile::tempdir().unwrap();
        let mut d = dossier(&tmp.path().join("d"));
        let who = d
            .add_person(&PersonData::named("Mw. de Vries", "klantmanager"), &clock())
            .unwrap();
        let mut data = call("Brief over het traject");
        data.people = vec![crate::entry::EntryPerson {
            person_id: who.id,
            role: "belde mij".into(),
        }];
        let answer = d.add_entry(&call("Mijn antwoord"), &clock()).unwrap();
        let e = d.add_entry(&data, &clock()).unwrap();
        d.attach(e.id, "brief.txt", b"Geachte heer", &clock())
            .unwrap();
        let link = EntryLink {
            from_id: answer.id,
            to_id: e.id,
            kind: LinkKind::ReplyTo,
        };
        d.link_entries(&link, &clock()).unwrap();
        let own = EntryLink {
            from_id: e.id,
            to_id: answer.id,
            kind: LinkKind::SameDecision,
        };
        d.link_entries(&own, &clock()).unwrap();
        let before = d.entry(e.id).unwrap();
        let versions_before = d.history(e.id).unwrap().len();

        d.delete_entry(e.id, "per ongeluk verwijderd", &clock())
            .unwrap();
        assert_eq!(d.entry_count().unwrap(), 1);
        let back = d.undo_last_change(e.id, &clock()).unwrap();

        // Live again, with the same fields, tags, people and roles, files and links.
        assert!(back.deleted_at.is_none());
        assert_eq!(back.delete_reason, "");
        assert_eq!(back.data, before.data);
        assert_eq!(back.data.tags, vec!["cv".to_string()]);
        assert_eq!(back.data.people[0].role, "belde mij");
        assert_eq!(back.attachment_count, 1);
        assert_eq!(d.attachments(e.id).unwrap()[0].filename, "brief.txt");
        let links = d.links(e.id).unwrap();
        assert!(links.contains(&link) && links.contains(&own), "{links:?}");
        assert_eq!(d.entry_count().unwrap(), 2);
        assert_eq!(d.search("traject", 10).unwrap()[0].id, e.id);

        // In the chain: the tombstone stays, then a restore version with the reason as
        // data, shown in either language.
        let history = d.history(e.id).unwrap();
        assert_eq!(history.len(), versions_before + 2);
        let delete = &history[history.len() - 2];
        let restore = &history[history.len() - 1];
        assert_eq!(delete.action, "delete");
        assert_eq!(restore.action, "restore");
        let reason = ChangeReason::parse(&restore.reason);
        assert_eq!(reason, ChangeReason::DeleteUndone);
        assert_eq!(reason.kind(), "undo");
        assert_eq!(
            reason.text(crate::ReasonLang::Nl),
            "verwijderen ongedaan gemaakt"
        );
        assert_eq!(reason.text(crate::ReasonLang::En), "delete undone");
        assert_eq!(version_data(restore).unwrap(), before.data);
        assert!(d.verify_chain().unwrap().broken_at.is_none());
        assert!(d.verify().unwrap().problems.is_empty());
    }
}
