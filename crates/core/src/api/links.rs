//! Links between entries. A link belongs to the entry it starts from: adding or
//! removing one is a new version of that entry, so the history shows when a letter was
//! marked as the objection against a decision.

use super::now_string;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::reason::ChangeReason;
use crate::store::history::{self, Action};
use crate::store::links::{self, EntryLink};
use crate::store::{attachments, entries};
use crate::vault::Dossier;

impl Dossier {
    /// Links `link.from_id` to `link.to_id`. Both must exist and not be deleted.
    pub fn link_entries(&mut self, link: &EntryLink, clock: &dyn Clock) -> Result<()> {
        if link.from_id == link.to_id {
            return Err(Error::Invalid("an entry cannot be linked to itself".into()));
        }
        for id in [link.from_id, link.to_id] {
            let e = self.entry(id)?;
            if e.deleted_at.is_some() {
                return Err(Error::Invalid(format!("entry {id} was deleted")));
            }
        }
        self.change_link(link, true, clock)
    }

    /// Removes a link (the earlier version of the entry still shows it).
    pub fn unlink_entries(&mut self, link: &EntryLink, clock: &dyn Clock) -> Result<()> {
        self.change_link(link, false, clock)
    }

    fn change_link(&mut self, link: &EntryLink, add: bool, clock: &dyn Clock) -> Result<()> {
        let now = now_string(clock);
        self.write(|tx| {
            let changed = if add {
                links::insert(tx, link)?
            } else {
                links::delete(tx, link)?
            };
            if !changed {
                return Ok(());
            }
            attachments::bump_entry(tx, link.from_id, &now)?;
            let entry = entries::get(tx, link.from_id)?
                .ok_or_else(|| Error::Invalid(format!("entry {} does not exist", link.from_id)))?;
            let (kind, to) = (link.kind.name().to_string(), link.to_id);
            let reason = if add {
                ChangeReason::LinkAdded { kind, to }
            } else {
                ChangeReason::LinkRemoved { kind, to }
            }
            .stored();
            history::record(tx, &entry, Action::Edit, &reason, &now)?;
            Ok(())
        })
    }

    /// Every link that starts or ends at `id`.
    pub fn links(&self, id: i64) -> Result<Vec<EntryLink>> {
        links::of_entry(self.conn(), id)
    }
}
