//! The to-dos of an unlocked dossier: derive them from the entries, store the user's
//! choices, the reminders due, and the calendar export.

use chrono::NaiveDate;

use super::now_string;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::export::Lang;
use crate::store::todos as store;
use crate::todo::{
    derive_todos, ics, reminder_due, thresholds_to_record, Reminder, Todo, TodoChoice, TodoKind,
    TodoSource, TodoState,
};
use crate::vault::Dossier;

impl Dossier {
    /// Every to-do of the live entries as seen on `today`: open ones first, soonest
    /// act-by date first; then missed ones, most recently missed first; then done and
    /// not needed, newest due date first (see [`crate::todo::sort_todos`]).
    pub fn todos(&self, today: NaiveDate) -> Result<Vec<Todo>> {
        self.derive(None, today)
    }

    /// The to-dos that come from the given entries (a case), same order as `todos`.
    pub fn todos_of(&self, entry_ids: &[i64], today: NaiveDate) -> Result<Vec<Todo>> {
        let mut todos = self.derive(None, today)?;
        todos.retain(|t| entry_ids.contains(&t.entry_id));
        Ok(todos)
    }

    fn derive(&self, only: Option<i64>, today: NaiveDate) -> Result<Vec<Todo>> {
        let conn = self.conn();
        let sources: Vec<TodoSource> = store::sources(conn, only)?;
        if sources.is_empty() {
            return Ok(Vec::new());
        }
        derive_todos(
            &sources,
            &store::states(conn)?,
            &store::incoming_links(conn)?,
            today,
        )
    }

    /// Stores what the user decided about one to-do. The entry must exist, be live and
    /// produce a to-do of `kind`; `Done { by }` needs `by` to be a live entry.
    ///
    /// `Reopen` removes the stored choice. A to-do that the links mark done (an
    /// objection letter linked to the decision) then stays done: the link is the
    /// evidence, and removing it is what reopens such a to-do.
    pub fn set_todo_state(
        &mut self,
        entry_id: i64,
        kind: TodoKind,
        choice: TodoChoice,
        clock: &dyn Clock,
    ) -> Result<()> {
        let live = |id: i64| -> Result<()> {
            match store::entry_deleted(self.conn(), id)? {
                None => Err(Error::Invalid(format!("entry {id} does not exist"))),
                Some(true) => Err(Error::Invalid(format!("entry {id} was deleted"))),
                Some(false) => Ok(()),
            }
        };
        live(entry_id)?;
        let today = crate::clock::dutch_today(clock.now());
        if !self
            .derive(Some(entry_id), today)?
            .iter()
            .any(|t| t.kind == kind)
        {
            return Err(Error::Invalid(format!(
                "entry {entry_id} has no to-do of kind {}",
                kind.name()
            )));
        }
        if let TodoChoice::Done { by: Some(by) } = choice {
            live(by)?;
        }
        let now = now_string(clock);
        self.write(|tx| match choice {
            TodoChoice::Done { by } => {
                store::set_state(tx, entry_id, kind, TodoState::Done { by }, &now)
            }
            TodoChoice::NotNeeded => {
                store::set_state(tx, entry_id, kind, TodoState::NotNeeded, &now)
            }
            TodoChoice::Reopen => store::clear_state(tx, entry_id, kind),
        })
    }

    /// Reminders due on `today` (14, 7, 3 and 1 days before an open to-do's act-by
    /// date; an objection or appeal past its advised date but not yet past its last
    /// day gets the 1-day one) and not yet marked shown: at most one per to-do.
    pub fn due_reminders(&self, today: NaiveDate) -> Result<Vec<Reminder>> {
        let mut out = Vec::new();
        for todo in self.todos(today)? {
            // Cheap test first: most to-dos are far off or settled.
            if reminder_due(&todo, &[]).is_none() {
                continue;
            }
            let shown = store::shown(self.conn(), todo.entry_id, todo.kind, todo.act_by)?;
            out.extend(reminder_due(&todo, &shown));
        }
        Ok(out)
    }

    /// Marks reminders as shown, so each is shown once: its threshold and every larger
    /// one, so a threshold skipped while the app was closed never comes later.
    pub fn mark_reminders_shown(&mut self, shown: &[Reminder], clock: &dyn Clock) -> Result<()> {
        let now = now_string(clock);
        self.write(|tx| {
            for r in shown {
                for d in thresholds_to_record(r) {
                    store::record_shown(tx, r.entry_id, r.kind, r.act_by, d, &now)?;
                }
            }
            Ok(())
        })
    }

    /// The open to-dos as an iCalendar file (RFC 5545), one all-day event each on its
    /// act-by date (and the legal last day when different), in `lang`.
    pub fn todos_ics(&self, today: NaiveDate, lang: Lang, clock: &dyn Clock) -> Result<String> {
        Ok(ics::calendar(&self.todos(today)?, lang, clock.now()))
    }
}
