//! Which reminder a to-do is due for: the thresholds of [`REMINDER_DAYS`] it has
//! reached and not yet shown. Pure; the store records what was shown.

use super::model::{Reminder, Todo, TodoKind, TodoState, REMINDER_DAYS};

/// The one reminder `todo` is due for, given the thresholds already shown for its
/// act-by date (`shown`), or `None`.
///
/// Only the smallest threshold reached counts: someone who opens the app 2 days before
/// gets one reminder ("3 days"), not four. Open to-dos only: a missed one (past its
/// last day) is shown as missed in the app, and old decisions logged later would
/// otherwise each raise a notification. An objection past its advised date but before
/// its legal last day is still open and gets the last (1-day) reminder. The agency's
/// decision date (Awb 7:10) is information, not something to do, so it gets none.
pub fn reminder_due(todo: &Todo, shown: &[u32]) -> Option<Reminder> {
    if todo.state != TodoState::Open || todo.kind == TodoKind::DecisionDue {
        return None;
    }
    let reached = REMINDER_DAYS
        .iter()
        .copied()
        .filter(|&d| todo.days_left <= i64::from(d))
        .min()?;
    // mark_shown records every threshold from the one shown upwards, so once the
    // smallest reached was shown, nothing is due until the next one is reached.
    if shown.contains(&reached) {
        return None;
    }
    Some(Reminder {
        entry_id: todo.entry_id,
        kind: todo.kind,
        act_by: todo.act_by,
        days_before: reached,
    })
}

/// The thresholds to record once `reminder` was shown: its own and every larger one,
/// so a skipped one (14 when the first reminder was 3 days before) never comes later.
pub fn thresholds_to_record(reminder: &Reminder) -> impl Iterator<Item = u32> + '_ {
    REMINDER_DAYS
        .iter()
        .copied()
        .filter(move |&d| d >= reminder.days_before)
}
